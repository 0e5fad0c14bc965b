//! The laws of the model, checked on random standards and random answers:
//! bounds, monotonicity, the range containing every completion, the tier agreeing with its
//! thresholds and gates, and the plan reaching the tier it targets.

use brand_core::answers::Level;
use brand_core::standard::MAX_TOTAL_POINTS;
use brand_core::tier::{GateStatus, TierOutcome};
use brand_core::{assess, parse, Answers, GateAnswer, OptionId, ProfileId, Response, Standard};
use proptest::prelude::*;
use serde_json::{json, Value};

/// One part: its indicators as (points, questions as (N/A allowed, condition)).
type PartSpec = Vec<(u32, Vec<(bool, u8)>)>;

#[derive(Debug, Clone)]
struct Spec {
    /// parts → indicators → (points, questions → (N/A allowed, 0 any / 1 mfg only / 2 svc only)).
    parts: Vec<PartSpec>,
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

/// Standards at the validator's arithmetic bounds (issue 18): indicators of nearly
/// `MAX_TOTAL_POINTS / 16` points beside 1-point ones, and up to 24 questions per indicator, so
/// the exact fractions get the largest denominators the bounds allow.
fn extreme_spec() -> impl Strategy<Value = Spec> {
    let big = MAX_TOTAL_POINTS / 16;
    let points = prop_oneof![1u32..=3, (big - 50)..=big];
    let count = prop_oneof![1usize..=24, 17usize..=24];
    let questions = count.prop_flat_map(|n| prop::collection::vec((any::<bool>(), 0u8..3), n));
    (
        prop::collection::vec(prop::collection::vec((points, questions), 1..=4), 1..=4),
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
    raw_answers_n(48)
}

fn raw_answers_n(n: usize) -> impl Strategy<Value = Raw> {
    (prop::collection::vec((0u8..8, any::<bool>()), n), prop::collection::vec(0u8..4, 4), 0u8..3)
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
        plan_law(&s, answers(&s, &raw))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, .. ProptestConfig::default() })]

    /// No arithmetic overflows (the tests run with overflow checks) and the laws still hold for
    /// standards at the bounds.
    #[test]
    fn standards_at_the_bounds_score_and_plan_without_overflow(sp in extreme_spec(), raw in raw_answers_n(400)) {
        let s = build(&sp);
        prop_assert!(s.total_points <= MAX_TOTAL_POINTS);
        let a = answers(&s, &raw);
        let x = assess(&s, &a);
        prop_assert!(x.score.min <= x.score.total && x.score.total <= x.score.max && x.score.max <= s.total_points);
        plan_law(&s, a)?;
    }
}

/// Applying every step of the plan (and closing its gates) reaches the tier it targets, or, when
/// it says the target is unreachable, not even everything at 5 reaches it.
fn plan_law(s: &Standard, a: Answers) -> Result<(), TestCaseError> {
    let x = assess(s, &a);
    let Some(plan) = x.plan else { return Ok(()) };
    let mut b = a.clone();
    for st in &plan.steps {
        let id = s.questions[st.question].id.clone();
        prop_assert!(level_of(&a, s, st.question).unwrap_or(0) >= st.from);
        prop_assert!(st.to > st.from && st.to <= 5);
        b.set_response(id.clone(), Level::new(st.to).map(Response::Level));
        if st.needs_evidence() && !b.answer(&id).is_some_and(|x| x.has_evidence()) {
            b.set_note(id, "计划中的证据".into());
        }
    }
    for &g in &plan.gates {
        b.set_gate(s.gates[g].id.clone(), Some(GateAnswer::Yes));
    }
    let y = assess(s, &b);
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
        let z = assess(s, &b);
        prop_assert!(!matches!(z.outcome, TierOutcome::Tier(t) if t >= plan.target));
        return Ok(());
    }
    match y.outcome {
        TierOutcome::Tier(t) => prop_assert!(t >= plan.target, "reached {} < target {}", t, plan.target),
        other => prop_assert!(false, "plan did not reach a tier: {:?}", other),
    }
    Ok(())
}

