//! The laws of the model, checked on random standards and random answers:
//! bounds, monotonicity, the range containing every completion, the tier agreeing with its
//! thresholds and gates, and the plan reaching the tier it targets; for programmes: nothing given
//! is never met, a programme's plan makes it ready, and evaluation is total.

use brand_core::answers::Level;
use brand_core::programme::{
    crosswalk, default_programme, held_titles, programme, programme_plan, programmes, ProgrammeStatus,
};
use brand_core::scoring::QuestionState;
use brand_core::standard::{FactKind, Op, QuestionKind, Test, MAX_TOTAL_POINTS};
use brand_core::tier::{GateStatus, TierOutcome};
use brand_core::{
    assess, parse, score, Answers, ConditionStatus, Decimal, FactId, FactValue, GateAnswer, OptionId, ProfileId,
    Response, Standard,
};
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
    programmes: Vec<ProgSpec>,
}

/// A test: (shape 0–6, a number for its input or value, a small number for its operator or levels).
type TestSpec = (u8, u32, u8);

/// A programme: its rung (mod the tiers), 0 any / 1 mfg / 2 svc, a held title, and its
/// conditions as (0/1/2 applicability, tests).
#[derive(Debug, Clone)]
struct ProgSpec {
    rung: usize,
    applies: u8,
    held_as: Option<u8>,
    conditions: Vec<(u8, Vec<TestSpec>)>,
}

