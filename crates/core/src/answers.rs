//! What the user said: profile choices, a level / N/A / nothing for each question with an
//! evidence note, yes / no / not sure for each gate, and the typed profile facts (a choice, an
//! exact number, a year, the titles held).
//!
//! [`Answers`] is the in-memory value the app edits. [`AnswersFile`] is its serialised form for
//! storage and export: it carries a format `version` and names the standard (id, version, content
//! hash) it was answered against. Reading a file back goes through [`AnswersFile::parse`] and
//! [`AnswersFile::into_answers`], which keep what fits the standard and report the rest; the
//! reading itself, and every decision it makes about odd input, is in `import.rs`.

use serde::Serialize;

use crate::decimal::{check_number, parse_input, Decimal, FactInputError, LexemeFault};
use crate::dossier::{Action, ActionKey, Day, DocMark, DocStatus};
use crate::ids::{DocumentId, FactId, GateId, OptionId, ProfileId, QuestionId, TitleId};
use crate::import::clip;
pub use crate::import::{
    issue_counts, ChangedItem, Expected, FactFault, ImportError, ImportIssue, IssueKind, LevelFault, SyntaxFault,
    MAX_ANSWERS_BYTES, MAX_DEPTH, MAX_ECHO_CHARS, MAX_NOTE_CHARS,
};
use crate::json::quote;
use crate::map::Map;
use crate::standard::{Fact, FactKind, Standard};

/// The `format` marker of an answers file, so a stray JSON file is recognised as not ours.
pub const FILE_FORMAT: &str = "brand-self-check/answers";
/// The newest answers-file version this code writes and reads. Version 2 added `facts`, version 3
/// the `checklist` and `actions`, version 4 `about` (organisation, assessor, role) and `team` (a
/// combined assessment's respondents and overrides); files of every earlier version still read.
pub const FILE_VERSION: u32 = 4;

/// The longest organisation, assessor or respondent name kept, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// The earliest year a year fact may hold.
pub const MIN_YEAR: u16 = 1800;
/// The latest year a year fact may hold (the core has no clock; a year after the assessment year
/// is refused where the year is known, in [`parse_fact`], and reads as not met when assessed).
pub const MAX_YEAR: u16 = 2100;

/// A maturity or result level, 0 to 5. A type of its own so an out-of-range level cannot exist
/// past the boundary where files and clicks are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    pub const MAX: Level = Level(5);
    pub fn new(n: u8) -> Option<Level> {
        (n <= 5).then_some(Level(n))
    }
    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Response {
    Level(Level),
    NotApplicable,
}

/// One question's answer. A note may exist before a level is chosen.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answer {
    pub response: Option<Response>,
    pub note: String,
}

impl Answer {
    /// The note is evidence only if it has a visible character (`visible.rs` says exactly which);
    /// a note of spaces, control or zero-width characters does not lift a level 4 or 5.
    pub fn has_evidence(&self) -> bool {
        crate::visible::has_visible(&self.note)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GateAnswer {
    Yes,
    No,
    Unsure,
}

/// The value of a typed profile fact, of the fact's kind (checked where it is read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactValue {
    Choice(OptionId),
    /// Exact, within the fact's `min`..=`max` and decimals.
    Number(Decimal),
    /// A calendar year, [`MIN_YEAR`]..=[`MAX_YEAR`].
    Year(u16),
    /// The titles held, in the standard's order, each once.
    Titles(Vec<TitleId>),
}

/// A respondent's role, for the leaders-vs-staff view of a team's answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Leader,
    Staff,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Leader => "leader",
            Role::Staff => "staff",
        }
    }
    pub fn from_id(id: &str) -> Option<Role> {
        match id {
            "leader" => Some(Role::Leader),
            "staff" => Some(Role::Staff),
            _ => None,
        }
    }
}

/// Whose assessment this is and who answered (file version 4); optional, shown on the report.
/// `name` and `date` name one of several assessments kept on a device (issue 15); they came after
/// version 4 without a new version, since readers of version 4 ignore members they do not know.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct About {
    /// The assessment's name ("2026 年度自评"), at most [`MAX_NAME_CHARS`].
    pub name: String,
    /// The day the assessment was started (a new one, or a copy of an earlier one).
    pub date: Option<Day>,
    pub organisation: String,
    pub assessor: String,
    pub role: Option<Role>,
}

