//! Native table tests of `Session::apply`: what each action does, and every refusal (unknown ids,
//! N/A where it is not allowed, steps that do not exist, stale results) leaves the session as it
//! was. One line a case through `check` / `refused`.

use std::rc::Rc;

use brand_core::answers::{ImportError, ImportIssue};
use brand_core::{Answers, GateAnswer, GateId, Lang, OptionId, ProfileId, QuestionId, Standard};

use super::*;

fn sample() -> Rc<Standard> {
    Rc::new(brand_core::parse(include_str!("../../standards/sample.json")).expect("sample standard"))
}

const SAMPLE: Source = Source::Builtin("sample");

/// A session with the sample standard open and nothing answered.
fn opened() -> Session {
    let s = Session::new(Lang::Zh);
    let s = s.apply(Action::Open(SAMPLE)).expect("opening");
    s.apply(nothing_saved(1)).expect("opened")
}

/// The sample standard opened for request `request`, with nothing saved for it.
fn nothing_saved(request: u32) -> Action {
    Action::Opened { request, slot: Slot::first(), standard: sample(), restored: Restored::Nothing, embedded: false }
}

fn q(id: &str) -> QuestionId {
    QuestionId(id.to_owned())
}

#[track_caller]
fn refused(s: &Session, action: Action) {
    assert_eq!(s.apply(action.clone()), None, "{action:?} should change nothing");
}

#[track_caller]
fn check(s: &Session, action: Action, expect: impl FnOnce(&Session)) -> Session {
    let next = s.apply(action.clone()).unwrap_or_else(|| panic!("{action:?} was refused"));
    expect(&next);
    next
}

#[test]
fn edits_before_a_standard_is_open_are_refused() {
    let s = Session::new(Lang::En);
    refused(&s, Action::SetLevel(q("A1.1"), 3));
    refused(&s, Action::Go(Screen::Review));
    refused(&s, Action::Go(Screen::Step(Step::Indicator(0))));
    refused(&s, Action::ImportStarted(1));
    refused(&s, Action::OtherTabChanged(OtherTab::Removed));
    refused(&s, Action::ConfirmImport);
}

#[test]
fn answer_edits_check_the_standard() {
    let s = opened();
    let s = check(&s, Action::SetLevel(q("A1.1"), 3), |n| assert_eq!(n.save_due, SaveDue::Now));
    refused(&s, Action::SetLevel(q("A1.1"), 3)); // the value it already has
    refused(&s, Action::SetLevel(q("Z9.9"), 3)); // unknown question
    refused(&s, Action::SetLevel(q("A1.2"), 6)); // level out of range
    refused(&s, Action::SetNotApplicable(q("A1.2"))); // N/A not allowed here
    refused(&s, Action::SetNotApplicable(q("Z9.9")));
    refused(&s, Action::ClearResponse(q("Z9.9")));
    refused(&s, Action::SetNote(q("Z9.9"), "x".into()));
    refused(&s, Action::SetGate(GateId("G9".into()), Some(GateAnswer::Yes)));
    refused(&s, Action::SetProfile(ProfileId("sector".into()), Some(OptionId("mining".into()))));
    refused(&s, Action::SetProfile(ProfileId("size".into()), Some(OptionId("big".into()))));
    let s = check(&s, Action::SetNote(q("A1.1"), "report 2025".into()), |n| assert_eq!(n.save_due, SaveDue::Soon));
    let s = check(&s, Action::SetGate(GateId("G1".into()), Some(GateAnswer::Yes)), |_| {});
    check(&s, Action::SetProfile(ProfileId("sector".into()), Some(OptionId("services".into()))), |n| {
        assert_eq!(n.answers.profile.len(), 1)
    });
}

#[test]
fn only_existing_steps_can_be_reached() {
    let s = opened();
    let n = sample().indicators.len();
    check(&s, Action::Go(Screen::Step(Step::Indicator(n - 1))), |_| {});
    check(&s, Action::Go(Screen::Step(Step::Gates)), |_| {});
    refused(&s, Action::Go(Screen::Step(Step::Indicator(n))));
    refused(&s, Action::Go(Screen::About { back: Box::new(Screen::About { back: Box::new(Screen::Start) }) }));
    let st = sample();
    assert_eq!(Step::at(&st, n), Some(Step::Gates));
    assert_eq!(Step::at(&st, n + 1), None);
    assert_eq!(Step::Gates.next(&st), None);
    assert_eq!(Step::Indicator(0).previous(&st), None);
    assert_eq!(Step::Gates.previous(&st), Some(Step::Indicator(n - 1)));
}

#[test]
fn only_the_newest_opening_is_taken() {
    let s = Session::new(Lang::Zh);
    let s = s.apply(Action::Open(Source::Builtin("enterprise"))).expect("first");
    let s = s.apply(Action::Open(SAMPLE)).expect("second");
    assert_eq!(s.opening, Some(Opening { source: SAMPLE, slot: None, request: 2 }));
    // The first file arrives late: ignored.
    refused(&s, nothing_saved(1));
    refused(&s, Action::OpenFailed { request: 1, error: OpenError::Unavailable });
    let s = check(
        &s,
        Action::Opened {
            request: 2,
            slot: Slot::first(),
            standard: sample(),
            restored: Restored::Nothing,
            embedded: true,
        },
        |n| {
            assert_eq!(n.source, Some(SAMPLE));
            assert_eq!(n.opening, None);
            assert_eq!(n.notices, vec![Notice::EmbeddedStorage]);
        },
    );
    // Choosing the open one again changes nothing.
    refused(&s, Action::Open(SAMPLE));
}

