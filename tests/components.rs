//! Component tests in headless Chromium: mount the widget into its own element, click real DOM
//! nodes, wait for Yew to flush, read what is shown, then destroy the app. They use the small
//! demo standard (feature `sample`): A1 100 points over two questions is 10 points a level.
#![cfg(target_arch = "wasm32")]

use brand_core::Lang;
use brand_self_check::app::App;
use brand_self_check::config::AppProps;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(lang: Lang) -> (Element, yew::AppHandle<App>) {
    // Tests share one origin: start each from empty storage.
    if let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        st.clear().ok();
    }
    let host = gloo::utils::document().create_element("div").expect("div");
    gloo::utils::body().append_child(&host).expect("append");
    let props = AppProps { lang: Some(lang), standard: Some("sample"), ..Default::default() };
    let handle = yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
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

/// Clicks the first button whose text contains `label`.
async fn click_button(host: &Element, label: &str) {
    let buttons = host.query_selector_all("button").expect("buttons");
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.get(i).expect("button").unchecked_into();
        if b.text_content().unwrap_or_default().contains(label) {
            b.click();
            yew::scheduler::flush().await;
            return;
        }
    }
    panic!("no button labelled {label}");
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

async fn begin(host: &Element) {
    click(host, "#bsc-profile-sector-manufacturing").await;
    click_button(host, "Start the assessment").await;
}

