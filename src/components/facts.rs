//! The typed facts on the conditions step (registration city, year founded, revenue, R&D ratio,
//! staff, titles held): the inputs the programmes' hard conditions read and a level band cannot
//! give exactly. A number or year field shows what was typed, as typed, with a message when it
//! cannot be used (the answers keep only values that passed `brand_core::parse_fact`).

use brand_core::map::Map;
use brand_core::standard::FactKind;
use brand_core::{FactId, FactInputError, FactValue, Lang, Standard};
use yew::prelude::*;

use crate::i18n::{catalog, fill};
use crate::state::{Action, Dispatch};

/// What the facts form shows: a plain function's arguments (it renders only as part of the
/// wizard's last step, which a component boundary would not spare anything).
pub struct FactsForm<'a> {
    pub standard: &'a Standard,
    pub facts: &'a Map<FactId, FactValue>,
    pub drafts: &'a Map<FactId, String>,
    /// The assessment year (a founding year after it is refused).
    pub year: u16,
    pub on_action: &'a Dispatch,
}

pub fn view_facts(p: &FactsForm, lang: Lang) -> Html {
    let s = p.standard;
    let t = catalog(lang);
    if s.facts.is_empty() {
        return html! {};
    }
    html! {
        <section class="bsc-facts-form" aria-labelledby="bsc-facts-h">
            <h3 id="bsc-facts-h">{ t.facts_title }</h3>
            <p class="bsc-q__help">{ t.facts_intro }</p>
            for fi in 0..s.facts.len() {
                { view_fact(s, fi, p, lang) }
            }
        </section>
    }
}

fn view_fact(s: &Standard, fi: usize, p: &FactsForm, lang: Lang) -> Html {
    let t = catalog(lang);
    let fact = &s.facts[fi];
    let id = fact.id.clone();
    let dom = format!("bsc-fact-{}", fact.id.as_str());
    let help = fact.help.as_ref().map(|h| html! { <p class="bsc-q__help">{ h.get(lang) }</p> });
    match &fact.kind {
        FactKind::Choice { options } => {
            let current = match p.facts.get(&id) {
                Some(FactValue::Choice(o)) => Some(o.clone()),
                _ => None,
            };
            html! {
                <fieldset class="bsc-q bsc-fact" key={fact.id.to_string()}>
                    <legend class="bsc-q__text">{ fact.text.get(lang) }</legend>
                    { help }
                    <div class="bsc-choices">
                        for o in options.iter() {
                            <label key={o.id.to_string()}
                                class={if current.as_ref() == Some(&o.id) { "bsc-choice is-checked" } else { "bsc-choice" }}>
                                <input type="radio" name={dom.clone()} id={format!("{dom}-{}", o.id.as_str())}
                                    checked={current.as_ref() == Some(&o.id)}
                                    onchange={{ let (id, o) = (id.clone(), o.id.clone()); p.on_action.reform(move |_| Action::SetFactChoice(id.clone(), Some(o.clone()))) }} />
                                { o.label.get(lang) }
                            </label>
                        }
                    </div>
                </fieldset>
            }
        }
        FactKind::Titles => {
            let held: Vec<_> = match p.facts.get(&id) {
                Some(FactValue::Titles(v)) => v.clone(),
                _ => Vec::new(),
            };
            html! {
                <fieldset class="bsc-q bsc-fact" key={fact.id.to_string()}>
                    <legend class="bsc-q__text">{ fact.text.get(lang) }</legend>
                    { help }
                    <div class="bsc-choices">
                        for title in s.titles.iter() {
                            <label key={title.id.to_string()}
                                class={if held.contains(&title.id) { "bsc-choice is-checked" } else { "bsc-choice" }}>
                                <input type="checkbox" id={format!("bsc-fact-titles-{}", title.id.as_str())}
                                    checked={held.contains(&title.id)}
                                    onchange={{ let tid = title.id.clone(); p.on_action.reform(move |_| Action::ToggleTitle(tid.clone())) }} />
                                { title.name.get(lang) }
                            </label>
                        }
                    </div>
                </fieldset>
            }
        }
        FactKind::Number { .. } | FactKind::Year => {
            let draft = p.drafts.get(&id);
            let shown = match (draft, p.facts.get(&id)) {
                (Some(d), _) => d.clone(),
                (None, Some(FactValue::Number(d))) => d.to_string(),
                (None, Some(FactValue::Year(y))) => y.to_string(),
                _ => String::new(),
            };
            let error = draft.and_then(|d| match brand_core::parse_fact(fact, d, p.year) {
                Err(FactInputError::Empty) | Ok(_) => None,
                Err(e) => Some(input_error(&e, lang)),
            });
            let unit = match &fact.kind {
                FactKind::Number { unit, .. } => Some(unit.get(lang).to_owned()),
                _ => None,
            };
            let year = p.year;
            let oninput = {
                let id = id.clone();
                p.on_action.reform(move |e: InputEvent| {
                    let text = e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
                    Action::SetFactText { id: id.clone(), text, year }
                })
            };
            let msg_id = format!("{dom}-msg");
            html! {
                <div class="bsc-q bsc-fact" key={fact.id.to_string()}>
                    <label class="bsc-q__text" for={dom.clone()}>{ fact.text.get(lang) }</label>
                    { help }
                    <div class="bsc-fact__field">
                        <input type="text" id={dom.clone()} class={if error.is_some() { "bsc-input is-invalid" } else { "bsc-input" }}
                            inputmode={if matches!(fact.kind, FactKind::Year) { "numeric" } else { "decimal" }}
                            autocomplete="off" value={shown}
                            aria-invalid={error.is_some().then_some("true")}
                            aria-describedby={error.is_some().then(|| msg_id.clone())}
                            {oninput} />
                        if let Some(u) = unit { <span class="bsc-fact__unit">{ u }</span> }
                    </div>
                    if let Some(e) = error {
                        <p class="bsc-fact__error" id={msg_id} role="alert">
                            { e }{ " " }{ t.fact_kept }
                        </p>
                    }
                </div>
            }
        }
    }
}

/// Why a typed value cannot be used, in the user's language.
pub fn input_error(e: &FactInputError, lang: Lang) -> String {
    let t = catalog(lang);
    match e {
        FactInputError::Empty | FactInputError::NotANumber | FactInputError::NotText => t.fact_not_number.to_owned(),
        FactInputError::TooManyDecimals { max } => fill(t.fact_decimals, &[("n", &max.to_string())]),
        FactInputError::OutOfRange { min, max } => {
            fill(t.fact_range, &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        FactInputError::NotAYear => t.fact_year.to_owned(),
        FactInputError::FutureYear { year } => fill(t.fact_future, &[("y", &year.to_string())]),
    }
}
