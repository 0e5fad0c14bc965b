//! Reading an answers file: what is refused ([`ImportError`], nothing changes) and what is kept
//! with a report ([`ImportIssue`], one per entry that did not fit).
//!
//! The file is read with the strict reader in `json.rs`, not serde, so every case gets its own
//! decision and its own localisable value instead of a parser's English message:
//!
//! - a level that is a whole number written any JSON way (`3`, `3.0`, `30e-1`, `-0`) is that
//!   level; anything else (`"3"`, `3.5`, `7`, `-1`, `1e400`, `true`) is not imported, with
//!   [`ImportIssue::LevelRefused`] saying why; the entry's note is kept;
//! - a key given twice in one object: the last value is used, as `JSON.parse` does, and
//!   [`ImportIssue::DuplicateKey`] names the key (the question, gate or profile id);
//! - a lone surrogate escape (`"\ud800"`) is replaced with U+FFFD, reported as
//!   [`ImportIssue::LoneSurrogate`];
//! - a note longer than [`MAX_NOTE_CHARS`] is cut to that length, reported as
//!   [`ImportIssue::NoteTooLong`];
//! - a field of the wrong type inside an entry is ignored with [`ImportIssue::WrongType`];
//!   a wrong type in the file's own frame (`version`, `standard`, the three sections) refuses the
//!   file with [`ImportError::WrongShape`];
//! - nesting deeper than [`MAX_DEPTH`] anywhere, even inside a field this app does not know, is
//!   [`ImportError::TooDeep`]; a file over [`MAX_ANSWERS_BYTES`] is [`ImportError::TooLarge`];
//! - unknown fields are ignored (golden sets carry one), and so is `result`: it is never read back;
//! - `facts` (version 2) are kept as written ([`crate::answers::FactEntry`]: a string, a number's
//!   text, a list of strings, or anything else as short JSON text) and checked against each fact's
//!   kind by `into_answers`: [`ImportIssue::UnknownFact`] or [`ImportIssue::FactRefused`] with a
//!   [`FactFault`], the entry dropped; ids a migration maps to nothing are [`ImportIssue::Changed`].
//!
//! Ids and other strings echoed in issues are cut to [`MAX_ECHO_CHARS`] characters, so a report
//! stays small whatever the file holds. The work is linear in the file's size.

use std::collections::BTreeMap;
use std::fmt;

use crate::answers::{
    by_key, About, ActionEntry, AnswersFile, FactEntry, GateAnswer, MarkEntry, QuestionEntry, Respondent, Role,
    StandardRef, TeamEntry, FILE_FORMAT, FILE_VERSION, MAX_NAME_CHARS,
};
use crate::decimal::Decimal;
use crate::dossier::{ActionStatus, Day, DayFault, DocStatus, MAX_OWNER_CHARS, MAX_PLACE_CHARS};
use crate::json::{self, Str, Value, Whole};
use crate::standard::FactKindName;

pub use crate::json::{SyntaxFault, MAX_DEPTH};

/// An answers file larger than this is refused before it is read.
pub const MAX_ANSWERS_BYTES: usize = 8 * 1024 * 1024;
/// The longest note kept, in characters; a longer one is cut to this and reported.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// Ids and values quoted in an issue are cut to this many characters (and end in "…").
pub const MAX_ECHO_CHARS: usize = 64;

/// Why a file could not be read at all. Nothing is changed when this is returned. Every variant
/// is data the shell can put in its own words; `Display` is English, for tools and developers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON: the first fault and where it is (1-based line, column in characters).
    NotJson { line: usize, column: usize, fault: SyntaxFault },
    /// Valid so far, but arrays or objects nest deeper than [`MAX_DEPTH`] at this place.
    TooDeep { line: usize, column: usize, max: usize },
    /// Larger than [`MAX_ANSWERS_BYTES`]; not read.
    TooLarge { bytes: usize, max: usize },
    /// JSON, but not an answers file (no `"format": "brand-self-check/answers"`).
    NotAnswers,
    /// Written by a newer app, in an answers version this code does not read.
    NewerVersion { found: u32 },
    /// The file's frame has a value of the wrong type at `path` (e.g. `$.standard.id`).
    WrongShape { path: String, expected: Expected },
}

