//! The widget's state: one [`Session`], changed only by [`Action`]s through the pure
//! [`Session::apply`]. Everything the screen depends on is here — the open standard and its
//! answers, where the user is, the notices, a pending import, another tab's answers, the save
//! state, which standard is opening — and the effects (`src/hooks/`) report their results back as
//! actions. Score, tier and plan are never stored: views derive them with `brand_core::assess`.

use std::rc::Rc;

use brand_core::answers::{AnswersFile, ImportError, ImportIssue, Level};
use brand_core::handover::{self, HandoverError};
use brand_core::map::Map;
use brand_core::{
    parse_fact, Answers, FactId, FactValue, GateAnswer, GateId, Lang, OptionId, Problem, ProfileId, ProgrammeId,
    QuestionId, Response, Standard, TitleId,
};
use yew::Reducible;

pub mod saved;
pub mod team;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use saved::{Saved, Slot, Summary};

pub use team::{ComparePair, CompareSide, FileLine, FileProblem, TeamBatch};

/// A standard shared by reference. Props compare it by pointer: a standard never changes while
/// it is open, and comparing its contents on every render would be wasted work.
#[derive(Clone, Debug)]
pub struct SharedStandard(pub Rc<Standard>);

impl PartialEq for SharedStandard {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for SharedStandard {
    type Target = Standard;
    fn deref(&self) -> &Standard {
        &self.0
    }
}

/// Where a standard comes from. Saved answers are kept per source, so a host's own file that
/// reuses a built-in id can never share (and overwrite) the built-in questionnaire's answers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A standard shipped with the widget, by id (`standards::BUILTIN`).
    Builtin(&'static str),
    /// A host's own standard file (same origin), by absolute URL.
    Host(String),
}

/// One step of the wizard: an indicator's questions, then the basic conditions last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The questions of `indicators[i]`.
    Indicator(usize),
    /// The basic conditions (gates).
    Gates,
}

impl Step {
    /// The step's position, 0-based, in `0..step_count(s)`.
    pub fn position(self, s: &Standard) -> usize {
        match self {
            Step::Indicator(i) => i,
            Step::Gates => s.indicators.len(),
        }
    }

    /// The step at `position`, if the standard has one there.
    pub fn at(s: &Standard, position: usize) -> Option<Step> {
        match position {
            i if i < s.indicators.len() => Some(Step::Indicator(i)),
            i if i == s.indicators.len() => Some(Step::Gates),
            _ => None,
        }
    }

    pub fn exists_in(self, s: &Standard) -> bool {
        match self {
            Step::Indicator(i) => i < s.indicators.len(),
            Step::Gates => true,
        }
    }

    pub fn previous(self, s: &Standard) -> Option<Step> {
        self.position(s).checked_sub(1).and_then(|p| Step::at(s, p))
    }

    pub fn next(self, s: &Standard) -> Option<Step> {
        Step::at(s, self.position(s) + 1)
    }
}

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// Choose the standard and language, answer the profile, resume or begin.
    Start,
    /// One wizard step.
    Step(Step),
    /// Open questions and unevidenced high answers, with links.
    Review,
    Report,
    /// The sources, what is confirmed and what is our design; returns to `back`.
    About {
        back: Box<Screen>,
    },
    /// A team's answers files combined into one assessment.
    Team,
    /// Two results of the open questionnaire side by side.
    Compare,
}

/// A screen whose code the site's build cuts into a wasm file of its own (`crate::parts`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The wizard's steps, the review and the report.
    Assessment,
    Team,
    Compare,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Assessment, Part::Team, Part::Compare];

    /// The part a screen needs, if any.
    pub fn of(screen: &Screen) -> Option<Part> {
        match screen {
            Screen::Step(_) | Screen::Review | Screen::Report => Some(Part::Assessment),
            Screen::Team => Some(Part::Team),
            Screen::Compare => Some(Part::Compare),
            _ => None,
        }
    }
}

/// Where a part's code is: not asked for yet (or asked for again), in the page, or refused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Load {
    #[default]
    NotYet,
    Ready,
    Failed,
}

/// The wizard's steps in order: every indicator, then the basic conditions (gates).
pub fn step_count(s: &Standard) -> usize {
    s.indicators.len() + 1
}

/// Where saved or imported work stands: the step of the first question still open (in
/// questionnaire order, among those the profile asks), else the conditions step while a gate is
/// unanswered, else the review.
pub fn resume_screen(s: &Standard, a: &Answers) -> Screen {
    let x = brand_core::assess(s, a);
    match x.score.unanswered.first() {
        Some(&q) => Screen::Step(Step::Indicator(s.questions[q].indicator)),
        None if !x.unanswered_gates().is_empty() => Screen::Step(Step::Gates),
        None => Screen::Review,
    }
}

/// Why a standard could not be opened (built-in or the host's file: one type, one path).
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// The file could not be fetched (offline before it was cached, a deployment without it, a
    /// server error, or a redirect to another origin).
    Unavailable,
    /// The file is not a valid standard; every problem with its JSON path.
    Invalid(Vec<Problem>),
}

