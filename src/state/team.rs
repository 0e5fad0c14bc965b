//! The state of the team and comparison screens (issue 15): the files read for them, each with
//! its own outcome line, the team's batch and the facilitator's overrides, and the two sides of a
//! comparison. Pure: the reducer calls these with the text a hook read; the core does the
//! combining and comparing.

use brand_core::answers::{AnswersFile, ImportError};
use brand_core::combine::{admit, Override, Refusal, Submission};
use brand_core::map::Map;
use brand_core::{Answers, QuestionId, Role, Standard};

/// Why a file was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    TooLarge,
    ReadFailed,
    Unreadable(ImportError),
    /// Answers of another questionnaire (its id).
    OtherStandard(String),
    /// The same respondent, or the very same answers, as the file named.
    SameName {
        earlier: String,
        name: String,
    },
    SameAnswers {
        earlier: String,
    },
}

/// One file's line on the screen.
#[derive(Clone, Debug, PartialEq)]
pub struct FileLine {
    pub file: String,
    /// Taken: how many of its entries did not fit the questionnaire (skipped, reported).
    pub outcome: Result<usize, FileProblem>,
}

/// The files a facilitator loaded and what they decided.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TeamBatch {
    /// Every file loaded, in the order loaded, with its outcome.
    pub lines: Vec<FileLine>,
    /// The respondents taken, each with the file it came from.
    pub subs: Vec<(String, Submission)>,
    /// Overrides as edited (one without a reason is kept as a draft and not applied).
    pub overrides: Map<QuestionId, Override>,
}

/// Reads a file for `st`: its answers and how many entries did not fit, or why not.
pub fn read_for(
    st: &Standard,
    text: Result<String, FileProblem>,
) -> Result<(AnswersFile, Answers, usize), FileProblem> {
    let file = AnswersFile::parse(&text?).map_err(FileProblem::Unreadable)?;
    if file.standard.id != st.id {
        return Err(FileProblem::OtherStandard(file.standard.id));
    }
    let (answers, issues) = file.clone().into_answers(st);
    // That it was answered against another version is said by the version shown, not counted.
    let skipped = issues.iter().filter(|i| !matches!(i, brand_core::ImportIssue::OtherVersion { .. })).count();
    Ok((file, answers, skipped))
}

impl TeamBatch {
    /// Adds a file read as `text`; every file gets its line, and a damaged one stops nothing.
    pub fn add(&mut self, st: &Standard, file: String, text: Result<String, FileProblem>) {
        let outcome = read_for(st, text).and_then(|(_, answers, skipped)| {
            let new = Submission::of_file(&file, answers);
            let name = new.respondent.name.clone();
            let batch: Vec<Submission> = self.subs.iter().map(|(_, s)| s.clone()).collect();
            match admit(&batch, &new) {
                Ok(()) => {
                    self.subs.push((file.clone(), new));
                    Ok(skipped)
                }
                Err(Refusal::SameName { earlier }) => {
                    Err(FileProblem::SameName { earlier: self.subs[earlier].0.clone(), name })
                }
                Err(Refusal::SameAnswers { earlier }) => {
                    Err(FileProblem::SameAnswers { earlier: self.subs[earlier].0.clone() })
                }
            }
        });
        self.lines.push(FileLine { file, outcome });
    }

    /// Sets a respondent's role; `false` when there is no such respondent or nothing changes.
    pub fn set_role(&mut self, index: usize, role: Option<Role>) -> bool {
        match self.subs.get_mut(index) {
            Some((_, s)) if s.respondent.role != role => {
                s.respondent.role = role;
                true
            }
            _ => false,
        }
    }

    /// Takes a respondent out (their file's line goes too).
    pub fn remove(&mut self, index: usize) -> bool {
        if index >= self.subs.len() {
            return false;
        }
        let (file, _) = self.subs.remove(index);
        if let Some(i) = self.lines.iter().position(|l| l.file == file && l.outcome.is_ok()) {
            self.lines.remove(i);
        }
        true
    }

    /// Sets or clears the decision for a question.
    pub fn set_override(&mut self, id: QuestionId, decision: Option<Override>) {
        match decision {
            Some(o) => self.overrides.insert(id, o),
            None => _ = self.overrides.remove(&id),
        }
    }

    /// The submissions, for the core.
    pub fn submissions(&self) -> Vec<Submission> {
        self.subs.iter().map(|(_, s)| s.clone()).collect()
    }
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareSide {
    /// The answers now open on this device, as a file.
    Current(AnswersFile),
    /// A file loaded, by name.
    File { name: String, file: AnswersFile, skipped: usize },
}

impl CompareSide {
    pub fn file(&self) -> &AnswersFile {
        match self {
            CompareSide::Current(f) | CompareSide::File { file: f, .. } => f,
        }
    }
}

/// The two sides (0: earlier, 1: later), and the last problem loading each.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ComparePair {
    pub sides: [Option<CompareSide>; 2],
    pub problems: [Option<FileLine>; 2],
}

impl ComparePair {
    pub fn add(&mut self, st: &Standard, side: usize, name: String, text: Result<String, FileProblem>) {
        if side > 1 {
            return;
        }
        match read_for(st, text) {
            Ok((file, _, skipped)) => {
                self.sides[side] = Some(CompareSide::File { name, file, skipped });
                self.problems[side] = None;
            }
            Err(p) => self.problems[side] = Some(FileLine { file: name, outcome: Err(p) }),
        }
    }
}