/// The type a value should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    String,
    Boolean,
    /// A whole number (the `version`).
    WholeNumber,
    /// "yes", "no" or "unsure".
    GateAnswer,
    /// A checklist mark: "have", "todo" or "na".
    DocStatus,
    /// An action's status: "todo", "doing" or "done".
    ActionStatus,
    /// A respondent's role: "leader" or "staff".
    Role,
    /// An array (the team's respondents).
    Array,
    /// A day written `YYYY-MM-DD` that exists (an assessment's date).
    Date,
}

/// Why a level was not imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LevelFault {
    /// Not a number at all (a string such as `"3"`, `true`, an object).
    NotANumber,
    /// A number with a fraction, such as `3.5`.
    NotWhole,
    /// A whole number outside 0–5 (`7`, `-1`, `1e400`).
    OutOfRange,
}

/// Why a fact's value was not imported (the entry is dropped; nothing else is lost).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactFault {
    /// A value of another type than the fact's kind (a string for a number fact …).
    WrongType { expected: FactKindName },
    /// A number outside the fact's `min`..=`max`, or a year outside 1800–2100.
    OutOfRange { min: Decimal, max: Decimal },
    /// More decimals than the fact allows.
    TooManyDecimals { max: u8 },
    /// A choice fact's value is not one of its options.
    UnknownOption(String),
    /// A titles fact lists a title the standard does not have.
    UnknownTitle(String),
}

/// What a `Changed` issue is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedItem {
    Question,
    Gate,
}

/// Something in a readable file that did not fit the standard; the rest is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportIssue {
    OtherStandard {
        found: String,
    },
    OtherVersion {
        found: String,
    },
    UnknownQuestion(String),
    /// The level is not imported (the note is); `found` is the value as written in the file.
    LevelRefused {
        question: String,
        found: String,
        fault: LevelFault,
    },
    NotApplicableRefused(String),
    UnknownGate(String),
    UnknownProfile(String),
    UnknownOption {
        profile: String,
        option: String,
    },
    /// `key` appears more than once in the object at `path` (`$.questions` for a question id,
    /// `$.gates`, `$.profile`, or any other object); the last value is used, as `JSON.parse` does.
    DuplicateKey {
        path: String,
        key: String,
    },
    /// A value of the wrong type inside an entry, ignored (e.g. `"na": "yes"`, a gate answered
    /// `"maybe"`); `path` is where (`$.questions["A1.1"].na`).
    WrongType {
        path: String,
        expected: Expected,
    },
    /// A lone surrogate escape at `path` was replaced with U+FFFD (the text is kept).
    LoneSurrogate {
        path: String,
    },
    /// The note of `question` had `chars` characters; it was cut to `max`.
    NoteTooLong {
        question: String,
        chars: usize,
        max: usize,
    },
    /// The standard has no fact with this id; skipped.
    UnknownFact(String),
    /// The value of `fact` (`found`, as written) is not imported, for `fault`.
    FactRefused {
        fact: String,
        found: String,
        fault: FactFault,
    },
    /// The question or gate `id` changed in this version of the standard (the version's
    /// migration maps it to nothing): its answer is not carried over.
    Changed {
        item: ChangedItem,
        id: String,
    },
    /// A checklist mark for a document the standard does not have; skipped.
    UnknownDocument(String),
    /// An action record whose key names nothing the standard has; skipped.
    UnknownAction(String),
    /// The due date of `action` (`found`, as written) is not a day; the rest of the record is kept.
    DateRefused {
        action: String,
        found: String,
        fault: DayFault,
    },
    /// The text at `path` (an owner, a document's place, an action's note) had `chars`
    /// characters; it was cut to `max`.
    TextTooLong {
        path: String,
        chars: usize,
        max: usize,
    },
}

