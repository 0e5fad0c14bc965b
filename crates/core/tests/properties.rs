//! The laws of the model, checked on random standards and random answers:
//! bounds, monotonicity, the range containing every completion, the tier agreeing with its
//! thresholds and gates, and the plan reaching the tier it targets.

use brand_core::answers::Level;
use brand_core::tier::{GateStatus, TierOutcome};
use brand_core::{assess, parse, Answers, GateAnswer, OptionId, ProfileId, Response, Standard};
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Debug, Clone)]
struct Spec {
    /// parts → indicators → (points, questions → (N/A allowed, 0 any / 1 mfg only / 2 svc only)).
    parts: Vec<Vec<(u32, Vec<(bool, u8)>)>>,
    /// Thresholds in per mille of the total.
    thresholds: Vec<u32>,
    /// For each tier, how many of the first gates it requires (made non-decreasing).
    tier_gates: Vec<usize>,
    gates: Vec<u8>,
    first_gate_blocking: bool,
    guard: Option<u32>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::collection::vec(
            prop::collection::vec((1u32..200, prop::collection::vec((any::<bool>(), 0u8..3), 1..5)), 1..4),
            1..4,
        ),
        prop::collection::vec(0u32..=1000, 1..6),
        prop::collection::vec(0usize..4, 6),
        prop::collection::vec(0u8..3, 0..4),
        any::<bool>(),
        prop::option::of(0u32..=100),
    )
        .prop_map(|(parts, thresholds, tier_gates, gates, first_gate_blocking, guard)| Spec {
            parts,
            thresholds,
            tier_gates,
            gates,
            first_gate_blocking,
            guard,
        })
}

fn text(s: &str) -> Value {
    json!({ "zh": s, "en": s })
}

fn condition(c: u8) -> Value {
    match c {
        1 => json!({ "profile": "sector", "any_of": ["mfg"] }),
        2 => json!({ "profile": "sector", "any_of": ["svc"] }),
        _ => Value::Null,
    }
}

fn build(sp: &Spec) -> Standard {
    let levels: Vec<Value> = (0..6).map(|l| text(&format!("L{l}"))).collect();
    let mut total = 0;
    let mut parts = Vec::new();
    for (pi, inds) in sp.parts.iter().enumerate() {
        let mut part_points = 0;
        let mut indicators = Vec::new();
        for (ii, (points, qs)) in inds.iter().enumerate() {
            part_points += points;
            let questions: Vec<Value> = qs
                .iter()
                .enumerate()
                .map(|(qi, (na, c))| {
                    let mut q = json!({ "id": format!("P{pi}.{ii}.{qi}"), "kind": "result", "text": text("q"),
                        "levels": levels, "na_allowed": na });
                    if *c > 0 {
                        q["applies_when"] = condition(*c);
                    }
                    q
                })
                .collect();
            indicators.push(json!({ "id": format!("P{pi}.{ii}"), "title": text("i"), "points": points,
                "sources": [], "questions": questions }));
        }
        total += part_points;
        parts.push(
            json!({ "id": format!("P{pi}"), "title": text("p"), "points": part_points, "indicators": indicators }),
        );
    }
    let gates: Vec<Value> = sp
        .gates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut g =
                json!({ "id": format!("G{i}"), "text": text("g"), "blocking": i == 0 && sp.first_gate_blocking });
            if *c > 0 {
                g["applies_when"] = condition(*c);
            }
            g
        })
        .collect();
    let mut thresholds: Vec<u32> = sp.thresholds.iter().map(|pm| total * pm / 1000).collect();
    thresholds.sort_unstable();
    thresholds.dedup();
    let mut need = 0;
    let n = thresholds.len();
    let tiers: Vec<Value> = thresholds
        .iter()
        .enumerate()
        .map(|(i, th)| {
            need = need.max(sp.tier_gates[i].min(sp.gates.len()));
            let ids: Vec<String> = (0..need).map(|g| format!("G{g}")).collect();
            let mut t = json!({ "id": format!("T{i}"), "name": text("t"), "threshold": th, "gates": ids });
            if i + 1 == n {
                if let Some(g) = sp.guard {
                    t["min_part_percent"] = json!(g);
                }
            }
            t
        })
        .collect();
    let v = json!({ "format": 1, "id": "random", "version": "0", "subject": "enterprise",
        "title": text("r"), "disclaimer": text("d"), "total_points": total,
        "profile": [{ "id": "sector", "text": text("s"), "options": [
            { "id": "mfg", "label": text("m") }, { "id": "svc", "label": text("s") }] }],
        "parts": parts, "gates": gates, "tiers": tiers });
    parse(&v.to_string()).unwrap_or_else(|p| panic!("generated standard invalid: {p:?}"))
}