#[test]
fn a_failed_opening_is_a_notice_for_a_builtin_and_the_screen_for_a_host_file() {
    let s = Session::new(Lang::Zh).apply(Action::Open(SAMPLE)).expect("open");
    check(&s, Action::OpenFailed { request: 1, error: OpenError::Unavailable }, |n| {
        assert_eq!(n.notices, vec![Notice::StandardUnavailable]);
        assert_eq!(n.host_error, None);
        assert_eq!(n.opening, None);
    });
    let host = Source::Host("https://example.gov.cn/q.json".into());
    let s = Session::new(Lang::Zh).apply(Action::Open(host)).expect("open");
    check(&s, Action::OpenFailed { request: 1, error: OpenError::Invalid(Vec::new()) }, |n| {
        assert_eq!(n.host_error, Some(OpenError::Invalid(Vec::new())));
        assert!(n.notices.is_empty());
    });
}

#[test]
fn restored_answers_and_what_was_kept_aside() {
    let s = Session::new(Lang::Zh).apply(Action::Open(SAMPLE)).expect("open");
    let kept = |moved| KeptAside { raw: Rc::from("{broken"), moved };
    let opened =
        |restored| Action::Opened { request: 1, slot: Slot::first(), standard: sample(), restored, embedded: false };
    check(&s, opened(Restored::Damaged(kept(true))), |n| {
        assert_eq!(n.notices, vec![Notice::Damaged(kept(true))]);
        assert!(n.may_save());
    });
    // Could not be moved aside: saving holds back until the user lets it resume.
    let held = check(&s, opened(Restored::Damaged(kept(false))), |n| {
        assert!(!n.may_save());
        assert!(n.held);
    });
    check(&held, Action::ReleaseHeld, |n| assert!(n.may_save()));
    refused(&opened_session(), Action::ReleaseHeld);
    let mut answers = Answers::default();
    answers.set_response(q("A1.1"), Some(brand_core::Response::Level(brand_core::answers::Level::new(2).expect("2"))));
    let issues = vec![ImportIssue::UnknownQuestion("Z9.9".into())];
    check(
        &s,
        opened(Restored::Found {
            answers: answers.clone(),
            issues: issues.clone(),
            original: Some(kept(false)),
            rehashed: true,
        }),
        |n| {
            assert_eq!(n.answers, answers);
            assert_eq!(n.notices, vec![Notice::Rehashed, Notice::Skipped { issues, original: kept(false) }]);
            assert!(!n.may_save());
        },
    );
    check(&s, opened(Restored::Unavailable), |n| assert_eq!(n.notices, vec![Notice::StorageUnavailable]));
}

fn opened_session() -> Session {
    opened()
}

fn pending(source: Source) -> PendingImport {
    let mut answers = Answers::default();
    answers.set_note(q("A1.1"), "imported".into());
    PendingImport { source, answers, issues: Vec::new(), changes: 1 }
}

#[test]
fn only_the_newest_import_becomes_a_preview_and_only_for_its_standard() {
    let s = opened();
    let s = check(&s, Action::ImportStarted(1), |_| {});
    let s = check(&s, Action::ImportStarted(2), |_| {});
    // The first file's read finishes last: ignored.
    refused(&s, Action::ImportRead { request: 1, result: Ok(pending(SAMPLE)) });
    let s = check(&s, Action::ImportRead { request: 2, result: Ok(pending(SAMPLE)) }, |n| assert!(n.pending.is_some()));
    let confirmed = check(&s, Action::ConfirmImport, |n| {
        assert_eq!(n.answers.answer(&q("A1.1")).map(|a| a.note.as_str()), Some("imported"));
        assert_eq!(n.pending, None);
    });
    refused(&confirmed, Action::ConfirmImport);
    // Switching questionnaires drops the preview, so it cannot land on the other one.
    let switched = check(&s, Action::Open(Source::Builtin("enterprise")), |n| assert_eq!(n.pending, None));
    refused(&switched, Action::ConfirmImport);
    // A preview checked against another source is never shown.
    let s = check(&opened(), Action::ImportStarted(3), |_| {});
    refused(&s, Action::ImportRead { request: 3, result: Ok(pending(Source::Builtin("enterprise"))) });
    check(&s, Action::ImportRead { request: 3, result: Err(Notice::ImportFailed(ImportError::NotAnswers)) }, |n| {
        assert_eq!(n.notices, vec![Notice::ImportFailed(ImportError::NotAnswers)])
    });
}

#[test]
fn another_tabs_change_pauses_saving_until_the_user_chooses() {
    let s = check(&opened(), Action::SetLevel(q("A1.1"), 4), |_| {});
    let mut theirs = Answers::default();
    theirs.set_note(q("A1.2"), "theirs".into());
    let waiting = check(&s, Action::OtherTabChanged(OtherTab::Saved(theirs.clone())), |n| assert!(!n.may_save()));
    check(&waiting, Action::UseOtherTab, |n| {
        assert_eq!(n.answers, theirs);
        assert!(n.may_save());
    });
    check(&waiting, Action::KeepThisTab, |n| {
        assert_eq!(n.answers, s.answers);
        assert!(n.may_save());
    });
    // Unreadable (a newer version wrote it): "use theirs" is not possible, ours are kept.
    let unreadable = check(&s, Action::OtherTabChanged(OtherTab::Unreadable), |_| {});
    refused(&unreadable, Action::UseOtherTab);
    check(&unreadable, Action::KeepThisTab, |n| assert_eq!(n.answers, s.answers));
    let removed = check(&s, Action::OtherTabChanged(OtherTab::Removed), |_| {});
    check(&removed, Action::UseOtherTab, |n| assert_eq!(n.answers, Answers::default()));
    refused(&s, Action::UseOtherTab);
    refused(&s, Action::KeepThisTab);
}

#[test]
fn notices_are_kept_once_and_dismissed_by_position() {
    let s = opened();
    let s = check(&s, Action::Notify(Notice::ImportTooLarge), |_| {});
    refused(&s, Action::Notify(Notice::ImportTooLarge));
    refused(&s, Action::Dismiss(1));
    check(&s, Action::Dismiss(0), |n| assert!(n.notices.is_empty()));
}