impl About {
    /// The same with each name cut to [`MAX_NAME_CHARS`].
    pub fn clipped(mut self) -> About {
        self.name = clip_chars(self.name, MAX_NAME_CHARS);
        self.organisation = clip_chars(self.organisation, MAX_NAME_CHARS);
        self.assessor = clip_chars(self.assessor, MAX_NAME_CHARS);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.date.is_none()
            && self.organisation.is_empty()
            && self.assessor.is_empty()
            && self.role.is_none()
    }
}

/// One person whose answers went into a combined assessment.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Respondent {
    pub name: String,
    pub role: Option<Role>,
}

/// Where a combined assessment came from (see `combine.rs`): its respondents, in name order, and
/// the questions where the facilitator replaced the proposed consensus, each with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Team {
    pub respondents: Vec<Respondent>,
    pub overrides: Map<QuestionId, String>,
}

impl Team {
    pub fn is_empty(&self) -> bool {
        self.respondents.is_empty() && self.overrides.is_empty()
    }
}

/// Everything the user has said about one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    pub profile: Map<ProfileId, OptionId>,
    pub questions: Map<QuestionId, Answer>,
    pub gates: Map<GateId, GateAnswer>,
    pub facts: Map<FactId, FactValue>,
    /// The checklist's marks, per document (see `dossier.rs`).
    pub checklist: Map<DocumentId, DocMark>,
    /// The action records, keyed by [`ActionKey::key`].
    pub actions: Map<String, Action>,
    pub about: About,
    /// Empty unless these answers were combined from a team's files.
    pub team: Team,
}

/// Reads what the user typed into the field of a number or year fact. `year` is the assessment
/// year: a year after it is refused ([`FactInputError::FutureYear`]). A choice or titles fact has
/// no text field ([`FactInputError::NotText`]).
pub fn parse_fact(fact: &Fact, text: &str, year: u16) -> Result<FactValue, FactInputError> {
    match &fact.kind {
        FactKind::Number { min, max, decimals, .. } => {
            let v = parse_input(text)?;
            check_number(v, *min, *max, *decimals).map(FactValue::Number)
        }
        FactKind::Year => {
            let v = parse_input(text)?;
            let y = v.whole().and_then(|y| u16::try_from(y).ok()).ok_or(FactInputError::NotAYear)?;
            if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
                return Err(FactInputError::OutOfRange {
                    min: Decimal::from_int(i64::from(MIN_YEAR)),
                    max: Decimal::from_int(i64::from(MAX_YEAR)),
                });
            }
            if y > year {
                return Err(FactInputError::FutureYear { year });
            }
            Ok(FactValue::Year(y))
        }
        FactKind::Choice { .. } | FactKind::Titles => Err(FactInputError::NotText),
    }
}

impl Answers {
    pub fn answer(&self, id: &QuestionId) -> Option<&Answer> {
        self.questions.get(id)
    }

    pub fn set_response(&mut self, id: QuestionId, response: Option<Response>) {
        let a = self.questions.get_or_default(id.clone());
        a.response = response;
        self.tidy(&id);
    }

    pub fn set_note(&mut self, id: QuestionId, note: String) {
        let a = self.questions.get_or_default(id.clone());
        a.note = note;
        self.tidy(&id);
    }

    pub fn set_gate(&mut self, id: GateId, answer: Option<GateAnswer>) {
        match answer {
            Some(a) => self.gates.insert(id, a),
            None => _ = self.gates.remove(&id),
        }
    }

    pub fn set_fact(&mut self, id: FactId, value: Option<FactValue>) {
        match value {
            Some(v) => self.facts.insert(id, v),
            None => _ = self.facts.remove(&id),
        }
    }

    pub fn set_profile(&mut self, id: ProfileId, option: Option<OptionId>) {
        match option {
            Some(o) => self.profile.insert(id, o),
            None => _ = self.profile.remove(&id),
        }
    }

    /// Sets a document's mark, its place cut to [`crate::dossier::MAX_PLACE_CHARS`]; an empty mark
    /// is the same as none.
    pub fn set_mark(&mut self, id: DocumentId, mut mark: DocMark) {
        mark.place = clip_chars(mark.place, crate::dossier::MAX_PLACE_CHARS);
        if mark.is_empty() {
            _ = self.checklist.remove(&id);
        } else {
            self.checklist.insert(id, mark);
        }
    }

    /// Sets an action's record, its owner and note cut to their bounds; an empty record is the
    /// same as none.
    pub fn set_action(&mut self, key: &ActionKey, mut action: Action) {
        action.owner = clip_chars(action.owner, crate::dossier::MAX_OWNER_CHARS);
        action.note = clip_chars(action.note, MAX_NOTE_CHARS);
        let key = key.key();
        if action.is_empty() {
            _ = self.actions.remove(&key);
        } else {
            self.actions.insert(key, action);
        }
    }

