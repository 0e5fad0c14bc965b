//! Review before the report: unanswered questions and profile / gate items, and answers at
//! level 4 or 5 without evidence, each with a link to its step.

use brand_core::{Assessment, Lang, Standard};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::programmes::{view_open_conditions, Programmes};
use crate::components::score_panel::view_score_panel;
use crate::i18n::catalog;
use crate::state::{Action, Dispatch, Screen, Step};

pub fn view_review(s: &Standard, x: &Assessment, progs: &Programmes, lang: Lang, on_action: &Dispatch) -> Html {
    let t = catalog(lang);
    let link = |qi: usize| {
        let q = &s.questions[qi];
        let id = q.id.clone();
        html! {
            <li key={q.id.to_string()}>
                <button type="button" class="bsc-link" onclick={on_action.reform(move |_| Action::GoToQuestion(id.clone()))}>
                    { format!("{} {}", q.id, q.text.get(lang)) }
                </button>
            </li>
        }
    };
    let gates_step = Step::Gates;
    let open_gates = x.unanswered_gates();
    html! {
        <div class="bsc-wizard bsc-wizard--wide">
            <section class="bsc-step" aria-labelledby="bsc-h">
                <h2 id="bsc-h" tabindex="-1" data-focus="">{ t.review_title }</h2>
                <p>{ t.review_intro }</p>
                if !x.missing_profile.is_empty() {
                    <h3>{ t.review_profile_open }</h3>
                    <ul class="bsc-list">
                        for p in x.missing_profile.iter() {
                            <li key={*p}>
                                <button type="button" class="bsc-link" onclick={on_action.reform(|_| Action::Go(Screen::Start))}>
                                    { s.profile[*p].text.get(lang) }
                                </button>
                            </li>
                        }
                    </ul>
                }
                <h3>{ t.review_unanswered }</h3>
                if x.score.unanswered.is_empty() {
                    <p class="bsc-ok">{ t.review_all_answered }</p>
                } else {
                    <ul class="bsc-list" data-testid="unanswered">{ for x.score.unanswered.iter().map(|q| link(*q)) }</ul>
                }
                <h3>{ t.review_no_evidence }</h3>
                if x.score.evidence_capped.is_empty() {
                    <p class="bsc-ok">{ t.review_all_evidenced }</p>
                } else {
                    <ul class="bsc-list" data-testid="no-evidence">{ for x.score.evidence_capped.iter().map(|q| link(*q)) }</ul>
                }
                if !open_gates.is_empty() {
                    <h3>{ t.review_gates_open }</h3>
                    <ul class="bsc-list">
                        for g in open_gates.iter() {
                            <li key={*g}>
                                <button type="button" class="bsc-link" onclick={on_action.reform(move |_| Action::Go(Screen::Step(gates_step)))}>
                                    { format!("{} {}", s.gates[*g].id, s.gates[*g].text.get(lang)) }
                                </button>
                            </li>
                        }
                    </ul>
                }
                { view_open_conditions(s, progs, lang, &on_action.reform(move |_| Action::Go(Screen::Step(gates_step)))) }
                <div class="bsc-actions bsc-actions--nav">
                    <button type="button" class="bsc-button bsc-button--quiet"
                        onclick={on_action.reform(move |_| Action::Go(Screen::Step(gates_step)))}>{ t.back }</button>
                    { button("bsc-button", t.see_report, on_action.reform(|_| Action::Go(Screen::Report))) }
                </div>
            </section>
            { view_score_panel(s, x, progs, lang) }
        </div>
    }
}