#[test]
fn start_over_forgets_the_answers_and_returns_to_the_start() {
    let s = check(&opened(), Action::SetLevel(q("A1.1"), 4), |_| {});
    let s = check(&s, Action::Go(Screen::Report), |_| {});
    check(&s, Action::Clear, |n| {
        assert_eq!(n.answers, Answers::default());
        assert_eq!(n.screen, Screen::Start);
    });
}

fn link_for(standard_id: &str) -> String {
    let mut answers = Answers::default();
    answers.set_note(q("A1.1"), "from the link".into());
    let mut file = brand_core::AnswersFile::new(&sample(), &answers, None);
    file.standard.id = standard_id.to_owned();
    brand_core::handover::encode(&file.to_compact_json())
}

#[test]
fn a_hand_over_link_opens_its_questionnaire_and_becomes_a_preview() {
    let s = Session::new(Lang::Zh);
    let s = check(&s, Action::HandOver(link_for("sample")), |n| {
        assert_eq!(n.opening, Some(Opening { source: SAMPLE, slot: None, request: 1 }));
        assert!(n.handover.is_some());
    });
    check(&s, nothing_saved(1), |n| {
        let p = n.pending.as_ref().expect("a preview");
        assert_eq!(p.answers.answer(&q("A1.1")).map(|a| a.note.as_str()), Some("from the link"));
        assert_eq!(n.answers, Answers::default(), "nothing replaced before the user confirms");
        assert_eq!(n.handover, None);
    });
    // Already open: the preview comes at once.
    check(&opened(), Action::HandOver(link_for("sample")), |n| assert!(n.pending.is_some()));
}

#[test]
fn a_broken_hand_over_link_is_a_notice_and_changes_nothing_else() {
    let good = link_for("sample");
    let cut = good[..good.len() - 10].to_owned();
    let s = opened();
    check(&s, Action::HandOver(cut), |n| {
        assert!(matches!(n.notices[..], [Notice::HandoverFailed(brand_core::handover::HandoverError::CutOff { .. })]));
        assert_eq!(n.answers, s.answers);
        assert_eq!(n.pending, None);
    });
    let mut edited = good.clone().into_bytes();
    let last = edited.len() - 1;
    edited[last] = if edited[last] == b'A' { b'B' } else { b'A' };
    check(&s, Action::HandOver(String::from_utf8(edited).expect("ascii")), |n| {
        assert!(matches!(n.notices[..], [Notice::HandoverFailed(_)]))
    });
    check(&s, Action::HandOver(link_for("nowhere")), |n| {
        assert_eq!(n.notices, vec![Notice::ImportOtherStandard("nowhere".into())])
    });
    // An ordinary fragment is not ours: nothing happens.
    refused(&s, Action::HandOver("section-2".into()));
}

/// A session with the core's programmes fixture open (facts, titles, programmes).
fn with_facts() -> Session {
    let st = Rc::new(
        brand_core::parse(include_str!("../../standards/fixtures/programmes.json")).expect("programmes fixture"),
    );
    let s = Session::new(Lang::Zh).apply(Action::Open(Source::Host("/progs.json".into()))).expect("opening");
    s.apply(Action::Opened {
        request: 1,
        slot: Slot::first(),
        standard: st,
        restored: Restored::Nothing,
        embedded: false,
    })
    .expect("opened")
}

fn fact(id: &str) -> FactId {
    FactId(id.to_owned())
}

fn typed(id: &str, text: &str) -> Action {
    Action::SetFactText { id: fact(id), text: text.into(), year: 2026 }
}

#[test]
fn typed_facts_keep_what_was_typed_and_only_usable_values_reach_the_answers() {
    let s = with_facts();
    // A usable value: in the answers, and the draft shows it as typed ("3.", "3.20" …).
    let s = check(&s, typed("rd_ratio", "3.20"), |n| {
        assert_eq!(
            n.answers.facts.get(&fact("rd_ratio")),
            Some(&FactValue::Number(brand_core::Decimal::from_hundredths(320)))
        );
        assert_eq!(n.fact_drafts.get(&fact("rd_ratio")).map(String::as_str), Some("3.20"));
        assert_eq!(n.save_due, SaveDue::Soon);
    });
    // Refused values stay as drafts; the answers keep the last usable value, nothing else changes.
    for bad in ["abc", "-5", "3.123", "1e400", "101"] {
        check(&s, typed("rd_ratio", bad), |n| {
            assert_eq!(n.answers, s.answers, "{bad}");
            assert_eq!(n.fact_drafts.get(&fact("rd_ratio")).map(String::as_str), Some(bad));
        });
    }
    // A founding year after the assessment year, and one that is not a year.
    check(&s, typed("founded", "2031"), |n| assert!(!n.answers.facts.contains_key(&fact("founded"))));
    check(&s, typed("founded", "20.5"), |n| assert!(!n.answers.facts.contains_key(&fact("founded"))));
    let s = check(&s, typed("founded", "2023"), |n| {
        assert_eq!(n.answers.facts.get(&fact("founded")), Some(&FactValue::Year(2023)))
    });
    // An empty field clears the fact.
    let s = check(&s, typed("founded", " "), |n| assert!(!n.answers.facts.contains_key(&fact("founded"))));
    // Unknown facts, and text for a choice fact, are refused.
    refused(&s, typed("turnover", "5"));
    refused(&s, typed("city", "qingdao"));
    refused(&s, typed("titles", "qy"));
    // Drafts go with the answers they were typed for.
    check(&s, Action::Clear, |n| assert!(n.fact_drafts.is_empty()));
}