    /// Sets who the assessment is of and by, each name cut to [`MAX_NAME_CHARS`].
    pub fn set_about(&mut self, about: About) {
        self.about = about.clipped();
    }

    /// How many entries (profile choices, question answers, gate answers) differ between the two:
    /// what an import would change.
    pub fn differences(&self, other: &Answers) -> usize {
        fn diff<K: Ord, V: PartialEq>(a: &Map<K, V>, b: &Map<K, V>) -> usize {
            a.iter().filter(|(k, v)| b.get(*k) != Some(*v)).count() + b.keys().filter(|k| !a.contains_key(*k)).count()
        }
        diff(&self.profile, &other.profile)
            + diff(&self.questions, &other.questions)
            + diff(&self.gates, &other.gates)
            + diff(&self.facts, &other.facts)
            + diff(&self.checklist, &other.checklist)
            + diff(&self.actions, &other.actions)
            + usize::from(self.about != other.about)
            + usize::from(self.team != other.team)
    }

    /// An answer with neither response nor note is the same as none; keep the map canonical so
    /// equal states compare equal.
    fn tidy(&mut self, id: &QuestionId) {
        if self.questions.get(id).is_some_and(|a| a.response.is_none() && a.note.is_empty()) {
            _ = self.questions.remove(id);
        }
    }
}

/// At most `max` characters of `text` (a field's `maxlength` holds typing to it; a paste or a
/// script may not).
pub(crate) fn clip_chars(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => text[..at].to_owned(),
        None => text,
    }
}

/// Which standard an answers file was made against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StandardRef {
    pub id: String,
    pub version: String,
    pub hash: String,
}

impl StandardRef {
    pub fn of(s: &Standard) -> StandardRef {
        StandardRef { id: s.id.clone(), version: s.version.clone(), hash: s.content_hash.clone() }
    }
}

/// One question in a file. Kept loose (a plain number) so a bad level is reported, not fatal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Default)]
pub struct QuestionEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub na: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What reading this entry found (a refused level, a wrong type, a cut note); reported by
    /// `into_answers` only if the question exists, so an unknown question is reported once.
    #[serde(skip)]
    pub issues: Vec<ImportIssue>,
}

/// One fact in a file, as written; kept loose so that a value of the wrong kind is reported by
/// `into_answers` (which knows the fact's kind), not fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactEntry {
    /// A string: a choice fact's option id.
    Text(String),
    /// A number exactly as written in the file (`2600.5`, `3.20`, `2015`).
    Number(String),
    /// An array of strings: a titles fact's title ids.
    List(Vec<String>),
    /// Anything else, as short JSON text for the report (`true`, `{…}`, `[…]` with a non-string).
    Other(String),
}

/// As serde_json would write the value the entry stands for (the writer's test compares).
impl Serialize for FactEntry {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self {
            FactEntry::Text(t) | FactEntry::Other(t) => ser.serialize_str(t),
            FactEntry::Number(n) => match Decimal::from_lexeme(n) {
                Ok(d) => match d.whole() {
                    Some(i) => ser.serialize_i64(i),
                    None => ser.serialize_f64(d.hundredths() as f64 / 100.0),
                },
                Err(_) => ser.serialize_f64(n.parse::<f64>().unwrap_or(0.0)),
            },
            FactEntry::List(l) => l.serialize(ser),
        }
    }
}

/// One checklist mark in a file, read leniently: what does not fit is in `issues`, reported by
/// `into_answers` only when the document exists.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MarkEntry {
    pub status: Option<DocStatus>,
    pub place: String,
    pub issues: Vec<ImportIssue>,
}

impl Serialize for MarkEntry {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = ser.serialize_map(None)?;
        if let Some(st) = self.status {
            m.serialize_entry("status", st.id())?;
        }
        if !self.place.is_empty() {
            m.serialize_entry("where", &self.place)?;
        }
        m.end()
    }
}

/// One action record in a file, read leniently (see [`MarkEntry`]).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ActionEntry {
    pub action: Action,
    pub issues: Vec<ImportIssue>,
}

impl Serialize for ActionEntry {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let a = &self.action;
        let mut m = ser.serialize_map(None)?;
        if !a.owner.is_empty() {
            m.serialize_entry("owner", &a.owner)?;
        }
        if let Some(d) = a.due {
            m.serialize_entry("due", &d.to_string())?;
        }
        m.serialize_entry("status", a.status.id())?;
        if !a.note.is_empty() {
            m.serialize_entry("note", &a.note)?;
        }
        m.end()
    }
}