#[wasm_bindgen_test]
async fn question_cards_update_the_live_score() {
    let (host, handle) = mount(Lang::En).await;
    begin(&host).await;
    assert!(text(&host, ".bsc-step h2").contains("A1"));
    assert_eq!(text(&host, "[data-testid=total]"), "0");
    assert!(text(&host, "[data-testid=range]").contains("from 0 to 1000"));

    click(&host, "[id='bsc-q-A1.1-l3']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "30");
    // Level 5 without evidence counts as 3, and the card says so.
    click(&host, "[id='bsc-q-A1.1-l5']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "30");
    assert!(text(&host, "[id='bsc-q-A1.1']").contains("counts as level 3"));
    type_into(&host, "[id='bsc-q-A1.1-note']", "Brand strategy 2025, board minutes").await;
    assert_eq!(text(&host, "[data-testid=total]"), "50");
    assert!(!text(&host, "[id='bsc-q-A1.1']").contains("counts as level 3"));
    // Clearing the choice takes the points away again.
    click_button(&host, "Clear choice").await;
    assert_eq!(text(&host, "[data-testid=total]"), "0");

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn navigation_moves_through_steps_and_keeps_answers() {
    let (host, handle) = mount(Lang::En).await;
    begin(&host).await;
    click(&host, "[id='bsc-q-A1.2-l2']").await;
    click_button(&host, "Next").await;
    assert!(text(&host, ".bsc-step h2").contains("A2"));
    assert!(text(&host, ".bsc-step__of").contains("Step 2 of 6"));
    // N/A on A2.1 leaves A2's 100 points to A2.2 alone: 20 a level.
    click(&host, "[id='bsc-q-A2.1-na']").await;
    click(&host, "[id='bsc-q-A2.2-l1']").await;
    assert_eq!(text(&host, "[data-testid=total]"), "40");
    // The contents show answered counts per part and jump anywhere.
    assert!(text(&host, ".bsc-toc").contains("3/4"), "{}", text(&host, ".bsc-toc"));
    click_button(&host, "Back").await;
    assert!(text(&host, ".bsc-step h2").contains("A1"));
    assert_eq!(gloo::utils::document().active_element().map(|e| e.tag_name()), Some("H2".into()));
    assert!(find(&host, "[id='bsc-q-A1.2-l2']").unchecked_into::<web_sys::HtmlInputElement>().checked());

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn gates_decide_the_tier_and_the_language_switch_keeps_answers() {
    let (host, handle) = mount(Lang::Zh).await;
    click(&host, "#bsc-profile-sector-manufacturing").await;
    click_button(&host, "开始自评").await;
    click(&host, "[id='bsc-q-A1.1-l2']").await;
    assert!(text(&host, "[data-testid=tier]").contains("品牌起步"));
    click_button(&host, "基本条件").await;
    click(&host, "#bsc-gate-G1-no").await;
    assert!(text(&host, "[data-testid=tier]").contains("先整改"));

    click_button(&host, "English").await;
    assert!(text(&host, "[data-testid=tier]").contains("Fix first"));
    assert_eq!(text(&host, "[data-testid=total]"), "20");
    assert_eq!(find(&host, ".bsc").get_attribute("lang").as_deref(), Some("en"));
    click(&host, "#bsc-gate-G1-yes").await;
    assert!(text(&host, "[data-testid=tier]").contains("Brand starter"));

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn review_lists_what_is_open_and_the_report_shows_the_result() {
    let (host, handle) = mount(Lang::En).await;
    begin(&host).await;
    click(&host, "[id='bsc-q-A1.1-l4']").await;
    click(&host, "[id='bsc-q-A1.2-l5']").await;
    type_into(&host, "[id='bsc-q-A1.2-note']", "<script>alert(1)</script>").await;
    click_button(&host, "Basic conditions").await;
    click_button(&host, "Review and see results").await;
    assert!(text(&host, ".bsc-step h2").contains("Review"));
    let open = text(&host, "[data-testid=unanswered]");
    assert!(open.contains("A2.1") && open.contains("C1.2") && !open.contains("A1.1"), "{open}");
    assert!(text(&host, "[data-testid=no-evidence]").contains("A1.1"));
    // A link goes straight to the question's step.
    click_button(&host, "B2.1").await;
    assert!(text(&host, ".bsc-step h2").contains("B2"));

    click_button(&host, "Basic conditions").await;
    click_button(&host, "Review and see results").await;
    click_button(&host, "See the report").await;
    assert!(text(&host, ".bsc-report h2").contains("Self-assessment report"));
    assert_eq!(text(&host, ".bsc-report [data-testid=total]"), "80");
    assert!(host.query_selector(".bsc-report svg.bsc-radar").ok().flatten().is_some());
    // The evidence checklist shows the note as text, and flags the missing one.
    let evidence = text(&host, ".bsc-table--evidence");
    assert!(evidence.contains("<script>alert(1)</script>") && evidence.contains("Evidence missing"), "{evidence}");
    assert!(host.query_selector(".bsc-report script").ok().flatten().is_none());

    handle.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_crash_shows_a_message_with_the_saved_answers_to_download() {
    let (host, handle) = mount(Lang::En).await;
    begin(&host).await;
    click(&host, "[id='bsc-q-A1.1-l3']").await;
    handle.destroy();
    brand_self_check::crash::show_in(&host).expect("crash view");
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("出现了意外错误") && text.contains("Something went wrong"), "{text}");
    let link = find(&host, "a[download]");
    assert_eq!(link.get_attribute("download").as_deref(), Some("brand-self-check-sample.json"));
    let href = link.get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("data:application/json") && href.contains("A1.1"), "{href}");
    assert_eq!(find(&host, "a:not([download])").get_attribute("href").as_deref(), Some(""));
    host.remove();
}

#[wasm_bindgen_test]
async fn typed_facts_decide_a_programme_and_a_bad_value_is_explained_not_kept() {
    let (host, handle) = mount(Lang::En).await;
    begin(&host).await;
    click_button(&host, "Basic conditions").await;
    let status = |host: &Element| {
        find(host, ".bsc-panel [data-programme=demo] .bsc-status").get_attribute("data-status").unwrap_or_default()
    };
    // Nothing typed yet: the conditions are open.
    assert_eq!(status(&host), "open");
    type_into(&host, "#bsc-fact-rd_ratio", "2.5").await;
    assert_eq!(status(&host), "not_eligible");
    assert!(host.query_selector(".bsc-fact__error").ok().flatten().is_none());
    // A value that cannot be used: a message, the field keeps the text, the last value stands.
    type_into(&host, "#bsc-fact-rd_ratio", "abc").await;
    assert!(text(&host, ".bsc-fact__error").contains("Enter a number"), "{}", text(&host, ".bsc-fact__error"));
    assert_eq!(find(&host, "#bsc-fact-rd_ratio").unchecked_into::<web_sys::HtmlInputElement>().value(), "abc");
    assert_eq!(status(&host), "not_eligible");
    type_into(&host, "#bsc-fact-rd_ratio", "-5").await;
    assert!(text(&host, ".bsc-fact__error").contains("between 0 and 100"));
    // Exactly 3.00 meets "at least 3 %".
    type_into(&host, "#bsc-fact-rd_ratio", "3.00").await;
    assert!(host.query_selector(".bsc-fact__error").ok().flatten().is_none());
    type_into(&host, "#bsc-fact-founded", "2099").await;
    assert!(text(&host, ".bsc-fact__error").contains("after this year"));
    // A title held: shown as held, never suggested.
    click(&host, "#bsc-fact-titles-demo_title").await;
    assert_eq!(status(&host), "held");

    handle.destroy();
    host.remove();
}
