//! Shared fixtures for the core's tests: a small standard whose points give fractional shares
//! (so half-up rounding and rescaling are really exercised), a one-line answers notation, and a
//! one-line description of an assessment that `check` compares against.
#![allow(dead_code)]

use std::collections::BTreeMap;

use brand_core::answers::Level;
use brand_core::programme::{programmes, Input, ProgrammeResult, ProgrammeStatus};
use brand_core::standard::FactKind;
use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{
    assess, Answer, Answers, Assessment, ConditionStatus, Decimal, FactId, FactValue, GateAnswer, GateId, OptionId,
    ProfileId, QuestionId, Response, Standard, TitleId,
};
use serde_json::{json, Value};

fn t(s: &str) -> Value {
    json!({ "zh": format!("{s}（中）"), "en": s })
}

fn levels() -> Value {
    Value::Array((0..6).map(|l| t(&format!("level {l}"))).collect())
}

fn q(id: &str, na: bool) -> Value {
    json!({ "id": id, "kind": "practice", "text": t(id), "levels": levels(), "na_allowed": na })
}

/// The fixture standard, 1000 points:
/// A 200 = A1 125 (A1.1, A1.2, A1.3 N/A allowed) + A2 75 (A2.1, A2.2, both N/A allowed);
/// B 800 = B1 475 (B1.1–B1.4) + B2 325 (B2.1, and B2.2 for manufacturing only).
/// Per level with everything applicable: A1 8⅓, A2 7.5, B1 23.75, B2 32.5.
/// Gates: G1 blocking, G2, G3 (manufacturing only). Tiers t0 0 / t1 350 (G1) / t2 500 (G1 G2) /
/// t3 650 (G1–G3) / t4 800 (G1–G3, no part below 60 %).
pub fn mini_value() -> Value {
    let mut b22 = q("B2.2", false);
    b22["applies_when"] = json!({ "profile": "sector", "any_of": ["mfg"] });
    json!({
        "format": 1,
        "id": "mini",
        "version": "1.0.0",
        "subject": "enterprise",
        "title": t("Mini"),
        "disclaimer": t("A test standard"),
        "total_points": 1000,
        "profile": [{ "id": "sector", "text": t("Sector"), "options": [
            { "id": "mfg", "label": t("Manufacturing") }, { "id": "svc", "label": t("Services") } ] }],
        "parts": [
            { "id": "A", "title": t("Part A"), "points": 200, "indicators": [
                { "id": "A1", "title": t("A1"), "points": 125, "sources": [{ "cite": "GB/T 39906", "tag": "C" }],
                  "questions": [q("A1.1", false), q("A1.2", false), q("A1.3", true)] },
                { "id": "A2", "title": t("A2"), "points": 75, "sources": [{ "cite": "ours", "tag": "D" }],
                  "questions": [q("A2.1", true), q("A2.2", true)] } ] },
            { "id": "B", "title": t("Part B"), "points": 800, "indicators": [
                { "id": "B1", "title": t("B1"), "points": 475, "sources": [],
                  "questions": [q("B1.1", false), q("B1.2", false), q("B1.3", false), q("B1.4", false)] },
                { "id": "B2", "title": t("B2"), "points": 325, "sources": [],
                  "questions": [q("B2.1", false), b22] } ] }
        ],
        "gates": [
            { "id": "G1", "text": t("Compliance"), "blocking": true },
            { "id": "G2", "text": t("Entity") },
            { "id": "G3", "text": t("Manufacturing"), "applies_when": { "profile": "sector", "any_of": ["mfg"] } }
        ],
        "tiers": [
            { "id": "t0", "name": t("Start"), "threshold": 0 },
            { "id": "t1", "name": t("Pipeline"), "threshold": 350, "gates": ["G1"] },
            { "id": "t2", "name": t("City"), "threshold": 500, "gates": ["G1", "G2"] },
            { "id": "t3", "name": t("Province"), "threshold": 650, "gates": ["G1", "G2", "G3"] },
            { "id": "t4", "name": t("Top"), "threshold": 800, "gates": ["G1", "G2", "G3"], "min_part_percent": 60 }
        ],
        "advisories": [
            { "id": "award", "title": t("Award"), "text": t("Award track"),
              "when": [{ "part_at_least": { "part": "A", "percent": 70 } }, { "part_at_least": { "part": "B", "percent": 60 } }] },
            { "id": "value", "title": t("Value"), "text": t("Value track"), "when": [{ "gate_passed": "G2" }] },
            { "id": "mfg", "title": t("Mfg"), "text": t("Mfg track"), "when": [{ "profile": { "profile": "sector", "any_of": ["mfg"] } }] }
        ],
        "sources": [{ "cite": "GB/T 39654-2020", "tag": "C" }]
    })
}