/// What storage held for a standard when it was opened (`storage::load`).
// Made once per opening; boxing the answers would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    Nothing,
    /// Readable answers. `issues` lists entries that do not fit the standard (dropped from
    /// `answers`); the original text is `kept` aside when there are any. `rehashed` is set when
    /// they were saved against another content of the same standard id and version.
    Found {
        answers: Answers,
        issues: Vec<ImportIssue>,
        original: Option<KeptAside>,
        rehashed: bool,
    },
    /// The saved value cannot be read at all.
    Damaged(KeptAside),
    /// Storage cannot be used (blocked, or missing).
    Unavailable,
}

/// The original text of saved answers that could not be used as they are. `moved` says whether
/// it was written to the aside slot; when it was not (storage full), it is still in its own slot
/// and saving is held back so nothing overwrites it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeptAside {
    pub raw: Rc<str>,
    pub moved: bool,
}

/// A message at the top of the widget until dismissed. Kinds, not texts: the view words them in
/// the language of the moment.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    StandardUnavailable,
    StandardInvalid(Vec<Problem>),
    StorageUnavailable,
    EmbeddedStorage,
    /// Saved answers could not be read; the original is offered for download.
    Damaged(KeptAside),
    /// Saved answers had entries that do not fit; the original is offered for download.
    Skipped {
        issues: Vec<ImportIssue>,
        original: KeptAside,
    },
    /// The questionnaire file changed under the saved answers (same id and version).
    Rehashed,
    ImportTooLarge,
    ImportReadFailed,
    ImportOtherStandard(String),
    ImportFailed(ImportError),
    /// A hand-over link that cannot be read (cut off, edited, from a newer version …).
    HandoverFailed(HandoverError),
    /// The spreadsheet writer could not be loaded (offline before its first use).
    XlsxUnavailable,
    /// English was asked for and its text could not be read (see `i18n::load_english`): the
    /// widget stays in Chinese.
    EnglishUnavailable,
    /// The spreadsheet writer failed, with its message.
    XlsxFailed(String),
}

/// A file read and checked, waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    /// The standard it was checked against: it applies to that one only.
    pub source: Source,
    pub answers: Answers,
    pub issues: Vec<ImportIssue>,
    pub changes: usize,
}

impl PendingImport {
    /// Checks an imported answers text (a file or a hand-over link) against the open standard
    /// `st` from `source`, whose answers are `current`: the preview, or why it cannot be used.
    pub fn check(text: &str, source: Source, st: &Standard, current: &Answers) -> Result<PendingImport, Notice> {
        let file = AnswersFile::parse(text).map_err(Notice::ImportFailed)?;
        PendingImport::of(file, source, st, current)
    }

    /// The preview of a read file. Questionnaires share question ids (A1.1 …): another one's
    /// answers would land on the wrong questions, so they are refused, not mapped.
    pub fn of(file: AnswersFile, source: Source, st: &Standard, current: &Answers) -> Result<PendingImport, Notice> {
        if file.standard.id != st.id {
            return Err(Notice::ImportOtherStandard(file.standard.id));
        }
        let (answers, issues) = file.into_answers(st);
        let changes = current.differences(&answers);
        Ok(PendingImport { source, answers, issues, changes })
    }
}

/// What another tab or window did to the open standard's saved answers.
// Made once per change in another tab; boxing the answers would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum OtherTab {
    Saved(Answers),
    /// It started over (removed the saved answers).
    Removed,
    /// It wrote something this version cannot read (a newer version of the widget, say).
    Unreadable,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    Idle,
    Saved,
    Failed,
}

/// How soon the answers should be written: at once after a click, a moment later while a note is
/// being typed (so saving is off the keystroke path).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDue {
    Now,
    Soon,
}

/// A deleted assessment, kept in memory for the undo and the download.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub slot: Slot,
    pub name: String,
    pub raw: Rc<str>,
}

