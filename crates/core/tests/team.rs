//! Comparing two results and combining a team's answers (issue 15): table tests of every rule in
//! ARCHITECTURE.md's "Comparing and combining", and the laws — combining one file gives that file,
//! combining does not depend on the order of the files, a result compared with itself shows no
//! change, a consensus lies within the levels given.

mod common;

use brand_core::answers::{AnswersFile, Level};
use brand_core::combine::{admit, by_role, combine, consensus, Combined, Override, Refusal, Submission};
use brand_core::compare::{compare, compare_files, Reached, Side};
use brand_core::map::Map;
use brand_core::{
    About, Answers, FactId, FactValue, GateAnswer, GateId, OptionId, ProfileId, QuestionId, Respondent, Response, Role,
    Standard, Team,
};
use common::{answers, progs};
use proptest::prelude::*;

fn lv(n: u8) -> Response {
    Response::Level(Level::new(n).unwrap())
}

/// A response in the notation `3`, `na`, `-` (none).
fn resp(t: &str) -> Option<Response> {
    match t {
        "-" => None,
        "na" => Some(Response::NotApplicable),
        n => Some(lv(n.parse().unwrap())),
    }
}

fn sub(name: &str, role: Option<Role>, a: Answers) -> Submission {
    Submission { respondent: Respondent { name: name.into(), role }, answers: a }
}

fn result_of(c: &Combined, q: &str) -> Option<Response> {
    c.answers.answer(&QuestionId::new(q)).and_then(|a| a.response)
}

#[test]
fn consensus_is_the_median_rounded_down_with_na_by_majority() {
    // (responses given, N/A allowed, proposal) — the arithmetic in the comment.
    let cases: &[(&str, bool, &str)] = &[
        ("", true, "-"),          // nobody responded
        ("3", false, "3"),        // one level
        ("1 4 5", false, "4"),    // odd: the middle of 1 4 5
        ("2 5", false, "3"),      // even: (2 + 5) / 2 = 3.5 → 3
        ("0 1 4 5", false, "2"),  // even: (1 + 4) / 2 = 2.5 → 2
        ("4 4 5 5", false, "4"),  // even: (4 + 5) / 2 = 4.5 → 4
        ("5 0 3", false, "3"),    // order does not matter: 0 3 5
        ("na na 3", true, "na"),  // 2 of 3 said N/A: more than half
        ("na 3", true, "3"),      // 1 of 2: not more than half; the level stands
        ("na na 1 5", true, "3"), // 2 of 4: not more than half; (1 + 5) / 2 = 3
        ("na na", false, "-"),    // N/A not allowed here (never read from a file): nothing
        ("na", true, "na"),       // the only response
    ];
    for (given, na_allowed, want) in cases {
        let rs: Vec<Response> = given.split_whitespace().map(|t| resp(t).unwrap()).collect();
        assert_eq!(consensus(&rs, *na_allowed), resp(want), "{given} (N/A allowed: {na_allowed})");
    }
}

