//! The live result beside the questions (below them on a phone), and the tier / reasons / plan
//! view that the report shows too. Plain view functions: they hold no state.

use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{Assessment, Lang, Standard};
use yew::prelude::*;

use crate::components::bars::view_bar;
use crate::components::programmes::{view_programme_summary, Programmes};
use crate::i18n::{catalog, fill, tenths};

pub fn view_score_panel(s: &Standard, x: &Assessment, progs: &Programmes, lang: Lang) -> Html {
    let t = catalog(lang);
    let sc = &x.score;
    html! {
        <aside class="bsc-panel" aria-labelledby="bsc-score-h" tabindex="0">
            <h2 id="bsc-score-h" class="bsc-panel__title">{ t.provisional }</h2>
            { view_total(s, x, lang) }
            <p class="bsc-progress-text">
                { fill(t.answered, &[("a", &sc.responded().to_string()), ("n", &sc.asked().to_string())]) }
            </p>
            <ul class="bsc-parts">
                for (i, part) in s.parts.iter().enumerate() {
                    <li key={part.id.to_string()}>
                        <span class="bsc-parts__name">{ format!("{} {}", part.id, part.title.get(lang)) }</span>
                        <span class="bsc-parts__n">
                            { tenths(sc.parts[i].achieved_tenths()) }{ " / " }{ sc.parts[i].applicable_points }
                        </span>
                        { view_bar(sc.parts[i].fraction()) }
                    </li>
                }
            </ul>
            { view_programme_summary(s, progs, lang) }
            { view_tier(s, x, lang) }
            <p class="bsc-fine">{ t.not_official }</p>
        </aside>
    }
}

/// The total, labelled provisional, with the range while questions are open.
pub fn view_total(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    let sc = &x.score;
    html! {
        <>
            <p class="bsc-total" aria-live="polite" aria-atomic="true">
                <span class="bsc-total__n" data-testid="total">{ sc.total }</span>
                <span class="bsc-total__of">{ fill(t.out_of, &[("n", &s.total_points.to_string())]) }</span>
                <span class="bsc-visually-hidden">{ t.provisional_short }</span>
            </p>
            if !sc.is_complete() {
                <p class="bsc-range" data-testid="range">
                    { fill(t.range, &[("min", &sc.min.to_string()), ("max", &sc.max.to_string())]) }
                </p>
            }
        </>
    }
}

/// The suggested tier with its reasons, the next tier's shortfalls and the plan.
pub fn view_tier(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    let gate_name = |g: usize| format!("{} {}", s.gates[g].id, s.gates[g].text.get(lang));
    html! {
        <div class="bsc-tier-block">
            <div class="bsc-tier" data-testid="tier">
                <h3>{ t.suggested_tier }</h3>
                { view_outcome(s, x, lang) }
            </div>
            if let Some(next) = x.next {
                <div class="bsc-next">
                    <h3>{ fill(t.next_tier, &[("tier", s.tiers[next].name.get(lang))]) }</h3>
                    <ul>
                        for f in x.shortfalls.iter() {
                            <li key={shortfall_key(f)}>{ shortfall_text(s, f, lang) }</li>
                        }
                    </ul>
                    if let Some(plan) = &x.plan {
                        <h4>{ t.plan_title }</h4>
                        if !plan.reachable {
                            <p class="bsc-warn">{ t.plan_unreachable }</p>
                        }
                        <ol class="bsc-plan">
                            for g in plan.gates.iter() {
                                <li key={format!("g{g}")}>{ fill(t.plan_gate, &[("g", &gate_name(*g))]) }</li>
                            }
                            for st in plan.steps.iter() {
                                <li key={format!("q{}", st.question)}>
                                    { fill(t.plan_step, &[
                                        ("q", s.questions[st.question].id.as_str()),
                                        ("from", &st.from.to_string()),
                                        ("to", &st.to.to_string()),
                                        ("gain", &tenths(st.gain_tenths)),
                                    ]) }
                                    if st.needs_evidence() { { t.plan_step_evidence } }
                                </li>
                            }
                        </ol>
                    }
                </div>
            } else if matches!(x.outcome, TierOutcome::Tier(_)) {
                <p>{ t.top_tier }</p>
            }
        </div>
    }
}

fn view_outcome(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    match &x.outcome {
        TierOutcome::Tier(i) => html! {
            <>
                <p class="bsc-tier__name">{ s.tiers[*i].name.get(lang) }</p>
                if let Some(d) = &s.tiers[*i].description {
                    <p class="bsc-tier__desc">{ d.get(lang) }</p>
                }
            </>
        },
        TierOutcome::BelowFirst => html! { <p class="bsc-tier__name">{ t.below_first }</p> },
        TierOutcome::FixFirst { gates } => html! {
            <>
                <p class="bsc-tier__name bsc-tier__name--fix">{ t.fix_first }</p>
                <p>{ t.fix_first_reason }</p>
                <ul>
                    for g in gates.iter() {
                        <li key={*g}>{ s.gates[*g].text.get(lang) }</li>
                    }
                </ul>
            </>
        },
    }
}

fn shortfall_text(s: &Standard, f: &Shortfall, lang: Lang) -> String {
    let t = catalog(lang);
    let sep = if lang == Lang::Zh { "、" } else { ", " };
    match f {
        Shortfall::Points { short } => fill(t.points_short, &[("n", &short.to_string())]),
        Shortfall::GatesOpen(g) => {
            let names: Vec<&str> = g.iter().map(|g| s.gates[*g].id.as_str()).collect();
            format!("{} {}", t.gates_open, names.join(sep))
        }
        Shortfall::Guard { parts, percent } => {
            let names: Vec<&str> = parts.iter().map(|p| s.parts[*p].title.get(lang)).collect();
            format!("{} {}", fill(t.guard_failed, &[("p", &percent.to_string())]), names.join(sep))
        }
    }
}

/// A stable key for a shortfall: each kind appears at most once in the list.
fn shortfall_key(f: &Shortfall) -> &'static str {
    match f {
        Shortfall::Points { .. } => "points",
        Shortfall::GatesOpen(_) => "gates",
        Shortfall::Guard { .. } => "guard",
    }
}
