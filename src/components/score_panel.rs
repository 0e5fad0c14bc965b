//! The live result beside the questions (below them on a phone): the provisional total with its
//! range while questions are open, parts, the suggested tier with its reasons, and the plan.
//! A plain view function: it has no state of its own.

use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{Assessment, Lang, Standard};
use yew::prelude::*;

use crate::i18n::{catalog, fill, tenths};

pub fn view_score_panel(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    let sc = &x.score;
    let total_points = s.total_points.to_string();
    let gate_name = |g: usize| format!("{} {}", s.gates[g].id, s.gates[g].text.get(lang));
    html! {
        <aside class="bsc-panel" aria-labelledby="bsc-score-h">
            <h2 id="bsc-score-h" class="bsc-panel__title">{ t.provisional }</h2>
            <p class="bsc-total" aria-live="polite" aria-atomic="true">
                <span class="bsc-total__n" data-testid="total">{ sc.total }</span>
                <span class="bsc-total__of">{ fill(t.out_of, &[("n", &total_points)]) }</span>
            </p>
            if !sc.is_complete() {
                <p class="bsc-range" data-testid="range">
                    { fill(t.range, &[("min", &sc.min.to_string()), ("max", &sc.max.to_string())]) }
                </p>
            }
            <p class="bsc-progress-text">
                { fill(t.answered, &[("a", &sc.responded().to_string()), ("n", &sc.asked().to_string())]) }
            </p>
            <progress class="bsc-progress" max={sc.asked().to_string()} value={sc.responded().to_string()} />
            <ul class="bsc-parts">
                for (i, part) in s.parts.iter().enumerate() {
                    <li key={part.id.to_string()}>
                        <span class="bsc-parts__name">{ part.title.get(lang) }</span>
                        <span class="bsc-parts__n">
                            { tenths(sc.parts[i].achieved_tenths()) }{ " / " }{ sc.parts[i].applicable_points }
                        </span>
                        <progress max={sc.parts[i].applicable_points.max(1).to_string()}
                            value={(sc.parts[i].achieved_tenths() / 10).to_string()} />
                    </li>
                }
            </ul>
            <div class="bsc-tier" data-testid="tier">
                <h3>{ t.suggested_tier }</h3>
                { view_outcome(s, x, lang) }
            </div>
            if let Some(next) = x.next {
                <div class="bsc-next">
                    <h3>{ fill(t.next_tier, &[("tier", s.tiers[next].name.get(lang))]) }</h3>
                    <ul>
                        for f in x.shortfalls.iter() {
                            <li key={format!("{f:?}")}>{ shortfall_text(s, f, lang) }</li>
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
                                <li key={format!("q{}", st.question)}>{ fill(t.plan_step, &[
                                    ("q", s.questions[st.question].id.as_str()),
                                    ("from", &st.from.to_string()),
                                    ("to", &st.to.to_string()),
                                    ("gain", &tenths(st.gain_tenths)),
                                ]) }</li>
                            }
                        </ol>
                    }
                </div>
            } else if matches!(x.outcome, TierOutcome::Tier(_)) {
                <p>{ t.top_tier }</p>
            }
            if !x.missing_profile.is_empty() {
                <p class="bsc-warn">{ t.profile_missing }</p>
            }
            <p class="bsc-fine">{ t.not_official }</p>
        </aside>
    }
}

fn view_outcome(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    match &x.outcome {
        TierOutcome::Tier(i) => html! {
            <p class="bsc-tier__name">{ s.tiers[*i].name.get(lang) }</p>
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
    match f {
        Shortfall::Points { short } => fill(t.points_short, &[("n", &short.to_string())]),
        Shortfall::GatesOpen(g) => {
            let names: Vec<&str> = g.iter().map(|g| s.gates[*g].id.as_str()).collect();
            format!("{} {}", t.gates_open, names.join("、"))
        }
        Shortfall::Guard { parts, percent } => {
            let names: Vec<&str> = parts.iter().map(|p| s.parts[*p].title.get(lang)).collect();
            format!("{} {}", fill(t.guard_failed, &[("p", &percent.to_string())]), names.join("、"))
        }
    }
}
