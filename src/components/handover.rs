//! The hand-over link, offered where downloads and printing do not work (an app's built-in
//! browser, WeChat above all): the answers as a link whose fragment carries them
//! (`brand_core::handover`), to open in a real browser or send to a colleague, with a plain
//! warning that the link holds the answers. Opening it elsewhere goes through the import preview.

use brand_core::answers::AnswersFile;
use brand_core::{Answers, Lang};
use yew::prelude::*;

use crate::i18n::catalog;
use crate::state::SharedStandard;

#[derive(Properties, PartialEq)]
pub struct HandoverProps {
    pub standard: SharedStandard,
    pub answers: Answers,
    /// The language of the moment (handed down, not a context: see ARCHITECTURE.md).
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    ByHand,
}

#[component]
pub fn HandoverPanel(p: &HandoverProps) -> Html {
    let t = catalog(p.lang);
    let link = use_memo((p.standard.clone(), p.answers.clone()), |(st, answers)| {
        let json = AnswersFile::new(st, answers, None).to_compact_json();
        format!("{}#{}", crate::config::page_address(), brand_core::handover::encode(&json))
    });
    let copied = use_state(|| Copied::Not);
    let field = use_node_ref();
    let on_copy = {
        let (field, copied) = (field.clone(), copied.clone());
        Callback::from(move |_| {
            let ok = field.cast::<web_sys::HtmlInputElement>().is_some_and(|f| crate::files::copy_from(&f));
            copied.set(if ok { Copied::Yes } else { Copied::ByHand });
        })
    };
    let select = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <section class="bsc-handover" aria-labelledby="bsc-handover-h">
            <h3 id="bsc-handover-h">{ t.handover_title }</h3>
            <p>{ t.handover_intro }</p>
            <p class="bsc-notice bsc-notice--warn">{ t.handover_warning }</p>
            <label class="bsc-handover__label" for="bsc-handover-link">{ t.handover_label }</label>
            <input id="bsc-handover-link" class="bsc-handover__link" type="text" readonly=true value={(*link).clone()}
                ref={field} onfocus={select} />
            <div class="bsc-actions">
                <button type="button" class="bsc-button" onclick={on_copy}>{ t.handover_copy }</button>
            </div>
            <p class="bsc-hint" role="status">
                { match *copied { Copied::Not => "", Copied::Yes => t.handover_copied, Copied::ByHand => t.handover_copy_by_hand } }
            </p>
        </section>
    }
}
