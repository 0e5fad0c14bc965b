//! A standard definition: parts, indicators, questions, gates, tiers and advisory tracks.
//!
//! On disk a standard is JSON in the shape of the [`raw`] types, which derive serde (and, with
//! the `schema` feature, JSON Schema). [`parse`] turns that text into a validated [`Standard`] or
//! into a list of [`Problem`]s, each with the JSON path of the offending value, so a standard
//! author can fix every problem in one pass. Everything after `parse` trusts the type: the
//! points add up, ids are unique, references resolve, and every text exists in both languages.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

use crate::hash::sha256_hex;
use crate::ids::{GateId, IndicatorId, OptionId, PartId, ProfileId, QuestionId, TierId};

/// The newest standard-file `format` this code reads.
pub const FORMAT: u32 = 1;
/// Questions per indicator are capped so that exact fractions stay small (see `ratio.rs`).
pub const MAX_QUESTIONS_PER_INDICATOR: usize = 24;

/// The serde types of the standard file format: the boundary, and nothing else.
pub mod raw {
    use serde::Deserialize;

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
}

/// The two languages of every text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    /// Reads a language tag leniently ("zh", "zh-CN", "en-GB" …); unknown tags give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

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

pub use raw::{QuestionKind, Subject, Tag};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub cite: String,
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
}

impl Standard {
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
    pub fn levels_for(&self, profile: &std::collections::BTreeMap<ProfileId, OptionId>) -> &[Text; 6] {
        self.bands.iter().find(|b| b.when.holds(profile)).map(|b| &b.levels).unwrap_or(&self.levels)
    }
}

impl Condition {
    /// True when the profile question is answered with one of the listed options. An unanswered
    /// profile question satisfies no condition.
    pub fn holds(&self, profile: &std::collections::BTreeMap<ProfileId, OptionId>) -> bool {
        profile.get(&self.profile).is_some_and(|o| self.any_of.contains(o))
    }
}

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

/// Parses and validates a standard file. Returns every problem found, not just the first.
pub fn parse(json: &str) -> Result<Standard, Vec<Problem>> {
    let file: raw::StandardFile = match serde_json::from_str(json) {
        Ok(f) => f,
        Err(e) => {
            let path = path_at(json, e.line(), e.column());
            let kind = if e.is_syntax() || e.is_eof() {
                ProblemKind::Syntax(e.to_string())
            } else {
                ProblemKind::Shape(e.to_string())
            };
            return Err(vec![Problem { path, kind }]);
        }
    };
    Validator::default().standard(file, sha256_hex(json.as_bytes()))
}