pub fn mini() -> Standard {
    brand_core::parse(&mini_value().to_string()).expect("the fixture standard is valid")
}

/// The programmes fixture (`standards/fixtures/programmes.json`): the mini standard's shape with
/// facts (city, founded, revenue, rd_ratio, staff, titles), titles (qy, haopin, chiming),
/// dimensions, three programmes (qy_industry at t2 for manufacturing, sd_high at t3 for all,
/// haopin_mfg at t4 for manufacturing) and a migration from 1.0.0.
pub fn programmes_text() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../standards/fixtures/programmes.json"))
        .expect("the programmes fixture")
}

pub fn programmes_value() -> Value {
    serde_json::from_str(&programmes_text()).expect("fixture JSON")
}

pub fn progs() -> Standard {
    brand_core::parse(&programmes_text()).expect("the programmes fixture is valid")
}

/// Reads the answers notation: space-separated `key=value` tokens.
/// `sector=mfg` (profile), `city=qingdao` `founded=2015` `revenue=2,600.5` `titles=qy+haopin`
/// (facts, numbers as a user types them; `titles=` for none), `A1.1=3`, `A1.1=5e` (with an evidence note), `A1.1=na`,
/// `A1.1=note` (adds a note, keeps the level), `A1.1=note:200B,1F` (sets the note to exactly these
/// code points, in hex, keeps the level), `G1=yes|no|unsure`; a key ending in `*` is a prefix
/// (`B1.*=5e`, `*=4e`, `G*=yes`).
pub fn answers(s: &Standard, spec: &str) -> Answers {
    let mut a = Answers::default();
    for tok in spec.split_whitespace() {
        let (key, val) = tok.split_once('=').unwrap_or_else(|| panic!("bad token {tok}"));
        if s.profile_question(&ProfileId::new(key)).is_some() {
            a.set_profile(ProfileId::new(key), Some(OptionId::new(val)));
            continue;
        }
        if let Some(f) = s.fact_index(&FactId::new(key)) {
            let value = match &s.facts[f].kind {
                FactKind::Choice { .. } => FactValue::Choice(OptionId::new(val)),
                FactKind::Year => FactValue::Year(val.parse().expect("a year")),
                FactKind::Number { .. } => FactValue::Number(brand_core::decimal::parse_input(val).expect("a number")),
                FactKind::Titles => {
                    FactValue::Titles(val.split('+').filter(|t| !t.is_empty()).map(TitleId::new).collect())
                }
            };
            a.set_fact(FactId::new(key), Some(value));
            continue;
        }
        let matches = |id: &str| match key.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => id == key,
        };
        if key.starts_with('G') {
            let ans = match val {
                "yes" => GateAnswer::Yes,
                "no" => GateAnswer::No,
                "unsure" => GateAnswer::Unsure,
                _ => panic!("bad gate answer {tok}"),
            };
            for g in s.gates.iter().filter(|g| matches(g.id.as_str())) {
                a.set_gate(g.id.clone(), Some(ans));
            }
            continue;
        }
        let ids: Vec<QuestionId> =
            s.questions.iter().filter(|q| matches(q.id.as_str())).map(|q| q.id.clone()).collect();
        assert!(!ids.is_empty(), "no question matches {key}");
        for id in ids {
            if val == "note" {
                a.set_note(id, "see file".into());
                continue;
            }
            if let Some(hex) = val.strip_prefix("note:") {
                let note: String = hex
                    .split(',')
                    .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32).expect("hex code point"))
                    .collect();
                a.set_note(id, note);
                continue;
            }
            let answer = match val {
                "na" => Answer { response: Some(Response::NotApplicable), note: String::new() },
                v => {
                    let (digits, evidence) = match v.strip_suffix('e') {
                        Some(d) => (d, true),
                        None => (v, false),
                    };
                    let level = Level::new(digits.parse().expect("level")).expect("level 0-5");
                    Answer {
                        response: Some(Response::Level(level)),
                        note: if evidence { "证书".into() } else { String::new() },
                    }
                }
            };
            a.set_response(id.clone(), answer.response);
            a.set_note(id, answer.note);
        }
    }
    a
}

