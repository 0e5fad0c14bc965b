//! The fuzz targets' inputs, run natively in the normal test command: every file in the committed
//! fuzz corpus (so anything the fuzzer ever found stays a regression test), and a short proptest
//! run of random and mutated inputs. Parsing must refuse or accept, never panic, and whatever is
//! accepted must score within bounds.

use std::path::Path;

use brand_core::answers::{AnswersFile, ImportError, Level, MAX_ANSWERS_BYTES};
use brand_core::{assess, handover, parse, Answers, Response, Standard};
use proptest::prelude::*;

fn enterprise() -> &'static Standard {
    static S: std::sync::OnceLock<Standard> = std::sync::OnceLock::new();
    S.get_or_init(|| parse(include_str!("../../../standards/enterprise.json")).expect("shipped standard"))
}

fn check_standard(text: &str) {
    if let Ok(s) = parse(text) {
        let mut a = Answers::default();
        let _ = assess(&s, &a);
        for q in &s.questions {
            a.set_response(q.id.clone(), Level::new(5).map(Response::Level));
        }
        assert!(assess(&s, &a).score.total <= s.total_points);
        check_programmes(&s, &a);
    }
}

/// Programmes evaluate and plan on whatever parsed.
fn check_programmes(s: &Standard, a: &Answers) {
    let sc = brand_core::score(s, a);
    for r in brand_core::programmes(s, a, &sc, 2026) {
        assert!(brand_core::programme_plan(s, a, &sc, r.programme, 2026).total_after <= s.total_points);
    }
    let _ = brand_core::crosswalk(s, &sc);
}

fn progs() -> &'static Standard {
    static S: std::sync::OnceLock<Standard> = std::sync::OnceLock::new();
    S.get_or_init(|| parse(PROGS).expect("the programmes fixture"))
}

fn check_answers(s: &Standard, text: &str) {
    same_json_as_serde(text);
    if let Ok(file) = AnswersFile::parse(text) {
        let (answers, _) = file.into_answers(s);
        let x = assess(s, &answers);
        assert!(x.score.min <= x.score.total && x.score.total <= x.score.max && x.score.max <= 1000);
        check_programmes(s, &answers);
    }
}

/// The answers reader's own JSON parser accepts what serde_json accepts, and refuses as "not JSON"
/// only what serde_json refuses too; where they differ on purpose (a lone surrogate, a number
/// beyond f64, nesting past MAX_DEPTH or serde_json's 128), serde_json's developer message says which.
fn same_json_as_serde(text: &str) {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if body.len() > MAX_ANSWERS_BYTES {
        return;
    }
    let ours = AnswersFile::parse(text);
    match serde_json::from_str::<serde_json::Value>(body) {
        Ok(_) => assert!(
            !matches!(ours, Err(ImportError::NotJson { .. })),
            "serde_json reads it, we do not: {ours:?}\n{text:?}"
        ),
        Err(e) => {
            let m = e.to_string();
            // serde_json words a lone high surrogate followed by anything but `\u` as an
            // "unexpected end of hex escape".
            let on_purpose = m.contains("surrogate")
                || m.contains("end of hex escape")
                || m.contains("out of range")
                || m.contains("recursion");
            assert!(
                // Too deep is found where the depth is passed, before any later syntax error.
                on_purpose || matches!(ours, Err(ImportError::NotJson { .. } | ImportError::TooDeep { .. })),
                "serde_json refuses ({m}), we do not: {ours:?}\n{text:?}"
            );
        }
    }
}

/// As the `handover` fuzz target: refuse or return text that re-encodes to the input exactly and
/// imports like any file.
fn check_handover(s: &Standard, text: &str) {
    if let Ok(json) = handover::decode(text) {
        assert_eq!(handover::encode(&json), text.strip_prefix('#').unwrap_or(text));
        check_answers(s, &json);
    }
}

fn corpus(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus").join(target);
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

#[test]
fn the_mutation_seed_link_is_valid() {
    assert!(handover::decode(LINK).is_ok());
}

#[test]
fn the_fuzz_corpus_replays_cleanly() {
    let s = enterprise();
    let (standards, answers, links) = (corpus("parse_standard"), corpus("import_answers"), corpus("handover"));
    assert!(standards.len() >= 3 && answers.len() >= 5 && links.len() >= 5);
    for bytes in &standards {
        check_standard(&String::from_utf8_lossy(bytes));
    }
    for bytes in &answers {
        check_answers(s, &String::from_utf8_lossy(bytes));
    }
    let mut decoded = 0;
    for bytes in &links {
        let text = String::from_utf8_lossy(bytes);
        decoded += usize::from(handover::decode(&text).is_ok());
        check_handover(s, &text);
    }
    assert!(decoded >= 3, "the handover corpus keeps valid links as seeds");
}

/// A JSON text with one character replaced, removed or duplicated somewhere.
fn mutate(base: &'static str) -> impl Strategy<Value = String> {
    (0..base.len(), 0u8..3, any::<char>()).prop_map(move |(at, op, c)| {
        let mut s: Vec<char> = base.chars().collect();
        let i = at.min(s.len().saturating_sub(1));
        match op {
            0 => s[i] = c,
            1 => {
                s.remove(i);
            }
            _ => s.insert(i, s[i]),
        }
        s.into_iter().collect()
    })
}

const SAMPLE: &str = include_str!("../../../standards/sample.json");
const LINK: &str = "bsc1.49.35264e1c9975cf83.eyJmb3JtYXQiOiJicmFuZC1zZWxmLWNoZWNrL2Fuc3dlcnMiLCJ2ZXJzaW9uIjoxfQ";
const GOLDEN: &str = include_str!("../../../standards/golden/enterprise/05-not-applicable-answers.json");
const PROGS: &str = include_str!("../../../standards/fixtures/programmes.json");
/// An answers file with every kind of fact, against the programmes fixture.
const FACTS: &str = r#"{ "format": "brand-self-check/answers", "version": 2,
  "standard": { "id": "progs", "version": "1.0.0", "hash": "" }, "profile": { "sector": "mfg" },
  "questions": { "B2.1": { "level": 2 }, "OLD.1": { "level": 4, "note": "x" }, "B5.2": {} }, "gates": { "G5": "unsure", "G4": "no" },
  "facts": { "city": "qingdao", "founded": 2023, "revenue": 2600.5, "rd_ratio": 3.00, "staff": 120, "titles": ["haopin"] } }"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn random_text_never_panics(text in ".{0,400}") {
        check_standard(&text);
        check_answers(enterprise(), &text);
    }

    #[test]
    fn a_mutated_standard_never_panics(text in mutate(SAMPLE)) {
        check_standard(&text);
    }

    #[test]
    fn a_mutated_answers_file_never_panics(text in mutate(GOLDEN)) {
        check_answers(enterprise(), &text);
    }

    #[test]
    fn a_mutated_standard_with_programmes_never_panics(text in mutate(PROGS)) {
        check_standard(&text);
    }

    #[test]
    fn a_mutated_answers_file_with_facts_never_panics(text in mutate(FACTS)) {
        check_answers(progs(), &text);
    }

    #[test]
    fn a_mutated_link_never_panics(text in mutate(LINK)) {
        check_handover(enterprise(), &text);
        prop_assert!(text == LINK || handover::decode(&text).is_err());
    }
}
