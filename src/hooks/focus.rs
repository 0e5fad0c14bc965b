//! Focus follows the screen: after a change of screen (or a preview opening or closing), the new
//! screen's heading (`[data-focus]`) takes the focus, so keyboard and screen-reader users start
//! there. Not on the first render: the page's own focus is left alone.

use yew::prelude::*;

use crate::state::Screen;

#[hook]
pub fn use_focus_on_screen(root: NodeRef, screen: Screen, dialog: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with((screen, dialog), move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        let heading = root.cast::<web_sys::Element>().and_then(|el| el.query_selector("[data-focus]").ok().flatten());
        if let Some(h) = heading.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
            h.focus().ok();
        }
    });
}
