//! Newtype identifiers for the things a standard defines.
//!
//! Each kind of id is its own type so that a question id can never be looked up among gates, nor
//! a part id passed where an indicator id is wanted: the mix-ups the compiler can catch, it does.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

id_type!(
    /// A scored question ("A1.2"). Keys the user's answers, so it must stay stable across versions.
    QuestionId
);
id_type!(
    /// An indicator ("B2"): the unit that carries points and sources.
    IndicatorId
);
id_type!(
    /// A part ("A", "B", "C"): a group of indicators with a points total.
    PartId
);
id_type!(
    /// A yes/no/not-sure condition that tiers require ("G1").
    GateId
);
id_type!(
    /// A rung on the tier ladder.
    TierId
);
id_type!(
    /// A profile question ("sector"), answered before the questionnaire.
    ProfileId
);
id_type!(
    /// One option of a profile question ("manufacturing").
    OptionId
);
id_type!(
    /// A typed profile fact ("founded", "revenue"): a value a condition compares exactly.
    FactId
);
id_type!(
    /// An honour a firm or region may already hold ("haopin"); held titles are never suggested.
    TitleId
);
id_type!(
    /// A programme a user really applies to ("qy_industry").
    ProgrammeId
);
id_type!(
    /// One hard condition of a programme ("QY-R&D").
    ConditionId
);
id_type!(
    /// A crosswalk dimension ("quality"): a view of the score over some indicators.
    DimensionId
);
id_type!(
    /// An application document ("audit_report"): one line of the 申报材料 checklist.
    DocumentId
);
