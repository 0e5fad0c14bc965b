//! One question: six labelled levels with the question's own descriptors, N/A where the
//! standard allows it, and the evidence note that the evidence rule depends on.

use brand_core::standard::QuestionKind;
use brand_core::{Answer, Lang, Response};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::components::button::button;
use crate::components::markup::Markup;
use crate::i18n::{catalog, fill};
use crate::state::{Action, Dispatch, SharedStandard};

/// A plain function's arguments, not a component's properties: a component compiles Yew's
/// lifecycle once more (measured: about 2.2 KB of wasm, 0.7 KB brotli, each).
pub struct QuestionCardProps {
    pub standard: SharedStandard,
    /// Index into the standard's questions.
    pub index: usize,
    pub answer: Option<Answer>,
    /// Index of the profile band whose descriptors apply, if any.
    pub band: Option<usize>,
    /// The evidence rule counts this answer as level 3.
    pub capped: bool,
    pub on_action: Dispatch,
}

pub fn view_question(p: &QuestionCardProps, lang: Lang) -> Html {
    let q = &p.standard.questions[p.index];
    let t = catalog(lang);
    let levels = p.band.and_then(|b| q.bands.get(b)).map(|b| &b.levels).unwrap_or(&q.levels);
    let response = p.answer.as_ref().and_then(|a| a.response);
    let note = p.answer.as_ref().map(|a| a.note.clone()).unwrap_or_default();
    let dom = format!("bsc-q-{}", q.id);
    let group = format!("{dom}-level");

    let on_note = {
        let (cb, id) = (p.on_action.clone(), q.id.clone());
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(Action::SetNote(id.clone(), el.value()));
        })
    };
    let on_clear = {
        let (cb, id) = (p.on_action.clone(), q.id.clone());
        Callback::from(move |_| cb.emit(Action::ClearResponse(id.clone())))
    };
    let on_na = {
        let (cb, id) = (p.on_action.clone(), q.id.clone());
        Callback::from(move |_| cb.emit(Action::SetNotApplicable(id.clone())))
    };
    let hint_id = format!("{dom}-hint");
    // What has no listener is markup text: the question's id and text, its help, the note's hint.
    let mut head = Markup::new();
    head.el("span class=\"bsc-q__id\"", q.id.as_str()).text(q.text.get(lang));
    let mut help = Markup::new();
    if let Some(h) = &q.help {
        help.el("p class=\"bsc-q__help\"", h.get(lang));
    }
    let help = help.into_html();
    let mut hint = Markup::new();
    hint.raw("<p class=\"bsc-q__hint\"").attr("id", &hint_id).raw(">");
    if let Some(ex) = &q.evidence {
        hint.text(t.evidence_examples).text(ex.get(lang).trim_end_matches(['。', '.']));
        hint.text(if lang == Lang::Zh { "。" } else { ". " });
    }
    hint.text(t.evidence_rule).raw("</p>");

    html! {
        <fieldset key={q.id.to_string()} class="bsc-q" id={dom.clone()} data-question={q.id.to_string()}>
            <legend class="bsc-q__text">{ head.into_html() }</legend>
            { help }
            <div class="bsc-levels">
                for (level, text) in levels.iter().enumerate() {
                    { view_level(&LevelChoice {
                        name: &group,
                        id: format!("{dom}-l{level}"),
                        level: level as u8,
                        label: level_label(lang, q.kind, level),
                        descriptor: text.get(lang),
                        checked: response == brand_core::answers::Level::new(level as u8).map(Response::Level),
                        question: &q.id,
                        on_action: &p.on_action,
                    }) }
                }
                if q.na_allowed {
                    <label class={if response == Some(Response::NotApplicable) { "bsc-level bsc-level--na is-checked" } else { "bsc-level bsc-level--na" }}>
                        <input type="radio" name={group.clone()} id={format!("{dom}-na")}
                            checked={response == Some(Response::NotApplicable)} onchange={on_na} />
                        <span class="bsc-level__n">{ t.not_applicable }</span>
                    </label>
                }
            </div>
            <div class="bsc-q__evidence">
                <label for={format!("{dom}-note")}>{ t.evidence_label }</label>
                { hint.into_html() }
                <textarea id={format!("{dom}-note")} rows="2" aria-describedby={hint_id}
                    maxlength={brand_core::answers::MAX_NOTE_CHARS.to_string()} value={note} oninput={on_note} />
                if p.capped {
                    <p class="bsc-warn" role="status">{ t.evidence_capped }</p>
                }
            </div>
            if response.is_some() {
                { button("bsc-link", t.clear_answer, on_clear) }
            }
        </fieldset>
    }
}

fn level_label(lang: Lang, kind: QuestionKind, level: usize) -> String {
    let t = catalog(lang);
    let n = fill(t.level_prefix, &[("n", &level.to_string())]);
    match kind {
        QuestionKind::Practice => {
            format!("{n} · {}", t.practice_levels.split('|').nth(level).unwrap_or_default())
        }
        QuestionKind::Result => n,
    }
}

/// One level of a question, as a plain function: a component per level would compile Yew's
/// component lifecycle once more (about 2 KB of wasm) to save re-rendering five labels of the one
/// card whose answer changed.
struct LevelChoice<'a> {
    name: &'a str,
    id: String,
    level: u8,
    label: String,
    descriptor: &'a str,
    checked: bool,
    question: &'a brand_core::QuestionId,
    on_action: &'a Dispatch,
}

fn view_level(p: &LevelChoice) -> Html {
    let onchange = {
        let (id, level) = (p.question.clone(), p.level);
        p.on_action.reform(move |_| Action::SetLevel(id.clone(), level))
    };
    let mut text = Markup::new();
    text.el("span class=\"bsc-level__n\"", &p.label).el("span class=\"bsc-level__desc\"", p.descriptor);
    html! {
        <label key={usize::from(p.level)} class={if p.checked { "bsc-level is-checked" } else { "bsc-level" }} for={p.id.clone()}>
            <input type="radio" name={p.name.to_owned()} id={p.id.clone()} value={p.level.to_string()}
                checked={p.checked} {onchange} />
            { text.into_html() }
        </label>
    }
}