/// Per question: 0 unanswered, 1 N/A, 2..=7 level 0..5; with or without an evidence note.
type Raw = (Vec<(u8, bool)>, Vec<u8>, u8);

fn raw_answers() -> impl Strategy<Value = Raw> {
    (prop::collection::vec((0u8..8, any::<bool>()), 48), prop::collection::vec(0u8..4, 4), 0u8..3)
}

fn answers(s: &Standard, (qs, gs, profile): &Raw) -> Answers {
    let mut a = Answers::default();
    match profile {
        1 => a.set_profile(ProfileId::new("sector"), Some(OptionId::new("mfg"))),
        2 => a.set_profile(ProfileId::new("sector"), Some(OptionId::new("svc"))),
        _ => {}
    }
    for (q, (choice, evidence)) in s.questions.iter().zip(qs) {
        let response = match choice {
            0 => None,
            1 if q.na_allowed => Some(Response::NotApplicable),
            1 => None,
            l => Level::new(l - 2).map(Response::Level),
        };
        a.set_response(q.id.clone(), response);
        if *evidence {
            a.set_note(q.id.clone(), "审计报告".into());
        }
    }
    for (g, choice) in s.gates.iter().zip(gs) {
        let ans = match choice {
            1 => Some(GateAnswer::Yes),
            2 => Some(GateAnswer::No),
            3 => Some(GateAnswer::Unsure),
            _ => None,
        };
        a.set_gate(g.id.clone(), ans);
    }
    a
}

