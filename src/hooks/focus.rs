//! Focus follows the screen: after a change of screen (or a preview opening or closing), the new
//! screen's heading (`[data-focus]`) takes the focus, so keyboard and screen-reader users start
//! there — or, after a review link, the question it names (its first choice, scrolled into
//! view). Not on the first render: the page's own focus is left alone.
//!
//! And on the start page's list of assessments: the name field when a rename starts, the undo
//! when one was deleted (the button pressed went with its row), the open row's name when another
//! opens or starts — not when the list first shows.

use yew::prelude::*;

use brand_core::QuestionId;

use crate::state::{Load, Screen, Slot};

/// `load`: the screen's code (`crate::parts`): a split-off screen's heading takes the focus when
/// it has arrived, or the message saying it could not be loaded.
#[hook]
pub fn use_focus_on_screen(root: NodeRef, screen: Screen, dialog: bool, target: Option<QuestionId>, load: Load) {
    let first = use_mut_ref(|| true);
    use_effect_with((screen, dialog, target, load), move |(_, _, target, _)| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        match target {
            Some(q) => focus(&root, &format!("[data-question=\"{}\"] input", q.as_str())),
            None => focus(&root, "[data-focus]"),
        }
    });
}

/// `shown`: the list is on the page; `renaming`, `deleted`: `Session::renaming`, the number of
/// `Session::deleted`.
#[hook]
pub fn use_focus_on_list(root: NodeRef, shown: bool, slot: Slot, renaming: Option<Slot>, deleted: usize) {
    // What the list showed at the last change (None: it was not on the page).
    let last = use_mut_ref(|| None::<(Slot, Option<Slot>, usize)>);
    use_effect_with((shown, slot, renaming, deleted), move |(shown, slot, renaming, deleted)| {
        let now = shown.then(|| (slot.clone(), renaming.clone(), *deleted));
        let Some(((slot_was, renaming_was, deleted_was), (slot, renaming, deleted))) =
            last.replace(now.clone()).zip(now)
        else {
            return;
        };
        // One target: when several changed at once, the later in this order.
        let target = if slot != slot_was {
            ".bsc-assess__item.is-open [data-testid=saved-name]"
        } else if deleted > deleted_was {
            "p.bsc-assess__deleted:last-of-type [data-testid=deleted-undo]"
        } else if renaming.is_some() && renaming != renaming_was {
            "[data-testid=saved-name-input]"
        } else {
            return;
        };
        focus(&root, target);
    });
}

/// Focuses the first element under `root` that `selector` finds, if any.
fn focus(root: &NodeRef, selector: &str) {
    let found = root.cast::<web_sys::Element>().and_then(|el| el.query_selector(selector).ok().flatten());
    if let Some(h) = found.and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok()) {
        h.focus().ok();
    }
}