/// The assessment in the keys `check` compares: total, range, tier, next, short, plan, gates,
/// capped, open, adv, parts.
pub fn describe(s: &Standard, x: &Assessment) -> BTreeMap<&'static str, String> {
    let mut d = BTreeMap::new();
    let sc = &x.score;
    d.insert("total", sc.total.to_string());
    d.insert("range", format!("{}..{}", sc.min, sc.max));
    d.insert(
        "parts",
        sc.parts.iter().map(|p| format!("{:.1}", f64::from(p.achieved_tenths()) / 10.0)).collect::<Vec<_>>().join(","),
    );
    d.insert(
        "tier",
        match &x.outcome {
            TierOutcome::Tier(t) => s.tiers[*t].id.to_string(),
            TierOutcome::BelowFirst => "below".into(),
            TierOutcome::FixFirst { gates } => {
                format!("fix:{}", gates.iter().map(|g| s.gates[*g].id.as_str()).collect::<Vec<_>>().join(","))
            }
        },
    );
    d.insert("next", x.next.map(|t| s.tiers[t].id.to_string()).unwrap_or_else(|| "-".into()));
    d.insert(
        "short",
        x.shortfalls
            .iter()
            .map(|f| match f {
                Shortfall::Points { short } => format!("points:{short}"),
                Shortfall::GatesOpen(g) => {
                    format!("gates:{}", g.iter().map(|g| s.gates[*g].id.as_str()).collect::<Vec<_>>().join("+"))
                }
                Shortfall::Guard { parts, .. } => {
                    format!("guard:{}", parts.iter().map(|p| s.parts[*p].id.as_str()).collect::<Vec<_>>().join("+"))
                }
            })
            .collect::<Vec<_>>()
            .join(","),
    );
    d.insert(
        "plan",
        match &x.plan {
            None => "-".into(),
            Some(p) => {
                let steps: Vec<String> =
                    p.steps.iter().map(|st| format!("{}:{}>{}", s.questions[st.question].id, st.from, st.to)).collect();
                let gates: Vec<&str> = p.gates.iter().map(|g| s.gates[*g].id.as_str()).collect();
                format!(
                    "{}[{}]{}",
                    if steps.is_empty() { "-".into() } else { steps.join(";") },
                    gates.join("+"),
                    p.total_after
                )
            }
        },
    );
    d.insert("capped", sc.evidence_capped.iter().map(|q| s.questions[*q].id.to_string()).collect::<Vec<_>>().join(","));
    d.insert("open", sc.unanswered.len().to_string());
    d.insert("adv", x.advisories.iter().map(|a| s.advisories[*a].id.clone()).collect::<Vec<_>>().join(","));
    d
}

