//! What the user said: profile choices, a level / N/A / nothing for each question with an
//! evidence note, and yes / no / not sure for each gate.
//!
//! [`Answers`] is the in-memory value the app edits. [`AnswersFile`] is its serialised form for
//! storage and export: it carries a format `version` and names the standard (id, version, content
//! hash) it was answered against. Reading a file back goes through [`AnswersFile::parse`] and
//! [`AnswersFile::into_answers`], which keep what fits the standard and report the rest; the
//! reading itself, and every decision it makes about odd input, is in `import.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::ids::{GateId, OptionId, ProfileId, QuestionId};
use crate::import::clip;
pub use crate::import::{
    issue_counts, Expected, ImportError, ImportIssue, IssueKind, LevelFault, SyntaxFault, MAX_ANSWERS_BYTES, MAX_DEPTH,
    MAX_ECHO_CHARS, MAX_NOTE_CHARS,
};
use crate::json::quote;
use crate::standard::Standard;

/// The `format` marker of an answers file, so a stray JSON file is recognised as not ours.
pub const FILE_FORMAT: &str = "brand-self-check/answers";
/// The newest answers-file version this code writes and reads.
pub const FILE_VERSION: u32 = 1;

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

/// Everything the user has said about one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Answers {
    pub profile: BTreeMap<ProfileId, OptionId>,
    pub questions: BTreeMap<QuestionId, Answer>,
    pub gates: BTreeMap<GateId, GateAnswer>,
}

impl Answers {
    pub fn answer(&self, id: &QuestionId) -> Option<&Answer> {
        self.questions.get(id)
    }

    pub fn set_response(&mut self, id: QuestionId, response: Option<Response>) {
        let a = self.questions.entry(id.clone()).or_default();
        a.response = response;
        self.tidy(&id);
    }

    pub fn set_note(&mut self, id: QuestionId, note: String) {
        let a = self.questions.entry(id.clone()).or_default();
        a.note = note;
        self.tidy(&id);
    }

    pub fn set_gate(&mut self, id: GateId, answer: Option<GateAnswer>) {
        match answer {
            Some(a) => self.gates.insert(id, a),
            None => self.gates.remove(&id),
        };
    }

    pub fn set_profile(&mut self, id: ProfileId, option: Option<OptionId>) {
        match option {
            Some(o) => self.profile.insert(id, o),
            None => self.profile.remove(&id),
        };
    }

    /// How many entries (profile choices, question answers, gate answers) differ between the two:
    /// what an import would change.
    pub fn differences(&self, other: &Answers) -> usize {
        fn diff<K: Ord, V: PartialEq>(a: &BTreeMap<K, V>, b: &BTreeMap<K, V>) -> usize {
            a.iter().filter(|(k, v)| b.get(*k) != Some(*v)).count() + b.keys().filter(|k| !a.contains_key(*k)).count()
        }
        diff(&self.profile, &other.profile) + diff(&self.questions, &other.questions) + diff(&self.gates, &other.gates)
    }

    /// An answer with neither response nor note is the same as none; keep the map canonical so
    /// equal states compare equal.
    fn tidy(&mut self, id: &QuestionId) {
        if self.questions.get(id).is_some_and(|a| a.response.is_none() && a.note.is_empty()) {
            self.questions.remove(id);
        }
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

/// The computed result written next to exported answers, for people and systems that read the
/// file without this app. It is never read back: on import the result is computed afresh.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResultSummary {
    pub total: u32,
    pub min: u32,
    pub max: u32,
    /// Achieved points per part, to one decimal.
    pub parts: BTreeMap<String, f64>,
    /// The suggested tier's id, or "fix_first" / "none".
    pub tier: String,
    pub provisional: bool,
}

/// The serialised answers: what storage keeps and what export writes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswersFile {
    pub format: String,
    pub version: u32,
    pub standard: StandardRef,
    pub profile: BTreeMap<String, String>,
    pub questions: BTreeMap<String, QuestionEntry>,
    pub gates: BTreeMap<String, GateAnswer>,
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
            profile: map_from(answers.profile.iter().map(|(k, v)| (k.0.clone(), v.0.clone()))),
            questions: map_from(answers.questions.iter().map(|(k, a)| {
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
            })),
            gates: map_from(answers.gates.iter().map(|(k, v)| (k.0.clone(), *v))),
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
    /// reading found, then per entry. Linear in the file (ids are looked up in maps).
    pub fn into_answers(self, standard: &Standard) -> (Answers, Vec<ImportIssue>) {
        let echo = |s: &str| clip(s, MAX_ECHO_CHARS);
        let mut issues = self.issues;
        if self.standard.id != standard.id {
            issues.push(ImportIssue::OtherStandard { found: echo(&self.standard.id) });
        } else if self.standard.version != standard.version {
            issues.push(ImportIssue::OtherVersion { found: echo(&self.standard.version) });
        }
        let questions: BTreeMap<&str, usize> =
            map_from(standard.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i)));
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
            let Some(&ix) = questions.get(id.as_str()) else {
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
            let qid = QuestionId(id);
            out.questions.insert(qid.clone(), Answer { response, note: e.note });
            out.tidy(&qid);
        }
        for (g, a) in self.gates {
            let gid = GateId(g);
            if standard.gate_index(&gid).is_some() {
                out.gates.insert(gid, a);
            } else {
                issues.push(ImportIssue::UnknownGate(echo(&gid.0)));
            }
        }
        (out, issues)
    }
}

/// A map built by inserting, where `collect()` would add a stable sort per key type to the wasm.
pub(crate) fn map_from<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in items {
        map.insert(k, v);
    }
    map
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
}

/// A non-negative number known to one decimal (the parts' points, from tenths), as JSON writes
/// it: `12.5`, `40.0` (as serde_json writes a whole f64), without float formatting code.
fn one_decimal(v: f64) -> String {
    // Tenths are exact in the summary; +0.5 and truncation round the f64 back to them.
    let tenths = (v * 10.0 + 0.5) as u64;
    format!("{}.{}", tenths / 10, tenths % 10)
}