/// The kind of an [`ImportIssue`], without its data: for counting a long report per kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IssueKind {
    OtherStandard,
    OtherVersion,
    UnknownQuestion,
    LevelRefused,
    NotApplicableRefused,
    UnknownGate,
    UnknownProfile,
    UnknownOption,
    DuplicateKey,
    WrongType,
    LoneSurrogate,
    NoteTooLong,
    UnknownFact,
    FactRefused,
    Changed,
    UnknownDocument,
    UnknownAction,
    DateRefused,
    TextTooLong,
}

impl ImportIssue {
    pub fn kind(&self) -> IssueKind {
        use ImportIssue as I;
        match self {
            I::OtherStandard { .. } => IssueKind::OtherStandard,
            I::OtherVersion { .. } => IssueKind::OtherVersion,
            I::UnknownQuestion(_) => IssueKind::UnknownQuestion,
            I::LevelRefused { .. } => IssueKind::LevelRefused,
            I::NotApplicableRefused(_) => IssueKind::NotApplicableRefused,
            I::UnknownGate(_) => IssueKind::UnknownGate,
            I::UnknownProfile(_) => IssueKind::UnknownProfile,
            I::UnknownOption { .. } => IssueKind::UnknownOption,
            I::DuplicateKey { .. } => IssueKind::DuplicateKey,
            I::WrongType { .. } => IssueKind::WrongType,
            I::LoneSurrogate { .. } => IssueKind::LoneSurrogate,
            I::NoteTooLong { .. } => IssueKind::NoteTooLong,
            I::UnknownFact(_) => IssueKind::UnknownFact,
            I::FactRefused { .. } => IssueKind::FactRefused,
            I::Changed { .. } => IssueKind::Changed,
            I::UnknownDocument(_) => IssueKind::UnknownDocument,
            I::UnknownAction(_) => IssueKind::UnknownAction,
            I::DateRefused { .. } => IssueKind::DateRefused,
            I::TextTooLong { .. } => IssueKind::TextTooLong,
        }
    }
}

/// How many issues of each kind, in [`IssueKind`] order: a report of 50,000 unknown ids becomes
/// one line, with the full list kept for a download.
pub fn issue_counts(issues: &[ImportIssue]) -> Vec<(IssueKind, usize)> {
    let mut counts: BTreeMap<IssueKind, usize> = BTreeMap::new();
    for i in issues {
        *counts.entry(i.kind()).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}

/// At most `max` characters of `s`, with "…" when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_owned(),
        Some((at, _)) => format!("{}…", &s[..at]),
    }
}

fn echo(s: &str) -> String {
    clip(s, MAX_ECHO_CHARS)
}

/// A path segment for an arbitrary key: `["A1.1"]`, the key JSON-quoted and cut.
fn key_path(parent: &str, key: &str) -> String {
    format!("{parent}[{}]", json::quote(&echo(key)))
}