#[test]
fn choice_and_title_facts_check_the_standard() {
    let s = with_facts();
    let city = || fact("city");
    let s = check(&s, Action::SetFactChoice(city(), Some(OptionId("jinan".into()))), |n| {
        assert_eq!(n.answers.facts.get(&city()), Some(&FactValue::Choice(OptionId("jinan".into()))))
    });
    refused(&s, Action::SetFactChoice(city(), Some(OptionId("shanghai".into()))));
    refused(&s, Action::SetFactChoice(fact("revenue"), Some(OptionId("jinan".into()))));
    refused(&s, Action::SetFactChoice(fact("nowhere"), None));
    let s = check(&s, Action::SetFactChoice(city(), None), |n| assert!(!n.answers.facts.contains_key(&city())));
    // Titles: toggled on and off, kept in the standard's order, the fact gone when none is held.
    let t = |id: &str| TitleId(id.to_owned());
    let s = check(&s, Action::ToggleTitle(t("chiming")), |_| {});
    let s = check(&s, Action::ToggleTitle(t("qy")), |n| {
        assert_eq!(n.answers.facts.get(&fact("titles")), Some(&FactValue::Titles(vec![t("qy"), t("chiming")])))
    });
    refused(&s, Action::ToggleTitle(t("nobel")));
    let s = check(&s, Action::ToggleTitle(t("qy")), |_| {});
    check(&s, Action::ToggleTitle(t("chiming")), |n| assert!(!n.answers.facts.contains_key(&fact("titles"))));
}

#[test]
fn the_plan_is_for_a_programme_the_standard_has() {
    let s = with_facts();
    let s = check(&s, Action::PlanFor(ProgrammeId("haopin_mfg".into())), |n| {
        assert_eq!(n.plan_for, Some(ProgrammeId("haopin_mfg".into())))
    });
    refused(&s, Action::PlanFor(ProgrammeId("haopin_mfg".into())));
    refused(&s, Action::PlanFor(ProgrammeId("nobel_prize".into())));
}

#[test]
fn a_review_link_targets_its_question_and_keeps_the_way_back() {
    let s = opened();
    let s = check(&s, Action::Go(Screen::Review), |n| assert!(!n.from_review));
    let st = sample();
    let last = st.questions.len() - 1;
    let id = st.questions[last].id.clone();
    let s = check(&s, Action::GoToQuestion(id.clone()), |n| {
        assert_eq!(n.screen, Screen::Step(Step::Indicator(st.questions[last].indicator)));
        assert_eq!(n.target, Some(id.clone()));
        assert!(n.from_review);
    });
    refused(&s, Action::GoToQuestion(q("Z9.9")));
    // Moving between steps keeps the way back, not the target; another screen ends both.
    let s = check(&s, Action::Go(Screen::Step(Step::Gates)), |n| assert!(n.from_review && n.target.is_none()));
    check(&s, Action::Go(Screen::Report), |n| assert!(!n.from_review));
}

#[test]
fn saved_or_imported_work_opens_where_it_stands() {
    let st = sample();
    let mut a = Answers::default();
    a.set_profile(ProfileId("sector".into()), Some(OptionId("manufacturing".into())));
    assert_eq!(resume_screen(&st, &a), Screen::Step(Step::Indicator(0)));
    for q in &st.questions {
        a.set_response(q.id.clone(), Some(Response::Level(Level::new(2).expect("level"))));
    }
    assert_eq!(resume_screen(&st, &a), Screen::Step(Step::Gates));
    for g in &st.gates {
        a.set_gate(g.id.clone(), Some(GateAnswer::Yes));
    }
    assert_eq!(resume_screen(&st, &a), Screen::Review);
    // One question open again: its step.
    let last = st.questions.len() - 1;
    a.set_response(st.questions[last].id.clone(), None);
    assert_eq!(resume_screen(&st, &a), Screen::Step(Step::Indicator(st.questions[last].indicator)));
}

/// A session with the programmes fixture open (it has documents).
fn opened_progs() -> Session {
    let st = brand_core::parse(include_str!("../../standards/fixtures/programmes.json")).expect("fixture");
    let s = Session::new(Lang::Zh).apply(Action::Open(SAMPLE)).expect("opening");
    s.apply(Action::Opened {
        request: 1,
        slot: Slot::first(),
        standard: Rc::new(st),
        restored: Restored::Nothing,
        embedded: false,
    })
    .expect("opened")
}

#[test]
fn checklist_marks_and_action_records_are_checked_and_bounded() {
    use brand_core::dossier::{Action as Record, ActionKey, DocMark, DocStatus, MAX_OWNER_CHARS, MAX_PLACE_CHARS};
    let s = opened_progs();
    let mark = |status, place: &str| DocMark { status, place: place.to_owned() };
    refused(&s, Action::SetMark("passport".into(), mark(Some(DocStatus::Have), "")));
    let s = check(&s, Action::SetMark("audit".into(), mark(Some(DocStatus::Have), &"柜".repeat(600))), |n| {
        assert_eq!(n.answers.checklist[&"audit".into()].place.chars().count(), MAX_PLACE_CHARS);
        assert_eq!(n.save_due, SaveDue::Soon);
    });
    let s = check(&s, Action::SetMark("audit".into(), DocMark::default()), |n| assert!(n.answers.checklist.is_empty()));
    // A condition of another programme, a question the standard lacks: refused.
    refused(&s, Action::SetRecord(ActionKey::Condition("sd_high".into(), "QY-R&D".into()), Record::default()));
    refused(&s, Action::SetRecord(ActionKey::Evidence(q("Z9.9")), Record { owner: "x".into(), ..Record::default() }));
    let key = ActionKey::Condition("qy_industry".into(), "QY-R&D".into());
    let s =
        check(&s, Action::SetRecord(key.clone(), Record { owner: "长".repeat(10_000), ..Record::default() }), |n| {
            assert_eq!(n.answers.actions["condition:qy_industry/QY-R&D"].owner.chars().count(), MAX_OWNER_CHARS);
        });
    check(&s, Action::SetRecord(key, Record::default()), |n| assert!(n.answers.actions.is_empty()));
}

/// An answers file of the sample standard by `assessor`, with `spec` levels (`A1.1=3 …`).
fn team_file(st: &Standard, assessor: &str, levels: &[(&str, u8)]) -> String {
    let mut a = Answers::default();
    for (id, l) in levels {
        a.set_response(q(id), brand_core::answers::Level::new(*l).map(brand_core::Response::Level));
    }
    a.about.assessor = assessor.to_owned();
    AnswersFile::new(st, &a, None).to_json()
}