/// One standard at every count and point bound at once: it validates, and empty, mixed and full
/// answers assess (score, tier, plan) without overflow; one more question is refused.
#[test]
fn a_standard_at_every_bound_validates_and_assesses() {
    use brand_core::standard::{MAX_GATES, MAX_INDICATORS, MAX_PARTS, MAX_QUESTIONS, MAX_TIERS};
    let levels: Vec<Value> = (0..6).map(|l| text(&format!("L{l}"))).collect();
    // 200 indicators over 16 parts; question counts 24, 23, … (coprime-heavy) adding up to 1000.
    let per_part = MAX_INDICATORS / MAX_PARTS + 1;
    let mut counts: Vec<usize> = (0..MAX_INDICATORS).map(|i| [24, 23, 19, 17, 13, 11, 7, 1][i % 8]).collect();
    while counts.iter().sum::<usize>() > MAX_QUESTIONS {
        let i = counts.iter().position(|&c| c > 1).expect("shrinkable");
        counts[i] -= 1;
    }
    let make = |counts: &[usize]| {
        let mut parts = Vec::new();
        let mut total = 0u32;
        let mut ind = 0;
        for p in 0..MAX_PARTS {
            let mut indicators = Vec::new();
            let mut part_points = 0;
            while ind < counts.len() && indicators.len() < per_part {
                let points = if ind % 3 == 0 { 1 } else { 740 };
                part_points += points;
                let qs: Vec<Value> = (0..counts[ind])
                    .map(|q| {
                        json!({ "id": format!("Q{ind}.{q}"), "kind": "practice", "text": text("q"), "levels": levels,
                        "na_allowed": q % 5 == 0 })
                    })
                    .collect();
                indicators.push(json!({ "id": format!("I{ind}"), "title": text("i"), "points": points, "sources": [], "questions": qs }));
                ind += 1;
            }
            total += part_points;
            parts.push(
                json!({ "id": format!("P{p}"), "title": text("p"), "points": part_points, "indicators": indicators }),
            );
        }
        let gates: Vec<Value> =
            (0..MAX_GATES).map(|g| json!({ "id": format!("G{g}"), "text": text("g"), "blocking": g == 0 })).collect();
        let tiers: Vec<Value> = (0..MAX_TIERS)
            .map(|t| {
                json!({ "id": format!("T{t}"), "name": text("t"), "threshold": total / 16 * t as u32,
                "gates": (0..t * 4).map(|g| format!("G{g}")).collect::<Vec<_>>(), "min_part_percent": t * 6 })
            })
            .collect();
        json!({ "format": 1, "id": "bounds", "version": "1", "subject": "enterprise", "title": text("b"),
            "disclaimer": text("d"), "total_points": total, "parts": parts, "gates": gates, "tiers": tiers })
    };
    let v = make(&counts);
    let s = parse(&v.to_string()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!((s.questions.len(), s.indicators.len(), s.parts.len()), (MAX_QUESTIONS, MAX_INDICATORS, MAX_PARTS));
    assert!(s.total_points <= MAX_TOTAL_POINTS);
    let mut a = Answers::default();
    assert!(assess(&s, &a).plan.is_some());
    for (i, q) in s.questions.iter().enumerate() {
        a.set_response(q.id.clone(), Level::new((i % 6) as u8).map(Response::Level));
        if i % 2 == 0 {
            a.set_note(q.id.clone(), "证明".into());
        }
    }
    let x = assess(&s, &a);
    assert!(x.score.min <= x.score.total && x.score.total <= x.score.max && x.score.max <= s.total_points);
    plan_law(&s, a.clone()).expect("the plan reaches its tier");
    for q in &s.questions {
        a.set_response(q.id.clone(), Level::new(5).map(Response::Level));
        a.set_note(q.id.clone(), "证明".into());
    }
    for g in &s.gates {
        a.set_gate(g.id.clone(), Some(GateAnswer::Yes));
    }
    assert_eq!(assess(&s, &a).score.total, s.total_points);

    counts[0] += 1;
    let problems = parse(&make(&counts).to_string()).unwrap_err();
    assert!(
        problems.iter().any(|p| p.kind
            == brand_core::ProblemKind::TooManyQuestionsInAll { found: MAX_QUESTIONS + 1, max: MAX_QUESTIONS }),
        "{problems:?}"
    );
}