/// Reads a file. Checks the format marker and version before the shape, so an unrelated JSON
/// file or one from a newer app gets an accurate message. A leading BOM is skipped.
pub(crate) fn read(text: &str) -> Result<AnswersFile, ImportError> {
    if text.len() > MAX_ANSWERS_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), max: MAX_ANSWERS_BYTES });
    }
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let root = json::parse(body).map_err(|e| match e {
        json::Error::Syntax { offset, fault } => {
            let (line, column) = json::position(body, offset);
            ImportError::NotJson { line, column, fault }
        }
        json::Error::TooDeep { offset } => {
            let (line, column) = json::position(body, offset);
            ImportError::TooDeep { line, column, max: MAX_DEPTH }
        }
    })?;
    let mut r = Reader::default();
    let Value::Object(members) = root else { return Err(ImportError::NotAnswers) };
    let mut top = r.last_wins(&|| "$".to_owned(), members);
    let format = take(&mut top, "format");
    if !matches!(&format, Some(Value::String(s)) if s.text == FILE_FORMAT) {
        return Err(ImportError::NotAnswers);
    }
    let version = match take(&mut top, "version") {
        Some(Value::Number(n)) => match json::whole(&n) {
            Whole::Small(v) => v,
            Whole::Huge => u64::MAX,
            Whole::Negative | Whole::Fraction => return Err(shape("$.version", Expected::WholeNumber)),
        },
        _ => return Err(shape("$.version", Expected::WholeNumber)),
    };
    if version > u64::from(FILE_VERSION) {
        return Err(ImportError::NewerVersion { found: u32::try_from(version).unwrap_or(u32::MAX) });
    }
    let standard = match take(&mut top, "standard") {
        Some(Value::Object(m)) => {
            let mut m = r.last_wins(&|| "$.standard".to_owned(), m);
            let mut field = |name: &str| match take(&mut m, name) {
                Some(Value::String(s)) => Ok(s.text),
                _ => Err(shape(&format!("$.standard.{name}"), Expected::String)),
            };
            StandardRef { id: field("id")?, version: field("version")?, hash: field("hash")? }
        }
        _ => return Err(shape("$.standard", Expected::Object)),
    };
    let mut file = AnswersFile {
        format: FILE_FORMAT.to_owned(),
        version: u32::try_from(version).unwrap_or(FILE_VERSION),
        standard,
        profile: Vec::new(),
        questions: Vec::new(),
        gates: Vec::new(),
        facts: Vec::new(),
        checklist: Vec::new(),
        actions: Vec::new(),
        about: About::default(),
        team: TeamEntry::default(),
        result: None,
        issues: Vec::new(),
    };
    // Each section is read in the file's order, so its issues are reported in that order, and then
    // put in key order (`by_key`; `last_wins` has left each key once), which is how it is written.
    for (id, v) in r.section(&mut top, "profile")? {
        match v {
            Value::String(s) => {
                r.surrogate(&key_path("$.profile", &id), &s);
                file.profile.push((id, s.text));
            }
            _ => r.issues.push(ImportIssue::WrongType { path: key_path("$.profile", &id), expected: Expected::String }),
        }
    }
    file.profile = by_key(file.profile);
    for (id, v) in r.section(&mut top, "questions")? {
        let entry = r.question(&id, v);
        file.questions.push((id, entry));
    }
    file.questions = by_key(file.questions);
    for (id, v) in r.section(&mut top, "gates")? {
        let answer = match &v {
            Value::String(s) => match s.text.as_str() {
                "yes" => Some(GateAnswer::Yes),
                "no" => Some(GateAnswer::No),
                "unsure" => Some(GateAnswer::Unsure),
                _ => None,
            },
            _ => None,
        };
        match answer {
            Some(a) => {
                file.gates.push((id, a));
            }
            None => {
                r.issues.push(ImportIssue::WrongType { path: key_path("$.gates", &id), expected: Expected::GateAnswer })
            }
        }
    }
    file.gates = by_key(file.gates);
    for (id, v) in r.section(&mut top, "facts")? {
        let entry = match v {
            Value::String(s) => {
                r.surrogate(&key_path("$.facts", &id), &s);
                FactEntry::Text(s.text)
            }
            Value::Number(n) => FactEntry::Number(n),
            Value::Array(items) if items.iter().all(|i| matches!(i, Value::String(_))) => {
                let mut list = Vec::with_capacity(items.len());
                for item in items {
                    if let Value::String(s) = item {
                        r.surrogate(&key_path("$.facts", &id), &s);
                        list.push(s.text);
                    }
                }
                FactEntry::List(list)
            }
            other => FactEntry::Other(json_text(&other)),
        };
        file.facts.push((id, entry));
    }
    file.facts = by_key(file.facts);
    for (id, v) in r.section(&mut top, "checklist")? {
        let entry = r.mark(&id, v);
        file.checklist.push((id, entry));
    }
    file.checklist = by_key(file.checklist);
    for (key, v) in r.section(&mut top, "actions")? {
        let entry = r.action(&key, v);
        file.actions.push((key, entry));
    }
    file.actions = by_key(file.actions);
    let mut about = r.section(&mut top, "about")?;
    let at = || "$.about".to_owned();
    file.about.name = r.text(&mut about, "name", &at, MAX_NAME_CHARS);
    file.about.date = match take(&mut about, "date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if Day::parse(&s.text).is_ok() => Day::parse(&s.text).ok(),
        Some(_) => {
            r.issues.push(ImportIssue::WrongType { path: "$.about.date".into(), expected: Expected::Date });
            None
        }
    };
    file.about.organisation = r.text(&mut about, "organisation", &at, MAX_NAME_CHARS);
    file.about.assessor = r.text(&mut about, "assessor", &at, MAX_NAME_CHARS);
    file.about.role = r.role(&mut about, &at);
    let mut team = r.section(&mut top, "team")?;
    match take(&mut team, "respondents") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, v) in items.into_iter().enumerate() {
                let path = || format!("$.team.respondents[{i}]");
                if let Some(mut m) = r.entry(v, &path) {
                    let name = r.text(&mut m, "name", &path, MAX_NAME_CHARS);
                    let role = r.role(&mut m, &path);
                    file.team.respondents.push(Respondent { name, role });
                }
            }
        }
        Some(_) => {
            r.issues.push(ImportIssue::WrongType { path: "$.team.respondents".into(), expected: Expected::Array })
        }
    }
    match take(&mut team, "overrides") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            let mut m = r.last_wins(&|| "$.team.overrides".to_owned(), m);
            let ids: Vec<String> = m.iter().map(|(k, _)| k.clone()).collect();
            for id in ids {
                let path = || "$.team.overrides".to_owned();
                let reason = r.text(&mut m, &id, &path, MAX_NOTE_CHARS);
                file.team.overrides.push((id, reason));
            }
            file.team.overrides = by_key(std::mem::take(&mut file.team.overrides));
        }
        Some(_) => {
            r.issues.push(ImportIssue::WrongType { path: "$.team.overrides".into(), expected: Expected::Object })
        }
    }
    file.issues = r.issues;
    Ok(file)
}

