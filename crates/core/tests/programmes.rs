//! The programme rules (ARCHITECTURE.md "Programmes, facts and conditions"), one line per case, on
//! the programmes fixture in `common` (`standards/fixtures/programmes.json`). The year is 2026
//! unless a case says otherwise. Per level with everything applicable: A1 8⅓, A2 7.5, B1 23.75,
//! B2 32.5; rungs: qy_industry t2 (500), sd_high t3 (650), haopin_mfg t4 (800, parts ≥ 60 %).

mod common;
use brand_core::programme::{
    crosswalk, default_programme, programme_plan, programmes, Gap, Input, TestDetail, TestStatus,
};
use brand_core::scoring::QuestionState;
use brand_core::standard::Op;
use brand_core::{score, ConditionStatus, FactValue, GateAnswer, Standard};
use common::{answers, check_programmes, dec, progs};

/// Everything a Qingdao manufacturer needs for all three programmes.
const QINGDAO: &str = "sector=mfg *=5e G*=yes city=qingdao founded=2015 revenue=2,600.5 rd_ratio=3.2 staff=120 titles=";

fn with(base: &str, more: &str) -> String {
    format!("{base} {more}")
}

#[test]
fn listing_follows_the_profile() {
    let s = progs();
    // No profile chosen: no applies_when holds, so only the programme without one is listed,
    // and its manufacturing-only condition does not apply.
    check_programmes(&s, "", 2026, "listed=sd_high sd_high=open SD-staff=not_applicable SD-G1=unknown SD-new=unknown");
    check_programmes(&s, "sector=svc", 2026, "listed=sd_high SD-staff=not_applicable");
    check_programmes(&s, "sector=mfg", 2026, "listed=qy_industry,sd_high,haopin_mfg SD-staff=unknown");
}

#[test]
fn a_qingdao_manufacturer_with_everything_is_ready_everywhere() {
    let s = progs();
    check_programmes(
        &s,
        QINGDAO,
        2026,
        "qy_industry=ready sd_high=ready haopin_mfg=ready score_ok:haopin_mfg=true held:haopin_mfg=false \
         QY-city=met decided:QY-city=fact:city QY-years=met QY-revenue=met \
         QY-R&D=met decided:QY-R&D=fact:rd_ratio+gate:G5+question:B2.1 confirmed:qy_industry=-",
    );
}

#[test]
fn another_city_is_not_eligible_for_the_city_programme() {
    let s = progs();
    check_programmes(
        &s,
        &with(QINGDAO, "city=jinan"),
        2026,
        "qy_industry=not_eligible QY-city=not_met decided:QY-city=fact:city sd_high=ready",
    );
}

#[test]
fn at_least_and_more_than_differ_at_exactly_three_percent() {
    let s = progs();
    // 3.00 %: 青岛优品 asks ≥ 3 (met); 好品山东 asks > 3 (not met) — and G5 answered yes says
    // otherwise, so the answers disagree.
    check_programmes(
        &s,
        &with(QINGDAO, "rd_ratio=3.00"),
        2026,
        "QY-R&D=met HP-R&D=unknown contradiction:HP-R&D=true decided:HP-R&D=fact:rd_ratio+gate:G5 \
         haopin_mfg=open",
    );
    check_programmes(
        &s,
        &with(QINGDAO, "rd_ratio=3 G5=no"),
        2026,
        "HP-R&D=not_met contradiction:HP-R&D=false decided:HP-R&D=fact:rd_ratio+gate:G5 haopin_mfg=not_eligible \
         QY-R&D=unknown contradiction:QY-R&D=true qy_industry=open",
    );
    check_programmes(&s, &with(QINGDAO, "rd_ratio=3.01"), 2026, "HP-R&D=met haopin_mfg=ready");
    check_programmes(&s, &with(QINGDAO, "rd_ratio=2.99 G5=no B2.1=2"), 2026, "QY-R&D=not_met qy_industry=not_eligible");
}

