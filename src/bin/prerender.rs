//! Renders the first screen — the start page in zh-CN with nothing saved — natively at build time
//! with Yew's server renderer, from the same components the browser runs. `scripts/postbuild.mjs`
//! puts the markup into `dist/index.html`, so the page paints before the WASM has arrived; when it
//! has, `start()` renders the live app in its place. Browser APIs are absent here: every access
//! goes through `crate::window()`, which is `None` natively, so the app renders its defaults.
//!
//! With `--standards` it prints the ids of the shipped standards instead, one a line: the list is
//! written once, in `src/standards.rs`, and `postbuild.mjs` copies the files it names.
//!
//! With `--catalog-en` it prints the English catalog's file (`i18n::english_file`), which the
//! release build reads when English is first wanted instead of carrying it in the wasm.
fn main() {
    if std::env::args().any(|a| a == "--catalog-en") {
        print!("{}", brand_self_check::i18n::english_file());
        return;
    }
    if std::env::args().any(|a| a == "--standards") {
        for b in brand_self_check::standards::BUILTIN {
            if matches!(b.file, brand_self_check::standards::File::Url(_)) {
                println!("{}", b.id);
            }
        }
        return;
    }
    let renderer = yew::ServerRenderer::<brand_self_check::app::App>::new().hydratable(false);
    print!("{}", futures::executor::block_on(renderer.render()));
}