/// The JSON path (`$.parts[0].points`) of the value at serde_json's error position (1-based
/// line; column = bytes of that line read so far). Found by scanning the text up to there,
/// which costs a fraction of the code of tracking the path while deserialising.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, expect_key: bool },
        Array { index: usize },
    }
    let b = json.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        b.iter().enumerate().filter(|(_, &c)| c == b'\n').nth(line - 2).map_or(b.len(), |(i, _)| i + 1)
    };
    // The last byte serde_json had read when it stopped.
    let last = (line_start + column).min(b.len()).saturating_sub(1);
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < last {
        match b[i] {
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expect_key: expect @ true }) = stack.last_mut() {
                    // A key is read whole, even past the error (an unknown field stops inside it).
                    *key = Some(json.get(i + 1..j.min(b.len())).unwrap_or("").to_owned());
                    *expect = false;
                }
                i = j;
            }
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // Stopped on a closing bracket (a missing field, too few items): the path is the container's
    // own, without the key or index inside it.
    let container = matches!(b.get(last), Some(b'}' | b']'));
    let mut out = String::from("$");
    for (n, f) in stack.iter().enumerate() {
        if container && n + 1 == stack.len() {
            break;
        }
        match f {
            Frame::Object { key: Some(k), .. } => {
                out.push('.');
                out.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }
    out
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

impl Validator {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.to_owned(), kind });
    }

    fn text(&mut self, path: &str, t: raw::Text) -> Text {
        if t.zh.trim().is_empty() {
            self.push(&format!("{path}.zh"), ProblemKind::MissingText { lang: Lang::Zh });
        }
        if t.en.trim().is_empty() {
            self.push(&format!("{path}.en"), ProblemKind::MissingText { lang: Lang::En });
        }
        Text { zh: t.zh, en: t.en }
    }

    fn opt_text(&mut self, path: &str, t: Option<raw::Text>) -> Option<Text> {
        t.map(|t| self.text(path, t))
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut BTreeSet<String>) {
        if !valid_id(id) {
            self.push(path, ProblemKind::BadId(id.to_owned()));
        } else if !seen.insert(id.to_owned()) {
            self.push(path, ProblemKind::DuplicateId(id.to_owned()));
        }
    }

    fn sources(&mut self, path: &str, sources: Vec<raw::Source>) -> Vec<Source> {
        sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let p = format!("{path}[{i}]");
                if s.cite.trim().is_empty() {
                    self.push(&format!("{p}.cite"), ProblemKind::Empty);
                }
                Source { cite: s.cite, tag: s.tag, url: s.url, note: self.opt_text(&format!("{p}.note"), s.note) }
            })
            .collect()
    }

    fn levels(&mut self, path: &str, levels: Vec<raw::Text>) -> [Text; 6] {
        if levels.len() != 6 {
            self.push(path, ProblemKind::LevelCount { found: levels.len() });
        }
        let mut out: [Text; 6] = Default::default();
        for (i, t) in levels.into_iter().enumerate() {
            let t = self.text(&format!("{path}[{i}]"), t);
            if let Some(slot) = out.get_mut(i) {
                *slot = t;
            }
        }
        out
    }

    fn condition(&mut self, path: &str, c: raw::Condition, profile: &[ProfileQuestion]) -> Condition {
        match profile.iter().find(|p| p.id.as_str() == c.profile) {
            None => self.push(&format!("{path}.profile"), ProblemKind::UnknownProfile(c.profile.clone())),
            Some(p) => {
                if c.any_of.is_empty() {
                    self.push(&format!("{path}.any_of"), ProblemKind::Empty);
                }
                for (i, o) in c.any_of.iter().enumerate() {
                    if !p.options.iter().any(|opt| opt.id.as_str() == o) {
                        self.push(&format!("{path}.any_of[{i}]"), ProblemKind::UnknownOption(o.clone()));
                    }
                }
            }
        }
        Condition { profile: ProfileId(c.profile), any_of: c.any_of.into_iter().map(OptionId).collect() }
    }

    fn standard(mut self, f: raw::StandardFile, content_hash: String) -> Result<Standard, Vec<Problem>> {
        if f.format != FORMAT {
            self.push("$.format", ProblemKind::UnsupportedFormat { found: f.format });
        }
        if !valid_id(&f.id) {
            self.push("$.id", ProblemKind::BadId(f.id.clone()));
        }
        if f.version.trim().is_empty() {
            self.push("$.version", ProblemKind::Empty);
        }
        let title = self.text("$.title", f.title);
        let disclaimer = self.text("$.disclaimer", f.disclaimer);

        let mut seen_profile = BTreeSet::new();
        let profile: Vec<ProfileQuestion> = f
            .profile
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let path = format!("$.profile[{i}]");
                self.id(&format!("{path}.id"), &p.id, &mut seen_profile);
                if p.options.is_empty() {
                    self.push(&format!("{path}.options"), ProblemKind::Empty);
                }
                let mut seen_opt = BTreeSet::new();
                let options = p
                    .options
                    .into_iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let op = format!("{path}.options[{j}]");
                        self.id(&format!("{op}.id"), &o.id, &mut seen_opt);
                        ProfileOption { id: OptionId(o.id), label: self.text(&format!("{op}.label"), o.label) }
                    })
                    .collect();
                ProfileQuestion {
                    id: ProfileId(p.id),
                    text: self.text(&format!("{path}.text"), p.text),
                    help: self.opt_text(&format!("{path}.help"), p.help),
                    options,
                }
            })
            .collect();

        let mut parts = Vec::new();
        let mut indicators = Vec::new();
        let mut questions = Vec::new();
        let (mut seen_part, mut seen_ind, mut seen_q) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        if f.parts.is_empty() {
            self.push("$.parts", ProblemKind::Empty);
        }
        let mut parts_sum = 0u32;
        for (pi, p) in f.parts.into_iter().enumerate() {
            let path = format!("$.parts[{pi}]");
            self.id(&format!("{path}.id"), &p.id, &mut seen_part);
            if p.points == 0 {
                self.push(&format!("{path}.points"), ProblemKind::ZeroPoints);
            }
            parts_sum = parts_sum.saturating_add(p.points);
            if p.indicators.is_empty() {
                self.push(&format!("{path}.indicators"), ProblemKind::Empty);
            }
            let first_ind = indicators.len();
            let mut ind_sum = 0u32;
            for (ii, ind) in p.indicators.into_iter().enumerate() {
                let ipath = format!("{path}.indicators[{ii}]");
                self.id(&format!("{ipath}.id"), &ind.id, &mut seen_ind);
                if ind.points == 0 {
                    self.push(&format!("{ipath}.points"), ProblemKind::ZeroPoints);
                }
                ind_sum = ind_sum.saturating_add(ind.points);
                if ind.questions.is_empty() {
                    self.push(&format!("{ipath}.questions"), ProblemKind::NoQuestions);
                } else if ind.questions.len() > MAX_QUESTIONS_PER_INDICATOR {
                    self.push(
                        &format!("{ipath}.questions"),
                        ProblemKind::TooManyQuestions { found: ind.questions.len() },
                    );
                }
                let first_q = questions.len();
                let ind_index = indicators.len();
                for (qi, q) in ind.questions.into_iter().enumerate() {
                    let qpath = format!("{ipath}.questions[{qi}]");
                    self.id(&format!("{qpath}.id"), &q.id, &mut seen_q);
                    let applies_when =
                        q.applies_when.map(|c| self.condition(&format!("{qpath}.applies_when"), c, &profile));
                    let bands = q
                        .bands
                        .into_iter()
                        .enumerate()
                        .map(|(bi, b)| Band {
                            when: self.condition(&format!("{qpath}.bands[{bi}].when"), b.when, &profile),
                            levels: self.levels(&format!("{qpath}.bands[{bi}].levels"), b.levels),
                        })
                        .collect();
                    questions.push(Question {
                        id: QuestionId(q.id),
                        kind: q.kind,
                        indicator: ind_index,
                        text: self.text(&format!("{qpath}.text"), q.text),
                        help: self.opt_text(&format!("{qpath}.help"), q.help),
                        evidence: self.opt_text(&format!("{qpath}.evidence"), q.evidence),
                        levels: self.levels(&format!("{qpath}.levels"), q.levels),
                        na_allowed: q.na_allowed,
                        applies_when,
                        bands,
                    });
                }
                indicators.push(Indicator {
                    id: IndicatorId(ind.id),
                    title: self.text(&format!("{ipath}.title"), ind.title),
                    points: ind.points,
                    part: pi,
                    sources: self.sources(&format!("{ipath}.sources"), ind.sources),
                    questions: first_q..questions.len(),
                });
            }
            if ind_sum != p.points {
                self.push(&format!("{path}.points"), ProblemKind::PointsMismatch { declared: p.points, sum: ind_sum });
            }
            parts.push(Part {
                id: PartId(p.id),
                title: self.text(&format!("{path}.title"), p.title),
                points: p.points,
                indicators: first_ind..indicators.len(),
            });
        }
        if parts_sum != f.total_points {
            self.push("$.total_points", ProblemKind::PointsMismatch { declared: f.total_points, sum: parts_sum });
        }

        let mut seen_gate = BTreeSet::new();
        let gates: Vec<Gate> = f
            .gates
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                let path = format!("$.gates[{i}]");
                self.id(&format!("{path}.id"), &g.id, &mut seen_gate);
                Gate {
                    id: GateId(g.id),
                    text: self.text(&format!("{path}.text"), g.text),
                    help: self.opt_text(&format!("{path}.help"), g.help),
                    blocking: g.blocking,
                    applies_when: g.applies_when.map(|c| self.condition(&format!("{path}.applies_when"), c, &profile)),
                    sources: self.sources(&format!("{path}.sources"), g.sources),
                }
            })
            .collect();

        let gate_index = |id: &str| gates.iter().position(|g| g.id.as_str() == id);
        let part_index = |id: &str| parts.iter().position(|p| p.id.as_str() == id);

        if f.tiers.is_empty() {
            self.push("$.tiers", ProblemKind::Empty);
        }
        let mut seen_tier = BTreeSet::new();
        let mut tiers: Vec<Tier> = Vec::new();
        for (i, t) in f.tiers.into_iter().enumerate() {
            let path = format!("$.tiers[{i}]");
            self.id(&format!("{path}.id"), &t.id, &mut seen_tier);
            if let Some(prev) = tiers.last() {
                if t.threshold <= prev.threshold {
                    self.push(
                        &format!("{path}.threshold"),
                        ProblemKind::ThresholdsNotAscending { previous: prev.threshold, found: t.threshold },
                    );
                }
            }
            if t.threshold > f.total_points {
                self.push(&format!("{path}.threshold"), ProblemKind::ThresholdAboveTotal { total: f.total_points });
            }
            let mut tier_gates = Vec::new();
            for (gi, g) in t.gates.iter().enumerate() {
                match gate_index(g) {
                    Some(ix) => tier_gates.push(ix),
                    None => self.push(&format!("{path}.gates[{gi}]"), ProblemKind::UnknownGate(g.clone())),
                }
            }
            if let Some(prev) = tiers.last() {
                for &g in &prev.gates {
                    if !tier_gates.contains(&g) {
                        self.push(
                            &format!("{path}.gates"),
                            ProblemKind::GatesNotCumulative { missing: gates[g].id.0.clone() },
                        );
                    }
                }
            }
            if let Some(p) = t.min_part_percent.filter(|p| *p > 100) {
                self.push(&format!("{path}.min_part_percent"), ProblemKind::PercentOutOfRange(p));
            }
            let description = self.opt_text(&format!("{path}.description"), t.description);
            tiers.push(Tier {
                id: TierId(t.id),
                name: self.text(&format!("{path}.name"), t.name),
                description,
                threshold: t.threshold,
                gates: tier_gates,
                min_part_percent: t.min_part_percent,
            });
        }

        let mut seen_adv = BTreeSet::new();
        let mut advisories = Vec::new();
        for (i, a) in f.advisories.into_iter().enumerate() {
            let path = format!("$.advisories[{i}]");
            self.id(&format!("{path}.id"), &a.id, &mut seen_adv);
            let mut when = Vec::new();
            for (ri, r) in a.when.into_iter().enumerate() {
                let rpath = format!("{path}.when[{ri}]");
                match r {
                    raw::Rule::PartAtLeast { part, percent } => {
                        if percent > 100 {
                            self.push(
                                &format!("{rpath}.part_at_least.percent"),
                                ProblemKind::PercentOutOfRange(percent),
                            );
                        }
                        match part_index(&part) {
                            Some(part) => when.push(Rule::PartAtLeast { part, percent }),
                            None => self.push(&format!("{rpath}.part_at_least.part"), ProblemKind::UnknownPart(part)),
                        }
                    }
                    raw::Rule::TotalAtLeast(n) => when.push(Rule::TotalAtLeast(n)),
                    raw::Rule::GatePassed(g) => match gate_index(&g) {
                        Some(ix) => when.push(Rule::GatePassed(ix)),
                        None => self.push(&format!("{rpath}.gate_passed"), ProblemKind::UnknownGate(g)),
                    },
                    raw::Rule::Profile(c) => {
                        when.push(Rule::Profile(self.condition(&format!("{rpath}.profile"), c, &profile)))
                    }
                }
            }
            advisories.push(Advisory {
                id: a.id,
                title: self.text(&format!("{path}.title"), a.title),
                text: self.text(&format!("{path}.text"), a.text),
                when,
            });
        }
        let sources = self.sources("$.sources", f.sources);

        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        Ok(Standard {
            id: f.id,
            version: f.version,
            content_hash,
            subject: f.subject,
            title,
            disclaimer,
            total_points: f.total_points,
            profile,
            parts,
            indicators,
            questions,
            gates,
            tiers,
            advisories,
            sources,
        })
    }
}
