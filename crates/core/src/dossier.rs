//! From self-check to application file: per programme, the checklist of documents (申报材料) and
//! the action plan a team works from.
//!
//! What the user keeps is small and lives in [`Answers`]: a mark per document ([`DocMark`]: 已有 /
//! 待准备 / 不适用 and where it is) and a record per action ([`Action`]: owner, due date, status,
//! note), keyed by [`ActionKey`]. Everything else is derived here, never stored: which documents a
//! programme's checklist lists and what each proves, which items the plan holds and in what order,
//! the totals, which due dates have passed. The rules are stated in ARCHITECTURE.md, "Checklist
//! and action plan".

use crate::answers::Answers;
use crate::ids::{ConditionId, DocumentId, ProgrammeId, QuestionId};
use crate::programme::{programme_plan, ConditionResult, EvidenceStep, PracticeStep};
use crate::scoring::Score;
use crate::standard::{Proof, Standard};

/// The longest owner kept, in characters; a longer one is cut and reported on import.
pub const MAX_OWNER_CHARS: usize = 100;
/// The longest "where it is" of a document mark, in characters.
pub const MAX_PLACE_CHARS: usize = 500;

/// A calendar day (proleptic Gregorian), 1800-01-01 to 2100-12-31: a due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(time::Date);

/// Why a text is not a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayFault {
    /// Not written `YYYY-MM-DD` (four, two and two digits).
    NotIso,
    /// Written so, but no such day (`2026-02-30`, month 13), or outside 1800–2100.
    NoSuchDay,
}

impl Day {
    /// The day `year-month-day`, if it exists and lies within 1800–2100.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Day> {
        if !(crate::answers::MIN_YEAR..=crate::answers::MAX_YEAR).contains(&year) {
            return None;
        }
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(i32::from(year), month, day).ok().map(Day)
    }

    /// Reads exactly `YYYY-MM-DD`, what an `<input type="date">` gives and the file keeps.
    pub fn parse(text: &str) -> Result<Day, DayFault> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err(DayFault::NotIso);
        }
        let n = |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
        Day::new(n(0..4), n(5..7) as u8, n(8..10) as u8).ok_or(DayFault::NoSuchDay)
    }

    pub fn year(self) -> u16 {
        self.0.year() as u16
    }
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }
    pub fn day(self) -> u8 {
        self.0.day()
    }
}

/// `YYYY-MM-DD`.
impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

/// A document's mark: 已有 (have), 待准备 (to prepare), 不适用 (not applicable).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocStatus {
    Have,
    Todo,
    NotApplicable,
}

impl DocStatus {
    pub const ALL: [DocStatus; 3] = [DocStatus::Have, DocStatus::Todo, DocStatus::NotApplicable];
    /// The name in the answers file.
    pub fn id(self) -> &'static str {
        match self {
            DocStatus::Have => "have",
            DocStatus::Todo => "todo",
            DocStatus::NotApplicable => "na",
        }
    }
    pub fn from_id(id: &str) -> Option<DocStatus> {
        DocStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What the user said about one document (one mark for every programme that asks for it).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct DocMark {
    pub status: Option<DocStatus>,
    /// Where it is (a folder, a drawer, a person), at most [`MAX_PLACE_CHARS`].
    pub place: String,
}

impl DocMark {
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.place.is_empty()
    }
}

/// An action's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ActionStatus {
    #[default]
    Todo,
    Doing,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [ActionStatus::Todo, ActionStatus::Doing, ActionStatus::Done];
    pub fn id(self) -> &'static str {
        match self {
            ActionStatus::Todo => "todo",
            ActionStatus::Doing => "doing",
            ActionStatus::Done => "done",
        }
    }
    pub fn from_id(id: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// What the team recorded for one item of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Action {
    /// At most [`MAX_OWNER_CHARS`].
    pub owner: String,
    pub due: Option<Day>,
    pub status: ActionStatus,
    /// At most [`crate::answers::MAX_NOTE_CHARS`].
    pub note: String,
}

impl Action {
    /// Nothing recorded: the same as no record.
    pub fn is_empty(&self) -> bool {
        *self == Action::default()
    }
}

/// What an action is about; its text form keys the record in [`Answers::actions`] and the file:
/// `evidence:<question>`, `condition:<programme>/<condition>`, `document:<document>`,
/// `practice:<question>`. A document or question action is shared by every programme's plan that
/// holds it; a condition action belongs to its programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionKey {
    Evidence(QuestionId),
    Condition(ProgrammeId, ConditionId),
    Document(DocumentId),
    Practice(QuestionId),
}

impl ActionKey {
    pub fn key(&self) -> String {
        match self {
            ActionKey::Evidence(q) => format!("evidence:{q}"),
            ActionKey::Condition(p, c) => format!("condition:{p}/{c}"),
            ActionKey::Document(d) => format!("document:{d}"),
            ActionKey::Practice(q) => format!("practice:{q}"),
        }
    }

    /// The key's action if it names something `s` has (a question, a programme's condition, a
    /// document); `None` otherwise.
    pub fn parse(s: &Standard, key: &str) -> Option<ActionKey> {
        let (kind, rest) = key.split_once(':')?;
        match kind {
            "evidence" | "practice" => {
                let q = QuestionId::from(rest);
                s.question_index(&q)?;
                Some(if kind == "evidence" { ActionKey::Evidence(q) } else { ActionKey::Practice(q) })
            }
            "condition" => {
                let (p, c) = rest.split_once('/')?;
                let pi = s.programme_index(&ProgrammeId::from(p))?;
                s.programmes[pi].conditions.iter().find(|x| x.id.0 == c)?;
                Some(ActionKey::Condition(ProgrammeId::from(p), ConditionId::from(c)))
            }
            "document" => {
                let d = DocumentId::from(rest);
                s.document_index(&d)?;
                Some(ActionKey::Document(d))
            }
            _ => None,
        }
    }
}