fn level_of(a: &Answers, s: &Standard, q: usize) -> Option<u8> {
    match a.answer(&s.questions[q].id).and_then(|x| x.response) {
        Some(Response::Level(l)) => Some(l.get()),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn total_is_bounded_and_inside_its_range(sp in spec(), raw in raw_answers()) {
        let s = build(&sp);
        let x = assess(&s, &answers(&s, &raw));
        prop_assert!(x.score.min <= x.score.total && x.score.total <= x.score.max);
        prop_assert!(x.score.max <= s.total_points);
        if x.score.is_complete() {
            prop_assert_eq!(x.score.min, x.score.max);
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_the_total(sp in spec(), raw in raw_answers(), pick in any::<prop::sample::Index>()) {
        let s = build(&sp);
        let a = answers(&s, &raw);
        let q = pick.index(s.questions.len());
        let before = assess(&s, &a).score.total;
        let next = match a.answer(&s.questions[q].id).and_then(|x| x.response) {
            None => 0,
            Some(Response::Level(l)) if l.get() < 5 => l.get() + 1,
            _ => return Ok(()),
        };
        let mut b = a.clone();
        b.set_response(s.questions[q].id.clone(), Level::new(next).map(Response::Level));
        prop_assert!(assess(&s, &b).score.total >= before);
        // Adding evidence never lowers it either.
        let mut c = a.clone();
        c.set_note(s.questions[q].id.clone(), "证明".into());
        prop_assert!(assess(&s, &c).score.total >= before);
    }

    #[test]
    fn every_completion_lands_inside_the_range(sp in spec(), raw in raw_answers(), fill in raw_answers()) {
        let s = build(&sp);
        let a = answers(&s, &raw);
        let x = assess(&s, &a);
        let mut done = a.clone();
        for (qi, (choice, evidence)) in fill.0.iter().enumerate().take(s.questions.len()) {
            let q = &s.questions[qi];
            if a.answer(&q.id).and_then(|x| x.response).is_some() {
                continue;
            }
            let response = match choice {
                0 | 1 if q.na_allowed => Some(Response::NotApplicable),
                c => Level::new(c.saturating_sub(2)).map(Response::Level),
            };
            done.set_response(q.id.clone(), response);
            if *evidence {
                done.set_note(q.id.clone(), "证明".into());
            }
        }
        let y = assess(&s, &done);
        prop_assert!(y.score.is_complete());
        prop_assert!(x.score.min <= y.score.total && y.score.total <= x.score.max,
            "{} not in {}..{}", y.score.total, x.score.min, x.score.max);
    }

    #[test]
    fn the_tier_agrees_with_thresholds_gates_and_guard(sp in spec(), raw in raw_answers()) {
        let s = build(&sp);
        let x = assess(&s, &answers(&s, &raw));
        let blocked = s.gates.iter().zip(&x.gates).any(|(g, st)| g.blocking && *st == GateStatus::No);
        let holds = |t: usize| {
            let tier = &s.tiers[t];
            x.score.total >= tier.threshold
                && tier.gates.iter().all(|&g| x.gates[g].met())
                && tier.min_part_percent.is_none_or(|p| x.score.parts.iter().all(|part| part.at_least_percent(p)))
        };
        match x.outcome {
            TierOutcome::FixFirst { .. } => prop_assert!(blocked),
            TierOutcome::Tier(t) => {
                prop_assert!(!blocked);
                prop_assert!(holds(t));
                prop_assert!((t + 1..s.tiers.len()).all(|u| !holds(u)));
                prop_assert_eq!(x.next, (t + 1 < s.tiers.len()).then_some(t + 1));
            }
            TierOutcome::BelowFirst => {
                prop_assert!(!blocked);
                prop_assert!((0..s.tiers.len()).all(|u| !holds(u)));
            }
        }
        prop_assert_eq!(x.shortfalls.is_empty(), x.next.is_none() || holds(x.next.unwrap()) && !blocked);
    }

    #[test]
    fn applying_the_plan_reaches_its_tier(sp in spec(), raw in raw_answers()) {
        let s = build(&sp);
        let a = answers(&s, &raw);
        let x = assess(&s, &a);
        let Some(plan) = x.plan else { return Ok(()) };
        let mut b = a.clone();
        for st in &plan.steps {
            let id = s.questions[st.question].id.clone();
            prop_assert!(level_of(&a, &s, st.question).unwrap_or(0) >= st.from);
            prop_assert!(st.to > st.from && st.to <= 5);
            b.set_response(id.clone(), Level::new(st.to).map(Response::Level));
            if st.needs_evidence() && !b.answer(&id).is_some_and(|x| x.has_evidence()) {
                b.set_note(id, "计划中的证据".into());
            }
        }
        for &g in &plan.gates {
            b.set_gate(s.gates[g].id.clone(), Some(GateAnswer::Yes));
        }
        let y = assess(&s, &b);
        prop_assert_eq!(y.score.total, plan.total_after);
        if !plan.reachable {
            // Then not even everything at 5 with evidence gets there.
            for q in &s.questions {
                if b.answer(&q.id).and_then(|x| x.response) == Some(Response::NotApplicable) {
                    continue; // the plan never overrides N/A
                }
                b.set_response(q.id.clone(), Level::new(5).map(Response::Level));
                b.set_note(q.id.clone(), "证明".into());
            }
            let z = assess(&s, &b);
            prop_assert!(!matches!(z.outcome, TierOutcome::Tier(t) if t >= plan.target));
            return Ok(());
        }
        match y.outcome {
            TierOutcome::Tier(t) => prop_assert!(t >= plan.target, "reached {} < target {}", t, plan.target),
            other => prop_assert!(false, "plan did not reach a tier: {:?}", other),
        }
    }
}