/// A standard being fetched: the newest request wins, whatever order the files arrive in.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    pub source: Source,
    /// The assessment to open; `None`: the one last open on this device for that questionnaire.
    pub slot: Option<Slot>,
    pub request: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The open assessment, or none before a standard is chosen.
    pub standard: Option<SharedStandard>,
    /// Where `standard` came from (with `slot`, where its answers are kept).
    pub source: Option<Source>,
    /// Which of the questionnaire's assessments on this device is open.
    pub slot: Slot,
    /// The questionnaire's assessments on this device as last listed (`hooks::saved`; the open one
    /// among them as last saved — views show it from `answers`).
    pub saved: Vec<Saved>,
    /// Assessments deleted since the questionnaire opened, newest last: their text stays here
    /// for the undo and the download until dismissed.
    pub deleted: Vec<Deleted>,
    /// Raised when the list should be read again (an assessment opened, started, deleted,
    /// restored or renamed, or another tab changed one).
    pub listing: u32,
    pub answers: Answers,
    pub lang: Lang,
    pub screen: Screen,
    pub notices: Vec<Notice>,
    pub pending: Option<PendingImport>,
    /// Another tab's change, while the user has not chosen yet; saving pauses meanwhile.
    pub conflict: Option<OtherTab>,
    pub save: SaveState,
    pub save_due: SaveDue,
    /// An original of saved answers could not be moved aside and is still in its slot (the notice
    /// offers it): nothing is saved over it until the user lets saving resume.
    pub held: bool,
    pub opening: Option<Opening>,
    /// The host's own standard could not be used: shown instead of the screens.
    pub host_error: Option<OpenError>,
    pub update_ready: bool,
    /// The newest request number handed out for opening a standard.
    pub requests: u32,
    /// The import read that may still turn into a preview.
    pub import_request: Option<u32>,
    /// A hand-over link's answers file (its text: cheaper to keep and compare than the parsed
    /// file), waiting for its standard to open to become a preview.
    pub handover: Option<Rc<str>>,
    /// What the user typed into a number or year fact's field, as typed (so "3." stays "3." while
    /// typing, and a value that cannot be used stays visible with its message). The answers hold
    /// only values that passed `brand_core::parse_fact`.
    pub fact_drafts: Map<FactId, String>,
    /// The programme the user picked for the action plan (None: the core's default).
    pub plan_for: Option<ProgrammeId>,
    /// The question a review link leads to: it takes the focus instead of the step's heading.
    pub target: Option<QuestionId>,
    /// The user came to the steps from the review: each step offers the way back to it.
    pub from_review: bool,
    /// The team screen's files, respondents and overrides (for the open questionnaire).
    pub team: TeamBatch,
    /// The comparison screen's two sides (for the open questionnaire).
    pub compare: ComparePair,
    /// The wizard's contents are unfolded (on a phone they fold; every move folds them again).
    pub contents_open: bool,
    /// The team screen shows only the questions the respondents disagree on (until it is left).
    pub only_conflicts: bool,
    /// The spreadsheet is being written (its button waits).
    pub exporting: bool,
    /// The report's hand-over link was copied (`Some(true)`) or has to be copied by hand
    /// (`Some(false)`); forgotten when the report is left or the answers, and so the link, change.
    pub handover_copied: Option<bool>,
    /// The start page's list shows this assessment's name as a field (a rename under way).
    pub renaming: Option<Slot>,
    /// The deleted assessment whose undo could not write it back (storage full or blocked): its
    /// line says so.
    pub restore_failed: Option<Slot>,
    /// Each part's code, by `Part` as index (`hooks::parts` asks for it, `Action::PartLoaded`).
    pub parts: [Load; 3],
}

