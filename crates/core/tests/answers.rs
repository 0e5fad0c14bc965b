//! Answers files: round trips, the result summary, and what import keeps and reports.

mod common;
use brand_core::answers::{AnswersFile, ImportError, ImportIssue, FILE_VERSION};
use brand_core::{assess, Answers};

#[test]
fn export_then_import_gives_the_same_answers() {
    let s = common::mini();
    let a = common::answers(&s, "sector=mfg A1.*=5e A2.1=na B1.1=2 B1.2=note G1=yes G2=unsure G3=no");
    let json = AnswersFile::new(&s, &a, None).to_json();
    let file = AnswersFile::parse(&json).expect("readable");
    assert_eq!(file.version, FILE_VERSION);
    assert_eq!(file.standard.hash, s.content_hash);
    let (back, issues) = file.into_answers(&s);
    assert_eq!(issues, vec![]);
    assert_eq!(back, a);
    assert_eq!(assess(&s, &back), assess(&s, &a));
}

#[test]
fn the_standard_hash_is_of_its_bytes() {
    let v = common::mini_value();
    let a = brand_core::parse(&v.to_string()).unwrap();
    let b = brand_core::parse(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
    assert!(a.content_hash.starts_with("sha256:") && a.content_hash.len() == 71);
    assert_ne!(a.content_hash, b.content_hash, "different bytes, different hash");
}

#[test]
fn unreadable_files_are_refused_with_a_reason() {
    assert!(matches!(AnswersFile::parse("not json"), Err(ImportError::NotJson(_))));
    assert!(matches!(AnswersFile::parse("{\"format\":\"brand-self-check/answ"), Err(ImportError::NotJson(_))));
    assert_eq!(AnswersFile::parse("{\"a\": 1}"), Err(ImportError::NotAnswers));
    assert_eq!(
        AnswersFile::parse(r#"{"format":"brand-self-check/answers","version":9,"standard":{}}"#),
        Err(ImportError::NewerVersion { found: 9 })
    );
    assert!(matches!(
        AnswersFile::parse(r#"{"format":"brand-self-check/answers","version":1,"standard":{"id":1}}"#),
        Err(ImportError::WrongShape(_))
    ));
}

#[test]
fn what_does_not_fit_is_reported_and_the_rest_kept() {
    let s = common::mini();
    let json = r#"{
        "format": "brand-self-check/answers", "version": 1,
        "standard": { "id": "other", "version": "0.1", "hash": "sha256:00" },
        "profile": { "sector": "mining", "size": "big" },
        "questions": {
            "A1.1": { "level": 4, "note": "<script>alert(1)</script>" },
            "A1.2": { "level": 9 },
            "B1.1": { "na": true },
            "Z9": { "level": 1 }
        },
        "gates": { "G1": "yes", "G8": "no" }
    }"#;
    let (a, mut issues) = AnswersFile::parse(json).unwrap().into_answers(&s);
    issues.sort_by_key(|i| format!("{i:?}"));
    assert_eq!(
        issues,
        vec![
            ImportIssue::LevelOutOfRange { question: "A1.2".into(), level: 9 },
            ImportIssue::NotApplicableRefused("B1.1".into()),
            ImportIssue::OtherStandard { found: "other".into() },
            ImportIssue::UnknownGate("G8".into()),
            ImportIssue::UnknownOption { profile: "sector".into(), option: "mining".into() },
            ImportIssue::UnknownProfile("size".into()),
            ImportIssue::UnknownQuestion("Z9".into()),
        ]
    );
    let expected = {
        let mut e = Answers::default();
        e.set_response("A1.1".into(), Some(brand_core::Response::Level(brand_core::answers::Level::new(4).unwrap())));
        e.set_note("A1.1".into(), "<script>alert(1)</script>".into());
        e.set_gate("G1".into(), Some(brand_core::GateAnswer::Yes));
        e
    };
    assert_eq!(a, expected, "the note is kept as text; nothing else slipped through");
}

#[test]
fn differences_count_what_an_import_would_change() {
    let s = common::mini();
    let a = common::answers(&s, "sector=mfg A1.1=3 A1.2=4e G1=yes");
    assert_eq!(a.differences(&a), 0);
    let b = common::answers(&s, "sector=svc A1.1=3 A1.2=4 B1.1=2 G1=yes");
    // sector changed, A1.2 lost its note, B1.1 is new.
    assert_eq!(a.differences(&b), 3);
    assert_eq!(b.differences(&a), 3);
    assert_eq!(a.differences(&Answers::default()), 4);
}
