//! What can be wrong with a standard file: [`Problem`] (a JSON path and a kind) and
//! [`ProblemKind`], whose `Display` is the English text for tools. The shell localises by kind.

use std::fmt;

use super::FORMAT;
use super::MAX_QUESTIONS_PER_INDICATOR;
use crate::lang::Lang;

/// One thing wrong with a standard file, at a JSON path such as `$.parts[1].indicators[0].points`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

/// What is wrong. The shell localises these; `Display` gives the English text for tools.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Not JSON, or JSON of the wrong shape (serde's message).
    Syntax(String),
    Shape(String),
    UnsupportedFormat {
        found: u32,
    },
    Empty,
    MissingText {
        lang: Lang,
    },
    DuplicateId(String),
    BadId(String),
    PointsMismatch {
        declared: u32,
        sum: u32,
    },
    ZeroPoints,
    NoQuestions,
    TooManyQuestions {
        found: usize,
    },
    LevelCount {
        found: usize,
    },
    ThresholdsNotAscending {
        previous: u32,
        found: u32,
    },
    ThresholdAboveTotal {
        total: u32,
    },
    GatesNotCumulative {
        missing: String,
    },
    UnknownGate(String),
    UnknownPart(String),
    UnknownProfile(String),
    UnknownOption(String),
    PercentOutOfRange(u32),
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            Syntax(m) => write!(f, "not valid JSON: {m}"),
            Shape(m) => write!(f, "wrong shape: {m}"),
            UnsupportedFormat { found } => {
                write!(f, "format {found} is not supported (this version reads format {FORMAT})")
            }
            Empty => write!(f, "must not be empty"),
            MissingText { lang } => write!(f, "the {} text is missing", lang.code()),
            DuplicateId(id) => write!(f, "the id \"{id}\" is used more than once"),
            BadId(id) => write!(f, "\"{id}\" is not a valid id (use letters, digits, '.', '-' or '_')"),
            PointsMismatch { declared, sum } => {
                write!(f, "declares {declared} points but its parts add up to {sum}")
            }
            ZeroPoints => write!(f, "points must be greater than zero"),
            NoQuestions => write!(f, "an indicator needs at least one question"),
            TooManyQuestions { found } => {
                write!(f, "{found} questions in one indicator; at most {MAX_QUESTIONS_PER_INDICATOR} are allowed")
            }
            LevelCount { found } => {
                write!(f, "needs exactly 6 level descriptors (levels 0 to 5), found {found}")
            }
            ThresholdsNotAscending { previous, found } => {
                write!(f, "tier thresholds must ascend: {found} does not exceed the previous {previous}")
            }
            ThresholdAboveTotal { total } => write!(f, "threshold is above the total of {total} points"),
            GatesNotCumulative { missing } => {
                write!(f, "a higher tier must require every gate of the tier below; \"{missing}\" is missing")
            }
            UnknownGate(id) => write!(f, "no gate has the id \"{id}\""),
            UnknownPart(id) => write!(f, "no part has the id \"{id}\""),
            UnknownProfile(id) => write!(f, "no profile question has the id \"{id}\""),
            UnknownOption(id) => write!(f, "the profile question has no option \"{id}\""),
            PercentOutOfRange(p) => write!(f, "{p} is not a percentage from 0 to 100"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}