/// Everything a user (or an effect, on the user's behalf) can do. Ids the standard does not know
/// are ignored, never trusted or panicked on.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a standard: the loader (`hooks::open`) fetches it and answers with `Opened`/`OpenFailed`.
    Open(Source),
    Opened {
        request: u32,
        /// The assessment the loader read (the one asked for, or the one last open).
        slot: Slot,
        standard: Rc<Standard>,
        restored: Restored,
        embedded: bool,
    },
    OpenFailed {
        request: u32,
        error: OpenError,
    },
    SetLevel(QuestionId, u8),
    SetNotApplicable(QuestionId),
    ClearResponse(QuestionId),
    SetNote(QuestionId, String),
    SetGate(GateId, Option<GateAnswer>),
    SetProfile(ProfileId, Option<OptionId>),
    SetLang(Lang),
    Go(Screen),
    /// A chosen import file is being read (numbered by the import hook); only the newest read
    /// becomes a preview.
    ImportStarted(u32),
    /// The read file, checked (`Ok`), or why it cannot be used.
    ImportRead {
        request: u32,
        result: Result<PendingImport, Notice>,
    },
    ConfirmImport,
    CancelImport,
    OtherTabChanged(OtherTab),
    UseOtherTab,
    KeepThisTab,
    Saved(bool),
    /// Saving resumes over an original that could not be moved aside (after it was offered).
    ReleaseHeld,
    Notify(Notice),
    Dismiss(usize),
    UpdateReady,
    /// Forget the answers (after the user confirmed "start over").
    Clear,
    /// A hand-over link was opened: its answers go through the import preview, in the
    /// questionnaire they belong to.
    HandOver(String),
    /// Text typed into a number or year fact's field; `year` is the assessment year (a founding
    /// year after it is refused). A value that passes is set; an empty field clears the fact; any
    /// other text is kept as a draft with its message and changes no answer.
    SetFactText {
        id: FactId,
        text: String,
        year: u16,
    },
    /// A choice fact's option (None: cleared).
    SetFactChoice(FactId, Option<OptionId>),
    /// A title held, checked or unchecked, in the standard's titles fact.
    ToggleTitle(TitleId),
    /// The programme the action plan is for.
    PlanFor(ProgrammeId),
    /// A review link: the question's step, with the focus on the question itself.
    GoToQuestion(QuestionId),
    /// A checklist mark (an empty mark clears it; `Answers::set_mark` cuts the place to its bound).
    SetMark(brand_core::DocumentId, brand_core::dossier::DocMark),
    /// An action record (an empty record clears it; `Answers::set_action` cuts texts to their bounds).
    SetRecord(brand_core::dossier::ActionKey, brand_core::dossier::Action),
    /// Who the assessment is of and by (`Answers::set_about` cuts the names to their bound).
    SetAbout(brand_core::About),
    /// A team member's file, read (or why it could not be), for the team screen.
    TeamFile {
        name: String,
        text: Result<String, FileProblem>,
    },
    /// A respondent's role on the team screen.
    TeamRole(usize, Option<brand_core::Role>),
    TeamRemove(usize),
    /// The facilitator's decision for a question (None: back to the proposal).
    TeamOverride(QuestionId, Option<brand_core::combine::Override>),
    /// The combined result becomes the open questionnaire's answers (after the user confirmed).
    TeamUse,
    /// A file for one side of the comparison (0 earlier, 1 later).
    CompareFile {
        side: usize,
        name: String,
        text: Result<String, FileProblem>,
    },
    /// The current answers as one side of the comparison.
    CompareCurrent(usize),
    /// Open another saved assessment of the open questionnaire.
    OpenSaved(Slot),
    /// Start a new assessment of the open questionnaire in a fresh slot, dated `date`.
    NewAssessment {
        slot: Slot,
        date: Option<brand_core::dossier::Day>,
    },
    /// The questionnaire's saved assessments, read for `source` (`hooks::saved`).
    Listed {
        source: Source,
        saved: Vec<Saved>,
    },
    /// Storage changed under the list (a rename, a copy, another tab): read it again.
    Relist,
    /// A saved assessment was deleted (after the user confirmed); its text is kept for the undo.
    /// `fresh` is an unused slot, for a new assessment when no other can open.
    Deleted {
        slot: Slot,
        name: String,
        raw: Rc<str>,
        fresh: Slot,
    },
    /// A deleted assessment was written back (the undo), in its own slot or, when that was taken
    /// meanwhile, in a new one (`at`): it opens when it can be read.
    Restored {
        deleted: Slot,
        at: Slot,
    },
    /// The user dismissed the message about a deleted assessment (its undo goes with it).
    ForgetDeleted(Slot),
    /// Show a listed assessment's name as a field to rename it (`None`: put the field away).
    Rename(Option<Slot>),
    /// The undo of a deleted assessment could not write it back.
    RestoreFailed(Slot),
    /// A part's code arrived (`true`) or could not be loaded (`false`).
    PartLoaded(Part, bool),
    /// Ask again for a part that could not be loaded.
    RetryPart(Part),
    /// Unfold or fold the wizard's contents (on a step only).
    ToggleContents,
    /// Show only the questions the respondents disagree on, or all (on the team screen only).
    OnlyConflicts(bool),
    /// The spreadsheet export started (`true`) or ended.
    Exporting(bool),
    /// The hand-over link was copied (`true`) or the browser refused and it has to be copied by
    /// hand (on the report only).
    HandoverCopied(bool),
}

impl Session {
    pub fn new(lang: Lang) -> Session {
        Session {
            standard: None,
            source: None,
            slot: Slot::first(),
            saved: Vec::new(),
            deleted: Vec::new(),
            listing: 0,
            answers: Answers::default(),
            lang,
            screen: Screen::Start,
            notices: Vec::new(),
            pending: None,
            conflict: None,
            save: SaveState::Idle,
            save_due: SaveDue::Now,
            held: false,
            opening: None,
            host_error: None,
            update_ready: false,
            requests: 0,
            import_request: None,
            handover: None,
            fact_drafts: Map::new(),
            plan_for: None,
            target: None,
            from_review: false,
            team: TeamBatch::default(),
            compare: ComparePair::default(),
            contents_open: false,
            only_conflicts: false,
            exporting: false,
            handover_copied: None,
            renaming: None,
            restore_failed: None,
            parts: [Load::NotYet; 3],
        }
    }

    /// Whether the answers may be written now: a standard is open, no other tab's change waits
    /// for the user, and no original is held in the slot.
    pub fn may_save(&self) -> bool {
        self.standard.is_some() && self.conflict.is_none() && !self.held
    }