#[test]
fn founded_exactly_three_years_ago_depends_on_the_month() {
    let s = progs();
    for (founded, year, want) in [
        ("2022", 2026, "met"),
        ("2023", 2026, "unknown"),
        ("2024", 2026, "not_met"),
        ("2026", 2026, "not_met"),
        ("2027", 2026, "not_met"),
        ("2023", 2027, "met"),
        ("1800", 2100, "met"),
    ] {
        check_programmes(&s, &with(QINGDAO, &format!("founded={founded}")), year, &format!("QY-years={want}"));
    }
    // The boundary is reported as such in the test's detail.
    let a = answers(&s, &with(QINGDAO, "founded=2023"));
    let r = &programmes(&s, &a, &score(&s, &a), 2026)[0];
    let years = &r.conditions[1];
    assert_eq!(
        years.tests[0].detail,
        TestDetail::Years { fact: 1, given: Some(2023), years: 3, year: 2026, boundary: true }
    );
    assert_eq!(years.gap, Some(Gap::Tests(vec![0])));
    // A year fact compared with a value.
    check_programmes(&s, &with(QINGDAO, "founded=2020"), 2026, "HP-founded=met");
    check_programmes(&s, &with(QINGDAO, "founded=2021"), 2026, "HP-founded=not_met haopin_mfg=not_eligible");
}

#[test]
fn not_sure_is_unknown_with_the_status_it_would_give() {
    let s = progs();
    // No R&D figure, B2.1 unanswered (an N/A it does not allow), G5 不确定.
    let spec = "sector=mfg *=5e B2.1=na G*=yes G5=unsure city=qingdao founded=2015 revenue=3000 staff=120 titles=";
    check_programmes(
        &s,
        spec,
        2026,
        "QY-R&D=unknown unsure:QY-R&D=true decided:QY-R&D=fact:rd_ratio+gate:G5+question:B2.1 \
         qy_industry=open confirmed:qy_industry=ready HP-R&D=unknown haopin_mfg=open confirmed:haopin_mfg=ready \
         sd_high=ready confirmed:sd_high=-",
    );
    // 不确定 beside a met input: met, still flagged.
    check_programmes(&s, &with(QINGDAO, "G5=unsure"), 2026, "QY-R&D=met unsure:QY-R&D=true qy_industry=ready");
}

#[test]
fn a_condition_reads_only_what_was_given() {
    let s = progs();
    // Nothing given: every condition unknown, decided by all its inputs.
    check_programmes(
        &s,
        "sector=mfg",
        2026,
        "QY-city=unknown QY-years=unknown QY-R&D=unknown QY-revenue=unknown SD-G1=unknown SD-new=unknown \
         decided:QY-R&D=fact:rd_ratio+gate:G5+question:B2.1 qy_industry=open",
    );
    // The evidence rule applies to question tests: 5 without a note counts as 3.
    check_programmes(&s, &with(QINGDAO, "B1.1=5"), 2026, "HP-quality=unknown haopin_mfg=open");
    check_programmes(&s, &with(QINGDAO, "B1.1=4e"), 2026, "HP-quality=met");
    // A question excluded by the profile or N/A reads unknown (B2.1 is never excluded; B2.2 is
    // services-excluded but no test reads it); N/A not allowed reads as unanswered.
    check_programmes(&s, &with(QINGDAO, "B2.1=na rd_ratio=2 G5=unsure"), 2026, "QY-R&D=not_met");
}

#[test]
fn held_titles_are_held_and_count_against_none_of() {
    let s = progs();
    check_programmes(
        &s,
        &with(QINGDAO, "titles=haopin"),
        2026,
        "held:haopin_mfg=true haopin_mfg=ready held:qy_industry=false SD-new=not_met sd_high=not_eligible",
    );
    check_programmes(&s, &with(QINGDAO, "titles=qy+chiming"), 2026, "held:qy_industry=true SD-new=met");
}

#[test]
fn the_score_is_one_input() {
    let s = progs();
    // 400 points: every condition met, the city line (500) not reached.
    check_programmes(
        &s,
        &with(QINGDAO, "*=2 B2.1=3 B1.1=4e"),
        2026,
        "qy_industry=open score_ok:qy_industry=false QY-R&D=met",
    );
    // The part guard of the top rung: B at 100 %, A at 0 % (below 60 %).
    check_programmes(&s, &with(QINGDAO, "A*=0"), 2026, "score_ok:haopin_mfg=false score_ok:sd_high=true");
}