fn prog_spec() -> impl Strategy<Value = Vec<ProgSpec>> {
    let test = (0u8..7, any::<u32>(), any::<u8>());
    let condition = (0u8..3, prop::collection::vec(test, 1..=3));
    prop::collection::vec(
        (0usize..6, 0u8..3, prop::option::of(0u8..3), prop::collection::vec(condition, 0..4))
            .prop_map(|(rung, applies, held_as, conditions)| ProgSpec { rung, applies, held_as, conditions }),
        0..4,
    )
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
        prog_spec(),
    )
        .prop_map(|(parts, thresholds, tier_gates, gates, first_gate_blocking, guard, programmes)| Spec {
            parts,
            thresholds,
            tier_gates,
            gates,
            first_gate_blocking,
            guard,
            programmes,
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
        prog_spec(),
    )
        .prop_map(|(parts, thresholds, tier_gates, gates, first_gate_blocking, guard, programmes)| Spec {
            parts,
            thresholds,
            tier_gates,
            gates,
            first_gate_blocking,
            guard,
            programmes,
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
    let questions: usize = sp.parts.iter().flatten().map(|(_, qs)| qs.len()).sum();
    let programmes = programmes_json(sp, questions, n);
    let v = json!({ "format": 1, "id": "random", "version": "0", "subject": "enterprise",
        "title": text("r"), "disclaimer": text("d"), "total_points": total,
        "profile": [{ "id": "sector", "text": text("s"), "options": [
            { "id": "mfg", "label": text("m") }, { "id": "svc", "label": text("s") }] }],
        "parts": parts, "gates": gates, "tiers": tiers,
        "facts": [
            { "id": "c", "kind": "choice", "text": text("c"), "options": [
                { "id": "o0", "label": text("0") }, { "id": "o1", "label": text("1") }, { "id": "o2", "label": text("2") }] },
            { "id": "y", "kind": "year", "text": text("y") },
            { "id": "n", "kind": "number", "text": text("n"), "unit": text("u"), "min": 0, "max": 10000, "decimals": 2 },
            { "id": "t", "kind": "titles", "text": text("t") }],
        "titles": [{ "id": "T0", "name": text("0") }, { "id": "T1", "name": text("1") }, { "id": "T2", "name": text("2") }],
        "dimensions": [{ "id": "all", "name": text("a"), "indicators": ["P0.0"] }],
        "programmes": programmes });
    parse(&v.to_string()).unwrap_or_else(|p| panic!("generated standard invalid: {p:?}"))
}

/// The programmes of `sp` as JSON, each input used at most once per programme (so every open
/// condition of a programme can be closed at once: the plan law's premise).
fn programmes_json(sp: &Spec, questions: usize, tiers: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for (pi, p) in sp.programmes.iter().enumerate() {
        let mut used: Vec<String> = Vec::new();
        let mut conditions = Vec::new();
        for (ci, (applies, tests)) in p.conditions.iter().enumerate() {
            let mut list = Vec::new();
            for &(shape, x, y) in tests {
                let (input, test) = match shape {
                    0 => {
                        let opts: Vec<String> =
                            (0..3).filter(|b| (x % 7 + 1) & (1 << b) != 0).map(|b| format!("o{b}")).collect();
                        ("c".to_owned(), json!({ "fact": "c", "any_of": opts }))
                    }
                    1 | 2 => {
                        let (fact, min, max) = if shape == 1 { ("n", 0, 1_000_000) } else { ("y", 180_000, 210_000) };
                        let step = if shape == 1 { 1 } else { 100 };
                        let v = min + (x as i64 % ((max - min) / step + 1)) * step;
                        let mut op = ["ge", "gt", "le", "lt"][usize::from(y % 4)];
                        if (op == "gt" && v == max) || (op == "lt" && v == min) {
                            op = if op == "gt" { "ge" } else { "le" };
                        }
                        (fact.to_owned(), json!({ "fact": fact, "op": op, "value": v as f64 / 100.0 }))
                    }
                    3 => ("y".to_owned(), json!({ "fact": "y", "years_at_least": x % 60 })),
                    4 if !sp.gates.is_empty() => {
                        let g = format!("G{}", x as usize % sp.gates.len());
                        (g.clone(), json!({ "gate": g }))
                    }
                    5 | 4 => {
                        let q = x as usize % questions;
                        let id = question_id(sp, q);
                        let mut t = json!({ "question": id });
                        let met = y % 8;
                        if met <= 5 {
                            t["met_from"] = json!(met);
                            if (y / 8) % 2 == 0 {
                                t["not_met_below"] = json!((x / 7) % (u32::from(met) + 1));
                            }
                        } else if met == 6 {
                            t["not_met_below"] = json!((x / 7) % 6);
                        }
                        (id, t)
                    }
                    _ => {
                        let titles: Vec<String> =
                            (0..3).filter(|b| (x % 7 + 1) & (1 << b) != 0).map(|b| format!("T{b}")).collect();
                        ("t".to_owned(), json!({ "titles_none_of": titles }))
                    }
                };
                if !used.contains(&input) {
                    used.push(input);
                    list.push(test);
                }
            }
            if list.is_empty() {
                continue;
            }
            let mut c = json!({ "id": format!("C{ci}"), "text": text("c"), "tag": "D", "tests": list });
            if *applies > 0 {
                c["applies_when"] = condition(*applies);
            }
            conditions.push(c);
        }
        let mut prog = json!({ "id": format!("R{pi}"), "rung": format!("T{}", p.rung % tiers), "title": text("r"),
            "conditions": conditions });
        if p.applies > 0 {
            prog["applies_when"] = condition(p.applies);
        }
        if let Some(h) = p.held_as {
            prog["held_as"] = json!(format!("T{h}"));
        }
        out.push(prog);
    }
    out
}

/// The id of question `q` in questionnaire order.
fn question_id(sp: &Spec, q: usize) -> String {
    let mut i = 0;
    for (pi, inds) in sp.parts.iter().enumerate() {
        for (ii, (_, qs)) in inds.iter().enumerate() {
            for qi in 0..qs.len() {
                if i == q {
                    return format!("P{pi}.{ii}.{qi}");
                }
                i += 1;
            }
        }
    }
    unreachable!("question {q} of {i}")
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

/// Random facts: (choice 0–3: none/o0/o1/o2, year, number hundredths, titles bits; each maybe
/// absent), and odd values the shell cannot make (a number out of range, a year after Y).
type RawFacts = (u8, Option<u16>, Option<i64>, Option<u8>);

fn raw_facts() -> impl Strategy<Value = RawFacts> {
    (0u8..4, prop::option::of(1700u16..2200), prop::option::of(-100i64..2_000_000), prop::option::of(0u8..8))
}

fn with_facts(s: &Standard, mut a: Answers, (c, y, n, t): &RawFacts) -> Answers {
    if *c > 0 {
        a.set_fact(FactId::new("c"), Some(FactValue::Choice(OptionId::new(format!("o{}", c - 1)))));
    }
    a.set_fact(FactId::new("y"), y.map(FactValue::Year));
    a.set_fact(FactId::new("n"), n.map(|h| FactValue::Number(Decimal::from_hundredths(h))));
    a.set_fact(
        FactId::new("t"),
        t.map(|bits| {
            FactValue::Titles(
                s.titles.iter().enumerate().filter(|(i, _)| bits & (1 << i) != 0).map(|(_, t)| t.id.clone()).collect(),
            )
        }),
    );
    a
}

const YEAR: u16 = 2026;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    /// (a) A condition never reads met when every input of its tests is unanswered, 不确定 or
    /// absent (facts removed, gates unanswered or 不确定, questions unanswered or N/A).
    #[test]
    fn nothing_given_is_never_met(sp in spec(), raw in raw_answers(), facts in raw_facts(), unsure in any::<bool>()) {
        let s = build(&sp);
        let mut a = with_facts(&s, answers(&s, &raw), &facts);
        for p in &s.programmes {
            for c in &p.conditions {
                for t in &c.tests {
                    match t {
                        Test::FactAnyOf { fact, .. } | Test::FactCompare { fact, .. } | Test::YearsAtLeast { fact, .. }
                        | Test::TitlesNoneOf { fact, .. } => a.set_fact(s.facts[*fact].id.clone(), None),
                        Test::Gate { gate } => a.set_gate(s.gates[*gate].id.clone(), unsure.then_some(GateAnswer::Unsure)),
                        Test::Question { question, .. } => {
                            let q = &s.questions[*question];
                            let na = unsure && q.na_allowed;
                            a.set_response(q.id.clone(), na.then_some(Response::NotApplicable));
                        }
                    }
                }
            }
        }
        let sc = score(&s, &a);
        for i in 0..s.programmes.len() {
            let r = programme(&s, &a, &sc, YEAR, i);
            for c in &r.conditions {
                prop_assert!(c.status != ConditionStatus::Met, "{:?}", c);
            }
            prop_assert!(r.status != ProgrammeStatus::Ready || r.conditions.iter().all(|c| c.status == ConditionStatus::NotApplicable));
        }
    }

    /// (b) Taking the evidence steps, closing every open condition and taking the practice steps
    /// makes the programme ready, unless the plan says the line cannot be reached.
    #[test]
    fn applying_a_programme_plan_makes_it_ready(sp in spec(), raw in raw_answers(), facts in raw_facts()) {
        let s = build(&sp);
        let a = with_facts(&s, answers(&s, &raw), &facts);
        for i in 0..s.programmes.len() {
            programme_plan_law(&s, &a, i)?;
        }
    }

    /// (c) Evaluation is total: any standard, any answers, any facts (even values the shell
    /// refuses), any year.
    #[test]
    fn programme_evaluation_is_total(sp in spec(), raw in raw_answers(), facts in raw_facts(), year in any::<u16>()) {
        let s = build(&sp);
        let a = with_facts(&s, answers(&s, &raw), &facts);
        let sc = score(&s, &a);
        let listed = programmes(&s, &a, &sc, year);
        prop_assert!(listed.len() <= s.programmes.len());
        for r in &listed {
            prop_assert_eq!(r.conditions.len(), s.programmes[r.programme].conditions.len());
            let plan = programme_plan(&s, &a, &sc, r.programme, year);
            prop_assert!(plan.total_after <= s.total_points);
        }
        let _ = default_programme(&s, &listed);
        for d in crosswalk(&s, &sc) {
            prop_assert!(d.percent_tenths.is_none_or(|p| p <= 1000));
        }
    }

    #[test]
    fn reading_typed_numbers_never_panics(text in ".{0,24}", digits in "[-+0-9.,，．０-９]{0,24}") {
        let _ = brand_core::decimal::parse_input(&text);
        let _ = brand_core::decimal::parse_input(&digits);
    }
}

fn programme_plan_law(s: &Standard, a: &Answers, index: usize) -> Result<(), TestCaseError> {
    let sc = score(s, a);
    let plan = programme_plan(s, a, &sc, index, YEAR);
    let p = &s.programmes[index];
    let mut b = a.clone();
    for e in &plan.evidence {
        b.set_note(s.questions[e.question].id.clone(), "证明".into());
    }
    // Close every open condition: each test's input set to a value that meets it.
    for c in &plan.conditions {
        for t in &p.conditions[c.condition].tests {
            let states = score(s, &b).states;
            match t {
                Test::FactAnyOf { fact, any_of } => {
                    b.set_fact(s.facts[*fact].id.clone(), Some(FactValue::Choice(any_of[0].clone())))
                }
                Test::FactCompare { fact, op, value } => {
                    let unit = match s.facts[*fact].kind {
                        FactKind::Year => 100,
                        _ => 1,
                    };
                    let v = match op {
                        Op::Ge | Op::Le => *value,
                        Op::Gt => Decimal::from_hundredths(value.hundredths() + unit),
                        Op::Lt => Decimal::from_hundredths(value.hundredths() - unit),
                    };
                    let v = match s.facts[*fact].kind {
                        FactKind::Year => FactValue::Year(v.whole().and_then(|y| u16::try_from(y).ok()).unwrap_or(0)),
                        _ => FactValue::Number(v),
                    };
                    b.set_fact(s.facts[*fact].id.clone(), Some(v));
                }
                Test::YearsAtLeast { fact, years } => {
                    b.set_fact(s.facts[*fact].id.clone(), Some(FactValue::Year(YEAR - years - 1)))
                }
                Test::Gate { gate } => b.set_gate(s.gates[*gate].id.clone(), Some(GateAnswer::Yes)),
                Test::Question { question, met_from, .. } => {
                    let Some(m) = met_from else { return Ok(()) }; // cannot be closed
                    match states[*question] {
                        QuestionState::Excluded => return Ok(()), // cannot be closed
                        QuestionState::Answered { counted, .. } if counted >= *m => {}
                        _ => {
                            let id = s.questions[*question].id.clone();
                            b.set_response(id.clone(), Level::new(*m).map(Response::Level));
                            b.set_note(id, "证明".into());
                        }
                    }
                }
                Test::TitlesNoneOf { fact, titles } => {
                    let keep = held_titles(s, &b).into_iter().filter(|t| !titles.contains(t));
                    b.set_fact(
                        s.facts[*fact].id.clone(),
                        Some(FactValue::Titles(keep.map(|t| s.titles[t].id.clone()).collect())),
                    );
                }
            }
        }
    }
    for st in &plan.practice {
        let q = &s.questions[st.step.question];
        prop_assert_eq!(score(s, &b).states[st.step.question].counted(), st.step.from, "step {:?}", st);
        prop_assert_eq!(st.long_term, q.kind == QuestionKind::Result);
        b.set_response(q.id.clone(), Level::new(st.step.to).map(Response::Level));
        b.set_note(q.id.clone(), "证明".into());
    }
    let after = score(s, &b);
    prop_assert_eq!(after.total, plan.total_after);
    let r = programme(s, &b, &after, YEAR, index);
    for c in &r.conditions {
        prop_assert!(
            matches!(c.status, ConditionStatus::Met | ConditionStatus::NotApplicable),
            "condition {} still {:?} after closing: {:?}",
            c.condition,
            c.status,
            c
        );
    }
    if plan.reachable {
        prop_assert_eq!(r.status, ProgrammeStatus::Ready, "{:?}", r);
    } else {
        prop_assert!(!r.score_ok);
    }
    Ok(())
}

/// The case saved in `properties.proptest-regressions` (cc f8b03912…), as a plain test. One
/// programme on the only tier (line 0, every part ≥ 82 %) with one condition: the choice fact
/// (given, listed: met) or question 6, P1.0.2 (`met_from` 3, `not_met_below` 2; unanswered:
/// unknown) — met. No profile, so P1's manufacturing questions drop out and the guard lifts P1
/// within itself: P1.2.* and P1.0.1 to 5 leave it at 78.5 of 96, short of 78.72. The plan used to
/// end with P1.0.2 0>1 (82 of 96), a level the question test reads not met: the condition turned
/// into a contradiction and the programme was not ready after its own plan. The step now goes
/// to the question's floor, 0>2.
#[test]
fn the_saved_programme_plan_case_holds() {
    let sp = Spec {
        parts: vec![
            vec![(117, vec![(false, 0); 4])],
            vec![
                (35, vec![(false, 1), (false, 0), (false, 0)]),
                (95, vec![(false, 1)]),
                (61, vec![(false, 0), (false, 0), (false, 0), (false, 1)]),
            ],
            vec![(45, vec![(false, 0); 2])],
        ],
        thresholds: vec![0],
        tier_gates: vec![0; 6],
        gates: vec![],
        first_gate_blocking: false,
        guard: Some(82),
        programmes: vec![ProgSpec {
            rung: 0,
            applies: 0,
            held_as: None,
            conditions: vec![(0, vec![(0, 220_352_240, 0), (4, 3_581_961_648, 3)])],
        }],
    };
    let s = build(&sp);
    let a = with_facts(&s, answers(&s, &(vec![(0, false); 48], vec![0; 4], 0)), &(3, None, None, None));
    assert_eq!(s.questions[6].id.as_str(), "P1.0.2");
    let c = &s.programmes[0].conditions[0];
    assert!(matches!(c.tests[1], Test::Question { question: 6, met_from: Some(3), not_met_below: Some(2) }));
    let plan = programme_plan(&s, &a, &score(&s, &a), 0, YEAR);
    let last = plan.practice.last().expect("practice steps");
    assert_eq!((last.step.question, last.step.from, last.step.to), (6, 0, 2));
    programme_plan_law(&s, &a, 0).expect("the programme is ready after its plan");
}

/// The programme sections at every bound at once validate, and evaluate and plan for empty and
/// full answers (one more of each is refused: `tests/validation.rs`).
#[test]
fn programmes_at_every_bound_validate_and_evaluate() {
    use brand_core::standard::{
        MAX_CONDITIONS, MAX_DIMENSIONS, MAX_DOCUMENTS, MAX_FACTS, MAX_MIGRATIONS, MAX_PROGRAMMES, MAX_PROOFS,
        MAX_TESTS, MAX_TITLES,
    };
    let mut v: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../standards/fixtures/programmes.json"))
            .expect("fixture"),
    )
    .expect("JSON");
    let facts = v["facts"].as_array_mut().expect("facts");
    while facts.len() < MAX_FACTS {
        let i = facts.len();
        facts.push(json!({ "id": format!("year{i}"), "kind": "year", "text": text("y") }));
    }
    v["titles"] = Value::Array(
        (0..MAX_TITLES)
            .map(|i| json!({ "id": if i == 0 { "qy".to_owned() } else if i == 1 { "haopin".to_owned() } else { format!("t{i}") },
                "name": text("t") }))
            .collect(),
    );
    v["dimensions"] = Value::Array(
        (0..MAX_DIMENSIONS)
            .map(|i| json!({ "id": format!("d{i}"), "name": text("d"), "indicators": ["A1", "A2", "B1", "B2"] }))
            .collect(),
    );
    let all_titles: Vec<String> = (2..MAX_TITLES).map(|i| format!("t{i}")).collect();
    let tests = |c: usize| -> Vec<Value> {
        let shapes = [
            json!({ "fact": "city", "any_of": ["qingdao", "jinan", "other"] }),
            json!({ "fact": "revenue", "op": "gt", "value": 99_999_999.99 }),
            json!({ "fact": format!("year{}", 6 + c % 10), "years_at_least": 200 }),
            json!({ "gate": "G5" }),
            json!({ "question": "B2.2", "met_from": 5, "not_met_below": 5 }),
            json!({ "titles_none_of": all_titles }),
        ];
        (0..MAX_TESTS).map(|t| shapes[(c + t) % shapes.len()].clone()).collect()
    };
    let conditions: Vec<Value> = (0..MAX_CONDITIONS)
        .map(|c| json!({ "id": format!("C{c}&x"), "text": text("c"), "tag": "C", "tests": tests(c) }))
        .collect();
    v["programmes"] = Value::Array(
        (0..MAX_PROGRAMMES)
            .map(|p| {
                json!({ "id": format!("p{p}"), "rung": format!("t{}", p % 5), "title": text("p"), "held_as": "qy",
                    "conditions": conditions })
            })
            .collect(),
    );
    v["migrations"] = Value::Array(
        (0..MAX_MIGRATIONS)
            .map(|m| json!({ "from": format!("0.{m}"), "questions": { "A1.1": "A1.2", "X": null }, "gates": { "G9": "G1" } }))
            .collect(),
    );
    let all_programmes: Vec<String> = (0..MAX_PROGRAMMES).map(|p| format!("p{p}")).collect();
    let proofs: Vec<Value> = (0..MAX_PROOFS)
        .map(|i| match i % 3 {
            0 => json!({ "condition": format!("C{i}&x") }),
            1 => json!({ "gate": "G5" }),
            _ => json!({ "question": "B2.2", "level": 5 }),
        })
        .collect();
    v["documents"] = Value::Array(
        (0..MAX_DOCUMENTS)
            .map(|d| {
                json!({ "id": format!("doc{d}"), "name": text("d"), "issuer": "third_party", "period": "last_5_years",
                    "programmes": all_programmes, "proves": proofs, "sources": [{ "cite": "x", "tag": "D" }] })
            })
            .collect(),
    );
    let s = parse(&v.to_string()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!((s.facts.len(), s.titles.len(), s.programmes.len()), (MAX_FACTS, MAX_TITLES, MAX_PROGRAMMES));
    assert_eq!((s.documents.len(), s.documents[0].proves.len()), (MAX_DOCUMENTS, MAX_PROOFS));
    let empty = Answers::default();
    let mut full = Answers::default();
    full.set_profile(ProfileId::new("sector"), Some(OptionId::new("mfg")));
    for q in &s.questions {
        full.set_response(q.id.clone(), Level::new(5).map(Response::Level));
        full.set_note(q.id.clone(), "证明".into());
    }
    for g in &s.gates {
        full.set_gate(g.id.clone(), Some(GateAnswer::Unsure));
    }
    full.set_fact(FactId::new("revenue"), Some(FactValue::Number(Decimal::from_int(100_000_000))));
    full.set_fact(FactId::new("titles"), Some(FactValue::Titles(s.titles.iter().map(|t| t.id.clone()).collect())));
    for a in [empty, full] {
        let sc = score(&s, &a);
        let listed = programmes(&s, &a, &sc, YEAR);
        assert_eq!(listed.len(), MAX_PROGRAMMES);
        for r in &listed {
            let plan = programme_plan(&s, &a, &sc, r.programme, YEAR);
            assert!(plan.reachable);
        }
        assert_eq!(crosswalk(&s, &sc).len(), MAX_DIMENSIONS);
    }
}