    /// The pure transition. Returns `None` when the action changes nothing (an unknown id, a
    /// level out of range, N/A where it is not allowed, a step that does not exist, a stale
    /// result, or the value it already has).
    pub fn apply(&self, action: Action) -> Option<Session> {
        let mut next = self.clone();
        match action {
            Action::Open(source) => {
                if self.opening.is_none() && self.source.as_ref() == Some(&source) {
                    return None;
                }
                next.open(source, None);
            }
            Action::HandOver(fragment) => match handover::decode(&fragment) {
                Err(HandoverError::NotHandover) => return None,
                Err(e) => next.notify(Notice::HandoverFailed(e)),
                Ok(json) => match AnswersFile::parse(&json) {
                    Err(e) => next.notify(Notice::ImportFailed(e)),
                    Ok(file) => match crate::standards::builtin(&file.standard.id) {
                        None => next.notify(Notice::ImportOtherStandard(file.standard.id)),
                        Some(b) => {
                            let source = Source::Builtin(b.id);
                            if self.opening.is_none() && self.source.as_ref() == Some(&source) {
                                next.pending = self.handover_preview(&json);
                            } else {
                                next.open(source, None);
                                next.handover = Some(Rc::from(json.as_str()));
                            }
                        }
                    },
                },
            },
            Action::Opened { request, slot, standard, restored, embedded } => {
                let opening = self.opening.as_ref().filter(|o| o.request == request)?;
                if self.source.as_ref() != Some(&opening.source) {
                    next.saved = Vec::new();
                    next.deleted = Vec::new();
                }
                next.source = Some(opening.source.clone());
                next.slot = slot;
                next.listing = self.listing.wrapping_add(1);
                next.opening = None;
                let handover = next.handover.take();
                next.standard = Some(SharedStandard(standard));
                next.fresh_assessment();
                if embedded {
                    next.notify(Notice::EmbeddedStorage);
                }
                match restored {
                    Restored::Nothing => {}
                    Restored::Unavailable => next.notify(Notice::StorageUnavailable),
                    Restored::Damaged(kept) => {
                        next.hold(&kept);
                        next.notify(Notice::Damaged(kept));
                    }
                    Restored::Found { answers, issues, original, rehashed } => {
                        next.answers = answers;
                        if rehashed {
                            next.notify(Notice::Rehashed);
                        }
                        if let (false, Some(original)) = (issues.is_empty(), original) {
                            next.hold(&original);
                            next.notify(Notice::Skipped { issues, original });
                        }
                    }
                }
                if let Some(json) = handover {
                    next.pending = next.handover_preview(&json);
                }
            }
            Action::OpenFailed { request, error } => {
                let opening = self.opening.as_ref().filter(|o| o.request == request)?;
                match opening.source {
                    Source::Host(_) => next.host_error = Some(error),
                    Source::Builtin(_) => next.notify(match error {
                        OpenError::Unavailable => Notice::StandardUnavailable,
                        OpenError::Invalid(problems) => Notice::StandardInvalid(problems),
                    }),
                }
                next.opening = None;
                next.handover = None;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::Go(screen) => {
                let s = self.standard.as_ref();
                let valid = match &screen {
                    Screen::Start => true,
                    Screen::Step(step) => s.is_some_and(|s| step.exists_in(s)),
                    Screen::Review | Screen::Report | Screen::Team | Screen::Compare => s.is_some(),
                    Screen::About { back } => !matches!(**back, Screen::About { .. }),
                };
                if !valid {
                    return None;
                }
                next.target = None;
                // Every move folds the contents, a pick in them included.
                next.contents_open = false;
                // Moving between steps keeps the way back to the review; any other screen ends it.
                next.from_review = match screen {
                    Screen::Step(_) => self.from_review || self.screen == Screen::Review,
                    _ => false,
                };
                next.screen = screen;
            }
            Action::ImportStarted(request) => {
                self.standard.as_ref()?;
                next.import_request = Some(request);
            }
            Action::ImportRead { request, result } => {
                if self.import_request != Some(request) {
                    return None;
                }
                next.import_request = None;
                match result {
                    Ok(p) if self.source.as_ref() == Some(&p.source) => next.pending = Some(p),
                    Ok(_) => return None,
                    Err(n) => next.notify(n),
                }
            }
            Action::ConfirmImport => {
                let p = self.pending.as_ref()?;
                if self.source.as_ref() != Some(&p.source) {
                    next.pending = None;
                    return Some(next);
                }
                next.answers = p.answers.clone();
                keep_identity(&mut next.answers, &self.answers);
                next.fact_drafts.clear();
                next.pending = None;
                next.save_due = SaveDue::Now;
                // Imported work opens where it stands (the review when nothing is open).
                if let Some(st) = &self.standard {
                    next.screen = resume_screen(st, &next.answers);
                    next.from_review = false;
                    next.target = None;
                }
            }
            Action::CancelImport => next.pending = None,
            Action::OtherTabChanged(change) => {
                self.standard.as_ref()?;
                next.conflict = Some(change);
            }
            Action::UseOtherTab => {
                next.answers = match self.conflict.as_ref()? {
                    OtherTab::Saved(theirs) => theirs.clone(),
                    OtherTab::Removed => Answers::default(),
                    // Nothing readable to use: the other value stays as it is until the user
                    // keeps this tab's answers (or reloads with the newer version).
                    OtherTab::Unreadable => return None,
                };
                next.conflict = None;
                next.fact_drafts.clear();
                next.save_due = SaveDue::Now;
            }
            Action::KeepThisTab => {
                self.conflict.as_ref()?;
                next.conflict = None;
                next.save_due = SaveDue::Now;
            }
            Action::Saved(ok) => next.save = if ok { SaveState::Saved } else { SaveState::Failed },
            Action::ReleaseHeld => {
                if !self.held {
                    return None;
                }
                next.held = false;
                next.save_due = SaveDue::Now;
            }
            Action::Notify(n) => next.notify(n),
            Action::Dismiss(i) => {
                if i >= next.notices.len() {
                    return None;
                }
                next.notices.remove(i);
            }
            Action::UpdateReady => next.update_ready = true,
            Action::Clear => {
                next.answers = Answers::default();
                keep_identity(&mut next.answers, &self.answers);
                next.fact_drafts.clear();
                next.screen = Screen::Start;
                next.save_due = SaveDue::Now;
            }
            Action::SetFactText { id, text, year } => {
                let s = self.standard.as_ref()?;
                let fact = &s.facts[s.fact_index(&id)?];
                // Only number and year facts have a text field.
                if matches!(
                    fact.kind,
                    brand_core::standard::FactKind::Choice { .. } | brand_core::standard::FactKind::Titles
                ) {
                    return None;
                }
                match parse_fact(fact, &text, year) {
                    Ok(v) => next.answers.set_fact(id.clone(), Some(v)),
                    Err(brand_core::FactInputError::Empty) => next.answers.set_fact(id.clone(), None),
                    // Refused: the draft shows it with its message; the answers keep what they had.
                    Err(_) => {}
                }
                next.fact_drafts.insert(id, text);
                next.save_due = SaveDue::Soon;
            }
            Action::GoToQuestion(id) => {
                let s = self.standard.as_ref()?;
                let q = &s.questions[s.question_index(&id)?];
                next.from_review = self.from_review || self.screen == Screen::Review;
                next.screen = Screen::Step(Step::Indicator(q.indicator));
                next.target = Some(id);
            }
            Action::PlanFor(id) => {
                let s = self.standard.as_ref()?;
                s.programmes.iter().find(|p| p.id == id)?;
                next.plan_for = Some(id);
            }
            Action::TeamFile { name, text } => {
                let s = self.standard.as_ref()?;
                next.team.add(s, name, text);
            }
            Action::TeamRole(i, role) => {
                if !next.team.set_role(i, role) {
                    return None;
                }
            }
            Action::TeamRemove(i) => {
                if !next.team.remove(i) {
                    return None;
                }
            }
            Action::TeamOverride(id, decision) => {
                let s = self.standard.as_ref()?;
                s.question_index(&id)?;
                next.team.set_override(id, decision);
            }
            Action::TeamUse => {
                let s = self.standard.as_ref()?;
                if self.team.subs.is_empty() {
                    return None;
                }
                let combined = brand_core::combine::combine(s, &self.team.submissions(), &self.team.overrides);
                next.answers = combined.answers;
                keep_identity(&mut next.answers, &self.answers);
                next.fact_drafts.clear();
                next.save_due = SaveDue::Now;
                next.screen = Screen::Report;
            }
            Action::CompareFile { side, name, text } => {
                let s = self.standard.as_ref()?;
                next.compare.add(s, side, name, text);
            }
            Action::CompareCurrent(side) => {
                let s = self.standard.as_ref()?;
                if side > 1 {
                    return None;
                }
                next.compare.sides[side] = Some(CompareSide::Current(AnswersFile::new(s, &self.answers, None)));
                next.compare.problems[side] = None;
            }
            Action::SetAbout(about) => {
                self.standard.as_ref()?;
                next.answers.set_about(about);
                // The fields commit on change (leaving the field, Enter), not per keystroke.
                next.save_due = SaveDue::Now;
                if next.answers == self.answers {
                    return None;
                }
            }
            Action::OpenSaved(slot) => {
                let source = self.source.clone().filter(|_| self.standard.is_some())?;
                if self.opening.is_none() && slot == self.slot {
                    return None;
                }
                next.open(source, Some(slot));
            }
            Action::NewAssessment { slot, date } => {
                self.standard.as_ref()?;
                // While another opens, a new one would be replaced by it when it arrives.
                if self.opening.is_some() || slot == self.slot || self.saved.iter().any(|x| x.slot == slot) {
                    return None;
                }
                next.slot = slot;
                next.fresh_assessment();
                next.answers.about.date = date;
                next.screen = Screen::Start;
                next.listing = self.listing.wrapping_add(1);
            }
            Action::Listed { source, saved } => {
                if self.source.as_ref() != Some(&source) {
                    return None;
                }
                next.saved = saved;
            }
            Action::Relist => next.listing = self.listing.wrapping_add(1),
            Action::ForgetDeleted(slot) => next.deleted.retain(|d| d.slot != slot),
            Action::Rename(Some(slot)) => {
                let listed = slot == self.slot || self.saved.iter().any(|x| x.slot == slot && x.summary.is_ok());
                if self.screen != Screen::Start || self.standard.is_none() || !listed {
                    return None;
                }
                next.renaming = Some(slot);
            }
            Action::Rename(None) => next.renaming = None,
            Action::RestoreFailed(slot) => {
                if !self.deleted.iter().any(|d| d.slot == slot) {
                    return None;
                }
                next.restore_failed = Some(slot);
            }
            Action::PartLoaded(part, ok) => {
                let load = if ok { Load::Ready } else { Load::Failed };
                if self.parts[part as usize] == load || self.parts[part as usize] == Load::Ready {
                    return None;
                }
                next.parts[part as usize] = load;
            }
            Action::RetryPart(part) => {
                if self.parts[part as usize] != Load::Failed {
                    return None;
                }
                next.parts[part as usize] = Load::NotYet;
            }
            Action::ToggleContents => {
                if !matches!(self.screen, Screen::Step(_)) {
                    return None;
                }
                next.contents_open = !self.contents_open;
            }
            Action::OnlyConflicts(on) => {
                if self.screen != Screen::Team || self.only_conflicts == on {
                    return None;
                }
                next.only_conflicts = on;
            }
            Action::Exporting(on) => {
                if self.exporting == on {
                    return None;
                }
                next.exporting = on;
            }
            Action::HandoverCopied(ok) => {
                if self.screen != Screen::Report {
                    return None;
                }
                next.handover_copied = Some(ok);
            }
            Action::Deleted { slot, name, raw, fresh } => {
                let source = self.source.clone().filter(|_| self.standard.is_some())?;
                next.deleted.retain(|d| d.slot != slot);
                next.deleted.push(Deleted { slot: slot.clone(), name, raw });
                next.listing = self.listing.wrapping_add(1);
                let opening_it = self.opening.as_ref().is_some_and(|o| o.slot.as_ref() == Some(&slot));
                if slot == self.slot || opening_it {
                    // The open one went (or the one opening): its answers are forgotten at once, so
                    // nothing saves them back, and the next readable one listed opens, else a new
                    // one — in the first slot when that holds nothing unreadable, else in `fresh`.
                    next.answers = Answers::default();
                    let other = self.saved.iter().find(|x| x.slot != slot && x.summary.is_ok());
                    let first_taken = self.saved.iter().any(|x| x.slot == Slot::first() && x.summary.is_err());
                    let to = match other {
                        Some(x) => x.slot.clone(),
                        None if first_taken || slot == Slot::first() && opening_it => fresh,
                        None => Slot::first(),
                    };
                    next.open(source, Some(to));
                }
            }
            Action::Restored { deleted, at } => {
                let (source, st) = (self.source.clone()?, self.standard.as_ref()?);
                let gone = self.deleted.iter().find(|d| d.slot == deleted)?;
                next.deleted.retain(|d| d.slot != deleted);
                next.listing = self.listing.wrapping_add(1);
                // It opens when it can be read; an unreadable one is only listed again (opening
                // would move it aside and out of the list).
                if AnswersFile::parse(&gone.raw).is_ok_and(|f| f.standard.id == st.id) {
                    next.open(source, Some(at));
                }
            }
            edit => {
                let s = self.standard.as_ref()?;
                next.save_due = if matches!(edit, Action::SetNote(..) | Action::SetRecord(..) | Action::SetMark(..)) {
                    SaveDue::Soon
                } else {
                    SaveDue::Now
                };
                apply_edit(s, &mut next.answers, edit)?;
                if next.answers == self.answers {
                    return None;
                }
            }
        }
        // The wizard's contents, the team screen's filter and the report's "copied" belong to their
        // screen: leaving it resets them, however it is left ("copied" also when the answers change,
        // since the link is then another).
        next.contents_open &= matches!(next.screen, Screen::Step(_)) && next.screen == self.screen;
        next.only_conflicts &= next.screen == Screen::Team;
        if next.screen != Screen::Report || next.answers != self.answers {
            next.handover_copied = None;
        }
        // The list's rename field and failed undo belong to the start page and its questionnaire.
        if next.screen != Screen::Start || next.source != self.source || next.standard.is_none() {
            next.renaming = None;
            next.restore_failed = None;
        }
        // Each names a row still there.
        let listed = |slot: &Slot| *slot == next.slot || next.saved.iter().any(|x| x.slot == *slot);
        if next.renaming.as_ref().is_some_and(|r| !listed(r)) {
            next.renaming = None;
        }
        if next.restore_failed.as_ref().is_some_and(|f| !next.deleted.iter().any(|d| d.slot == *f)) {
            next.restore_failed = None;
        }
        (next != *self).then_some(next)
    }

    /// Starts opening `source`'s assessment in `slot` (`None`: the one last open; the newest
    /// request wins).
    fn open(&mut self, source: Source, slot: Option<Slot>) {
        self.requests = self.requests.wrapping_add(1);
        self.opening = Some(Opening { source, slot, request: self.requests });
        // A preview checked against the standard being left must not apply to another.
        self.pending = None;
        self.import_request = None;
        self.handover = None;
    }

    /// What belongs to one assessment starts afresh (another opened or started): its answers,
    /// drafts, plan choice, preview, other tab's change, held original, save state, team batch and
    /// comparison.
    fn fresh_assessment(&mut self) {
        // The notices about the last one's saved text go with it (its original stays in its slot
        // or aside): a "resume saving" left over would release the next one's hold.
        self.notices.retain(|n| !matches!(n, Notice::Damaged(_) | Notice::Skipped { .. } | Notice::Rehashed));
        self.import_request = None;
        self.answers = Answers::default();
        self.fact_drafts.clear();
        self.plan_for = None;
        self.pending = None;
        self.conflict = None;
        self.held = false;
        self.save = SaveState::Idle;
        self.save_due = SaveDue::Now;
        self.team = TeamBatch::default();
        self.compare = ComparePair::default();
    }

    /// The preview of a hand-over link's answers against the open standard.
    fn handover_preview(&self, json: &str) -> Option<PendingImport> {
        let (st, source) = (self.standard.as_ref()?, self.source.clone()?);
        PendingImport::check(json, source, st, &self.answers).ok()
    }

    fn notify(&mut self, n: Notice) {
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    /// An original that could not be moved aside stays in its slot: hold saving back.
    fn hold(&mut self, kept: &KeptAside) {
        if !kept.moved {
            self.held = true;
        }
    }
}

/// An import, a team's result or a start over replaces an assessment's answers, not what it is:
/// the open assessment's name and date stay (each when it has one).
fn keep_identity(next: &mut Answers, current: &Answers) {
    if !current.about.name.is_empty() {
        next.about.name = current.about.name.clone();
    }
    if current.about.date.is_some() {
        next.about.date = current.about.date;
    }
}

/// The answer edits, checked against the standard.
fn apply_edit(s: &Standard, a: &mut Answers, action: Action) -> Option<()> {
    match action {
        Action::SetLevel(id, level) => {
            s.question_index(&id)?;
            a.set_response(id, Some(Response::Level(Level::new(level)?)));
        }
        Action::SetNotApplicable(id) => {
            if !s.questions[s.question_index(&id)?].na_allowed {
                return None;
            }
            a.set_response(id, Some(Response::NotApplicable));
        }
        Action::ClearResponse(id) => {
            s.question_index(&id)?;
            a.set_response(id, None);
        }
        Action::SetNote(id, note) => {
            s.question_index(&id)?;
            a.set_note(id, note);
        }
        Action::SetGate(id, answer) => {
            s.gate_index(&id)?;
            a.set_gate(id, answer);
        }
        Action::SetFactChoice(id, option) => {
            let fact = &s.facts[s.fact_index(&id)?];
            let brand_core::standard::FactKind::Choice { options } = &fact.kind else { return None };
            match option {
                Some(o) if options.iter().any(|x| x.id == o) => a.set_fact(id, Some(FactValue::Choice(o))),
                Some(_) => return None,
                None => a.set_fact(id, None),
            }
        }
        Action::ToggleTitle(title) => {
            let f = s.titles_fact()?;
            s.title_index(&title)?;
            let id = s.facts[f].id.clone();
            let mut held: Vec<TitleId> = match a.facts.get(&id) {
                Some(FactValue::Titles(v)) => v.clone(),
                _ => Vec::new(),
            };
            if held.contains(&title) {
                held.retain(|x| *x != title);
            } else {
                held.push(title);
            }
            // The standard's order, each once (as the core keeps it).
            let ordered: Vec<TitleId> =
                s.titles.iter().filter(|x| held.contains(&x.id)).map(|x| x.id.clone()).collect();
            a.set_fact(id, (!ordered.is_empty()).then_some(FactValue::Titles(ordered)));
        }
        Action::SetMark(id, mark) => {
            s.document_index(&id)?;
            a.set_mark(id, mark);
        }
        Action::SetRecord(key, record) => {
            brand_core::dossier::ActionKey::parse(s, &key.key())?;
            a.set_action(&key, record);
        }
        Action::SetProfile(id, option) => {
            let p = s.profile_question(&id)?;
            if option.as_ref().is_some_and(|o| !p.options.iter().any(|x| &x.id == o)) {
                return None;
            }
            a.set_profile(id, option);
        }
        _ => return None,
    }
    Some(())
}

impl Reducible for Session {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.apply(action) {
            Some(next) => Rc::new(next),
            // The same Rc back: Yew skips the render.
            None => self,
        }
    }
}

/// The session's dispatcher, passed down to every component as is (one value for the app's
/// life, so props holding it compare equal and do not re-render a child). `reform` and `emit`
/// mirror `Callback` for the call sites.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub yew::UseReducerDispatcher<Session>);

impl Dispatch {
    pub fn emit(&self, action: Action) {
        self.0.dispatch(action);
    }

    pub fn reform<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> yew::Callback<E> {
        let d = self.0.clone();
        yew::Callback::from(move |e| d.dispatch(f(e)))
    }
}

impl std::fmt::Debug for Dispatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Dispatch")
    }
}