#[test]
fn gaps_are_structured() {
    let s = progs();
    let a = answers(&s, &with(QINGDAO, "rd_ratio=2.6 G5=no B2.1=2 revenue=1500 G1=unsure"));
    let sc = score(&s, &a);
    let all = programmes(&s, &a, &sc, 2026);
    let qy = &all[0];
    let rd = &qy.conditions[2];
    assert_eq!(rd.status, ConditionStatus::NotMet);
    assert_eq!(rd.gap, Some(Gap::Tests(vec![0, 1, 2])));
    assert_eq!(
        rd.tests[0].detail,
        TestDetail::Compare { fact: 3, given: Some(dec("2.6")), op: Op::Ge, value: dec("3") }
    );
    assert_eq!(rd.tests[1].detail, TestDetail::Gate { gate: 3, answer: Some(GateAnswer::No) });
    assert_eq!(
        rd.tests[2].detail,
        TestDetail::Question {
            question: 9,
            state: QuestionState::Answered { claimed: 2, counted: 2 },
            met_from: Some(3),
            not_met_below: Some(3)
        }
    );
    let revenue = &qy.conditions[3];
    assert_eq!(revenue.tests[0].status, TestStatus::NotMet);
    let sd = &all[1];
    assert_eq!(sd.conditions[1].gap, Some(Gap::Tests(vec![0])));
    assert!(sd.conditions[1].unsure);
    // A contradiction says which inputs disagree.
    let a = answers(&s, &with(QINGDAO, "rd_ratio=2.6"));
    let qy = &programmes(&s, &a, &score(&s, &a), 2026)[0];
    assert_eq!(
        qy.conditions[2].gap,
        Some(Gap::Contradiction { met: vec![Input::Gate(3), Input::Question(9)], not_met: vec![Input::Fact(3)] })
    );
}

#[test]
fn a_fact_of_another_kind_reads_unknown() {
    let s = progs();
    let mut a = answers(&s, QINGDAO);
    a.set_fact("rd_ratio".into(), Some(FactValue::Year(2020)));
    a.set_fact("city".into(), Some(FactValue::Number(dec("1"))));
    let r = &programmes(&s, &a, &score(&s, &a), 2026)[0];
    assert_eq!(r.conditions[0].status, ConditionStatus::Unknown);
    assert_eq!(r.conditions[2].tests[0].status, TestStatus::Unknown);
}

#[test]
fn the_crosswalk_is_exact() {
    let s = progs();
    // A1 at level 1: 125 / 3 / 5 × 3 = 25 points of A1's 125; B1.1 at 5: 118.75 of B1's 475; A2
    // all N/A (green: nothing applies).
    let a = answers(&s, "sector=mfg A1.*=1 A1.3=1 A2.*=na B1.1=5e");
    let sc = score(&s, &a);
    let cw = crosswalk(&s, &sc);
    let row = |i: usize| {
        let d = &cw[i];
        (d.applicable_points, d.achieved_tenths, d.share.map(|f| (f.num, f.den)), d.percent_tenths)
    };
    // quality = A1 + B1: 25 + 118.75 = 143.75 of 600 → 23/96 = 23.958 % → 24.0 %.
    assert_eq!(row(0), (600, 1438, Some((23, 96)), Some(240)));
    // innovation = B2: nothing answered, 0 of 325.
    assert_eq!(row(1), (325, 0, Some((0, 1)), Some(0)));
    // brand = A2 + B1: A2 dropped out, so B1 alone: 118.75 of 475 = 1/4.
    assert_eq!(row(2), (475, 1188, Some((1, 4)), Some(250)));
    // green = A2 only: nothing applicable.
    assert_eq!(row(3), (0, 0, None, None));
}

