//! What the user said: profile choices, a level / N/A / nothing for each question with an
//! evidence note, and yes / no / not sure for each gate.
//!
//! [`Answers`] is the in-memory value the app edits. [`AnswersFile`] is its serialised form for
//! storage and export: it carries a format `version` and names the standard (id, version, content
//! hash) it was answered against. Reading a file back goes through [`AnswersFile::parse`] and
//! [`AnswersFile::into_answers`], which keep what fits the standard and report the rest.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{GateId, OptionId, ProfileId, QuestionId};
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct QuestionEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub na: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The computed result written next to exported answers, for people and systems that read the
/// file without this app. It is never read back: on import the result is computed afresh.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnswersFile {
    pub format: String,
    pub version: u32,
    pub standard: StandardRef,
    #[serde(default)]
    pub profile: BTreeMap<String, String>,
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionEntry>,
    #[serde(default)]
    pub gates: BTreeMap<String, GateAnswer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ResultSummary>,
}

/// Why a file could not be read at all. Nothing is changed when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson(String),
    NotAnswers,
    WrongShape(String),
    NewerVersion { found: u32 },
}

/// Something in a readable file that did not fit the standard; the rest is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportIssue {
    OtherStandard { found: String },
    OtherVersion { found: String },
    UnknownQuestion(String),
    LevelOutOfRange { question: String, level: i64 },
    NotApplicableRefused(String),
    UnknownGate(String),
    UnknownProfile(String),
    UnknownOption { profile: String, option: String },
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
                };
                (k.0.clone(), entry)
            })),
            gates: map_from(answers.gates.iter().map(|(k, v)| (k.0.clone(), *v))),
            result,
        }
    }

    pub fn to_json(&self) -> String {
        // Serialising plain maps and strings cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a file. Checks the format marker and version before the shape, so an unrelated JSON
    /// file or one from a newer app gets an accurate message.
    pub fn parse(json: &str) -> Result<AnswersFile, ImportError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
            return Err(ImportError::NotAnswers);
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(FILE_VERSION) => {
                return Err(ImportError::NewerVersion { found: u32::try_from(v).unwrap_or(u32::MAX) })
            }
            _ => {}
        }
        // From the text again, not from `value`: one deserialiser less in the wasm.
        serde_json::from_str(json).map_err(|e| ImportError::WrongShape(e.to_string()))
    }

    /// Keeps every answer that fits `standard` and reports every one that does not.
    pub fn into_answers(self, standard: &Standard) -> (Answers, Vec<ImportIssue>) {
        let mut issues = Vec::new();
        if self.standard.id != standard.id {
            issues.push(ImportIssue::OtherStandard { found: self.standard.id.clone() });
        } else if self.standard.version != standard.version {
            issues.push(ImportIssue::OtherVersion { found: self.standard.version.clone() });
        }
        let mut out = Answers::default();
        for (p, o) in self.profile {
            match standard.profile_question(&ProfileId(p.clone())) {
                None => issues.push(ImportIssue::UnknownProfile(p)),
                Some(q) if !q.options.iter().any(|opt| opt.id.0 == o) => {
                    issues.push(ImportIssue::UnknownOption { profile: p, option: o })
                }
                Some(_) => {
                    out.profile.insert(ProfileId(p), OptionId(o));
                }
            }
        }
        for (id, e) in self.questions {
            let qid = QuestionId(id.clone());
            let Some(ix) = standard.question_index(&qid) else {
                issues.push(ImportIssue::UnknownQuestion(id));
                continue;
            };
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
                            issues.push(ImportIssue::LevelOutOfRange { question: id.clone(), level: l });
                            None
                        }
                    },
                }
            };
            out.questions.insert(qid.clone(), Answer { response, note: e.note });
            out.tidy(&qid);
        }
        for (g, a) in self.gates {
            let gid = GateId(g.clone());
            if standard.gate_index(&gid).is_some() {
                out.gates.insert(gid, a);
            } else {
                issues.push(ImportIssue::UnknownGate(g));
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