#[test]
fn team_files_each_get_their_line_and_a_damaged_one_stops_none() {
    let st = sample();
    let s = opened();
    refused(&Session::new(Lang::Zh), Action::TeamFile { name: "a.json".into(), text: Ok(String::new()) });
    let files: Vec<(&str, Result<String, FileProblem>)> = vec![
        ("wang.json", Ok(team_file(&st, "王芳", &[("A1.1", 2)]))),
        ("broken.json", Ok("{\"format\": \"brand-self-check/answers\", \"version\":".into())),
        ("li.json", Ok(team_file(&st, "Li", &[("A1.1", 4)]))),
        ("wang-again.json", Ok(team_file(&st, " 王芳 ", &[("A1.1", 5)]))),
        ("copy.json", Ok(team_file(&st, "", &[("A1.1", 4)]))),
        ("newer.json", Ok(team_file(&st, "Zhao", &[]).replace("\"version\": 4", "\"version\": 99"))),
        ("other.json", Ok(team_file(&st, "Qian", &[]).replace("\"id\": \"sample\"", "\"id\": \"regional\""))),
        ("big.json", Err(FileProblem::TooLarge)),
    ];
    let mut s = s;
    for (name, text) in files {
        s = check(&s, Action::TeamFile { name: name.into(), text }, |_| {});
    }
    let outcomes: Vec<(&str, Result<usize, FileProblem>)> =
        s.team.lines.iter().map(|l| (l.file.as_str(), l.outcome.clone())).collect();
    assert_eq!(outcomes[0], ("wang.json", Ok(0)));
    assert!(matches!(outcomes[1].1, Err(FileProblem::Unreadable(ImportError::NotJson { .. }))));
    assert_eq!(outcomes[2], ("li.json", Ok(0)));
    assert_eq!(outcomes[3].1, Err(FileProblem::SameName { earlier: "wang.json".into(), name: "王芳".into() }));
    assert_eq!(outcomes[4].1, Err(FileProblem::SameAnswers { earlier: "li.json".into() }));
    assert_eq!(outcomes[5].1, Err(FileProblem::Unreadable(ImportError::NewerVersion { found: 99 })));
    assert_eq!(outcomes[6].1, Err(FileProblem::OtherStandard("regional".into())));
    assert_eq!(outcomes[7].1, Err(FileProblem::TooLarge));
    assert_eq!(s.team.subs.len(), 2);
    // Roles, overrides, removal, and the combined result replacing the answers.
    let s = check(&s, Action::TeamRole(1, Some(brand_core::Role::Leader)), |n| {
        assert_eq!(n.team.subs[1].1.respondent.role, Some(brand_core::Role::Leader))
    });
    refused(&s, Action::TeamRole(1, Some(brand_core::Role::Leader)));
    refused(&s, Action::TeamRole(7, None));
    refused(&s, Action::TeamRemove(7));
    let ov = brand_core::combine::Override {
        response: brand_core::answers::Level::new(1).map(brand_core::Response::Level),
        reason: "会上议定".into(),
    };
    refused(&s, Action::TeamOverride(q("Z9.9"), Some(ov.clone())));
    let s = check(&s, Action::TeamOverride(q("A1.1"), Some(ov)), |_| {});
    let used = check(&s, Action::TeamUse, |n| {
        assert_eq!(n.screen, Screen::Report);
        assert_eq!(n.save_due, SaveDue::Now);
        // 2 and 4 would give 3; the override with its reason gives 1.
        assert_eq!(
            n.answers.answer(&q("A1.1")).and_then(|a| a.response),
            brand_core::answers::Level::new(1).map(brand_core::Response::Level)
        );
        assert_eq!(n.answers.team.respondents.len(), 2);
        assert_eq!(n.answers.team.overrides.get(&q("A1.1")).map(String::as_str), Some("会上议定"));
    });
    let s = check(&s, Action::TeamRemove(0), |n| {
        assert_eq!(n.team.subs.len(), 1);
        assert!(n.team.lines.iter().all(|l| l.file != "wang.json"));
    });
    let s = check(&s, Action::TeamRemove(0), |n| assert!(n.team.subs.is_empty()));
    refused(&s, Action::TeamUse);
    // Opening a standard again starts a new batch.
    let reopened = used
        .apply(Action::Open(Source::Builtin("enterprise")))
        .and_then(|n| n.apply(nothing_saved(2)))
        .expect("reopened");
    assert!(reopened.team.lines.is_empty() && reopened.compare.sides.iter().all(Option::is_none));
}

#[test]
fn comparison_sides_and_who_the_assessment_is_about() {
    let st = sample();
    let s = opened();
    refused(&Session::new(Lang::Zh), Action::CompareCurrent(0));
    refused(&s, Action::CompareCurrent(2));
    let s =
        check(&s, Action::CompareCurrent(1), |n| assert!(matches!(n.compare.sides[1], Some(CompareSide::Current(_)))));
    let s = check(&s, Action::CompareFile { side: 0, name: "x.json".into(), text: Ok("[]".into()) }, |n| {
        assert!(n.compare.sides[0].is_none());
        assert!(matches!(
            n.compare.problems[0].as_ref().map(|l| &l.outcome),
            Some(Err(FileProblem::Unreadable(ImportError::NotAnswers)))
        ));
    });
    let s = check(
        &s,
        Action::CompareFile { side: 0, name: "2025.json".into(), text: Ok(team_file(&st, "", &[("A1.1", 2)])) },
        |n| {
            assert!(n.compare.problems[0].is_none());
            assert!(
                matches!(&n.compare.sides[0], Some(CompareSide::File { name, skipped: 0, .. }) if name == "2025.json")
            );
        },
    );
    // Who: set, cut to its bound, saved soon (typed), the same value refused.
    let about = brand_core::About {
        name: String::new(),
        date: None,
        organisation: "青".repeat(150),
        assessor: "王芳".into(),
        role: Some(brand_core::Role::Staff),
    };
    let s = check(&s, Action::SetAbout(about.clone()), |n| {
        assert_eq!(n.answers.about.organisation.chars().count(), 100);
        assert_eq!(n.save_due, SaveDue::Now);
    });
    refused(&s, Action::SetAbout(s.answers.about.clone()));
    refused(&Session::new(Lang::Zh), Action::SetAbout(about));
}

