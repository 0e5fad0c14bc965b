//! The Yew shell of 品牌自评 · Brand Self-Check.
//!
//! It renders and talks to the browser; everything that decides anything (scores, tiers, plans,
//! validation) lives in `brand-core`. The state is one [`state::Session`] changed only through
//! [`state::Action`]s by a pure transition; score, range, tier and plan are derived in the view.
//! Every piece of UI state is in the session; the effects are hooks (`hooks/`) that report back
//! with actions. Each browser effect lives in one module: `storage` (local storage), `files`
//! (downloads, reading imports, fetching the site's files), `config` (host attributes and URL
//! parameters), `events` (window listeners and timers), `embed` (messages to a host page),
//! `offline` (update prompt, storage persistence). `tests/tidy.rs` keeps it so.

pub mod app;
pub mod commands;
pub mod components;
pub mod config;
pub mod crash;
pub mod document;
pub mod embed;
pub mod events;
pub mod files;
pub mod hooks;
pub mod i18n;
pub mod offline;
pub mod parts;
pub mod sheets;
pub mod standards;
pub mod state;
pub mod storage;
pub mod xlsx;

/// The browser window; `None` when the app is rendered natively at build time (the prerendered
/// first screen, `src/bin/prerender.rs`), where browser APIs do not exist.
pub(crate) fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The element the widget mounts into: `#brand-self-check`, else `[data-brand-self-check]`,
/// else a new element appended to `<body>`.
pub(crate) fn host_element() -> Option<web_sys::Element> {
    let document = crate::window()?.document()?;
    if let Some(el) = document.get_element_by_id("brand-self-check") {
        return Some(el);
    }
    if let Ok(Some(el)) = document.query_selector("[data-brand-self-check]") {
        return Some(el);
    }
    let el = document.create_element("div").ok()?;
    document.body()?.append_child(&el).ok()?;
    Some(el)
}

/// [`start`] in the next task (instantiating the wasm was this one).
pub fn start_soon() {
    if !events::next_task(start) {
        start();
    }
}

/// Mounts the widget into its host element with the configuration read from it and the URL.
pub fn start() {
    // `make bench` times the mount from here to the app's `bsc-interactive` mark.
    if let Some(p) = window().and_then(|w| w.performance()) {
        p.mark("bsc-mount").ok();
    }
    crash::install();
    let Some(host) = host_element() else { return };
    let mut props = config::read(&host);
    // English, when the host or the saved choice asks for it, is read before the first render
    // (the release build has it in a file of its own, see `i18n`): the prerendered screen stays
    // until then, and the app never shows a mix of the two languages.
    let wanted = props.start_lang();
    if wanted == Some(brand_core::Lang::En) && !i18n::has_english() {
        wasm_bindgen_futures::spawn_local(async move {
            if !i18n::load_english().await {
                props.lang = Some(brand_core::Lang::Zh);
                props.english_unavailable = true;
            }
            mount(host, props);
        });
        return;
    }
    mount(host, props);
}

fn mount(host: web_sys::Element, props: config::AppProps) {
    host.set_attribute("data-mounted", "").ok();
    // The theme colour goes in through the CSSOM, which a strict CSP allows (a style attribute
    // would be blocked).
    if let (Some(colour), Some(el)) = (&props.theme, wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&host)) {
        el.style().set_property("--bsc-theme", colour).ok();
    }
    // The first screen rendered at build time (scripts/postbuild.mjs) makes way for the live app.
    // Emptying the host and rendering happen in this task and its microtasks, before the next
    // paint: no empty frame (e2e tested), and the same-size nodes do not count as a new largest
    // paint. Cheaper than hydration, which cost 37 KB of wasm and had to match the markup exactly.
    host.set_inner_html("");
    yew::Renderer::<app::App>::with_root_and_props(host, props).render();
}
