//! Component tests in headless Chromium: mount the widget into its own element, click real DOM
//! nodes, wait for Yew to flush, read what is shown, then destroy the app.
#![cfg(target_arch = "wasm32")]

use brand_core::Lang;
use brand_self_check::app::App;
use brand_self_check::config::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount(lang: Lang) -> (Element, yew::AppHandle<App>) {
    let host = gloo::utils::document().create_element("div").expect("div");
    gloo::utils::body().append_child(&host).expect("append");
    let handle = yew::Renderer::<App>::with_root_and_props(host.clone(), AppProps { lang, standard: "sample" }).render();
    (host, handle)
}

fn find(host: &Element, selector: &str) -> Element {
    host.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no element for {selector}"))
}

fn text(host: &Element, selector: &str) -> String {
    find(host, selector).text_content().unwrap_or_default()
}

async fn click(host: &Element, selector: &str) {
    find(host, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

async fn type_into(host: &Element, selector: &str, value: &str) {
    let el = find(host, selector);
    el.unchecked_ref::<web_sys::HtmlTextAreaElement>().set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    el.dispatch_event(&ev).expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn answering_updates_the_live_score() {
    let (host, handle) = mount(Lang::En);
    yew::scheduler::flush().await;
    assert_eq!(text(&host, "[data-testid=total]"), "0");
    assert!(text(&host, "[data-testid=range]").contains("from 0 to 1000"));

    // A1 has 100 points over two questions: 10 points a level.
    click(&host, "[id='bsc-q-A1.1-l3']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "30");

    // Level 5 without evidence counts as 3, and the card says so.
    click(&host, "[id='bsc-q-A1.1-l5']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "30");
    assert!(text(&host, "[id='bsc-q-A1.1']").contains("counts as level 3"));

    type_into(&host, "[id='bsc-q-A1.1-note']", "Brand strategy 2025, board minutes").await;
    assert_eq!(text(&host, "[data-testid=total]"), "50");
    assert!(!text(&host, "[id='bsc-q-A1.1']").contains("counts as level 3"));

    // N/A on A2.1 leaves A2's 100 points to A2.2 alone.
    click(&host, "[id='bsc-q-A2.1-na']").await;
    click(&host, "[id='bsc-q-A2.2-l1']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "70");

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn gates_decide_the_tier_and_language_switch_keeps_answers() {
    let (host, handle) = mount(Lang::Zh);
    yew::scheduler::flush().await;
    assert!(text(&host, "[data-testid=tier]").contains("品牌起步"));

    click(&host, "#bsc-gate-G1-no").await;
    assert!(text(&host, "[data-testid=tier]").contains("先整改"));

    click(&host, "[id='bsc-q-B1.1-l2']").await;
    click(&host, ".bsc-header button").await;
    assert!(text(&host, "[data-testid=tier]").contains("Fix first"));
    assert_eq!(text(&host, "[data-testid=total]"), "40");
    assert_eq!(find(&host, ".bsc").get_attribute("lang").as_deref(), Some("en"));

    click(&host, "#bsc-gate-G1-yes").await;
    assert!(text(&host, "[data-testid=tier]").contains("Brand starter"));

    handle.destroy();
    host.remove();
}
