//! What can be wrong with a standard file: [`Problem`] (a JSON path and a kind) and
//! [`ProblemKind`], whose `Display` is the English text for tools. The shell localises by kind.

use std::fmt;

use super::{FORMAT, MAX_QUESTIONS_PER_INDICATOR};
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
    /// The file is larger than [`super::MAX_STANDARD_BYTES`]; it was not read.
    FileTooLarge {
        bytes: usize,
        max: usize,
    },
    /// A list with more entries than its bound in `limits.rs` (at the list's path).
    TooMany {
        found: usize,
        max: usize,
    },
    /// More indicators in the whole standard than [`super::MAX_INDICATORS`] (at `$.parts`).
    TooManyIndicators {
        found: usize,
        max: usize,
    },
    /// More questions in the whole standard than [`super::MAX_QUESTIONS`] (at `$.parts`).
    TooManyQuestionsInAll {
        found: usize,
        max: usize,
    },
    /// Points (or a threshold) above [`super::MAX_TOTAL_POINTS`].
    PointsTooLarge {
        found: u32,
        max: u32,
    },
    /// A text longer than its bound, in characters.
    TextTooLong {
        chars: usize,
        max: usize,
    },
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
            FileTooLarge { bytes, max } => {
                write!(f, "the file has {bytes} bytes; a standard may have at most {max}")
            }
            TooMany { found, max } => write!(f, "{found} entries; at most {max} are allowed"),
            TooManyIndicators { found, max } => {
                write!(f, "{found} indicators in all; a standard may have at most {max}")
            }
            TooManyQuestionsInAll { found, max } => {
                write!(f, "{found} questions in all; a standard may have at most {max}")
            }
            PointsTooLarge { found, max } => write!(f, "{found} points; at most {max} are allowed"),
            TextTooLong { chars, max } => write!(f, "{chars} characters; at most {max} are allowed"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}