fn slot(token: &str) -> Slot {
    Slot(Rc::from(token))
}

fn day(y: u16, m: u8, d: u8) -> Option<brand_core::dossier::Day> {
    brand_core::dossier::Day::new(y, m, d)
}

/// The sample standard's answers file named `name`, dated `date`, with A1.1 at `level`.
fn named_file(name: &str, date: Option<brand_core::dossier::Day>, level: u8) -> String {
    let mut a = Answers::default();
    a.set_response(q("A1.1"), brand_core::answers::Level::new(level).map(brand_core::Response::Level));
    a.about.name = name.to_owned();
    a.about.date = date;
    AnswersFile::new(&sample(), &a, None).to_json()
}

#[test]
fn saved_assessments_are_listed_newest_first_and_an_unreadable_one_is_kept() {
    let st = sample();
    let list = saved::list(
        &st,
        vec![
            (slot("b"), named_file("2025", day(2025, 3, 1), 2)),
            (slot("x"), "{ not json".to_owned()),
            (Slot::first(), named_file("", None, 1)),
            (slot("c"), named_file("2026", day(2026, 3, 1), 4)),
            (slot("a"), named_file("2026 bis", day(2026, 3, 1), 4)),
            // Another questionnaire's file in this questionnaire's slot: not read against it.
            (slot("o"), named_file("x", None, 1).replace("\"id\": \"sample\"", "\"id\": \"enterprise\"")),
        ],
        2026,
    );
    let order: Vec<&str> = list.iter().map(|x| &*x.slot.0).collect();
    // Dated newest first, names in code-point order on the same day, undated, then unreadable
    // ones by slot.
    assert_eq!(order, vec!["c", "a", "b", "", "o", "x"]);
    let first = list[0].summary.as_ref().expect("readable");
    assert_eq!((first.about.name.as_str(), first.responded), ("2026", 1));
    assert_eq!(first.asked, brand_core::score(&st, &Answers::default()).asked());
    assert!(matches!(&list[5].summary, Err(raw) if &**raw == "{ not json"));
    assert!(list[4].summary.is_err());
}

#[test]
fn several_assessments_open_start_delete_and_come_back() {
    let s = check(&opened(), Action::SetLevel(q("A1.1"), 3), |_| {});
    let listed = vec![Saved::read(&sample(), slot("k1"), &named_file("2025", day(2025, 1, 2), 2), 2026)];
    let s = check(&s, Action::Listed { source: SAMPLE, saved: listed.clone() }, |n| assert_eq!(n.saved, listed));
    // A list read for another questionnaire is not this one's.
    refused(&s, Action::Listed { source: Source::Builtin("enterprise"), saved: Vec::new() });
    refused(&s, Action::OpenSaved(Slot::first())); // already open
    let s2 = check(&s, Action::OpenSaved(slot("k1")), |n| {
        assert_eq!(n.opening, Some(Opening { source: SAMPLE, slot: Some(slot("k1")), request: 2 }));
    });
    check(
        &s2,
        Action::Opened {
            request: 2,
            slot: slot("k1"),
            standard: sample(),
            restored: Restored::Nothing,
            embedded: false,
        },
        |n| {
            assert_eq!(n.slot, slot("k1"));
            assert_eq!(n.saved, listed, "the same questionnaire's list stays until read again");
            assert_eq!(n.listing, s2.listing + 1);
        },
    );
    // A new one: a fresh slot, dated, nothing else; a slot already in use is refused.
    refused(&s, Action::NewAssessment { slot: slot("k1"), date: day(2026, 12, 2) });
    refused(&s, Action::NewAssessment { slot: Slot::first(), date: None });
    let fresh = check(&s, Action::NewAssessment { slot: slot("k2"), date: day(2026, 12, 2) }, |n| {
        assert_eq!(n.slot, slot("k2"));
        assert_eq!(n.answers.about.date, day(2026, 12, 2));
        assert!(n.answers.questions.is_empty());
        assert_eq!((n.save_due, n.screen.clone()), (SaveDue::Now, Screen::Start));
    });
    refused(&Session::new(Lang::Zh), Action::NewAssessment { slot: slot("k2"), date: None });
    // Deleting another one keeps the open answers and offers the undo.
    let raw: Rc<str> = Rc::from(named_file("2025", day(2025, 1, 2), 2).as_str());
    let del = |slot: Slot| Action::Deleted { slot, name: "2025".into(), raw: raw.clone(), fresh: self::slot("f") };
    let d = check(&s, del(slot("k1")), |n| {
        assert_eq!(n.answers, s.answers);
        assert_eq!(n.opening, None);
        assert_eq!(n.deleted, vec![Deleted { name: "2025".into(), slot: slot("k1"), raw: raw.clone() }]);
    });
    // Deleting the open one forgets its answers at once and opens the next readable one listed.
    check(&s, del(Slot::first()), |n| {
        assert_eq!(n.answers, Answers::default());
        assert_eq!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(slot("k1")));
    });
    check(&fresh, del(slot("k2")), |n| {
        assert_eq!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(slot("k1")));
    });
    // … or a new one in the first slot when it was the only one …
    let only = check(&opened(), Action::NewAssessment { slot: slot("k3"), date: None }, |_| {});
    check(&only, del(slot("k3")), |n| {
        assert_eq!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(Slot::first()));
    });
    // … or in the fresh slot when the first holds something unreadable (opening it would move it
    // aside and out of the list).
    let unreadable = vec![Saved::read(&sample(), Slot::first(), "{ broken", 2026)];
    let only = check(&only, Action::Listed { source: SAMPLE, saved: unreadable }, |_| {});
    check(&only, del(slot("k3")), |n| {
        assert_eq!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(slot("f")));
    });
    // The one being opened is deleted: it is not opened.
    let s2 = check(&s, Action::OpenSaved(slot("k1")), |_| {});
    check(&s2, del(slot("k1")), |n| {
        assert_ne!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(slot("k1")));
    });
    // While one opens, none can be started (it would be replaced when the other arrives).
    refused(&s2, Action::NewAssessment { slot: slot("k9"), date: None });
    // The undo opens it again (where it was written back) and takes its message away; so does a
    // dismissal (without opening).
    check(&d, Action::ForgetDeleted(slot("k1")), |n| assert!(n.deleted.is_empty() && n.opening.is_none()));
    refused(&s, Action::ForgetDeleted(slot("k1")));
    refused(&s, Action::Restored { deleted: slot("k1"), at: slot("k1") }); // nothing deleted
    check(&d, Action::Restored { deleted: slot("k1"), at: slot("k7") }, |n| {
        assert!(n.deleted.is_empty());
        assert_eq!(n.opening.as_ref().and_then(|o| o.slot.clone()), Some(slot("k7")));
    });
    // An unreadable one written back is listed again, not opened.
    let gone = Action::Deleted { slot: slot("x"), name: "?".into(), raw: Rc::from("{ broken"), fresh: slot("f") };
    let d2 = check(&s, gone, |_| {});
    check(&d2, Action::Restored { deleted: slot("x"), at: slot("x") }, |n| {
        assert!(n.deleted.is_empty() && n.opening.is_none());
        assert_eq!(n.listing, d2.listing + 1);
    });
    check(&s, Action::Relist, |n| assert_eq!(n.listing, s.listing + 1));
}

