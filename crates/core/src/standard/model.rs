//! The validated model of a standard: parts, indicators, questions, gates, tiers, advisory tracks.
//!
//! Built only by the validator, so everything here can be trusted: ids are unique, points add up,
//! references resolve, and every text exists in both languages. The model is flat: `parts`,
//! `indicators` and `questions` are vectors, and each part / indicator holds an index `Range` into
//! the next, so scoring walks plain slices.

use std::ops::Range;

use crate::decimal::Decimal;
use crate::ids::{
    ConditionId, DimensionId, DocumentId, FactId, GateId, IndicatorId, OptionId, PartId, ProfileId, ProgrammeId,
    QuestionId, TierId, TitleId,
};
use crate::lang::Lang;

pub use super::raw::{FactKind as FactKindName, Issuer, Op, Period, QuestionKind, Subject, Tag};

/// A validated text: both languages present.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub cite: String,
    /// `cite` in English (shown in English mode; `cite` otherwise).
    pub cite_en: Option<String>,
    pub tag: Tag,
    pub url: Option<String>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    pub profile: ProfileId,
    pub any_of: Vec<OptionId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileOption {
    pub id: OptionId,
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileQuestion {
    pub id: ProfileId,
    pub text: Text,
    pub help: Option<Text>,
    pub options: Vec<ProfileOption>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub id: PartId,
    pub title: Text,
    pub points: u32,
    /// Indices into [`Standard::indicators`].
    pub indicators: Range<usize>,
    /// The report draws its radar for this part (at most one part has it).
    pub radar: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indicator {
    pub id: IndicatorId,
    pub title: Text,
    pub points: u32,
    /// Index into [`Standard::parts`].
    pub part: usize,
    pub sources: Vec<Source>,
    /// Indices into [`Standard::questions`].
    pub questions: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub when: Condition,
    pub levels: [Text; 6],
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub kind: QuestionKind,
    /// Index into [`Standard::indicators`].
    pub indicator: usize,
    pub text: Text,
    pub help: Option<Text>,
    pub evidence: Option<Text>,
    pub levels: [Text; 6],
    pub na_allowed: bool,
    pub applies_when: Option<Condition>,
    pub bands: Vec<Band>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gate {
    pub id: GateId,
    pub text: Text,
    pub help: Option<Text>,
    pub blocking: bool,
    pub applies_when: Option<Condition>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tier {
    pub id: TierId,
    pub name: Text,
    pub description: Option<Text>,
    pub threshold: u32,
    /// Indices into [`Standard::gates`].
    pub gates: Vec<usize>,
    pub min_part_percent: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    PartAtLeast { part: usize, percent: u32 },
    TotalAtLeast(u32),
    GatePassed(usize),
    Profile(Condition),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advisory {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub when: Vec<Rule>,
}

/// A validated standard. Fields are public for reading; build one only through [`parse`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standard {
    pub id: String,
    pub version: String,
    /// `sha256:` and the hex digest of the file's bytes, recorded with every saved result.
    pub content_hash: String,
    pub subject: Subject,
    pub title: Text,
    pub disclaimer: Text,
    pub total_points: u32,
    pub profile: Vec<ProfileQuestion>,
    pub parts: Vec<Part>,
    pub indicators: Vec<Indicator>,
    pub questions: Vec<Question>,
    pub gates: Vec<Gate>,
    pub tiers: Vec<Tier>,
    pub advisories: Vec<Advisory>,
    pub sources: Vec<Source>,
    pub facts: Vec<Fact>,
    pub titles: Vec<Title>,
    pub dimensions: Vec<Dimension>,
    pub programmes: Vec<Programme>,
    pub migrations: Vec<Migration>,
    pub documents: Vec<Document>,
}

/// An application document, one line of the checklist of each programme that asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub name: Text,
    pub help: Option<Text>,
    pub issuer: Issuer,
    pub period: Period,
    /// Indices into [`Standard::programmes`], in the order listed, each once.
    pub programmes: Vec<usize>,
    pub proves: Vec<Proof>,
    pub sources: Vec<Source>,
}

/// What a document proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// The condition of this id of each of the document's programmes that has one (at least one).
    Condition(ConditionId),
    /// Index into [`Standard::gates`].
    Gate(usize),
    /// A question (index into [`Standard::questions`]) at `level` (1–5).
    Question { question: usize, level: u8 },
}

/// A typed profile fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    pub id: FactId,
    pub text: Text,
    pub help: Option<Text>,
    pub kind: FactKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FactKind {
    Choice {
        options: Vec<ProfileOption>,
    },
    /// A calendar year, [`crate::MIN_YEAR`] to [`crate::MAX_YEAR`].
    Year,
    Number {
        unit: Text,
        min: Decimal,
        max: Decimal,
        /// 0 to 2.
        decimals: u8,
    },
    /// Title ids (indices into [`Standard::titles`] once read).
    Titles,
}

impl FactKind {
    pub fn name(&self) -> FactKindName {
        match self {
            FactKind::Choice { .. } => FactKindName::Choice,
            FactKind::Year => FactKindName::Year,
            FactKind::Number { .. } => FactKindName::Number,
            FactKind::Titles => FactKindName::Titles,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Title {
    pub id: TitleId,
    pub name: Text,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dimension {
    pub id: DimensionId,
    pub name: Text,
    /// Indices into [`Standard::indicators`], in the order listed.
    pub indicators: Vec<usize>,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Programme {
    pub id: ProgrammeId,
    /// Index into [`Standard::tiers`]: the readiness line.
    pub rung: usize,
    pub title: Text,
    pub description: Option<Text>,
    /// Index into [`Standard::titles`].
    pub held_as: Option<usize>,
    pub applies_when: Option<Condition>,
    pub window: Option<Text>,
    pub sources: Vec<Source>,
    pub conditions: Vec<ProgrammeCondition>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeCondition {
    pub id: ConditionId,
    pub text: Text,
    pub tag: Tag,
    pub sources: Vec<Source>,
    pub applies_when: Option<Condition>,
    /// One to [`MAX_TESTS`](super::MAX_TESTS) tests.
    pub tests: Vec<Test>,
}

/// One test of a condition, reading one input (indices into the standard's lists).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Test {
    /// A choice fact answered with one of these options.
    FactAnyOf { fact: usize, any_of: Vec<OptionId> },
    /// A number or year fact compared exactly with `value`.
    FactCompare { fact: usize, op: Op, value: Decimal },
    /// A year fact F against the assessment year Y: Y − F > n met, < n not met, = n unknown.
    YearsAtLeast { fact: usize, years: u16 },
    /// A gate: yes met, no not met, not sure / unanswered unknown.
    Gate { gate: usize },
    /// The level counted L of a question: L ≥ `met_from` met, L < `not_met_below` not met.
    Question { question: usize, met_from: Option<u8>, not_met_below: Option<u8> },
    /// The titles fact holds none of these titles (indices into [`Standard::titles`]).
    TitlesNoneOf { fact: usize, titles: Vec<usize> },
}

/// How answers saved against version `from` carry over (ids not listed carry over unchanged).
/// The tables keep the file's map type (every new id validated to exist): one map type fewer in
/// the wasm than newtype-keyed copies would cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    pub from: String,
    /// Old question id → new question id, or `None`: not carried over.
    pub questions: crate::map::Map<String, Option<String>>,
    /// Old gate id → new gate id, or `None`: not carried over.
    pub gates: crate::map::Map<String, Option<String>>,
}

impl Standard {
    pub fn fact_index(&self, id: &FactId) -> Option<usize> {
        self.facts.iter().position(|f| &f.id == id)
    }
    pub fn title_index(&self, id: &TitleId) -> Option<usize> {
        self.titles.iter().position(|t| &t.id == id)
    }
    pub fn document_index(&self, id: &DocumentId) -> Option<usize> {
        self.documents.iter().position(|d| &d.id == id)
    }
    pub fn programme_index(&self, id: &ProgrammeId) -> Option<usize> {
        self.programmes.iter().position(|p| &p.id == id)
    }
    /// The one fact of kind titles, if the standard has it.
    pub fn titles_fact(&self) -> Option<usize> {
        self.facts.iter().position(|f| f.kind == FactKind::Titles)
    }
    /// The part whose radar the report draws, if any.
    pub fn radar_part(&self) -> Option<usize> {
        self.parts.iter().position(|p| p.radar)
    }

    pub fn question_index(&self, id: &QuestionId) -> Option<usize> {
        self.questions.iter().position(|q| &q.id == id)
    }
    pub fn gate_index(&self, id: &GateId) -> Option<usize> {
        self.gates.iter().position(|g| &g.id == id)
    }
    pub fn profile_question(&self, id: &ProfileId) -> Option<&ProfileQuestion> {
        self.profile.iter().find(|p| &p.id == id)
    }
    /// The questions of part `part` (indices into `questions`; parts are contiguous).
    pub fn part_questions(&self, part: usize) -> Range<usize> {
        let inds = &self.parts[part].indicators;
        self.indicators[inds.start].questions.start..self.indicators[inds.end - 1].questions.end
    }
}

impl Question {
    /// The level descriptors for this profile: the first matching band, else the defaults.
    pub fn levels_for(&self, profile: &crate::map::Map<ProfileId, OptionId>) -> &[Text; 6] {
        self.bands.iter().find(|b| b.when.holds(profile)).map(|b| &b.levels).unwrap_or(&self.levels)
    }
}

impl Source {
    /// The citation for `lang`: `cite_en` in English when given, `cite` otherwise.
    pub fn cite_for(&self, lang: Lang) -> &str {
        match (lang, &self.cite_en) {
            (Lang::En, Some(en)) => en,
            _ => &self.cite,
        }
    }
}

impl Condition {
    /// True when the profile question is answered with one of the listed options. An unanswered
    /// profile question satisfies no condition.
    pub fn holds(&self, profile: &crate::map::Map<ProfileId, OptionId>) -> bool {
        profile.get(&self.profile).is_some_and(|o| self.any_of.contains(o))
    }
}