/// The computed result written next to exported answers, for people and systems that read the
/// file without this app. It is never read back: on import the result is computed afresh.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResultSummary {
    pub total: u32,
    pub min: u32,
    pub max: u32,
    /// Achieved points per part, to one decimal, in part id order.
    #[serde(serialize_with = "as_map")]
    pub parts: Entries<f64>,
    /// The suggested tier's id, or "fix_first" / "none".
    pub tier: String,
    pub provisional: bool,
}

impl Serialize for About {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = ser.serialize_map(None)?;
        if !self.name.is_empty() {
            m.serialize_entry("name", &self.name)?;
        }
        if let Some(d) = self.date {
            m.serialize_entry("date", &d.to_string())?;
        }
        if !self.organisation.is_empty() {
            m.serialize_entry("organisation", &self.organisation)?;
        }
        if !self.assessor.is_empty() {
            m.serialize_entry("assessor", &self.assessor)?;
        }
        if let Some(r) = self.role {
            m.serialize_entry("role", r.id())?;
        }
        m.end()
    }
}

impl Serialize for Respondent {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("name", &self.name)?;
        if let Some(r) = self.role {
            m.serialize_entry("role", r.id())?;
        }
        m.end()
    }
}

/// A file's `team`: the overrides keyed by the ids as written, checked by `into_answers`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize)]
pub struct TeamEntry {
    pub respondents: Vec<Respondent>,
    #[serde(serialize_with = "as_map")]
    pub overrides: Entries<String>,
}

impl TeamEntry {
    pub fn is_empty(&self) -> bool {
        self.respondents.is_empty() && self.overrides.is_empty()
    }
}

/// The serialised answers: what storage keeps and what export writes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswersFile {
    pub format: String,
    pub version: u32,
    pub standard: StandardRef,
    #[serde(serialize_with = "as_map")]
    pub profile: Entries<String>,
    #[serde(serialize_with = "as_map")]
    pub questions: Entries<QuestionEntry>,
    #[serde(serialize_with = "as_map")]
    pub gates: Entries<GateAnswer>,
    /// Typed facts (version 2); written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_map")]
    pub facts: Entries<FactEntry>,
    /// Document marks (version 3); written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_map")]
    pub checklist: Entries<MarkEntry>,
    /// Action records (version 3); written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "as_map")]
    pub actions: Entries<ActionEntry>,
    /// Who the assessment is of and by (version 4); written only when given.
    #[serde(skip_serializing_if = "About::is_empty")]
    pub about: About,
    /// A combined assessment's respondents and overrides (version 4), keyed by question id as
    /// written; written only for a combined assessment.
    #[serde(skip_serializing_if = "TeamEntry::is_empty")]
    pub team: TeamEntry,
    /// Written on export; never read back (`parse` leaves it `None`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultSummary>,
    /// What reading the file found outside any one entry (duplicate ids, wrong types, replaced
    /// characters); `into_answers` reports these first.
    #[serde(skip)]
    pub issues: Vec<ImportIssue>,
}

impl AnswersFile {
    /// The file for these answers, with the computed result when `result` is given.
    pub fn new(standard: &Standard, answers: &Answers, result: Option<ResultSummary>) -> AnswersFile {
        AnswersFile {
            format: FILE_FORMAT.to_owned(),
            version: FILE_VERSION,
            standard: StandardRef::of(standard),
            // The maps' iteration order is their ids' order, which is the order of the ids' text.
            profile: answers.profile.iter().map(|(k, v)| (k.0.clone(), v.0.clone())).collect(),
            questions: answers
                .questions
                .iter()
                .map(|(k, a)| {
                    let entry = QuestionEntry {
                        level: match a.response {
                            Some(Response::Level(l)) => Some(i64::from(l.get())),
                            _ => None,
                        },
                        na: a.response == Some(Response::NotApplicable),
                        note: a.note.clone(),
                        issues: Vec::new(),
                    };
                    (k.0.clone(), entry)
                })
                .collect(),
            gates: answers.gates.iter().map(|(k, v)| (k.0.clone(), *v)).collect(),
            facts: answers
                .facts
                .iter()
                .map(|(k, v)| {
                    let entry = match v {
                        FactValue::Choice(o) => FactEntry::Text(o.0.clone()),
                        FactValue::Number(d) => FactEntry::Number(d.to_string()),
                        FactValue::Year(y) => FactEntry::Number(y.to_string()),
                        FactValue::Titles(t) => FactEntry::List(t.iter().map(|t| t.0.clone()).collect()),
                    };
                    (k.0.clone(), entry)
                })
                .collect(),
            checklist: answers
                .checklist
                .iter()
                .map(|(k, m)| (k.0.clone(), MarkEntry { status: m.status, place: m.place.clone(), issues: Vec::new() }))
                .collect(),
            actions: answers
                .actions
                .iter()
                .map(|(k, a)| (k.clone(), ActionEntry { action: a.clone(), issues: Vec::new() }))
                .collect(),
            about: answers.about.clone(),
            team: TeamEntry {
                respondents: answers.team.respondents.clone(),
                overrides: answers.team.overrides.iter().map(|(k, v)| (k.0.clone(), v.clone())).collect(),
            },
            result,
            issues: Vec::new(),
        }
    }

