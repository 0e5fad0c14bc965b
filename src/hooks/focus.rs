//! Focus follows the screen: after a change of screen (or a preview opening or closing), the new
//! screen's heading (`[data-focus]`) takes the focus, so keyboard and screen-reader users start
//! there — or, after a review link, the question it names (its first choice, scrolled into
//! view). Not on the first render: the page's own focus is left alone.

use yew::prelude::*;

use brand_core::QuestionId;

use crate::state::Screen;

#[hook]
pub fn use_focus_on_screen(root: NodeRef, screen: Screen, dialog: bool, target: Option<QuestionId>) {
    let first = use_mut_ref(|| true);
    use_effect_with((screen, dialog, target), move |(_, _, target)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let selector = match target {
            Some(q) => format!("[data-question=\"{}\"] input", q.as_str()),
            None => "[data-focus]".to_owned(),
        };
        let heading = root.cast::<web_sys::Element>().and_then(|el| el.query_selector(&selector).ok().flatten());
        if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
            h.focus().ok();
        }
    });
}
