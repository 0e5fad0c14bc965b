//! The live result beside the questions (below them on a phone), and the tier / reasons / plan
//! view that the report shows too. Plain view functions: they hold no state.

use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{Assessment, Lang, Standard};
use yew::prelude::*;

use crate::components::bars::bar_markup;
use crate::components::markup::Markup;
use crate::components::programmes::{view_programme_summary, Programmes};
use crate::i18n::{catalog, fill, tenths};

pub fn view_score_panel(s: &Standard, x: &Assessment, progs: &Programmes, lang: Lang) -> Html {
    let t = catalog(lang);
    let sc = &x.score;
    let mut parts = Markup::new();
    parts.raw("<ul class=\"bsc-parts\">");
    for (i, part) in s.parts.iter().enumerate() {
        parts.raw("<li>").el("span class=\"bsc-parts__name\"", &format!("{} {}", part.id, part.title.get(lang)));
        let n = format!("{} / {}", tenths(sc.parts[i].achieved_tenths()), sc.parts[i].applicable_points);
        parts.el("span class=\"bsc-parts__n\"", &n);
        bar_markup(&mut parts, sc.parts[i].fraction());
        parts.raw("</li>");
    }
    parts.raw("</ul>");
    let parts = parts.into_html();
    html! {
        <aside class="bsc-panel" aria-labelledby="bsc-score-h" tabindex="0">
            <h2 id="bsc-score-h" class="bsc-panel__title">{ t.provisional }</h2>
            { view_total(s, x, lang) }
            <p class="bsc-progress-text">
                { fill(t.answered, &[("a", &sc.responded().to_string()), ("n", &sc.asked().to_string())]) }
            </p>
            { parts }
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

/// The suggested tier with its reasons, the next tier's shortfalls and the plan. Markup text (no
/// listeners, no live region; see `markup`).
pub fn view_tier(s: &Standard, x: &Assessment, lang: Lang) -> Html {
    let t = catalog(lang);
    let mut m = Markup::new();
    m.raw("<div class=\"bsc-tier-block\"><div class=\"bsc-tier\" data-testid=\"tier\">").el("h3", t.suggested_tier);
    match &x.outcome {
        TierOutcome::Tier(i) => {
            m.el("p class=\"bsc-tier__name\"", s.tiers[*i].name.get(lang));
            if let Some(d) = &s.tiers[*i].description {
                m.el("p class=\"bsc-tier__desc\"", d.get(lang));
            }
        }
        TierOutcome::BelowFirst => {
            m.el("p class=\"bsc-tier__name\"", t.below_first);
        }
        TierOutcome::FixFirst { gates } => {
            m.el("p class=\"bsc-tier__name bsc-tier__name--fix\"", t.fix_first).el("p", t.fix_first_reason).raw("<ul>");
            for g in gates.iter() {
                m.el("li", s.gates[*g].text.get(lang));
            }
            m.raw("</ul>");
        }
    }
    m.raw("</div>");
    if let Some(next) = x.next {
        m.raw("<div class=\"bsc-next\">").el("h3", &fill(t.next_tier, &[("tier", s.tiers[next].name.get(lang))]));
        m.raw("<ul>");
        for f in x.shortfalls.iter() {
            m.el("li", &shortfall_text(s, f, lang));
        }
        m.raw("</ul>");
        if let Some(plan) = &x.plan {
            m.el("h4", t.plan_title);
            if !plan.reachable {
                m.el("p class=\"bsc-warn\"", t.plan_unreachable);
            }
            m.raw("<ol class=\"bsc-plan\">");
            for g in plan.gates.iter() {
                let name = format!("{} {}", s.gates[*g].id, s.gates[*g].text.get(lang));
                m.el("li", &fill(t.plan_gate, &[("g", &name)]));
            }
            for st in plan.steps.iter() {
                let mut text = fill(
                    t.plan_step,
                    &[
                        ("q", s.questions[st.question].id.as_str()),
                        ("from", &st.from.to_string()),
                        ("to", &st.to.to_string()),
                        ("gain", &tenths(st.gain_tenths)),
                    ],
                );
                if st.needs_evidence() {
                    text.push_str(t.plan_step_evidence);
                }
                m.el("li", &text);
            }
            m.raw("</ol>");
        }
        m.raw("</div>");
    } else if matches!(x.outcome, TierOutcome::Tier(_)) {
        m.el("p", t.top_tier);
    }
    m.raw("</div>");
    m.into_html()
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