    /// The file as JSON, indented two spaces (what storage keeps and export writes). Written by
    /// hand, not by serde_json, so the wasm carries no JSON serialiser or float formatter; the
    /// output is the same as `serde_json::to_string_pretty` (a test checks).
    pub fn to_json(&self) -> String {
        self.write(true)
    }

    /// The same file without white space: what a hand-over link (`handover.rs`) should carry,
    /// since every byte there becomes 4/3 of a URL character.
    pub fn to_compact_json(&self) -> String {
        self.write(false)
    }

    fn write(&self, pretty: bool) -> String {
        let mut w = Writer { out: String::new(), pretty, depth: 0, first: true };
        w.open();
        w.key("format");
        w.raw(&quote(&self.format));
        w.key("version");
        w.raw(&self.version.to_string());
        w.key("standard");
        w.open();
        for (k, v) in [("id", &self.standard.id), ("version", &self.standard.version), ("hash", &self.standard.hash)] {
            w.key(k);
            w.raw(&quote(v));
        }
        w.close();
        w.key("profile");
        w.open();
        for (k, v) in &self.profile {
            w.key(k);
            w.raw(&quote(v));
        }
        w.close();
        w.key("questions");
        w.open();
        for (k, e) in &self.questions {
            w.key(k);
            w.open();
            if let Some(l) = e.level {
                w.key("level");
                w.raw(&l.to_string());
            }
            if e.na {
                w.key("na");
                w.raw("true");
            }
            if !e.note.is_empty() {
                w.key("note");
                w.raw(&quote(&e.note));
            }
            w.close();
        }
        w.close();
        w.key("gates");
        w.open();
        for (k, g) in &self.gates {
            w.key(k);
            w.raw(match g {
                GateAnswer::Yes => "\"yes\"",
                GateAnswer::No => "\"no\"",
                GateAnswer::Unsure => "\"unsure\"",
            });
        }
        w.close();
        if !self.facts.is_empty() {
            w.key("facts");
            w.open();
            for (k, v) in &self.facts {
                w.key(k);
                match v {
                    FactEntry::Text(t) | FactEntry::Other(t) => w.raw(&quote(t)),
                    // The exact value in its shortest form, as serde_json writes it (`3.20` → `3.2`).
                    FactEntry::Number(n) => match Decimal::from_lexeme(n) {
                        Ok(d) => w.raw(&d.to_string()),
                        Err(_) => w.raw(n),
                    },
                    FactEntry::List(l) => w.list(l),
                }
            }
            w.close();
        }
        if !self.checklist.is_empty() {
            w.key("checklist");
            w.open();
            for (k, m) in &self.checklist {
                w.key(k);
                w.open();
                if let Some(st) = m.status {
                    w.key("status");
                    w.raw(&quote(st.id()));
                }
                if !m.place.is_empty() {
                    w.key("where");
                    w.raw(&quote(&m.place));
                }
                w.close();
            }
            w.close();
        }
        if !self.actions.is_empty() {
            w.key("actions");
            w.open();
            for (k, e) in &self.actions {
                let a = &e.action;
                w.key(k);
                w.open();
                if !a.owner.is_empty() {
                    w.key("owner");
                    w.raw(&quote(&a.owner));
                }
                if let Some(d) = a.due {
                    w.key("due");
                    w.raw(&quote(&d.to_string()));
                }
                w.key("status");
                w.raw(&quote(a.status.id()));
                if !a.note.is_empty() {
                    w.key("note");
                    w.raw(&quote(&a.note));
                }
                w.close();
            }
            w.close();
        }
        if !self.about.is_empty() {
            w.key("about");
            w.open();
            w.about_fields(&self.about);
            w.close();
        }
        if !self.team.is_empty() {
            w.key("team");
            w.open();
            w.key("respondents");
            w.out.push('[');
            if !self.team.respondents.is_empty() {
                w.depth += 1;
                for (i, r) in self.team.respondents.iter().enumerate() {
                    if i > 0 {
                        w.out.push(',');
                    }
                    w.newline();
                    w.open();
                    w.key("name");
                    w.raw(&quote(&r.name));
                    if let Some(role) = r.role {
                        w.key("role");
                        w.raw(&quote(role.id()));
                    }
                    w.close();
                }
                w.depth -= 1;
                w.newline();
            }
            w.out.push(']');
            w.key("overrides");
            w.open();
            for (k, reason) in &self.team.overrides {
                w.key(k);
                w.raw(&quote(reason));
            }
            w.close();
            w.close();
        }
        if let Some(r) = &self.result {
            w.key("result");
            w.open();
            for (k, v) in [("total", r.total), ("min", r.min), ("max", r.max)] {
                w.key(k);
                w.raw(&v.to_string());
            }
            w.key("parts");
            w.open();
            for (k, v) in &r.parts {
                w.key(k);
                w.raw(&one_decimal(*v));
            }
            w.close();
            w.key("tier");
            w.raw(&quote(&r.tier));
            w.key("provisional");
            w.raw(if r.provisional { "true" } else { "false" });
            w.close();
        }
        w.close();
        w.out
    }