/// One line of a programme's checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistRow {
    /// Index into [`Standard::documents`].
    pub document: usize,
    pub mark: DocMark,
    /// The programme's conditions the document proves (indices into its `conditions`).
    pub conditions: Vec<usize>,
}

/// The documents programme `programme` asks for, in the standard's order, with the user's marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    pub programme: usize,
    pub rows: Vec<ChecklistRow>,
    pub have: usize,
    pub todo: usize,
    pub not_applicable: usize,
    /// Rows without a status.
    pub unmarked: usize,
}

/// The checklist of programme `index` (into [`Standard::programmes`], in range).
pub fn checklist(s: &Standard, a: &Answers, index: usize) -> Checklist {
    let p = &s.programmes[index];
    let mut out = Checklist { programme: index, rows: Vec::new(), have: 0, todo: 0, not_applicable: 0, unmarked: 0 };
    for (di, d) in s.documents.iter().enumerate() {
        if !d.programmes.contains(&index) {
            continue;
        }
        let mark = a.checklist.get(&d.id).cloned().unwrap_or_default();
        match mark.status {
            Some(DocStatus::Have) => out.have += 1,
            Some(DocStatus::Todo) => out.todo += 1,
            Some(DocStatus::NotApplicable) => out.not_applicable += 1,
            None => out.unmarked += 1,
        }
        let conditions = p
            .conditions
            .iter()
            .enumerate()
            .filter(|(_, c)| d.proves.iter().any(|pr| matches!(pr, Proof::Condition(id) if *id == c.id)))
            .map(|(ci, _)| ci)
            .collect();
        out.rows.push(ChecklistRow { document: di, mark, conditions });
    }
    out
}

/// What a plan item asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// Write the evidence of a level 4/5 answer.
    Evidence(EvidenceStep),
    /// Close an open condition (not met, or unknown).
    Condition(ConditionResult),
    /// Prepare a document of the checklist (index into [`Standard::documents`]).
    Document(usize),
    /// Raise an answer one or more levels.
    Practice(PracticeStep),
}

/// One item of an action plan: what to do, and what the team recorded for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub key: ActionKey,
    pub kind: ItemKind,
    /// The record, or an empty one.
    pub action: Action,
    /// Due before `today` and not done.
    pub overdue: bool,
}

/// Counts over a plan's items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Totals {
    pub items: usize,
    pub todo: usize,
    pub doing: usize,
    pub done: usize,
    pub overdue: usize,
    /// Not done and without an owner.
    pub unassigned: usize,
    /// Not done and without a due date.
    pub undated: usize,
}

/// The action plan of one programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionPlan {
    pub programme: usize,
    pub items: Vec<PlanItem>,
    pub totals: Totals,
    /// As in [`crate::programme::ProgrammePlan`]: the total once every step is taken.
    pub total_after: u32,
    pub reachable: bool,
}

/// The action plan of programme `index`: the programme plan's evidence steps, its open
/// conditions, the checklist's documents neither had nor marked not applicable, then its practice
/// steps, in that order, each with its record; totals and overdue against `today` (none when the
/// shell has no clock).
pub fn action_plan(
    s: &Standard,
    a: &Answers,
    score: &Score,
    index: usize,
    year: u16,
    today: Option<Day>,
) -> ActionPlan {
    let plan = programme_plan(s, a, score, index, year);
    let p = &s.programmes[index];
    let mut items: Vec<(ActionKey, ItemKind)> = Vec::new();
    for e in plan.evidence {
        items.push((ActionKey::Evidence(s.questions[e.question].id.clone()), ItemKind::Evidence(e)));
    }
    for c in plan.conditions {
        let key = ActionKey::Condition(p.id.clone(), p.conditions[c.condition].id.clone());
        items.push((key, ItemKind::Condition(c)));
    }
    for row in checklist(s, a, index).rows {
        if !matches!(row.mark.status, Some(DocStatus::Have | DocStatus::NotApplicable)) {
            items.push((ActionKey::Document(s.documents[row.document].id.clone()), ItemKind::Document(row.document)));
        }
    }
    for step in plan.practice {
        items.push((ActionKey::Practice(s.questions[step.step.question].id.clone()), ItemKind::Practice(step)));
    }
    let mut totals = Totals::default();
    let items = items
        .into_iter()
        .map(|(key, kind)| {
            let action = a.actions.get(&key.key()).cloned().unwrap_or_default();
            let done = action.status == ActionStatus::Done;
            let overdue = !done && matches!((action.due, today), (Some(d), Some(t)) if d < t);
            totals.items += 1;
            match action.status {
                ActionStatus::Todo => totals.todo += 1,
                ActionStatus::Doing => totals.doing += 1,
                ActionStatus::Done => totals.done += 1,
            }
            totals.overdue += usize::from(overdue);
            totals.unassigned += usize::from(!done && action.owner.trim().is_empty());
            totals.undated += usize::from(!done && action.due.is_none());
            PlanItem { key, kind, action, overdue }
        })
        .collect();
    ActionPlan { programme: index, items, totals, total_after: plan.total_after, reachable: plan.reachable }
}
