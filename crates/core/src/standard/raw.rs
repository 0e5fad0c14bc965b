//! The serde types of the standard file format: the boundary, and nothing else.
//!
//! These mirror the JSON a standard author writes (and, with the `schema` feature, derive the JSON
//! Schema in `standards/standard.schema.json`). Nothing after `validate` reads them: the validator
//! turns them into the model in `model.rs` or into problems.
use serde::Deserialize;

use crate::map::Map;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A standard file, as written by a standard author.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StandardFile {
    /// Optional pointer to the JSON Schema, for editors; ignored by the app.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Version of this file format. Currently 1.
    pub format: u32,
    /// Stable identifier, e.g. "enterprise". Saved answers refer to it.
    pub id: String,
    /// Semantic version of the content, e.g. "1.0.0".
    pub version: String,
    /// Who is assessed: an enterprise or a region / industrial park.
    pub subject: Subject,
    pub title: Text,
    /// Shown with every score: what the standard is and is not.
    pub disclaimer: Text,
    /// The points of the whole standard (1000 for the shipped ones).
    pub total_points: u32,
    /// Questions answered before the questionnaire; they select questions, bands and gates.
    #[serde(default)]
    pub profile: Vec<ProfileQuestion>,
    pub parts: Vec<Part>,
    #[serde(default)]
    pub gates: Vec<Gate>,
    /// Ordered from the lowest tier to the highest.
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub advisories: Vec<Advisory>,
    /// Every document the standard draws on.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Typed profile facts that programme conditions compare exactly (city, year founded, revenue …).
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Honours a firm or region may already hold; held titles are shown as held, never scored or suggested.
    #[serde(default)]
    pub titles: Vec<Title>,
    /// Crosswalk dimensions: views of the score over the indicators each lists.
    #[serde(default)]
    pub dimensions: Vec<Dimension>,
    /// The programmes a user really applies to, each with its hard conditions.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// How answers saved against an earlier version of this standard carry over.
    #[serde(default)]
    pub migrations: Vec<Migration>,
    /// The documents an application file needs (the 申报材料 checklist), in the order shown.
    #[serde(default)]
    pub documents: Vec<Document>,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Enterprise,
    Region,
}

/// A text in both languages. zh-CN is authoritative; en is a translation.
#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileQuestion {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    pub options: Vec<ProfileOption>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileOption {
    pub id: String,
    pub label: Text,
}

/// "Applies only when profile question `profile` is answered with one of `any_of`."
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub profile: String,
    pub any_of: Vec<String>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub title: Text,
    pub points: u32,
    pub indicators: Vec<Indicator>,
    /// The report draws its radar for this part (at most one part).
    #[serde(default)]
    pub radar: bool,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub title: Text,
    pub points: u32,
    /// Where the indicator comes from, each with its evidence tag.
    pub sources: Vec<Source>,
    pub questions: Vec<Question>,
}

/// Evidence tags of the research notes: confirmed, memory, inference, our design, not found.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub enum Tag {
    C,
    M,
    I,
    D,
    NF,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The standard and clause, or a document's name.
    pub cite: String,
    /// `cite` in English, shown in English mode.
    #[serde(default)]
    pub cite_en: Option<String>,
    pub tag: Tag,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Maturity of a practice (未开展 … 引领).
    Practice,
    /// An outcome or a numeric band.
    Result,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// Examples of documents that support a high answer.
    #[serde(default)]
    pub evidence: Option<Text>,
    /// Exactly six descriptors, for levels 0 to 5.
    pub levels: Vec<Text>,
    /// Whether "not applicable" may be chosen.
    #[serde(default)]
    pub na_allowed: bool,
    /// The question exists only for these profiles.
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// Profile-specific level descriptors (numeric bands) replacing `levels` when they match.
    #[serde(default)]
    pub bands: Vec<Band>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub when: Condition,
    pub levels: Vec<Text>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Gate {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// A blocking gate answered "no" means no tier at all, only "fix first".
    #[serde(default)]
    pub blocking: bool,
    #[serde(default)]
    pub applies_when: Option<Condition>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// The rounded total must be at least this.
    pub threshold: u32,
    /// Gates that must be answered "yes" (gates that do not apply to the profile are skipped).
    #[serde(default)]
    pub gates: Vec<String>,
    /// Guard: no part may score below this percentage of its applicable points.
    #[serde(default)]
    pub min_part_percent: Option<u32>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Advisory {
    pub id: String,
    pub title: Text,
    pub text: Text,
    /// All must hold for the advice to show; empty means always.
    #[serde(default)]
    pub when: Vec<Rule>,
}

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// A part scores at least `percent` % of its applicable points.
    PartAtLeast { part: String, percent: u32 },
    /// The rounded total is at least this.
    TotalAtLeast(u32),
    /// The gate is answered "yes".
    GatePassed(String),
    /// The profile matches.
    Profile(Condition),
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// One of `options`.
    Choice,
    /// A calendar year, 1800 to 2100.
    Year,
    /// A decimal number with a unit, `min` to `max` inclusive, at most `decimals` (0–2) decimals.
    Number,
    /// The ids of the titles already held (at most one fact of this kind).
    Titles,
}

