//! What can be wrong with a standard file: [`Problem`] (a JSON path and a kind) and
//! [`ProblemKind`], whose `Display` is the English text for tools. The shell localises by kind.

use std::fmt;

use super::{FactKindName, FORMAT, MAX_QUESTIONS_PER_INDICATOR};
use crate::decimal::Decimal;
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
    UnknownFact(String),
    UnknownProgramme(String),
    /// None of the document's programmes has a condition with this id.
    UnknownCondition(String),
    /// A proof with none of the shapes, or parts of several (`{condition}`, `{gate}`,
    /// `{question, level}`).
    ProofShape,
    /// A proof's level is not 1 to 5.
    ProofLevel(u32),
    UnknownTitle(String),
    UnknownTier(String),
    UnknownQuestion(String),
    UnknownIndicator(String),
    /// A choice fact has no option with this id.
    UnknownFactOption(String),
    /// A test with none of the shapes, or parts of several (`{fact, any_of}`, `{fact, op, value}`,
    /// `{fact, years_at_least}`, `{gate}`, `{question, …}`, `{titles_none_of}`).
    TestShape,
    /// The test's shape needs a fact of kind `expected`; this one is `found`.
    FactKindMismatch {
        expected: FactKindName,
        found: FactKindName,
    },
    /// A field this kind of fact needs (`options`, `unit`, `min`, `max`, `decimals`).
    MissingField(&'static str),
    /// A field this kind of fact does not have.
    FieldNotAllowed(&'static str),
    /// A number that is not exact with two decimals, or beyond ±10^12.
    NotExact,
    /// More decimals than allowed.
    TooManyDecimals {
        max: u8,
    },
    /// A value outside `min`..=`max`.
    ValueOutOfRange {
        min: Decimal,
        max: Decimal,
    },
    MinAboveMax,
    /// A comparison that no value of the fact's range meets (`gt` its max, `lt` its min).
    NeverMet,
    /// A level bound above 5.
    LevelOutOfRange(u32),
    /// `not_met_below` is above `met_from`.
    LevelsCross {
        met_from: u8,
        not_met_below: u8,
    },
    /// A second fact of kind titles (there is one titles fact).
    SecondTitlesFact,
    /// `titles_none_of` or `held_as` with no fact of kind titles.
    NoTitlesFact,
    /// A second part with `radar` (at most one part).
    SecondRadarPart,
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
            UnknownFact(id) => write!(f, "no fact has the id \"{id}\""),
            UnknownProgramme(id) => write!(f, "no programme has the id \"{id}\""),
            UnknownCondition(id) => write!(f, "none of the document's programmes has a condition \"{id}\""),
            ProofShape => write!(f, "a proof needs exactly one shape: {{condition}}, {{gate}} or {{question, level}}"),
            ProofLevel(l) => write!(f, "{l} is not a level from 1 to 5"),
            UnknownTitle(id) => write!(f, "no title has the id \"{id}\""),
            UnknownTier(id) => write!(f, "no tier has the id \"{id}\""),
            UnknownQuestion(id) => write!(f, "no question has the id \"{id}\""),
            UnknownIndicator(id) => write!(f, "no indicator has the id \"{id}\""),
            UnknownFactOption(id) => write!(f, "the fact has no option \"{id}\""),
            TestShape => write!(
                f,
                "a test needs exactly one shape: {{fact, any_of}}, {{fact, op, value}}, {{fact, years_at_least}}, \
                 {{gate}}, {{question, met_from, not_met_below}} or {{titles_none_of}}"
            ),
            FactKindMismatch { expected, found } => {
                write!(f, "this test needs a {} fact; the fact is a {} fact", kind(*expected), kind(*found))
            }
            MissingField(field) => write!(f, "this kind of fact needs \"{field}\""),
            FieldNotAllowed(field) => write!(f, "this kind of fact has no \"{field}\""),
            NotExact => write!(f, "not an exact number with at most 2 decimals (within ±10^12)"),
            TooManyDecimals { max } => write!(f, "more than {max} decimals"),
            ValueOutOfRange { min, max } => write!(f, "not within {min} to {max}"),
            MinAboveMax => write!(f, "min is above max"),
            NeverMet => write!(f, "no value of the fact's range meets this comparison"),
            LevelOutOfRange(l) => write!(f, "{l} is not a level from 0 to 5"),
            LevelsCross { met_from, not_met_below } => {
                write!(f, "not_met_below {not_met_below} is above met_from {met_from}")
            }
            SecondTitlesFact => write!(f, "a standard has at most one fact of kind titles"),
            NoTitlesFact => write!(f, "needs a fact of kind titles, and the standard has none"),
            SecondRadarPart => write!(f, "at most one part may have the radar"),
        }
    }
}

fn kind(k: FactKindName) -> &'static str {
    match k {
        FactKindName::Choice => "choice",
        FactKindName::Year => "year",
        FactKindName::Number => "number",
        FactKindName::Titles => "titles",
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}