/// `text` cut to `max` characters, and its length in characters when it was longer.
fn cut(text: String, max: usize) -> (String, Option<usize>) {
    if text.len() <= max {
        return (text, None);
    }
    match text.char_indices().nth(max) {
        None => (text, None),
        Some((at, _)) => {
            let chars = text.chars().count();
            (text[..at].to_owned(), Some(chars))
        }
    }
}

fn shape(path: &str, expected: Expected) -> ImportError {
    ImportError::WrongShape { path: path.to_owned(), expected }
}

/// Removes and returns the member `name` (members are unique after [`Reader::last_wins`]).
fn take(members: &mut Vec<(String, Value)>, name: &str) -> Option<Value> {
    let i = members.iter().position(|(k, _)| k == name)?;
    Some(members.swap_remove(i).1)
}

#[derive(Default)]
struct Reader {
    issues: Vec<ImportIssue>,
}

impl Reader {
    /// The members with each key once, holding its last value; every repeated key is reported,
    /// and so is a key with a replaced surrogate. Sorting indices by key finds the repeats without
    /// copying a key (a file of 50,000 ids stays linear-logarithmic and allocation-light). The
    /// path is a `dyn` so the four callers share one copy of this function in the wasm.
    fn last_wins(&mut self, path: &dyn Fn() -> String, members: Vec<(Str, Value)>) -> Vec<(String, Value)> {
        let mut order: Vec<usize> = (0..members.len()).collect();
        crate::sort::sort_by(&mut order, &|&a, &b| members[a].0.text.cmp(&members[b].0.text).then(a.cmp(&b)).is_lt());
        let mut keep = vec![true; members.len()];
        for w in order.windows(2) {
            if members[w[0]].0.text == members[w[1]].0.text {
                keep[w[0]] = false;
                self.issues.push(ImportIssue::DuplicateKey { path: path(), key: echo(&members[w[1]].0.text) });
            }
        }
        let mut out = Vec::with_capacity(members.len());
        for ((k, v), keep) in members.into_iter().zip(keep) {
            if k.replaced {
                self.issues.push(ImportIssue::LoneSurrogate { path: key_path(&path(), &k.text) });
            }
            if keep {
                out.push((k.text, v));
            }
        }
        out
    }