/// A typed profile fact. The fields beyond `id`, `kind`, `text` and `help` depend on the kind:
/// `options` for a choice; `unit`, `min`, `max` and `decimals` for a number.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub kind: FactKind,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub options: Option<Vec<ProfileOption>>,
    #[serde(default)]
    pub unit: Option<Text>,
    /// Inclusive; at most `decimals` decimals.
    #[serde(default)]
    pub min: Option<f64>,
    /// Inclusive; at most `decimals` decimals.
    #[serde(default)]
    pub max: Option<f64>,
    /// Decimals a value may have, 0 to 2.
    #[serde(default)]
    pub decimals: Option<u8>,
}

/// An honour that may already be held.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A crosswalk dimension (质量、创新、品牌、效益、绿色): achieved ÷ applicable points of its indicators.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    /// Indicator ids; an indicator may appear in several dimensions.
    pub indicators: Vec<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// A programme a user applies to, at a rung of the tier ladder.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    /// A tier id: the readiness line is that tier's threshold (and its part guard).
    pub rung: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// A title id: when the titles fact holds it, the programme is shown as held.
    #[serde(default)]
    pub held_as: Option<String>,
    /// The programme is listed only for these profiles.
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// A calendar note (past windows, "以当年通知为准").
    #[serde(default)]
    pub window: Option<Text>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub conditions: Vec<ProgrammeCondition>,
}

/// One hard condition of a programme: met when a test is met and none is not met.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammeCondition {
    pub id: String,
    pub text: Text,
    pub tag: Tag,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub applies_when: Option<Condition>,
    /// One to four tests, each reading one input.
    pub tests: Vec<Test>,
}

/// Comparison of a number or year fact with a value.
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// ≥
    Ge,
    /// >
    Gt,
    /// ≤
    Le,
    /// <
    Lt,
}

/// A test, in exactly one of these shapes: `{fact, any_of}` (a choice fact); `{fact, op, value}` (a
/// number or year fact); `{fact, years_at_least}` (a year fact against the assessment year);
/// `{gate}`; `{question, met_from?, not_met_below?}` (the level counted); `{titles_none_of}`.
#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Test {
    #[serde(default)]
    pub fact: Option<String>,
    #[serde(default)]
    pub any_of: Option<Vec<String>>,
    #[serde(default)]
    pub op: Option<Op>,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub years_at_least: Option<u32>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    /// Level counted ≥ this → met.
    #[serde(default)]
    pub met_from: Option<u32>,
    /// Level counted < this → not met.
    #[serde(default)]
    pub not_met_below: Option<u32>,
    #[serde(default)]
    pub titles_none_of: Option<Vec<String>>,
}

/// How answers saved against version `from` carry over: old id → new id, or null (not carried over).
/// Ids not listed carry over unchanged.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Migration {
    pub from: String,
    #[serde(default, deserialize_with = "renames")]
    #[cfg_attr(feature = "schema", schemars(with = "std::collections::BTreeMap<String, Option<String>>"))]
    pub questions: Map<String, Option<String>>,
    #[serde(default, deserialize_with = "renames")]
    #[cfg_attr(feature = "schema", schemars(with = "std::collections::BTreeMap<String, Option<String>>"))]
    pub gates: Map<String, Option<String>>,
}

/// A migration table read by serde (the reference reader in tests) as the map it is in JSON.
fn renames<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Map<String, Option<String>>, D::Error> {
    let table = std::collections::BTreeMap::<String, Option<String>>::deserialize(d)?;
    Ok(Map::from_pairs(table.into_iter().collect()))
}

/// Who issues a document: the firm itself (自制), a third party (第三方), a government body (政府).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Issuer {
    #[serde(rename = "self")]
    Own,
    ThirdParty,
    Government,
}

/// The period a document must cover: valid now (现行有效), last year (上年度), the last three or
/// five years (近三年 / 近五年).
#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Current,
    LastYear,
    #[serde(rename = "last_3_years")]
    Last3Years,
    #[serde(rename = "last_5_years")]
    Last5Years,
}

/// What a document proves, in exactly one of these shapes: `{condition}` (a condition id of the
/// document's programmes), `{gate}`, `{question, level}` (the level 1–5 it evidences).
#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Proof {
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub gate: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub level: Option<u32>,
}

/// An application document: what it is, who issues it, the period it covers, the programmes that
/// ask for it and what it proves.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub help: Option<Text>,
    pub issuer: Issuer,
    pub period: Period,
    /// Programme ids; at least one.
    pub programmes: Vec<String>,
    #[serde(default)]
    pub proves: Vec<Proof>,
    pub sources: Vec<Source>,
}
