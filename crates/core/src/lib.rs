//! The pure assessment core of 品牌自评 · Brand Self-Check.
//!
//! It takes data and returns data: a standard definition is parsed once into a validated
//! [`Standard`]; what the user said is an [`Answers`] value; scoring, gates, the tier suggestion
//! and the plan to the next tier — and, per programme, its hard conditions, its status and its
//! plan — are computed from the two whenever they are needed. Nothing here
//! touches storage, the clock, randomness or the DOM, and the crate depends on no web crate —
//! the compiler keeps it that way because the Yew shell is a separate crate.
//!
//! The model is the one in `shared/DOMAIN.md` ("Scoring rules"), implemented exactly: integer
//! points, exact rational arithmetic, and half-up rounding only where the rules say so.

pub mod answers;
pub mod combine;
pub mod compare;
pub mod decimal;
pub mod dossier;
pub mod handover;
pub mod hash;
mod ids;
mod import;
pub mod json;
pub mod lang;
pub mod map;
pub mod programme;
mod ratio;
pub mod scoring;
mod sort;
pub mod standard;
pub mod tier;
pub mod visible;

pub use answers::{
    parse_fact, About, Answer, Answers, AnswersFile, FactValue, GateAnswer, ImportIssue, Respondent, Response, Role,
    StandardRef, Team, MAX_YEAR, MIN_YEAR,
};
pub use decimal::{Decimal, FactInputError};
pub use ids::{
    ConditionId, DimensionId, DocumentId, FactId, GateId, IndicatorId, OptionId, PartId, ProfileId, ProgrammeId,
    QuestionId, TierId, TitleId,
};
pub use lang::Lang;
pub use programme::{crosswalk, programme_plan, programmes, ConditionStatus, ProgrammeResult, ProgrammeStatus};
pub use scoring::{score, Score};
pub use standard::{parse, Problem, ProblemKind, Standard, Text};
pub use tier::{assess, Assessment, TierOutcome};