    /// Reads a file (see `import.rs` for every decision about odd input). Checks the format
    /// marker and version before the shape, so an unrelated JSON file or one from a newer app gets
    /// an accurate message. A leading UTF-8 BOM is skipped.
    pub fn parse(json: &str) -> Result<AnswersFile, ImportError> {
        crate::import::read(json)
    }

    /// Keeps every answer that fits `standard` and reports every one that does not: first what
    /// reading found, then per entry. Linear in the file (question ids are found by binary search).
    pub fn into_answers(self, standard: &Standard) -> (Answers, Vec<ImportIssue>) {
        let echo = |s: &str| clip(s, MAX_ECHO_CHARS);
        let mut issues = self.issues;
        let mut migration = None;
        if self.standard.id != standard.id {
            issues.push(ImportIssue::OtherStandard { found: echo(&self.standard.id) });
        } else if self.standard.version != standard.version {
            issues.push(ImportIssue::OtherVersion { found: echo(&self.standard.version) });
            migration = standard.migrations.iter().find(|m| m.from == self.standard.version);
        }
        // The standard's questions in id order (ids are unique), for finding an id by binary search:
        // a map here would be one more map type in the wasm.
        let qs = &standard.questions;
        let mut by_id: Vec<usize> = (0..qs.len()).collect();
        crate::sort::sort_by(&mut by_id, &|&a, &b| qs[a].id < qs[b].id);
        let question = |id: &str| by_id.binary_search_by(|&i| qs[i].id.as_str().cmp(id)).ok().map(|k| by_id[k]);
        let mut out = Answers::default();
        for (p, o) in self.profile {
            match standard.profile_question(&ProfileId(p.clone())) {
                None => issues.push(ImportIssue::UnknownProfile(echo(&p))),
                Some(q) if !q.options.iter().any(|opt| opt.id.0 == o) => {
                    issues.push(ImportIssue::UnknownOption { profile: echo(&p), option: echo(&o) })
                }
                Some(_) => {
                    out.profile.insert(ProfileId(p), OptionId(o));
                }
            }
        }
        for (id, e) in self.questions {
            // An id the version's migration maps is read under its new id; one mapped to nothing
            // is reported as changed (the caller keeps the original aside).
            let id = match migration.and_then(|m| m.questions.get(&id)) {
                Some(Some(new)) => new.clone(),
                Some(None) => {
                    issues.push(ImportIssue::Changed { item: ChangedItem::Question, id: echo(&id) });
                    continue;
                }
                None => id,
            };
            let Some(ix) = question(&id) else {
                issues.push(ImportIssue::UnknownQuestion(echo(&id)));
                continue;
            };
            issues.extend(e.issues);
            let q = &standard.questions[ix];
            let response = if e.na {
                if q.na_allowed {
                    Some(Response::NotApplicable)
                } else {
                    issues.push(ImportIssue::NotApplicableRefused(id.clone()));
                    None
                }
            } else {
                match e.level {
                    None => None,
                    Some(l) => match u8::try_from(l).ok().and_then(Level::new) {
                        Some(level) => Some(Response::Level(level)),
                        None => {
                            issues.push(ImportIssue::LevelRefused {
                                question: id.clone(),
                                found: l.to_string(),
                                fault: LevelFault::OutOfRange,
                            });
                            None
                        }
                    },
                }
            };
            // What inserting and tidying does (there is an entry to remove only when a migration
            // mapped an earlier id onto this one).
            let qid = QuestionId(id);
            if response.is_none() && e.note.is_empty() {
                _ = out.questions.remove(&qid);
            } else {
                out.questions.insert(qid, Answer { response, note: e.note });
            }
        }
        for (g, a) in self.gates {
            let g = match migration.and_then(|m| m.gates.get(&g)) {
                Some(Some(new)) => new.clone(),
                Some(None) => {
                    issues.push(ImportIssue::Changed { item: ChangedItem::Gate, id: echo(&g) });
                    continue;
                }
                None => g,
            };
            let gid = GateId(g);
            if standard.gate_index(&gid).is_some() {
                out.gates.insert(gid, a);
            } else {
                issues.push(ImportIssue::UnknownGate(echo(&gid.0)));
            }
        }
        for (id, entry) in self.facts {
            let fid = FactId(id);
            let Some(fact) = standard.fact_index(&fid).map(|i| &standard.facts[i]) else {
                issues.push(ImportIssue::UnknownFact(echo(&fid.0)));
                continue;
            };
            match fact_value(standard, fact, &entry) {
                Ok(v) => {
                    out.facts.insert(fid, v);
                }
                Err(fault) => issues.push(ImportIssue::FactRefused {
                    fact: echo(&fid.0),
                    found: echo(&entry_text(&entry)),
                    fault,
                }),
            }
        }
        for (id, m) in self.checklist {
            let did = DocumentId(id);
            if standard.document_index(&did).is_none() {
                issues.push(ImportIssue::UnknownDocument(echo(&did.0)));
                continue;
            }
            issues.extend(m.issues);
            let mark = DocMark { status: m.status, place: m.place };
            if !mark.is_empty() {
                out.checklist.insert(did, mark);
            }
        }
        for (key, e) in self.actions {
            if ActionKey::parse(standard, &key).is_none() {
                issues.push(ImportIssue::UnknownAction(echo(&key)));
                continue;
            }
            issues.extend(e.issues);
            if !e.action.is_empty() {
                out.actions.insert(key, e.action);
            }
        }
        out.about = self.about;
        out.team.respondents = self.team.respondents;
        for (id, reason) in self.team.overrides {
            let id = match migration.and_then(|m| m.questions.get(&id)) {
                Some(Some(new)) => new.clone(),
                Some(None) => {
                    issues.push(ImportIssue::Changed { item: ChangedItem::Question, id: echo(&id) });
                    continue;
                }
                None => id,
            };
            if question(&id).is_none() {
                issues.push(ImportIssue::UnknownQuestion(echo(&id)));
            } else if crate::visible::has_visible(&reason) {
                // An override without a reason is no override (`combine.rs`); nothing is lost.
                out.team.overrides.insert(QuestionId(id), reason);
            }
        }
        (out, issues)
    }
}