#[test]
fn three_respondents_combined_with_one_override() {
    let s = progs();
    let a = answers(&s, "sector=mfg A1.1=2 A1.2=5e A1.3=na G1=yes G2=no");
    let b = answers(&s, "sector=mfg A1.1=4 A1.2=5 A1.3=3 G1=yes G2=yes");
    let c = answers(&s, "sector=svc A1.1=3 A1.2=1 G1=yes");
    let subs = vec![
        sub("王芳", Some(Role::Staff), a),
        sub("Li Lei", Some(Role::Leader), b),
        sub("陈静", Some(Role::Staff), c),
    ];
    let mut ov = Map::new();
    ov.insert(QuestionId::new("A1.2"), Override { response: Some(lv(4)), reason: "体系证书已到期".into() });
    // An override without a reason is not applied.
    ov.insert(QuestionId::new("A2.1"), Override { response: Some(lv(5)), reason: " ".into() });
    let x = combine(&s, &subs, &ov);
    // Respondents in name order: "Li Lei" < "王芳" < "陈静" (code point order).
    let names: Vec<&str> = x.respondents().iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["Li Lei", "王芳", "陈静"]);
    // A1.1: 4 2 3 → sorted 2 3 4 → 3. A1.2: 5 5 1 → 1 5 5 → 5, overridden to 4.
    // A1.3: 3, na, none → one level, one N/A: N/A is not more than half → 3.
    assert_eq!(result_of(&x, "A1.1"), resp("3"));
    assert_eq!(result_of(&x, "A1.2"), resp("4"));
    assert_eq!(result_of(&x, "A1.3"), resp("3"));
    let spread = &x.spreads[s.question_index(&QuestionId::new("A1.2")).unwrap()];
    assert_eq!(spread.consensus, resp("5"));
    assert!(!spread.agreed);
    assert_eq!(spread.overridden.as_ref().map(|o| o.reason.as_str()), Some("体系证书已到期"));
    // A2.1 unanswered by all: agreed, nothing, and the reasonless override is not applied.
    assert_eq!(result_of(&x, "A2.1"), None);
    assert!(x.spreads[s.question_index(&QuestionId::new("A2.1")).unwrap()].overridden.is_none());
    // Notes gathered, "name: note" in respondent order (only 王芳 wrote one, "证书").
    assert_eq!(x.answers.answer(&QuestionId::new("A1.2")).unwrap().note, "王芳: 证书");
    // Profile: mfg twice, svc once → mfg, and a conflict. Gates: G1 agreed yes; G2 yes/no → unsure.
    assert_eq!(x.answers.profile.get(&ProfileId::new("sector")), Some(&OptionId::new("mfg")));
    assert_eq!(x.profile_conflicts, vec![0]);
    assert_eq!(x.answers.gates.get(&GateId::new("G1")), Some(&GateAnswer::Yes));
    assert_eq!(x.answers.gates.get(&GateId::new("G2")), Some(&GateAnswer::Unsure));
    assert_eq!(x.gate_conflicts, vec![s.gate_index(&GateId::new("G2")).unwrap()]);
    // The export names the respondents and the override, and reads back to the same answers.
    let file = AnswersFile::new(&s, &x.answers, None).to_json();
    assert!(file.contains("\"respondents\"") && file.contains("体系证书已到期"), "{file}");
    let (back, issues) = AnswersFile::parse(&file).unwrap().into_answers(&s);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(back, x.answers);
    assert_eq!(back.team.respondents.len(), 3);
    // Leaders vs staff: Li Lei alone vs 王芳 and 陈静 combined.
    let (leaders, staff) = by_role(&s, &subs).unwrap();
    assert_eq!(leaders, brand_core::score(&s, &combine(&s, &subs[1..2], &Map::new()).answers));
    let staff_only = [subs[0].clone(), subs[2].clone()];
    assert_eq!(staff, brand_core::score(&s, &combine(&s, &staff_only, &Map::new()).answers));
    assert!(by_role(&s, &subs[..1]).is_none(), "one group only: no view");
}

#[test]
fn facts_and_marks_are_kept_only_where_everyone_agrees() {
    let s = progs();
    let mut a = answers(&s, "A1.1=3");
    let mut b = answers(&s, "A1.1=3");
    let fact = s.facts[0].id.clone();
    let other = s.facts.get(1).map(|f| f.id.clone());
    let value = |s: &Standard, i: usize| match &s.facts[i].kind {
        brand_core::standard::FactKind::Choice { options } => FactValue::Choice(options[0].id.clone()),
        brand_core::standard::FactKind::Year => FactValue::Year(2010),
        brand_core::standard::FactKind::Number { min, .. } => FactValue::Number(*min),
        brand_core::standard::FactKind::Titles => FactValue::Titles(Vec::new()),
    };
    a.set_fact(fact.clone(), Some(value(&s, 0)));
    b.set_fact(fact.clone(), Some(value(&s, 0)));
    if let Some(o) = &other {
        a.set_fact(o.clone(), Some(value(&s, 1)));
        // b says nothing about it: a's value stands (everyone who gave one agrees).
    }
    let x = combine(&s, &[sub("a", None, a.clone()), sub("b", None, b.clone())], &Map::new());
    assert_eq!(x.answers.facts.get(&fact), Some(&value(&s, 0)));
    if let Some(o) = &other {
        assert_eq!(x.answers.facts.get(o), Some(&value(&s, 1)));
    }
    assert!(x.fact_conflicts.is_empty());
    // A year fact given differently is left empty and reported.
    if let Some(i) = s.facts.iter().position(|f| matches!(f.kind, brand_core::standard::FactKind::Year)) {
        let id: FactId = s.facts[i].id.clone();
        a.set_fact(id.clone(), Some(FactValue::Year(2001)));
        b.set_fact(id.clone(), Some(FactValue::Year(2002)));
        let y = combine(&s, &[sub("a", None, a), sub("b", None, b)], &Map::new());
        assert_eq!(y.answers.facts.get(&id), None);
        assert_eq!(y.fact_conflicts, vec![i]);
    }
}

