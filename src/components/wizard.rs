//! One wizard step: an indicator's questions (or, last, the basic conditions), with the
//! progress, a table of contents with answered counts per part, back / next, and the live
//! score panel beside it (below it on a phone).

use std::rc::Rc;

use brand_core::map::Map;
use brand_core::scoring::QuestionState;
use brand_core::{Answers, Assessment, FactId, Lang};
use yew::prelude::*;

use crate::components::button::button;
use crate::components::facts::{view_facts, FactsForm};
use crate::components::gates::view_gates;
use crate::components::markup::{Markup, SCREEN_HEADING};
use crate::components::programmes::Programmes;
use crate::components::question_card::{view_question, QuestionCardProps};
use crate::components::score_panel::view_score_panel;
use crate::i18n::{catalog, fill};
use crate::state::{step_count, Action, Dispatch, Screen, SharedStandard, Step};

/// A plain function's arguments, not a component's properties (see `question_card`).
pub struct WizardProps {
    pub standard: SharedStandard,
    /// The language of the moment (handed down, not a context: see ARCHITECTURE.md).
    pub lang: Lang,
    pub answers: Answers,
    pub assessment: Rc<Assessment>,
    pub step: Step,
    pub programmes: Rc<Programmes>,
    /// Typed fact values not (yet) usable, as typed.
    pub drafts: Map<FactId, String>,
    /// Reached from the review: offer the way back to it.
    pub from_review: bool,
    /// The contents are unfolded (`Session::contents_open`).
    pub contents_open: bool,
    pub on_action: Dispatch,
}