/// A file's fact entry as a value of `fact`'s kind, or why not.
fn fact_value(standard: &Standard, fact: &Fact, entry: &FactEntry) -> Result<FactValue, FactFault> {
    let wrong = || FactFault::WrongType { expected: fact.kind.name() };
    match (&fact.kind, entry) {
        (FactKind::Choice { options }, FactEntry::Text(t)) => match options.iter().find(|o| o.id.0 == *t) {
            Some(o) => Ok(FactValue::Choice(o.id.clone())),
            None => Err(FactFault::UnknownOption(clip(t, MAX_ECHO_CHARS))),
        },
        (FactKind::Number { min, max, decimals, .. }, FactEntry::Number(n)) => {
            let range = FactFault::OutOfRange { min: *min, max: *max };
            let v = match Decimal::from_lexeme(n) {
                Ok(v) => v,
                Err(LexemeFault::TooManyDecimals) => return Err(FactFault::TooManyDecimals { max: *decimals }),
                Err(_) => return Err(range),
            };
            match check_number(v, *min, *max, *decimals) {
                Ok(v) => Ok(FactValue::Number(v)),
                Err(FactInputError::TooManyDecimals { max }) => Err(FactFault::TooManyDecimals { max }),
                Err(_) => Err(range),
            }
        }
        (FactKind::Year, FactEntry::Number(n)) => {
            let range = FactFault::OutOfRange {
                min: Decimal::from_int(i64::from(MIN_YEAR)),
                max: Decimal::from_int(i64::from(MAX_YEAR)),
            };
            match Decimal::from_lexeme(n) {
                Ok(v) if v.whole().is_none() => Err(FactFault::TooManyDecimals { max: 0 }),
                Ok(v) => match v.whole().and_then(|y| u16::try_from(y).ok()) {
                    Some(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) => Ok(FactValue::Year(y)),
                    _ => Err(range),
                },
                Err(LexemeFault::TooManyDecimals) => Err(FactFault::TooManyDecimals { max: 0 }),
                Err(_) => Err(range),
            }
        }
        (FactKind::Titles, FactEntry::List(ids)) => {
            let mut held = vec![false; standard.titles.len()];
            for id in ids {
                match standard.titles.iter().position(|t| t.id.0 == *id) {
                    Some(i) => held[i] = true,
                    None => return Err(FactFault::UnknownTitle(clip(id, MAX_ECHO_CHARS))),
                }
            }
            Ok(FactValue::Titles(
                standard.titles.iter().zip(held).filter(|(_, h)| *h).map(|(t, _)| t.id.clone()).collect(),
            ))
        }
        _ => Err(wrong()),
    }
}