#[test]
fn a_batch_refuses_the_same_respondent_and_the_same_file_twice() {
    let s = progs();
    let a = answers(&s, "A1.1=3");
    let batch = vec![sub("王芳", None, a.clone())];
    assert_eq!(admit(&batch, &sub(" 王芳 ", None, answers(&s, "A1.1=4"))), Err(Refusal::SameName { earlier: 0 }));
    assert_eq!(admit(&batch, &sub("LI", None, a.clone())), Err(Refusal::SameAnswers { earlier: 0 }));
    let mut renamed = a.clone();
    renamed.about.assessor = "someone".into();
    assert_eq!(admit(&batch, &sub("x", None, renamed)), Err(Refusal::SameAnswers { earlier: 0 }));
    assert_eq!(admit(&batch, &sub("li", None, answers(&s, "A1.1=4"))), Ok(()));
    let two = vec![sub("Li", None, answers(&s, "A1.1=1")), sub("b", None, a)];
    assert_eq!(admit(&two, &sub("li", None, answers(&s, "A1.1=2"))), Err(Refusal::SameName { earlier: 0 }));
}

#[test]
fn comparing_two_years_lists_every_change() {
    let s = progs();
    let before = answers(&s, "sector=mfg A1.1=2 A1.2=3 A1.3=na G1=yes");
    let after = answers(&s, "sector=mfg A1.1=4e A1.2=3 A1.3=2 G1=no");
    let c = compare(Side { standard: &s, answers: &before }, Side { standard: &s, answers: &after }, 2026);
    let changed: Vec<(&str, Option<Response>, Option<Response>)> =
        c.answers.iter().map(|x| (x.question.as_str(), x.before, x.after)).collect();
    assert_eq!(changed, vec![("A1.1", resp("2"), resp("4")), ("A1.3", resp("na"), resp("2"))]);
    assert_eq!(c.common, s.questions.len());
    assert_eq!(c.common_percent(), 100);
    assert_eq!(c.total, (brand_core::score(&s, &before).total, brand_core::score(&s, &after).total));
    let a1 = c.indicators.iter().find(|r| r.id.as_str() == "A1").unwrap();
    assert_ne!(a1.before, a1.after);
    assert!(!c.is_unchanged());
    assert!(c.programmes.iter().all(|p| p.before.is_some() && p.after.is_some()));
    // G1 answered no blocks? Whatever the standard says, the reached tier is the assessment's own.
    assert_eq!(
        c.reached.1 == Reached::FixFirst,
        matches!(brand_core::assess(&s, &after).outcome, brand_core::TierOutcome::FixFirst { .. })
    );
}

/// The programmes fixture as a later version: A1.1 renamed A1.9 by its migration, A1.2 dropped
/// (mapped to nothing), B2.2 removed and a question B2.9 added (B2.2's place, renamed without a
/// migration entry).
fn later_version(s: &Standard) -> Standard {
    let mut v: serde_json::Value = common::programmes_value();
    v["version"] = "9.0.0".into();
    v["parts"][0]["indicators"][0]["questions"][0]["id"] = "A1.9".into();
    v["parts"][1]["indicators"][1]["questions"][1]["id"] = "B2.9".into();
    v["migrations"] = serde_json::json!([{ "from": s.version, "questions": { "A1.1": "A1.9", "A1.2": null } }]);
    brand_core::parse(&serde_json::to_string(&v).unwrap()).unwrap_or_else(|p| panic!("{p:?}"))
}

#[test]
fn comparing_across_versions_matches_by_id_and_migration_only() {
    let s = progs();
    let t = later_version(&s);
    let before = answers(&s, "A1.1=2 A1.2=3 A1.3=1 B2.2=4");
    let after = answers(&t, "A1.9=3 A1.2=3 A1.3=1 B2.9=5");
    let c = compare(Side { standard: &s, answers: &before }, Side { standard: &t, answers: &after }, 2026);
    // A1.1 → A1.9 matched by the migration (2 → 3); A1.2 mapped to nothing: not matched, though
    // the later version has an A1.2 (never silently paired); B2.2 only before; B2.9 only after.
    assert_eq!(c.only_before, vec!["A1.2".to_owned(), "B2.2".to_owned()]);
    assert_eq!(c.only_after, vec!["A1.2".to_owned(), "B2.9".to_owned()]);
    assert_eq!(c.common, s.questions.len() - 2);
    let n = s.questions.len();
    // common / (common + 2 + 2), rounded down.
    assert_eq!(c.common_percent(), u32::try_from((n - 2) * 100 / (n + 2)).unwrap());
    let changed: Vec<&str> = c.answers.iter().map(|x| x.question.as_str()).collect();
    assert_eq!(changed, vec!["A1.9"]);
}