    /// One of the three id-keyed sections, absent or `null` meaning empty.
    fn section(&mut self, top: &mut Vec<(String, Value)>, name: &str) -> Result<Vec<(String, Value)>, ImportError> {
        match take(top, name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Object(m)) => Ok(self.last_wins(&|| format!("$.{name}"), m)),
            Some(_) => Err(shape(&format!("$.{name}"), Expected::Object)),
        }
    }

    fn surrogate(&mut self, path: &str, s: &Str) {
        if s.replaced {
            self.issues.push(ImportIssue::LoneSurrogate { path: path.to_owned() });
        }
    }

    /// A question entry; what does not fit is reported in the entry's own issues, so that an
    /// entry for an unknown question is reported once, as unknown.
    fn question(&mut self, id: &str, v: Value) -> QuestionEntry {
        // Built only when an issue needs it: most entries have none.
        let path = || key_path("$.questions", id);
        let mut entry = QuestionEntry::default();
        let Value::Object(m) = v else {
            entry.issues.push(ImportIssue::WrongType { path: path(), expected: Expected::Object });
            return entry;
        };
        let mut inner = Reader::default();
        let mut m = inner.last_wins(&path, m);
        match take(&mut m, "level") {
            None | Some(Value::Null) => {}
            Some(Value::Number(n)) => match json::whole(&n) {
                Whole::Small(l) if l <= 5 => entry.level = i64::try_from(l).ok(),
                w => inner.issues.push(ImportIssue::LevelRefused {
                    question: echo(id),
                    found: echo(&n),
                    fault: if w == Whole::Fraction { LevelFault::NotWhole } else { LevelFault::OutOfRange },
                }),
            },
            Some(other) => inner.issues.push(ImportIssue::LevelRefused {
                question: echo(id),
                found: echo(&json_text(&other)),
                fault: LevelFault::NotANumber,
            }),
        }
        match take(&mut m, "na") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => entry.na = b,
            Some(_) => inner
                .issues
                .push(ImportIssue::WrongType { path: format!("{}.na", path()), expected: Expected::Boolean }),
        }
        match take(&mut m, "note") {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                if s.replaced {
                    inner.surrogate(&format!("{}.note", path()), &s);
                }
                let (note, long) = cut(s.text, MAX_NOTE_CHARS);
                entry.note = note;
                if let Some(chars) = long {
                    inner.issues.push(ImportIssue::NoteTooLong { question: echo(id), chars, max: MAX_NOTE_CHARS });
                }
            }
            Some(_) => inner
                .issues
                .push(ImportIssue::WrongType { path: format!("{}.note", path()), expected: Expected::String }),
        }
        entry.issues = inner.issues;
        entry
    }
}

