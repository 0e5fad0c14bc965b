//! One question: six labelled levels with the question's own descriptors, N/A where the
//! standard allows it, and the evidence note that the evidence rule depends on.

use brand_core::standard::QuestionKind;
use brand_core::{Answer, Lang, Response};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

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

    html! {
        <fieldset key={q.id.to_string()} class="bsc-q" id={dom.clone()} data-question={q.id.to_string()}>
            <legend class="bsc-q__text">
                <span class="bsc-q__id">{ q.id.as_str() }</span>{ q.text.get(lang) }
            </legend>
            if let Some(help) = &q.help {
                <p class="bsc-q__help">{ help.get(lang) }</p>
            }
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
                <p class="bsc-q__hint" id={hint_id.clone()}>
                    if let Some(ex) = &q.evidence {
                        { t.evidence_examples }{ ex.get(lang).trim_end_matches(['。', '.']) }{ if lang == Lang::Zh { "。" } else { ". " } }
                    }
                    { t.evidence_rule }
                </p>
                <textarea id={format!("{dom}-note")} rows="2" aria-describedby={hint_id}
                    maxlength={brand_core::answers::MAX_NOTE_CHARS.to_string()} value={note} oninput={on_note} />
                if p.capped {
                    <p class="bsc-warn" role="status">{ t.evidence_capped }</p>
                }
            </div>
            if response.is_some() {
                <button type="button" class="bsc-link" onclick={on_clear}>{ t.clear_answer }</button>
            }
        </fieldset>
    }
}

fn level_label(lang: Lang, kind: QuestionKind, level: usize) -> AttrValue {
    let t = catalog(lang);
    let n = fill(t.level_prefix, &[("n", &level.to_string())]);
    match kind {
        QuestionKind::Practice => {
            format!("{n} · {}", t.practice_levels.split('|').nth(level).unwrap_or_default()).into()
        }
        QuestionKind::Result => n.into(),
    }
}

/// One level of a question, as a plain function: a component per level would compile Yew's
/// component lifecycle once more (about 2 KB of wasm) to save re-rendering five labels of the one
/// card whose answer changed.
struct LevelChoice<'a> {
    name: &'a str,
    id: String,
    level: u8,
    label: AttrValue,
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
    html! {
        <label key={usize::from(p.level)} class={if p.checked { "bsc-level is-checked" } else { "bsc-level" }} for={p.id.clone()}>
            <input type="radio" name={p.name.to_owned()} id={p.id.clone()} value={p.level.to_string()}
                checked={p.checked} {onchange} />
            <span class="bsc-level__n">{ p.label.clone() }</span>
            <span class="bsc-level__desc">{ p.descriptor.to_owned() }</span>
        </label>
    }
}