#[test]
fn comparing_files_reads_both_against_the_current_version() {
    let s = progs();
    let a = answers(&s, "A1.1=2 A1.2=3");
    let b = answers(&s, "A1.1=2 A1.2=4");
    let fa = AnswersFile::new(&s, &a, None).to_json().replace("\"A1.2\"", "\"Z9.9\"");
    let fb = AnswersFile::new(&s, &b, None).to_json();
    let (c, ia, ib) = compare_files(&s, AnswersFile::parse(&fa).unwrap(), AnswersFile::parse(&fb).unwrap(), 2026);
    assert_eq!(c.only_before, vec!["Z9.9".to_owned()]);
    assert!(c.only_after.is_empty() && ib.is_empty());
    assert_eq!(ia.len(), 1);
    // A1.2 was dropped on the before side: unanswered → 4.
    assert_eq!(c.answers.len(), 1);
    assert_eq!((c.answers[0].before, c.answers[0].after), (None, resp("4")));
}

#[test]
fn about_and_team_round_trip_and_bad_values_are_reported() {
    let s = progs();
    let mut a = answers(&s, "A1.1=3");
    a.set_about(About {
        name: "2026 年度自评".repeat(20),
        date: brand_core::dossier::Day::new(2026, 3, 1),
        organisation: "青岛某某".repeat(40),
        assessor: "王芳".into(),
        role: Some(Role::Leader),
    });
    assert_eq!(a.about.organisation.chars().count(), brand_core::answers::MAX_NAME_CHARS);
    assert_eq!(a.about.name.chars().count(), brand_core::answers::MAX_NAME_CHARS);
    a.team = Team {
        respondents: vec![Respondent { name: "王芳".into(), role: Some(Role::Leader) }],
        overrides: [(QuestionId::new("A1.1"), "理由".to_owned())].into_iter().collect(),
    };
    let json = AnswersFile::new(&s, &a, None).to_json();
    let (back, issues) = AnswersFile::parse(&json).unwrap().into_answers(&s);
    assert!(issues.is_empty());
    assert_eq!(back, a);
    // As serde_json writes the same file.
    let serde = serde_json::to_string_pretty(&AnswersFile::new(&s, &a, None)).unwrap();
    assert_eq!(json, serde);
    // Broken: a role that is not one, respondents not an array, an override of a question that
    // does not exist, a name too long.
    let broken = json
        .replace("\"role\": \"leader\"\n  }", "\"role\": \"boss\"\n  }")
        .replace("\"A1.1\": \"理由\"", "\"Q0\": \"理由\"")
        .replace("\"date\": \"2026-03-01\"", "\"date\": \"2026-02-30\"")
        .replace("\"assessor\": \"王芳\"", &format!("\"assessor\": \"{}\"", "x".repeat(150)));
    let (back, issues) = AnswersFile::parse(&broken).unwrap().into_answers(&s);
    let text: Vec<String> = issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        vec![
            "$.about.date should be a date written YYYY-MM-DD; ignored",
            "$.about.assessor has 150 characters; cut to 100",
            "$.about.role should be \"leader\" or \"staff\"; ignored",
            "question Q0 is not in this standard; skipped",
        ],
        "{broken}"
    );
    assert_eq!(back.about.role, None);
    assert_eq!(back.about.date, None);
    assert_eq!(back.about.name, a.about.name);
    assert_eq!(back.about.assessor.len(), 100);
    let not_array = json.replace("\"respondents\": [", "\"respondents\": 5, \"x\": [");
    let (_, issues) = AnswersFile::parse(&not_array).unwrap().into_answers(&s);
    assert_eq!(
        issues.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["$.team.respondents should be an array; ignored"]
    );
}

// ---- laws ----------------------------------------------------------------------------------

/// Random answers for the programmes fixture: per question none / N/A / a level, with or without
/// a note; per gate none / yes / no / unsure; a sector.
fn random_answers() -> impl Strategy<Value = (Vec<(u8, bool)>, Vec<u8>, u8)> {
    (prop::collection::vec((0u8..8, any::<bool>()), 16), prop::collection::vec(0u8..4, 6), 0u8..3)
}