pub fn view_wizard(p: &WizardProps) -> Html {
    let s = &p.standard;
    let (lang, step) = (p.lang, p.step);
    let t = catalog(lang);
    let x = &p.assessment;
    let n = step_count(s);
    let at = step.position(s);
    // Every move folds the contents, a pick in them too (on a phone they push the step down
    // otherwise): `Session::apply`.
    let go = |screen: Screen| p.on_action.reform(move |_| Action::Go(screen.clone()));
    let indicator = match step {
        Step::Indicator(i) => s.indicators.get(i),
        Step::Gates => None,
    };
    let heading = match indicator {
        Some(ind) => format!("{} {}", ind.id, ind.title.get(lang)),
        None => t.gates_title.to_owned(),
    };
    // Phones: a compact bar with the score stays at the top; its button brings the full panel
    // (below the questions there) into view and gives it the focus.
    let to_panel = Callback::from(|_: MouseEvent| {
        let panel =
            crate::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".bsc-panel").ok().flatten());
        if let Some(p) = panel {
            p.scroll_into_view();
            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(p) {
                h.focus().ok();
            }
        }
    });
    // What has no listener is markup text: the phone's score bar, the step's line, progress and
    // heading.
    let mut scorebar = Markup::new();
    scorebar.raw("<span class=\"bsc-scorebar__n\">").text(&x.score.total.to_string());
    scorebar.el("span class=\"bsc-scorebar__of\"", &format!(" / {}", s.total_points)).raw("</span>");
    if !x.score.is_complete() {
        let range = fill(t.scorebar_range, &[("min", &x.score.min.to_string()), ("max", &x.score.max.to_string())]);
        scorebar.el("span class=\"bsc-scorebar__range\"", &range);
    }
    let answered = fill(t.answered, &[("a", &x.score.responded().to_string()), ("n", &x.score.asked().to_string())]);
    scorebar.el("span class=\"bsc-scorebar__answered\"", &answered);
    let mut step_head = Markup::new();
    step_head.el("p class=\"bsc-step__of\"", &fill(t.step_of, &[("i", &(at + 1).to_string()), ("n", &n.to_string())]));
    step_head.raw("<progress class=\"bsc-progress\"").attr("max", &n.to_string()).attr("value", &(at + 1).to_string());
    step_head.raw(" aria-hidden=\"true\"></progress>").raw(SCREEN_HEADING).text(&heading);
    if let Some(ind) = indicator {
        step_head.el("span class=\"bsc-points\"", &format!("{} {}", ind.points, t.points));
    }
    step_head.raw("</h2>");
    html! {
        <div class="bsc-wizard">
            <div class="bsc-scorebar" data-testid="scorebar">
                { scorebar.into_html() }
                { button("bsc-link bsc-scorebar__open", t.scorebar_open, to_panel) }
            </div>
            <nav class={if p.contents_open { "bsc-toc is-open" } else { "bsc-toc" }} aria-label={t.main_nav}>
                <button type="button" class="bsc-toc__toggle" aria-expanded={p.contents_open.to_string()}
                    onclick={p.on_action.reform(|_| Action::ToggleContents)}>{ t.contents }</button>
                <div class="bsc-toc__body">
                    for (pi, part) in s.parts.iter().enumerate() {
                        <div class="bsc-toc__part" key={part.id.to_string()}>
                            { part_title(&format!("{} {}", part.id, part.title.get(lang)), &count(x, s.part_questions(pi))) }
                            <ul>
                                for ii in part.indicators.clone() {
                                    <li key={s.indicators[ii].id.to_string()}>
                                        <button type="button" onclick={go(Screen::Step(Step::Indicator(ii)))}
                                            class={if Step::Indicator(ii) == step { "bsc-toc__link is-current" } else { "bsc-toc__link" }}
                                            aria-current={(Step::Indicator(ii) == step).then_some("step")}>
                                            { format!("{} {}", s.indicators[ii].id, s.indicators[ii].title.get(lang)) }
                                            <span class="bsc-toc__count">{ count(x, s.indicators[ii].questions.clone()) }</span>
                                        </button>
                                    </li>
                                }
                            </ul>
                        </div>
                    }
                    <button type="button" onclick={go(Screen::Step(Step::Gates))}
                        class={if step == Step::Gates { "bsc-toc__link is-current" } else { "bsc-toc__link" }}
                        aria-current={(step == Step::Gates).then_some("step")}>{ t.gates_title }</button>
                </div>
            </nav>
            <section class="bsc-step" aria-labelledby="bsc-h">
                if p.from_review {
                    { button("bsc-link bsc-back-to-review", t.back_to_review, go(Screen::Review)) }
                }
                { step_head.into_html() }
                if let Some(ind) = indicator {
                    <details class="bsc-sources">
                        <summary>{ t.sources_toggle }</summary>
                        <p>{ ind.sources.iter().map(|src| src.cite_for(lang)).collect::<Vec<_>>().join(if lang == Lang::Zh { "；" } else { "; " }) }</p>
                    </details>
                    for qi in ind.questions.clone() {
                        if x.score.states[qi] != QuestionState::Excluded {
                            { view_question(&QuestionCardProps {
                                standard: s.clone(),
                                index: qi,
                                answer: p.answers.answer(&s.questions[qi].id).cloned(),
                                band: s.questions[qi].bands.iter().position(|b| b.when.holds(&p.answers.profile)),
                                capped: x.score.evidence_capped.contains(&qi),
                                on_action: p.on_action.clone(),
                            }, lang) }
                        }
                    }
                } else {
                    { view_facts(&FactsForm { standard: s, facts: &p.answers.facts, drafts: &p.drafts,
                        year: p.programmes.year, on_action: &p.on_action }, lang) }
                    { view_gates(s, &x.gates, &p.on_action, lang) }
                }
                <div class="bsc-actions bsc-actions--nav">
                    <button type="button" class="bsc-button bsc-button--quiet"
                        onclick={go(step.previous(s).map_or(Screen::Start, Screen::Step))}>
                        { if at == 0 { t.home } else { t.back } }
                    </button>
                    <button type="button" class="bsc-button"
                        onclick={go(step.next(s).map_or(Screen::Review, Screen::Step))}>
                        { if at + 1 < n { t.next } else { t.to_review } }
                    </button>
                </div>
            </section>
            { view_score_panel(s, x, &p.programmes, lang) }
        </div>
    }
}

/// A part's line in the contents: its title and answered count.
fn part_title(title: &str, count: &str) -> Html {
    let mut m = Markup::new();
    m.raw("<p class=\"bsc-toc__part-title\">").text(title).el("span class=\"bsc-toc__count\"", count).raw("</p>");
    m.into_html()
}

/// Responses (a level or N/A) over questions asked, the same count the score panel shows.
fn count(x: &Assessment, questions: std::ops::Range<usize>) -> String {
    let (responded, asked) = x.score.progress(questions);
    format!("{responded}/{asked}")
}