/// A short JSON rendering of a value that is not a number, for quoting in an issue.
impl Reader {
    /// A text member of an entry: cut to `max` and reported when longer, a wrong type reported.
    fn text(&mut self, m: &mut Vec<(String, Value)>, name: &str, path: &dyn Fn() -> String, max: usize) -> String {
        match take(m, name) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => {
                let at = || format!("{}.{name}", path());
                self.surrogate(&at(), &s);
                let (text, long) = cut(s.text, max);
                if let Some(chars) = long {
                    self.issues.push(ImportIssue::TextTooLong { path: at(), chars, max });
                }
                text
            }
            Some(_) => {
                self.issues
                    .push(ImportIssue::WrongType { path: format!("{}.{name}", path()), expected: Expected::String });
                String::new()
            }
        }
    }

    /// An optional `role` member: "leader" or "staff", anything else reported and ignored.
    fn role(&mut self, m: &mut Vec<(String, Value)>, path: &dyn Fn() -> String) -> Option<Role> {
        match take(m, "role") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if Role::from_id(&s.text).is_some() => Role::from_id(&s.text),
            Some(_) => {
                self.issues.push(ImportIssue::WrongType { path: format!("{}.role", path()), expected: Expected::Role });
                None
            }
        }
    }

    /// The members of an entry object, or a wrong-type issue.
    fn entry(&mut self, v: Value, path: &dyn Fn() -> String) -> Option<Vec<(String, Value)>> {
        match v {
            Value::Object(m) => Some(self.last_wins(path, m)),
            _ => {
                self.issues.push(ImportIssue::WrongType { path: path(), expected: Expected::Object });
                None
            }
        }
    }

    /// A checklist mark; issues go with the entry (see [`Reader::question`]).
    fn mark(&mut self, id: &str, v: Value) -> MarkEntry {
        let path = || key_path("$.checklist", id);
        let mut inner = Reader::default();
        let mut entry = MarkEntry::default();
        if let Some(mut m) = inner.entry(v, &path) {
            match take(&mut m, "status") {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) if DocStatus::from_id(&s.text).is_some() => {
                    entry.status = DocStatus::from_id(&s.text)
                }
                Some(_) => inner
                    .issues
                    .push(ImportIssue::WrongType { path: format!("{}.status", path()), expected: Expected::DocStatus }),
            }
            entry.place = inner.text(&mut m, "where", &path, MAX_PLACE_CHARS);
        }
        entry.issues = inner.issues;
        entry
    }

    /// An action record; issues go with the entry.
    fn action(&mut self, key: &str, v: Value) -> ActionEntry {
        let path = || key_path("$.actions", key);
        let mut inner = Reader::default();
        let mut entry = ActionEntry::default();
        if let Some(mut m) = inner.entry(v, &path) {
            let a = &mut entry.action;
            a.owner = inner.text(&mut m, "owner", &path, MAX_OWNER_CHARS);
            a.note = inner.text(&mut m, "note", &path, MAX_NOTE_CHARS);
            match take(&mut m, "status") {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) if ActionStatus::from_id(&s.text).is_some() => {
                    a.status = ActionStatus::from_id(&s.text).unwrap_or_default()
                }
                Some(_) => inner.issues.push(ImportIssue::WrongType {
                    path: format!("{}.status", path()),
                    expected: Expected::ActionStatus,
                }),
            }
            match take(&mut m, "due") {
                None | Some(Value::Null) => {}
                Some(v) => {
                    let parsed = match &v {
                        Value::String(s) => Day::parse(&s.text),
                        _ => Err(DayFault::NotIso),
                    };
                    match parsed {
                        Ok(d) => a.due = Some(d),
                        Err(fault) => inner.issues.push(ImportIssue::DateRefused {
                            action: echo(key),
                            found: echo(&json_text(&v)),
                            fault,
                        }),
                    }
                }
            }
        }
        entry.issues = inner.issues;
        entry
    }
}

fn json_text(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.clone(),
        Value::String(s) => json::quote(&echo(&s.text)),
        Value::Array(_) => "[…]".into(),
        Value::Object(_) => "{…}".into(),
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, fault } => {
                write!(f, "not valid JSON at line {line}, column {column}: {fault}")
            }
            ImportError::TooDeep { line, column, max } => {
                write!(f, "nested more than {max} levels deep at line {line}, column {column}")
            }
            ImportError::TooLarge { bytes, max } => write!(f, "{bytes} bytes; an answers file may have at most {max}"),
            ImportError::NotAnswers => {
                write!(f, "not a Brand Self-Check answers file (no \"format\": \"{FILE_FORMAT}\")")
            }
            ImportError::NewerVersion { found } => write!(
                f,
                "made by a newer version of the app (answers version {found}; this version reads up to {FILE_VERSION})"
            ),
            ImportError::WrongShape { path, expected } => write!(f, "{path} should be {expected}"),
        }
    }
}