/// One case: answers in the notation of [`answers`], expected values as `key=value` tokens
/// (only the keys given are compared).
#[track_caller]
pub fn check(s: &Standard, spec: &str, expected: &str) {
    let x = assess(s, &answers(s, spec));
    let got = describe(s, &x);
    for tok in expected.split_whitespace() {
        let (key, want) = tok.split_once('=').unwrap_or_else(|| panic!("bad expectation {tok}"));
        let have = got.get(key).unwrap_or_else(|| panic!("unknown key {key}"));
        assert_eq!(have, want, "\n  answers: {spec}\n  key {key}: got {have}, want {want}\n  all: {got:?}");
    }
}

pub fn gate(s: &Standard, id: &str) -> usize {
    s.gate_index(&GateId::new(id)).expect("gate")
}

fn input_text(s: &Standard, i: &Input) -> String {
    match i {
        Input::Fact(f) => format!("fact:{}", s.facts[*f].id),
        Input::Gate(g) => format!("gate:{}", s.gates[*g].id),
        Input::Question(q) => format!("question:{}", s.questions[*q].id),
    }
}

pub fn status_text(st: ProgrammeStatus) -> &'static str {
    match st {
        ProgrammeStatus::Ready => "ready",
        ProgrammeStatus::Open => "open",
        ProgrammeStatus::NotEligible => "not_eligible",
    }
}

pub fn condition_text(st: ConditionStatus) -> &'static str {
    match st {
        ConditionStatus::Met => "met",
        ConditionStatus::NotMet => "not_met",
        ConditionStatus::Unknown => "unknown",
        ConditionStatus::NotApplicable => "not_applicable",
    }
}

/// The programme results in the keys `check_programmes` compares: `listed` (ids), and per
/// programme id `P` its status (`P=open`), `held:P`, `score_ok:P`, `confirmed:P`
/// (`if_unsure_confirmed`, `-` for none); per condition id `C` its status (`C=met`),
/// `decided:C` (`fact:x+gate:y`), `contradiction:C`, `unsure:C`.
pub fn describe_programmes(s: &Standard, results: &[ProgrammeResult]) -> BTreeMap<String, String> {
    let mut d = BTreeMap::new();
    d.insert(
        "listed".to_owned(),
        results.iter().map(|r| s.programmes[r.programme].id.to_string()).collect::<Vec<_>>().join(","),
    );
    for r in results {
        let p = &s.programmes[r.programme];
        let id = p.id.to_string();
        d.insert(id.clone(), status_text(r.status).to_owned());
        d.insert(format!("held:{id}"), r.held.to_string());
        d.insert(format!("score_ok:{id}"), r.score_ok.to_string());
        d.insert(format!("confirmed:{id}"), r.if_unsure_confirmed.map_or("-", status_text).to_owned());
        for c in &r.conditions {
            let cid = p.conditions[c.condition].id.to_string();
            d.insert(cid.clone(), condition_text(c.status).to_owned());
            d.insert(
                format!("decided:{cid}"),
                c.decided_by.iter().map(|i| input_text(s, i)).collect::<Vec<_>>().join("+"),
            );
            d.insert(format!("contradiction:{cid}"), c.contradiction.to_string());
            d.insert(format!("unsure:{cid}"), c.unsure.to_string());
        }
    }
    d
}

/// One programme case: answers in the notation of [`answers`], the assessment year, and
/// expected values as `key=value` tokens in the keys of [`describe_programmes`].
#[track_caller]
pub fn check_programmes(s: &Standard, spec: &str, year: u16, expected: &str) {
    let a = answers(s, spec);
    let score = brand_core::score(s, &a);
    let got = describe_programmes(s, &programmes(s, &a, &score, year));
    for tok in expected.split_whitespace() {
        let (key, want) = tok.rsplit_once('=').unwrap_or_else(|| panic!("bad expectation {tok}"));
        let have = got.get(key).unwrap_or_else(|| panic!("unknown key {key} in {got:?}"));
        assert_eq!(have, want, "\n  answers: {spec}\n  key {key}: got {have}, want {want}\n  all: {got:?}");
    }
}

/// An exact decimal from its text, for expectations.
pub fn dec(text: &str) -> Decimal {
    brand_core::decimal::parse_input(text).expect("a number")
}