fn build(s: &Standard, (qs, gs, profile): &(Vec<(u8, bool)>, Vec<u8>, u8)) -> Answers {
    let mut a = Answers::default();
    match profile {
        1 => a.set_profile(ProfileId::new("sector"), Some(OptionId::new("mfg"))),
        2 => a.set_profile(ProfileId::new("sector"), Some(OptionId::new("svc"))),
        _ => {}
    }
    for (q, (choice, note)) in s.questions.iter().zip(qs) {
        let response = match choice {
            0 => None,
            1 if q.na_allowed => Some(Response::NotApplicable),
            1 => None,
            l => Level::new(l - 2).map(Response::Level),
        };
        a.set_response(q.id.clone(), response);
        if *note {
            a.set_note(q.id.clone(), format!("evidence {}", q.id.as_str()));
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn combining_one_file_gives_that_file(raw in random_answers()) {
        let s = progs();
        let a = build(&s, &raw);
        let x = combine(&s, &[sub("王芳", Some(Role::Staff), a.clone())], &Map::new());
        let mut got = x.answers.clone();
        prop_assert_eq!(got.team.respondents.len(), 1);
        got.team = Team::default();
        prop_assert_eq!(got, a);
        prop_assert_eq!(x.conflicts(), 0);
    }

    #[test]
    fn combining_does_not_depend_on_the_order_of_the_files(
        raws in prop::collection::vec(random_answers(), 1..6),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let s = progs();
        let subs: Vec<Submission> = raws.iter().enumerate().map(|(i, r)| sub(&format!("r{i}"), None, build(&s, r))).collect();
        let mut shuffled = subs.clone();
        // A rotation and a reversal picked by the seed.
        let k = (order as usize) % shuffled.len();
        shuffled.rotate_left(k);
        if order % 2 == 1 {
            shuffled.reverse();
        }
        let mut ov = Map::new();
        ov.insert(s.questions[(order as usize) % s.questions.len()].id.clone(), Override { response: Some(lv(2)), reason: "agreed in the meeting".into() });
        prop_assert_eq!(combine(&s, &subs, &ov), combine(&s, &shuffled, &ov));
    }

    #[test]
    fn a_consensus_lies_within_the_levels_given(raws in prop::collection::vec(random_answers(), 1..6)) {
        let s = progs();
        let subs: Vec<Submission> = raws.iter().enumerate().map(|(i, r)| sub(&format!("r{i}"), None, build(&s, r))).collect();
        let x = combine(&s, &subs, &Map::new());
        for sp in &x.spreads {
            let levels: Vec<u8> = sp.votes.iter().filter_map(|v| match v.response { Some(Response::Level(l)) => Some(l.get()), _ => None }).collect();
            match sp.consensus {
                Some(Response::Level(l)) => {
                    prop_assert!(levels.iter().min().is_some_and(|&m| m <= l.get()));
                    prop_assert!(levels.iter().max().is_some_and(|&m| l.get() <= m));
                }
                Some(Response::NotApplicable) => prop_assert!(s.questions[sp.question].na_allowed),
                None => prop_assert!(sp.votes.iter().all(|v| v.response.is_none() || (v.response == Some(Response::NotApplicable) && levels.is_empty()))),
            }
            if sp.agreed {
                prop_assert_eq!(sp.consensus, sp.votes[0].response);
            }
        }
    }

    #[test]
    fn a_result_compared_with_itself_shows_no_change(raw in random_answers()) {
        let s = progs();
        let a = build(&s, &raw);
        let side = Side { standard: &s, answers: &a };
        let c = compare(side, side, 2026);
        prop_assert!(c.is_unchanged(), "{:?}", c);
        prop_assert_eq!(c.common_percent(), 100);
    }

    #[test]
    fn comparing_two_results_changes_exactly_the_answers_that_differ(x in random_answers(), y in random_answers()) {
        let s = progs();
        let (a, b) = (build(&s, &x), build(&s, &y));
        let c = compare(Side { standard: &s, answers: &a }, Side { standard: &s, answers: &b }, 2026);
        let want: Vec<&str> = s.questions.iter()
            .filter(|q| a.answer(&q.id).and_then(|v| v.response) != b.answer(&q.id).and_then(|v| v.response))
            .map(|q| q.id.as_str()).collect();
        let got: Vec<&str> = c.answers.iter().map(|x| x.question.as_str()).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(c.total, (brand_core::score(&s, &a).total, brand_core::score(&s, &b).total));
    }
}