#[test]
fn the_lists_rename_field_and_failed_undo_live_in_the_session_and_belong_to_the_start_page() {
    let s = opened();
    let listed = vec![
        Saved::read(&sample(), slot("k1"), &named_file("2025", day(2025, 1, 2), 2), 2026),
        Saved::read(&sample(), slot("x"), "{ broken", 2026),
    ];
    let s = check(&s, Action::Listed { source: SAMPLE, saved: listed }, |_| {});
    // The open one and a readable listed one can be renamed; an unreadable one or a slot not
    // listed cannot, nor anything before a standard is open or away from the start page.
    let r = check(&s, Action::Rename(Some(Slot::first())), |n| assert_eq!(n.renaming, Some(Slot::first())));
    let r = check(&r, Action::Rename(Some(slot("k1"))), |n| assert_eq!(n.renaming, Some(slot("k1"))));
    refused(&s, Action::Rename(Some(slot("x"))));
    refused(&s, Action::Rename(Some(slot("nope"))));
    refused(&s, Action::Rename(None)); // nothing to put away
    refused(&Session::new(Lang::Zh), Action::Rename(Some(Slot::first())));
    let on_step = check(&s, Action::Go(Screen::Step(Step::Indicator(0))), |_| {});
    refused(&on_step, Action::Rename(Some(Slot::first())));
    check(&r, Action::Rename(None), |n| assert_eq!(n.renaming, None));
    // Leaving the start page, or the row going from the list, puts the field away.
    check(&r, Action::Go(Screen::Step(Step::Indicator(0))), |n| assert_eq!(n.renaming, None));
    check(&r, Action::Listed { source: SAMPLE, saved: Vec::new() }, |n| assert_eq!(n.renaming, None));
    // Another of the same questionnaire opening keeps it (the row is still listed).
    let o = check(&r, Action::OpenSaved(slot("k1")), |n| assert_eq!(n.renaming, Some(slot("k1"))));
    let opened_k1 = Action::Opened {
        request: 2,
        slot: slot("k1"),
        standard: sample(),
        restored: Restored::Nothing,
        embedded: false,
    };
    check(&o, opened_k1, |n| assert_eq!(n.renaming, Some(slot("k1"))));
    // A failed undo is said on its deleted line until the line goes or the start page is left.
    refused(&s, Action::RestoreFailed(slot("k1"))); // nothing deleted
    let raw: Rc<str> = Rc::from(named_file("2025", day(2025, 1, 2), 2).as_str());
    let d = check(&s, Action::Deleted { slot: slot("k1"), name: "2025".into(), raw, fresh: slot("f") }, |_| {});
    let f = check(&d, Action::RestoreFailed(slot("k1")), |n| assert_eq!(n.restore_failed, Some(slot("k1"))));
    refused(&f, Action::RestoreFailed(slot("k1"))); // already said
    check(&f, Action::ForgetDeleted(slot("k1")), |n| assert_eq!(n.restore_failed, None));
    check(&f, Action::Go(Screen::Review), |n| assert_eq!(n.restore_failed, None));
    check(&f, Action::Restored { deleted: slot("k1"), at: slot("k7") }, |n| assert_eq!(n.restore_failed, None));
}

#[test]
fn an_import_a_team_result_or_a_start_over_keep_the_assessments_name_and_date() {
    let s = opened();
    let about = brand_core::About { name: "2026".into(), date: day(2026, 1, 5), ..Default::default() };
    let s = check(&s, Action::SetAbout(about), |_| {});
    let mut p = pending(SAMPLE);
    p.answers.about.name = "from the file".into();
    refused(&s, Action::ImportRead { request: 7, result: Ok(p.clone()) }); // not started
    let s = check(&s, Action::ImportStarted(7), |_| {});
    let s = check(&s, Action::ImportRead { request: 7, result: Ok(p) }, |_| {});
    let s = check(&s, Action::ConfirmImport, |n| {
        assert_eq!(n.answers.about.name, "2026");
        assert_eq!(n.answers.about.date, day(2026, 1, 5));
        assert_eq!(n.answers.answer(&q("A1.1")).map(|a| a.note.as_str()), Some("imported"));
    });
    check(&s, Action::Clear, |n| {
        assert!(n.answers.questions.is_empty());
        assert_eq!(n.answers.about.name, "2026");
    });
}