fn plan_text(s: &Standard, spec: &str, programme: usize) -> String {
    let a = answers(s, spec);
    let sc = score(s, &a);
    let p = programme_plan(s, &a, &sc, programme, 2026);
    let evidence: Vec<String> = p
        .evidence
        .iter()
        .map(|e| format!("{}:{}>{}(+{})", s.questions[e.question].id, e.counted, e.claimed, e.gain_tenths))
        .collect();
    let conditions: Vec<String> =
        p.conditions.iter().map(|c| s.programmes[programme].conditions[c.condition].id.to_string()).collect();
    let practice: Vec<String> = p
        .practice
        .iter()
        .map(|st| {
            format!(
                "{}:{}>{}{}",
                s.questions[st.step.question].id,
                st.step.from,
                st.step.to,
                if st.long_term { "L" } else { "" }
            )
        })
        .collect();
    format!(
        "evidence={} conditions={} practice={} after={} reachable={}",
        evidence.join(","),
        conditions.join(","),
        practice.join(","),
        p.total_after,
        p.reachable
    )
}

#[test]
fn the_plan_orders_evidence_conditions_practice() {
    let s = progs();
    // 375.8 now. A1.1 at 4 without a note: writing it adds one level of A1 (8.3). The revenue and
    // R&D are open; closing R&D sets B2.1 to its met_from 3 (+65), 449.2; then B2's levels are
    // the largest (32.5 each): B2.1 to 5 reaches 514 ≥ 500. B2.1 is an outcome: long term.
    let spec = "sector=mfg *=2 A1.1=4 B2.1=1 G*=yes city=qingdao founded=2015 titles=";
    assert_eq!(
        plan_text(&s, spec, 0),
        "evidence=A1.1:3>4(+83) conditions=QY-R&D,QY-revenue practice=B2.1:3>5L after=514 reachable=true"
    );
    // The top rung's guard: part A lifted to 60 % within itself first (A1 before A2, 8⅓ > 7.5).
    let spec = "sector=mfg A*=0 B*=5e";
    assert_eq!(
        plan_text(&s, spec, 2),
        "evidence= conditions=HP-R&D,HP-founded practice=A1.1:0>5,A1.2:0>5,A1.3:0>5 after=925 reachable=true"
    );
    // Services with A2 dropped out: 925 applicable points rescaled to 1000; 650 needs 601.25 raw:
    // B2.1 alone carries B2 (65 a level), then B1 (23.75 a level) up to B1.3 at 2 (610 → 659).
    // SD-staff does not apply to services; the other two are open.
    assert_eq!(
        plan_text(&s, "sector=svc A1.3=na A2.*=na", 1),
        "evidence= conditions=SD-G1,SD-new practice=B2.1:0>5L,B1.1:0>5,B1.2:0>5,B1.3:0>2 after=659 reachable=true"
    );
}

#[test]
fn the_default_plan_is_for_the_lowest_open_rung() {
    let s = progs();
    let pick = |spec: &str| {
        let a = answers(&s, spec);
        let sc = score(&s, &a);
        default_programme(&s, &programmes(&s, &a, &sc, 2026)).map(|p| s.programmes[p].id.to_string())
    };
    assert_eq!(pick("sector=mfg").as_deref(), Some("qy_industry"));
    // 青岛优品 held: the next rung.
    assert_eq!(pick("sector=mfg titles=qy").as_deref(), Some("sd_high"));
    assert_eq!(pick(QINGDAO), None);
    assert_eq!(pick(&with(QINGDAO, "A*=0")).as_deref(), Some("haopin_mfg"));
}

/// A practice step never proposes a level a condition of the programme reads as not met (the
/// property-test case of `properties.proptest-regressions`, in plain terms). QY-R&D is met by the
/// R&D fact alone, B2.1 unanswered (unknown). 470 now; B2's levels are the largest (32.5), and one
/// would do (B2.1 0>1, 503) — but B2.1 at 1 is below the test's `not_met_below` 3: not met,
/// against the fact's met, so the condition would turn into a contradiction and the programme
/// would not be ready after its own plan. B2.1's floor is 3, so its step goes 0>3 (568).
#[test]
fn a_practice_step_never_reads_not_met_for_a_condition() {
    let s = progs();
    let spec = "sector=mfg A*=3 B1.*=3 B2.2=2 G1=yes G2=yes city=qingdao founded=2015 revenue=2,600.5 rd_ratio=3.2";
    check_programmes(
        &s,
        spec,
        2026,
        "qy_industry=open score_ok:qy_industry=false QY-R&D=met decided:QY-R&D=fact:rd_ratio",
    );
    assert_eq!(plan_text(&s, spec, 0), "evidence= conditions= practice=B2.1:0>3L after=568 reachable=true");
    // Taking the step makes the programme ready; the level one step short of it would not.
    check_programmes(&s, &with(spec, "B2.1=3"), 2026, "qy_industry=ready QY-R&D=met");
    check_programmes(&s, &with(spec, "B2.1=1"), 2026, "qy_industry=open QY-R&D=unknown contradiction:QY-R&D=true");
    // The floor is the programme's own: the tier plan (no conditions) still takes one level.
    common::check(&s, spec, "total=470 next=t2 plan=B2.1:0>1[]503");
}

