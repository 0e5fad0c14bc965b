//! The basic conditions (gates), the wizard's last step: yes / no / not sure, no points, but
//! they decide which tiers can be suggested. Gates that do not apply to the profile are not shown.

use brand_core::tier::GateStatus;
use brand_core::{GateAnswer, Lang, Standard};
use yew::prelude::*;

use crate::i18n::catalog;
use crate::state::{Action, Dispatch};

/// The gates with their `statuses` (in the standard's order), as part of the wizard's last step.
pub fn view_gates(standard: &Standard, statuses: &[GateStatus], on_action: &Dispatch, lang: Lang) -> Html {
    let t = catalog(lang);
    let choices = [(GateAnswer::Yes, t.yes), (GateAnswer::No, t.no), (GateAnswer::Unsure, t.unsure)];
    let shown = standard.gates.iter().enumerate().filter(|(i, _)| statuses[*i] != GateStatus::NotApplicable);
    html! {
        <div class="bsc-gates">
            <p class="bsc-q__hint">{ t.gates_intro }</p>
            for (gi, g) in shown {
                <fieldset class="bsc-q bsc-gate" key={g.id.to_string()} data-gate={g.id.to_string()}>
                    <legend class="bsc-q__text">
                        <span class="bsc-q__id">{ g.id.as_str() }</span>
                        { g.text.get(lang) }
                        if g.blocking {
                            <span class="bsc-badge">{ t.blocking }</span>
                        }
                    </legend>
                    <div class="bsc-choices">
                        for (answer, label) in choices {
                            <label key={slug(answer)}
                                class={if status_of(answer) == statuses[gi] { "bsc-choice is-checked" } else { "bsc-choice" }}>
                                <input type="radio" name={format!("bsc-gate-{}", g.id)}
                                    id={format!("bsc-gate-{}-{}", g.id, slug(answer))}
                                    checked={status_of(answer) == statuses[gi]}
                                    onchange={{
                                        let (cb, id) = (on_action.clone(), g.id.clone());
                                        Callback::from(move |_| cb.emit(Action::SetGate(id.clone(), Some(answer))))
                                    }} />
                                { label }
                            </label>
                        }
                    </div>
                </fieldset>
            }
        </div>
    }
}

fn status_of(a: GateAnswer) -> GateStatus {
    match a {
        GateAnswer::Yes => GateStatus::Yes,
        GateAnswer::No => GateStatus::No,
        GateAnswer::Unsure => GateStatus::Unsure,
    }
}

fn slug(a: GateAnswer) -> &'static str {
    match a {
        GateAnswer::Yes => "yes",
        GateAnswer::No => "no",
        GateAnswer::Unsure => "unsure",
    }
}
