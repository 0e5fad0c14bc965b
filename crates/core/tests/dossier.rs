//! The checklist and the action plan (dossier.rs), the due dates, and the version-3 answers file.
mod common;

use brand_core::answers::{AnswersFile, Expected, ImportIssue, IssueKind, MAX_NOTE_CHARS};
use brand_core::dossier::{
    action_plan, checklist, Action, ActionKey, ActionStatus, Day, DayFault, DocMark, DocStatus, ItemKind,
    MAX_OWNER_CHARS,
};
use brand_core::{score, DocumentId};
use common::{answers, progs};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap_or_else(|f| panic!("{s}: {f:?}"))
}

#[test]
fn days_are_calendar_days_written_iso() {
    for (text, want) in [
        ("2026-12-02", Ok((2026, 12, 2))),
        ("2024-02-29", Ok((2024, 2, 29))),
        ("2000-02-29", Ok((2000, 2, 29))),
        ("1800-01-01", Ok((1800, 1, 1))),
        ("2100-12-31", Ok((2100, 12, 31))),
        ("2026-02-29", Err(DayFault::NoSuchDay)),
        ("1900-02-29", Err(DayFault::NoSuchDay)),
        ("2026-04-31", Err(DayFault::NoSuchDay)),
        ("2026-13-01", Err(DayFault::NoSuchDay)),
        ("2026-00-10", Err(DayFault::NoSuchDay)),
        ("2026-01-00", Err(DayFault::NoSuchDay)),
        ("1799-12-31", Err(DayFault::NoSuchDay)),
        ("2101-01-01", Err(DayFault::NoSuchDay)),
        ("2026-1-05", Err(DayFault::NotIso)),
        ("2026/01/05", Err(DayFault::NotIso)),
        ("２０２６-01-05", Err(DayFault::NotIso)),
        ("2026-01-05T00:00", Err(DayFault::NotIso)),
        (" 2026-01-05", Err(DayFault::NotIso)),
        ("", Err(DayFault::NotIso)),
        ("+026-01-05", Err(DayFault::NotIso)),
    ] {
        let got = Day::parse(text).map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(got, want, "{text:?}");
        if let Ok(d) = Day::parse(text) {
            assert_eq!(d.to_string(), text);
        }
    }
    assert!(day("2026-12-01") < day("2026-12-02") && day("2025-12-31") < day("2026-01-01"));
}

