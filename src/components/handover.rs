//! The hand-over link, offered where downloads and printing do not work (an app's built-in
//! browser, WeChat above all): the answers as a link whose fragment carries them
//! (`brand_core::handover`), to open in a real browser or send to a colleague, with a plain
//! warning that the link holds the answers. Opening it elsewhere goes through the import preview.

use brand_core::answers::AnswersFile;
use brand_core::{Answers, Lang, Standard};
use yew::prelude::*;

use crate::components::button::button;
use crate::i18n::catalog;
use crate::state::{Action, Dispatch};

/// The panel's data: the link is made from the answers at each render (a few kilobytes of JSON
/// and a SHA-256; only shown in an app's built-in browser), the outcome of "copy" is the
/// session's (`Session::handover_copied`).
pub fn view_handover(st: &Standard, answers: &Answers, copied: Option<bool>, lang: Lang, dispatch: &Dispatch) -> Html {
    let t = catalog(lang);
    let json = AnswersFile::new(st, answers, None).to_compact_json();
    let link = format!("{}#{}", crate::config::page_address(), brand_core::handover::encode(&json));
    let on_copy = dispatch.reform(|_| {
        let field = crate::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(FIELD))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok());
        Action::HandoverCopied(field.is_some_and(|f| crate::files::copy_from(&f)))
    });
    let select = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section class="bsc-handover" aria-labelledby="bsc-handover-h">
            <h3 id="bsc-handover-h">{ t.handover_title }</h3>
            <p>{ t.handover_intro }</p>
            <p class="bsc-notice bsc-notice--warn">{ t.handover_warning }</p>
            <label class="bsc-handover__label" for={FIELD}>{ t.handover_label }</label>
            <input id={FIELD} class="bsc-handover__link" type="text" readonly=true value={link} onfocus={select} />
            <div class="bsc-actions">
                { button("bsc-button", t.handover_copy, on_copy) }
            </div>
            <p class="bsc-hint" role="status">
                { match copied { None => "", Some(true) => t.handover_copied, Some(false) => t.handover_copy_by_hand } }
            </p>
        </section>
    }
}

/// The link's field, which "copy" selects.
const FIELD: &str = "bsc-handover-link";
