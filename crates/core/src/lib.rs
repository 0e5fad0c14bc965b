//! The pure assessment core of 品牌自评 · Brand Self-Check.
//!
//! It takes data and returns data: a standard definition is parsed once into a validated
//! [`Standard`]; what the user said is an [`Answers`] value; scoring, gates, the tier suggestion
//! and the plan to the next tier are computed from the two whenever they are needed. Nothing here
//! touches storage, the clock, randomness or the DOM, and the crate depends on no web crate —
//! the compiler keeps it that way because the Yew shell is a separate crate.
//!
//! The model is the one in `shared/DOMAIN.md` ("Scoring rules"), implemented exactly: integer
//! points, exact rational arithmetic, and half-up rounding only where the rules say so.

pub mod answers;
pub mod handover;
pub mod hash;
mod ids;
mod import;
pub mod json;
pub mod lang;
mod ratio;
pub mod scoring;
pub mod standard;
pub mod tier;
pub mod visible;

pub use answers::{Answer, Answers, AnswersFile, GateAnswer, ImportIssue, Response, StandardRef};
pub use ids::{GateId, IndicatorId, OptionId, PartId, ProfileId, QuestionId, TierId};
pub use lang::Lang;
pub use scoring::{score, Score};
pub use standard::{parse, Problem, ProblemKind, Standard, Text};
pub use tier::{assess, Assessment, TierOutcome};