/// Every golden set's programme plans (`golden.detail.programmes[].plan`, written by the oracle
/// `tools/golden.py`) are the core's: evidence steps and their gains, the open conditions, the
/// practice steps (closing first, floors, the greedy order), the total after and reachability.
#[test]
fn every_golden_programme_plan_is_the_oracles() {
    use brand_core::answers::AnswersFile;
    use serde_json::Value;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../standards");
    let mut compared = 0;
    for (file, dir) in [
        ("enterprise.json", "enterprise"),
        ("regional.json", "regional"),
        ("golden/fixture-programmes.json", "fixture"),
    ] {
        let s = brand_core::parse(&std::fs::read_to_string(root.join(file)).expect("standard")).expect("valid");
        let mut sets: Vec<_> = std::fs::read_dir(root.join("golden").join(dir))
            .expect("golden")
            .map(|e| e.expect("entry").path())
            .collect();
        sets.sort();
        for path in sets {
            let text = std::fs::read_to_string(&path).expect("golden set");
            let doc: Value = serde_json::from_str(&text).expect("JSON");
            let year = u16::try_from(doc["golden"]["year"].as_u64().expect("golden.year")).expect("a year");
            let (a, _) = AnswersFile::parse(&text).expect("answers").into_answers(&s);
            let sc = score(&s, &a);
            let listed = programmes(&s, &a, &sc, year);
            let want = doc["golden"]["detail"]["programmes"].as_array().expect("detail.programmes");
            assert_eq!(listed.len(), want.len(), "{}", path.display());
            for (r, w) in listed.iter().zip(want) {
                let p = &s.programmes[r.programme];
                assert_eq!(w["id"], p.id.as_str(), "{}", path.display());
                let plan = programme_plan(&s, &a, &sc, r.programme, year);
                let q = |i: usize| s.questions[i].id.to_string();
                let got = serde_json::json!({
                    "evidence": plan.evidence.iter().map(|e| serde_json::json!({ "question": q(e.question),
                        "level": e.claimed, "counted": e.counted, "gain": f64::from(e.gain_tenths) / 10.0 }))
                        .collect::<Vec<_>>(),
                    "conditions": plan.conditions.iter().map(|c| p.conditions[c.condition].id.to_string())
                        .collect::<Vec<_>>(),
                    "practice": plan.practice.iter().map(|st| serde_json::json!({
                        "step": format!("{}:{}>{}", q(st.step.question), st.step.from, st.step.to),
                        "long_term": st.long_term })).collect::<Vec<_>>(),
                    "total_after": plan.total_after,
                    "reachable": plan.reachable,
                });
                let w = &w["plan"];
                let want = serde_json::json!({
                    "evidence": w["evidence"].as_array().expect("evidence").iter().map(|e| serde_json::json!({
                        "question": e["question"], "level": e["level"], "counted": e["counted"],
                        "gain": e["gain"].as_f64().expect("gain") })).collect::<Vec<_>>(),
                    "conditions": w["conditions"].as_array().expect("conditions").iter().map(|c| c["condition"].clone())
                        .collect::<Vec<_>>(),
                    "practice": w["practice"], "total_after": w["total_after"], "reachable": w["reachable"],
                });
                assert_eq!(got, want, "\n{} {}", path.display(), p.id.as_str());
                compared += 1;
            }
        }
    }
    assert!(compared >= 150, "{compared}");
}