/// An entry as it was written, for quoting in an issue.
fn entry_text(e: &FactEntry) -> String {
    match e {
        FactEntry::Text(t) => quote(t),
        FactEntry::Number(n) | FactEntry::Other(n) => n.clone(),
        FactEntry::List(l) => format!("[{}]", l.iter().map(|t| quote(t)).collect::<Vec<_>>().join(", ")),
    }
}

/// The members of one of a file's id-keyed objects: in key order, each key once. A sorted `Vec`
/// rather than a `BTreeMap`, whose search, insertion, iteration, cloning and dropping are compiled
/// again for every value type (six in the file); the file is only built, walked and written.
pub type Entries<T> = Vec<(String, T)>;

/// `items`, whose keys are unique, in key order. Sorting indices and moving the items through a
/// `swap` closure lets every value type share the one copy of the heapsort and of the permutation;
/// only the two small closures are compiled per type.
pub(crate) fn by_key<T>(mut items: Entries<T>) -> Entries<T> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::sort::sort_by(&mut order, &|&a, &b| items[a].0 < items[b].0);
    crate::sort::permute(&order, &mut |i, j| items.swap(i, j));
    items
}

/// Entries serialised as the JSON object they stand for (the writer's test compares with serde).
fn as_map<T: Serialize, S: serde::Serializer>(entries: &[(String, T)], ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_map(entries.iter().map(|(k, v)| (k, v)))
}

/// A small JSON writer: objects only, members in the order given, indented like serde_json's
/// pretty printer when `pretty` (an empty object stays `{}`).
struct Writer {
    out: String,
    pretty: bool,
    depth: usize,
    /// No member written yet in the innermost open object.
    first: bool,
}

impl Writer {
    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.depth {
                self.out.push_str("  ");
            }
        }
    }

    fn open(&mut self) {
        self.out.push('{');
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push('}');
        self.first = false;
    }

    fn key(&mut self, k: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.newline();
        self.out.push_str(&quote(k));
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    fn raw(&mut self, v: &str) {
        self.out.push_str(v);
    }

    /// The members of `about` that are given, in the order serde writes them.
    fn about_fields(&mut self, about: &About) {
        if !about.name.is_empty() {
            self.key("name");
            self.raw(&quote(&about.name));
        }
        if let Some(d) = about.date {
            self.key("date");
            self.raw(&quote(&d.to_string()));
        }
        for (k, v) in [("organisation", &about.organisation), ("assessor", &about.assessor)] {
            if !v.is_empty() {
                self.key(k);
                self.raw(&quote(v));
            }
        }
        if let Some(r) = about.role {
            self.key("role");
            self.raw(&quote(r.id()));
        }
    }

    /// An array of strings, laid out as serde_json's pretty printer does (`[]` when empty).
    fn list(&mut self, items: &[String]) {
        self.out.push('[');
        if !items.is_empty() {
            self.depth += 1;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                self.newline();
                self.out.push_str(&quote(item));
            }
            self.depth -= 1;
            self.newline();
        }
        self.out.push(']');
    }
}

/// A non-negative number known to one decimal (the parts' points, from tenths), as JSON writes
/// it: `12.5`, `40.0` (as serde_json writes a whole f64), without float formatting code.
fn one_decimal(v: f64) -> String {
    // Tenths are exact in the summary; +0.5 and truncation round the f64 back to them.
    let tenths = (v * 10.0 + 0.5) as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}
