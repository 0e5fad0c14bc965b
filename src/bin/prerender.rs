//! Renders the first screen — the start page in zh-CN with nothing saved — natively at build time
//! with Yew's server renderer, from the same components the browser runs. `scripts/postbuild.mjs`
//! puts the markup into `dist/index.html`, so the page paints before the WASM has arrived; when it
//! has, `start()` renders the live app in its place. Browser APIs are absent here: every access
//! goes through `crate::window()`, which is `None` natively, so the app renders its defaults.
fn main() {
    let renderer = yew::ServerRenderer::<brand_self_check::app::App>::new().hydratable(false);
    print!("{}", futures::executor::block_on(renderer.render()));
}