#[test]
fn the_checklist_lists_what_each_programme_asks_for_with_what_it_proves() {
    let s = progs();
    let rows = |p: usize, a: &brand_core::Answers| {
        checklist(&s, a, p)
            .rows
            .iter()
            .map(|r| {
                let conds: Vec<&str> =
                    r.conditions.iter().map(|&c| s.programmes[p].conditions[c].id.as_str()).collect();
                format!("{}{:?}", s.documents[r.document].id, conds)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let none = answers(&s, "");
    assert_eq!(rows(0, &none), r#"licence["QY-city"] audit["QY-revenue"]"#);
    assert_eq!(rows(1, &none), r#"audit[] pledge[]"#);
    assert_eq!(rows(2, &none), r#"licence[] audit["HP-R&D"]"#);
    let mut a = none.clone();
    a.set_mark("audit".into(), DocMark { status: Some(DocStatus::Have), place: "档案柜 3".into() });
    a.set_mark("pledge".into(), DocMark { status: Some(DocStatus::NotApplicable), place: String::new() });
    let c = checklist(&s, &a, 1);
    assert_eq!((c.have, c.todo, c.not_applicable, c.unmarked), (1, 0, 1, 0));
    assert_eq!(c.rows[0].mark.place, "档案柜 3");
    let c = checklist(&s, &a, 0);
    assert_eq!((c.have, c.todo, c.not_applicable, c.unmarked), (1, 0, 0, 1));
    // An empty mark is no mark: the map stays canonical.
    a.set_mark("pledge".into(), DocMark::default());
    assert!(!a.checklist.contains_key(&DocumentId::from("pledge")));
}

fn plan_keys(s: &brand_core::Standard, a: &brand_core::Answers, p: usize, today: Option<Day>) -> String {
    action_plan(s, a, &score(s, a), p, 2026, today).items.iter().map(|i| i.key.key()).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_plan_is_evidence_conditions_documents_practice() {
    let s = progs();
    // The programme plan of programmes.rs (evidence A1.1, conditions R&D and revenue, practice
    // B2.1), with the two documents of 青岛优品 between the conditions and the practice.
    let spec = "sector=mfg *=2 A1.1=4 B2.1=1 G*=yes city=qingdao founded=2015 titles=";
    let mut a = answers(&s, spec);
    assert_eq!(
        plan_keys(&s, &a, 0, None),
        "evidence:A1.1 condition:qy_industry/QY-R&D condition:qy_industry/QY-revenue document:licence \
         document:audit practice:B2.1"
    );
    // A document had or not applicable leaves the plan; one to prepare stays.
    a.set_mark("licence".into(), DocMark { status: Some(DocStatus::Have), place: String::new() });
    a.set_mark("audit".into(), DocMark { status: Some(DocStatus::Todo), place: String::new() });
    assert_eq!(
        plan_keys(&s, &a, 0, None),
        "evidence:A1.1 condition:qy_industry/QY-R&D condition:qy_industry/QY-revenue document:audit practice:B2.1"
    );
    // Every key reads back as the item it names.
    let plan = action_plan(&s, &a, &score(&s, &a), 0, 2026, None);
    for item in &plan.items {
        assert_eq!(ActionKey::parse(&s, &item.key.key()).as_ref(), Some(&item.key));
        let kind_ok = match (&item.key, &item.kind) {
            (ActionKey::Evidence(q), ItemKind::Evidence(e)) => s.questions[e.question].id == *q,
            (ActionKey::Condition(_, c), ItemKind::Condition(r)) => s.programmes[0].conditions[r.condition].id == *c,
            (ActionKey::Document(d), ItemKind::Document(i)) => s.documents[*i].id == *d,
            (ActionKey::Practice(q), ItemKind::Practice(st)) => s.questions[st.step.question].id == *q,
            _ => false,
        };
        assert!(kind_ok, "{item:?}");
    }
    assert_eq!((plan.total_after, plan.reachable), (514, true));
}

#[test]
fn totals_and_overdue_are_derived() {
    let s = progs();
    let mut a = answers(&s, "sector=mfg *=2 A1.1=4 B2.1=1 G*=yes city=qingdao founded=2015 titles=");
    let today = day("2026-12-02");
    let rec = |owner: &str, due: Option<&str>, status| Action {
        owner: owner.into(),
        due: due.map(day),
        status,
        note: String::new(),
    };
    a.set_action(&ActionKey::Evidence("A1.1".into()), rec("王芳", Some("2026-12-01"), ActionStatus::Todo));
    a.set_action(
        &ActionKey::Condition("qy_industry".into(), "QY-R&D".into()),
        rec("李雷", Some("2026-12-02"), ActionStatus::Doing),
    );
    a.set_action(&ActionKey::Document("audit".into()), rec("", Some("2026-01-01"), ActionStatus::Done));
    a.set_action(&ActionKey::Practice("B2.1".into()), rec("  ", None, ActionStatus::Todo));
    let plan = action_plan(&s, &a, &score(&s, &a), 0, 2026, Some(today));
    let flags: Vec<bool> = plan.items.iter().map(|i| i.overdue).collect();
    // Due yesterday and not done: overdue. Due today: not yet. Done in the past: not overdue.
    assert_eq!(flags, vec![true, false, false, false, false, false]);
    let t = plan.totals;
    assert_eq!((t.items, t.todo, t.doing, t.done, t.overdue), (6, 4, 1, 1, 1));
    // Not done without an owner: QY-revenue, licence, B2.1 (blank); without a date: those three.
    assert_eq!((t.unassigned, t.undated), (3, 3));
    // Without a clock nothing is overdue.
    assert_eq!(action_plan(&s, &a, &score(&s, &a), 0, 2026, None).totals.overdue, 0);
    // The shared records: the audit document's action shows in 山东 高端品牌's plan too.
    let sd = action_plan(&s, &a, &score(&s, &a), 1, 2026, Some(today));
    let audit = sd.items.iter().find(|i| i.key == ActionKey::Document("audit".into())).expect("audit");
    assert_eq!(audit.action.status, ActionStatus::Done);
    // An empty record is no record.
    a.set_action(&ActionKey::Practice("B2.1".into()), Action::default());
    assert!(!a.actions.contains_key("practice:B2.1"));
}

#[test]
fn checklist_and_actions_round_trip_and_the_writer_matches_serde_json() {
    let s = progs();
    let mut a = answers(&s, "sector=mfg A1.1=5e city=qingdao");
    a.set_mark("audit".into(), DocMark { status: Some(DocStatus::Have), place: "财务部 \"2025\" 卷\n第 2 册".into() });
    a.set_mark("licence".into(), DocMark { status: None, place: "前台".into() });
    a.set_action(
        &ActionKey::Condition("qy_industry".into(), "QY-R&D".into()),
        Action {
            owner: "张三".into(),
            due: Some(day("2027-03-31")),
            status: ActionStatus::Doing,
            note: "加计扣除".into(),
        },
    );
    a.set_action(&ActionKey::Document("pledge".into()), Action { status: ActionStatus::Done, ..Action::default() });
    let file = AnswersFile::new(&s, &a, None);
    let json = file.to_json();
    assert_eq!(json, serde_json::to_string_pretty(&file).expect("serde"));
    assert_eq!(file.to_compact_json(), serde_json::to_string(&file).expect("serde"));
    assert!(json.contains("\"due\": \"2027-03-31\"") && json.contains("\"where\": \"前台\""), "{json}");
    let (back, issues) = AnswersFile::parse(&json).expect("readable").into_answers(&s);
    assert_eq!((back, issues), (a, vec![]));
}

const HEAD: &str = r#""format": "brand-self-check/answers", "version": 3,
  "standard": {"id": "programmes-fixture", "version": "1.0.0", "hash": "x"},
  "profile": {}, "questions": {"A1.1": {"level": 3, "note": "kept"}}, "gates": {}"#;

#[test]
fn bad_entries_get_their_own_issue_and_nothing_else_is_lost() {
    let s = progs();
    let owner = "长".repeat(10_000);
    let note = "n".repeat(MAX_NOTE_CHARS + 1);
    let text = format!(
        r#"{{ {HEAD},
  "checklist": {{
    "audit": {{"status": "have", "where": "柜 1"}},
    "passport": {{"status": "have"}},
    "licence": {{"status": "lost", "where": "前台"}},
    "pledge": "have"
  }},
  "actions": {{
    "document:audit": {{"owner": "{owner}", "due": "2026-02-30", "status": "doing", "note": "{note}"}},
    "document:passport": {{"status": "todo"}},
    "evidence:Z9.9": {{"status": "todo"}},
    "condition:sd_high/QY-R&D": {{"status": "todo"}},
    "meeting:monday": {{"status": "todo"}},
    "practice:B2.1": {{"due": "31/12/2026", "status": "finished", "owner": "赵六"}},
    "evidence:A1.1": {{"due": 20261231, "owner": "钱七"}}
  }}
}}"#
    );
    let file = AnswersFile::parse(&text).expect("readable");
    let (a, issues) = file.into_answers(&s);
    let id = |x: &str| x.to_owned();
    // The file names another standard (the fixture is "progs"): reported, and the rest still read.
    let mut expected = vec![
        ImportIssue::OtherStandard { found: id("programmes-fixture") },
        ImportIssue::WrongType { path: id(r#"$.checklist["licence"].status"#), expected: Expected::DocStatus },
        ImportIssue::UnknownDocument(id("passport")),
        ImportIssue::WrongType { path: id(r#"$.checklist["pledge"]"#), expected: Expected::Object },
        ImportIssue::TextTooLong {
            path: id(r#"$.actions["document:audit"].owner"#),
            chars: 10_000,
            max: MAX_OWNER_CHARS,
        },
        ImportIssue::TextTooLong {
            path: id(r#"$.actions["document:audit"].note"#),
            chars: MAX_NOTE_CHARS + 1,
            max: MAX_NOTE_CHARS,
        },
        ImportIssue::DateRefused {
            action: id("document:audit"),
            found: id("\"2026-02-30\""),
            fault: DayFault::NoSuchDay,
        },
        ImportIssue::UnknownAction(id("document:passport")),
        ImportIssue::UnknownAction(id("evidence:Z9.9")),
        ImportIssue::DateRefused { action: id("evidence:A1.1"), found: id("20261231"), fault: DayFault::NotIso },
        ImportIssue::UnknownAction(id("meeting:monday")),
        ImportIssue::WrongType { path: id(r#"$.actions["practice:B2.1"].status"#), expected: Expected::ActionStatus },
        ImportIssue::DateRefused { action: id("practice:B2.1"), found: id("\"31/12/2026\""), fault: DayFault::NotIso },
        ImportIssue::UnknownAction(id("condition:sd_high/QY-R&D")),
    ];
    let mut got = issues.clone();
    let key = |i: &ImportIssue| format!("{i:?}");
    got.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(got, expected);
    // What fitted is kept: the answer, the audit mark, the place of the licence, each record's
    // other fields (the owner cut to 100 characters, the status of the record with a bad date).
    assert_eq!(a.questions.len(), 1);
    assert_eq!(
        a.checklist[&DocumentId::from("audit")],
        DocMark { status: Some(DocStatus::Have), place: "柜 1".into() }
    );
    assert_eq!(a.checklist[&DocumentId::from("licence")], DocMark { status: None, place: "前台".into() });
    let audit = &a.actions["document:audit"];
    assert_eq!((audit.owner.chars().count(), audit.due, audit.status), (MAX_OWNER_CHARS, None, ActionStatus::Doing));
    assert_eq!(a.actions["practice:B2.1"].owner, "赵六");
    assert_eq!(a.actions["practice:B2.1"].status, ActionStatus::Todo);
    assert_eq!(a.actions["evidence:A1.1"].owner, "钱七");
    assert_eq!(
        brand_core::answers::issue_counts(&issues).iter().find(|(k, _)| *k == IssueKind::UnknownAction),
        Some(&(IssueKind::UnknownAction, 4))
    );
}

#[test]
fn version_2_files_read_with_an_empty_checklist() {
    let s = progs();
    let text = HEAD.replace("\"version\": 3", "\"version\": 2");
    let (a, _) = AnswersFile::parse(&format!("{{ {text} }}")).expect("readable").into_answers(&s);
    assert!(a.checklist.is_empty() && a.actions.is_empty() && a.questions.len() == 1);
}