impl fmt::Display for SyntaxFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxFault::UnexpectedEnd => write!(f, "the text ends too early"),
            SyntaxFault::UnexpectedCharacter(c) => write!(f, "unexpected character {c:?}"),
            SyntaxFault::BadEscape => write!(f, "an invalid backslash escape"),
            SyntaxFault::ControlCharacter => write!(f, "a control character inside a string"),
            SyntaxFault::BadNumber => write!(f, "a malformed number"),
            SyntaxFault::TrailingCharacters => write!(f, "more text after the end"),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Object => "an object",
            Expected::String => "a string",
            Expected::Boolean => "true or false",
            Expected::WholeNumber => "a whole number",
            Expected::GateAnswer => "\"yes\", \"no\" or \"unsure\"",
            Expected::DocStatus => "\"have\", \"todo\" or \"na\"",
            Expected::ActionStatus => "\"todo\", \"doing\" or \"done\"",
            Expected::Role => "\"leader\" or \"staff\"",
            Expected::Array => "an array",
            Expected::Date => "a date written YYYY-MM-DD",
        })
    }
}

impl fmt::Display for ImportIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportIssue as I;
        match self {
            I::OtherStandard { found } => write!(f, "answered against another standard (\"{found}\")"),
            I::OtherVersion { found } => write!(f, "answered against another version of this standard ({found})"),
            I::UnknownQuestion(q) => write!(f, "question {q} is not in this standard; skipped"),
            I::LevelRefused { question, found, fault } => {
                let why = match fault {
                    LevelFault::NotANumber => "not a number",
                    LevelFault::NotWhole => "not a whole number",
                    LevelFault::OutOfRange => "not a level from 0 to 5",
                };
                write!(f, "question {question}: level {found} is {why}; the level is not imported")
            }
            I::NotApplicableRefused(q) => write!(f, "question {q} does not allow \"not applicable\"; not imported"),
            I::UnknownGate(g) => write!(f, "condition {g} is not in this standard; skipped"),
            I::UnknownProfile(p) => write!(f, "profile question {p} is not in this standard; skipped"),
            I::UnknownOption { profile, option } => {
                write!(f, "profile question {profile} has no option {option}; skipped")
            }
            I::DuplicateKey { path, key } => write!(f, "{path}: \"{key}\" appears more than once; the last is used"),
            I::WrongType { path, expected } => write!(f, "{path} should be {expected}; ignored"),
            I::LoneSurrogate { path } => write!(f, "{path}: an invalid character escape was replaced with U+FFFD"),
            I::NoteTooLong { question, chars, max } => {
                write!(f, "question {question}: the note has {chars} characters; cut to {max}")
            }
            I::UnknownFact(x) => write!(f, "fact {x} is not in this standard; skipped"),
            I::FactRefused { fact, found, fault } => {
                write!(f, "fact {fact}: {found} is not imported: ")?;
                match fault {
                    FactFault::WrongType { expected } => write!(f, "{} expected", kind_text(*expected)),
                    FactFault::OutOfRange { min, max } => write!(f, "not within {min} to {max}"),
                    FactFault::TooManyDecimals { max } => write!(f, "more than {max} decimals"),
                    FactFault::UnknownOption(o) => write!(f, "no option {o}"),
                    FactFault::UnknownTitle(t) => write!(f, "no title {t}"),
                }
            }
            I::Changed { item, id } => {
                let what = match item {
                    ChangedItem::Question => "question",
                    ChangedItem::Gate => "condition",
                };
                write!(f, "{what} {id} changed in this version of the standard; its answer is not carried over")
            }
            I::UnknownDocument(d) => write!(f, "document {d} is not in this standard's checklist; skipped"),
            I::UnknownAction(a) => write!(f, "action {a} names nothing in this standard; skipped"),
            I::DateRefused { action, found, fault } => {
                let why = match fault {
                    DayFault::NotIso => "not a date written YYYY-MM-DD",
                    DayFault::NoSuchDay => "not a day of the calendar (1800–2100)",
                };
                write!(f, "action {action}: the due date {found} is {why}; the date is not imported")
            }
            I::TextTooLong { path, chars, max } => write!(f, "{path} has {chars} characters; cut to {max}"),
        }
    }
}

fn kind_text(k: FactKindName) -> &'static str {
    match k {
        FactKindName::Choice => "one of the options",
        FactKindName::Year => "a year",
        FactKindName::Number => "a number",
        FactKindName::Titles => "a list of titles",
    }
}