#[test]
fn another_assessment_opening_takes_the_last_ones_saved_text_notices_with_it() {
    let kept = KeptAside { raw: Rc::from("{"), moved: false };
    let s = check(&opened(), Action::OpenSaved(slot("b")), |_| {});
    let s = check(
        &s,
        Action::Opened {
            request: 2,
            slot: slot("b"),
            standard: sample(),
            restored: Restored::Damaged(kept.clone()),
            embedded: false,
        },
        |n| {
            assert!(n.held);
            assert_eq!(n.notices, vec![Notice::Damaged(kept.clone())]);
        },
    );
    // Back to the first: its hold and notice are not the first's; a "resume saving" left over
    // would have released the wrong one.
    let s = check(&s, Action::OpenSaved(Slot::first()), |_| {});
    check(&s, nothing_saved(3), |n| {
        assert!(!n.held);
        assert!(n.notices.is_empty());
    });
}

#[test]
fn the_contents_the_team_filter_the_export_and_the_copied_link_live_in_the_session() {
    let s = opened();
    let step = |i| Action::Go(Screen::Step(Step::Indicator(i)));
    // The contents unfold on a step only; every move folds them, a pick of the same step too.
    refused(&s, Action::ToggleContents);
    let on_step = check(&s, step(0), |n| assert!(!n.contents_open));
    let open = check(&on_step, Action::ToggleContents, |n| assert!(n.contents_open));
    check(&open, Action::ToggleContents, |n| assert!(!n.contents_open));
    check(&open, step(1), |n| assert!(!n.contents_open));
    check(&open, step(0), |n| assert!(!n.contents_open));
    check(&open, Action::Go(Screen::Review), |n| assert!(!n.contents_open));
    // Leaving by any other way (here "start over", which goes to the start page) folds them too.
    check(&open, Action::Clear, |n| assert!(n.screen == Screen::Start && !n.contents_open));
    // The team filter: on the team screen only, and gone once the screen is left.
    refused(&s, Action::OnlyConflicts(true));
    let team = check(&s, Action::Go(Screen::Team), |n| assert!(!n.only_conflicts));
    refused(&team, Action::OnlyConflicts(false));
    let only = check(&team, Action::OnlyConflicts(true), |n| assert!(n.only_conflicts));
    refused(&only, Action::OnlyConflicts(true));
    check(&only, Action::OnlyConflicts(false), |n| assert!(!n.only_conflicts));
    let back = check(&only, Action::Go(Screen::Start), |n| assert!(!n.only_conflicts));
    check(&back, Action::Go(Screen::Team), |n| assert!(!n.only_conflicts));
    // The export's busy state: set and cleared once each.
    refused(&s, Action::Exporting(false));
    let busy = check(&s, Action::Exporting(true), |n| assert!(n.exporting));
    refused(&busy, Action::Exporting(true));
    check(&busy, Action::Exporting(false), |n| assert!(!n.exporting));
    // The hand-over link's "copied": on the report only, forgotten when the link (the answers)
    // changes or the report is left.
    refused(&s, Action::HandoverCopied(true));
    let report = check(&s, Action::Go(Screen::Report), |n| assert_eq!(n.handover_copied, None));
    let copied = check(&report, Action::HandoverCopied(true), |n| assert_eq!(n.handover_copied, Some(true)));
    refused(&copied, Action::HandoverCopied(true));
    check(&copied, Action::HandoverCopied(false), |n| assert_eq!(n.handover_copied, Some(false)));
    check(&copied, Action::SetLevel(q("A1.1"), 2), |n| assert_eq!(n.handover_copied, None));
    let left = check(&copied, Action::Go(Screen::Review), |n| assert_eq!(n.handover_copied, None));
    check(&left, Action::Go(Screen::Report), |n| assert_eq!(n.handover_copied, None));
}

#[test]
fn a_split_off_part_loads_once_fails_into_a_retry_and_the_screen_knows_its_part() {
    let s = Session::new(Lang::Zh);
    assert_eq!(s.parts, [Load::NotYet; 3]);
    // A failure can be retried; a part that is in the page stays in it.
    let failed =
        check(&s, Action::PartLoaded(Part::Team, false), |n| assert_eq!(n.parts[Part::Team as usize], Load::Failed));
    refused(&failed, Action::PartLoaded(Part::Team, false));
    refused(&s, Action::RetryPart(Part::Team)); // nothing failed
    let again =
        check(&failed, Action::RetryPart(Part::Team), |n| assert_eq!(n.parts[Part::Team as usize], Load::NotYet));
    let ready =
        check(&again, Action::PartLoaded(Part::Team, true), |n| assert_eq!(n.parts[Part::Team as usize], Load::Ready));
    refused(&ready, Action::PartLoaded(Part::Team, true));
    refused(&ready, Action::PartLoaded(Part::Team, false));
    refused(&ready, Action::RetryPart(Part::Team));
    // The other parts are untouched.
    assert_eq!(ready.parts[Part::Assessment as usize], Load::NotYet);
    assert_eq!(ready.parts[Part::Compare as usize], Load::NotYet);
    // Which screen needs which part.
    assert_eq!(Part::of(&Screen::Start), None);
    assert_eq!(Part::of(&Screen::Step(Step::Indicator(0))), Some(Part::Assessment));
    assert_eq!(Part::of(&Screen::Review), Some(Part::Assessment));
    assert_eq!(Part::of(&Screen::Report), Some(Part::Assessment));
    assert_eq!(Part::of(&Screen::Team), Some(Part::Team));
    assert_eq!(Part::of(&Screen::Compare), Some(Part::Compare));
    assert_eq!(Part::of(&Screen::About { back: Box::new(Screen::Start) }), None);
}
