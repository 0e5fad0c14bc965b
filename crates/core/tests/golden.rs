//! Every shipped standard validates, and every golden answer set in `standards/golden/` scores
//! exactly as its `golden.expect` says. The expectations come from an independent Python
//! implementation of DOMAIN.md (`tools/golden.py`) and carry their arithmetic in `golden.worked`.
//! When `golden.expect` has `programmes` (each `{id, status, held, conditions: [{id, status}]}`),
//! they are compared too, evaluated for the assessment year `golden.year`.

mod common;

use std::path::{Path, PathBuf};

use brand_core::answers::AnswersFile;
use brand_core::tier::{Shortfall, TierOutcome};
use brand_core::{assess, parse, Standard};
use serde_json::Value;

fn standards_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../standards")
}

fn shipped() -> Vec<(String, Standard)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(standards_dir()).expect("standards/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.extension().is_some_and(|e| e == "json") && !name.ends_with(".schema.json") {
            let text = std::fs::read_to_string(&path).expect("read standard");
            match parse(&text) {
                Ok(s) => out.push((name, s)),
                Err(problems) => panic!("{name} does not validate:\n{problems:#?}"),
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_shipped_standard_validates_and_is_complete() {
    let all = shipped();
    let ids: Vec<&str> = all.iter().map(|(_, s)| s.id.as_str()).collect();
    assert_eq!(ids, ["enterprise", "regional", "sample"]);
    for (name, s) in &all {
        assert_eq!(s.total_points, 1000, "{name}");
        assert_eq!(s.tiers.len(), if s.id == "sample" { 3 } else { 5 }, "{name}");
        for ind in &s.indicators {
            // A respondent answers 2 to 5 questions per indicator, whatever their profile; the file
            // may hold one more when some questions are for one sector only (enterprise B2).
            let n = ind.questions.len();
            assert!((2..=6).contains(&n), "{name} {}: {n} questions", ind.id);
            for p in &s.profile {
                for o in &p.options {
                    let asked = s.questions[ind.questions.clone()]
                        .iter()
                        .filter(|q| {
                            q.applies_when.as_ref().is_none_or(|c| c.profile != p.id || c.any_of.contains(&o.id))
                        })
                        .count();
                    assert!((2..=5).contains(&asked), "{name} {} for {}: {asked} questions", ind.id, o.id);
                }
            }
            for q in ind.questions.clone() {
                let q = &s.questions[q];
                // Six descriptors specific to the question: no two levels alike.
                let mut zh: Vec<&str> = q.levels.iter().map(|l| l.zh.as_str()).collect();
                zh.sort_unstable();
                zh.dedup();
                assert_eq!(zh.len(), 6, "{name} {}: repeated level descriptors", q.id);
                if s.id != "sample" {
                    assert!(q.help.is_some() && q.evidence.is_some(), "{name} {}: no help or evidence", q.id);
                }
            }
        }
    }
    for (name, s) in all.iter().filter(|(_, s)| s.id != "sample") {
        // Not one generic ladder pasted everywhere: at most one pair of questions (plain numeric
        // percentage bands) may share the same six descriptors.
        let mut ladders: Vec<String> = s.questions.iter().map(|q| format!("{:?}", q.levels)).collect();
        ladders.sort_unstable();
        ladders.dedup();
        assert!(
            ladders.len() + 1 >= s.questions.len(),
            "{name}: {} ladders for {} questions",
            ladders.len(),
            s.questions.len()
        );
    }
    let enterprise = &all[0].1;
    let regional = &all[1].1;
    assert!(enterprise.questions.len() >= 45 && regional.questions.len() >= 42);
    // The blocking gates the domain brief names: G1 (compliance) is split since 2.0.0 into the
    // credit of the firm and its legal representative, spot checks and accidents, all blocking.
    for g in ["G1a", "G1b", "G1c"] {
        assert!(enterprise.gates.iter().any(|x| x.id.as_str() == g && x.blocking), "{g}");
    }
    assert!(regional.gates.iter().any(|g| g.id.as_str() == "RG1" && g.blocking));
    assert_eq!(regional.tiers.last().and_then(|t| t.min_part_percent), Some(60));
    // Issue 12: the city rung names 青岛优品; no label reads like a shortlist; every source has its
    // English rendering; every condition says where it comes from.
    assert!(enterprise
        .programmes
        .iter()
        .any(|p| p.title.zh.starts_with("青岛优品") && enterprise.tiers[p.rung].id.as_str() == "qingdao"));
    for s in [enterprise, regional] {
        let labels = s.tiers.iter().map(|t| &t.name).chain(s.programmes.iter().map(|p| &p.title));
        for l in labels {
            assert!(!l.zh.contains("候选") && !l.en.to_lowercase().contains("candidate"), "{}: {}", s.id, l.zh);
        }
        let sources = s
            .sources
            .iter()
            .chain(s.indicators.iter().flat_map(|i| &i.sources))
            .chain(s.gates.iter().flat_map(|g| &g.sources))
            .chain(
                s.programmes.iter().flat_map(|p| p.sources.iter().chain(p.conditions.iter().flat_map(|c| &c.sources))),
            );
        for src in sources {
            assert!(src.cite_en.is_some(), "{}: no English for {}", s.id, src.cite);
        }
        for p in &s.programmes {
            for c in &p.conditions {
                assert!(!c.sources.is_empty() || p.id.as_str() == "demo", "{} {}: no source", p.id, c.id);
            }
        }
    }
}

fn shortfall_text(s: &Standard, f: &Shortfall) -> String {
    match f {
        Shortfall::Points { short } => format!("points:{short}"),
        Shortfall::GatesOpen(g) => {
            format!("gates:{}", g.iter().map(|g| s.gates[*g].id.as_str()).collect::<Vec<_>>().join(","))
        }
        Shortfall::Guard { parts, percent } => {
            format!("guard{percent}:{}", parts.iter().map(|p| s.parts[*p].id.as_str()).collect::<Vec<_>>().join(","))
        }
    }
}

/// The listed programmes in the shape of `golden.expect.programmes`.
fn programmes_actual(s: &Standard, a: &brand_core::Answers, year: u16) -> Value {
    let sc = brand_core::score(s, a);
    let list: Vec<Value> = brand_core::programmes(s, a, &sc, year)
        .iter()
        .map(|r| {
            let p = &s.programmes[r.programme];
            let conditions: Vec<Value> = r
                .conditions
                .iter()
                .map(|c| {
                    serde_json::json!({ "id": p.conditions[c.condition].id.as_str(),
                        "status": common::condition_text(c.status) })
                })
                .collect();
            serde_json::json!({ "id": p.id.as_str(), "status": common::status_text(r.status), "held": r.held,
                "conditions": conditions })
        })
        .collect();
    Value::Array(list)
}

/// The assessment in the shape of `golden.expect` (with `programmes` for year `year` when given).
fn actual(s: &Standard, file: AnswersFile, year: Option<u16>) -> Value {
    let (answers, issues) = file.into_answers(s);
    assert!(issues.is_empty(), "import issues: {issues:?}");
    let x = assess(s, &answers);
    let sc = &x.score;
    let parts: serde_json::Map<String, Value> = s
        .parts
        .iter()
        .zip(&sc.parts)
        .map(|(p, ps)| (p.id.to_string(), Value::from(f64::from(ps.achieved_tenths()) / 10.0)))
        .collect();
    let outcome = match &x.outcome {
        TierOutcome::Tier(t) => s.tiers[*t].id.to_string(),
        TierOutcome::FixFirst { .. } => "fix_first".into(),
        TierOutcome::BelowFirst => "below_first".into(),
    };
    let plan = x.plan.as_ref().map(|p| {
        serde_json::json!({
            "target": s.tiers[p.target].id.to_string(),
            "steps": p.steps.iter().map(|st| format!("{}:{}>{}", s.questions[st.question].id, st.from, st.to)).collect::<Vec<_>>(),
            "gates": p.gates.iter().map(|g| s.gates[*g].id.to_string()).collect::<Vec<_>>(),
            "total_after": p.total_after,
            "reachable": p.reachable,
        })
    });
    let mut out = serde_json::json!({
        "total": sc.total, "min": sc.min, "max": sc.max,
        "parts": parts,
        "outcome": outcome,
        "next": x.next.map(|t| s.tiers[t].id.to_string()),
        "shortfalls": x.shortfalls.iter().map(|f| shortfall_text(s, f)).collect::<Vec<_>>(),
        "plan": plan,
        "evidence_missing": sc.evidence_capped.iter().map(|q| s.questions[*q].id.to_string()).collect::<Vec<_>>(),
        "advisories": x.advisories.iter().map(|a| s.advisories[*a].id.clone()).collect::<Vec<_>>(),
    });
    if let Some(year) = year {
        out["programmes"] = programmes_actual(s, &answers, year);
    }
    out
}

#[test]
fn every_golden_set_scores_as_worked_out() {
    let standards = shipped();
    let mut checked = 0;
    for (_, s) in standards.iter().filter(|(_, s)| s.id != "sample") {
        let dir = standards_dir().join("golden").join(&s.id);
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).expect("golden dir").map(|e| e.expect("entry").path()).collect();
        files.sort();
        assert!(files.len() >= 12, "{}: only {} golden sets", s.id, files.len());
        for path in files {
            let text = std::fs::read_to_string(&path).expect("read golden");
            let doc: Value = serde_json::from_str(&text).expect("golden JSON");
            let expect = &doc["golden"]["expect"];
            let file = AnswersFile::parse(&text).expect("a golden set is a valid answers file");
            assert_eq!(file.standard.id, s.id);
            assert_eq!(file.standard.version, s.version, "{}: regenerate with tools/golden.py", path.display());
            // Programmes are compared when the expectation has them, for its stated year.
            let year = expect.get("programmes").map(|_| {
                let y = doc["golden"]["year"]
                    .as_u64()
                    .unwrap_or_else(|| panic!("{}: programmes need golden.year", path.display()));
                u16::try_from(y).expect("a year")
            });
            let got = actual(s, file, year);
            assert_eq!(&got, expect, "\n{}\n{}", path.display(), doc["golden"]["worked"]);
            checked += 1;
        }
    }
    assert!(checked >= 24);
}

/// The programmes hook, on the programmes fixture: what a golden set's `expect.programmes` is
/// compared with (the shipped golden sets gain them with the standards' programmes).
#[test]
fn golden_programmes_are_compared_for_their_year() {
    let s = common::progs();
    let text = r#"{ "format": "brand-self-check/answers", "version": 2,
        "standard": { "id": "progs", "version": "2.0.0", "hash": "" },
        "profile": { "sector": "svc" }, "gates": { "G1": "yes" },
        "facts": { "titles": ["haopin"] },
        "golden": { "year": 2026 } }"#;
    let file = AnswersFile::parse(text).expect("readable");
    let got = actual(&s, file, Some(2026));
    assert_eq!(
        got["programmes"],
        serde_json::json!([{ "id": "sd_high", "status": "not_eligible", "held": false, "conditions": [
            { "id": "SD-staff", "status": "not_applicable" },
            { "id": "SD-G1", "status": "met" },
            { "id": "SD-new", "status": "not_met" }] }])
    );
    let file = AnswersFile::parse(text).expect("readable");
    assert!(actual(&s, file, None).get("programmes").is_none());
}
