//! The validator: turns a deserialised [`raw::StandardFile`] into the validated model, or into
//! every problem found, each with its JSON path.

use super::limits::*;
use super::model::*;
use super::problem::{Problem, ProblemKind};
use super::{raw, FORMAT};

/// The ids one list has had so far, to report a duplicate: `map.rs`'s sorted `Map` with its one
/// shared binary search, not a `BTreeSet<String>` compiled for this alone.
type Seen = crate::map::Map<String, ()>;

/// Whether `id` is new to `seen`, which holds it from now on.
fn first_time(seen: &mut Seen, id: &str) -> bool {
    if seen.contains_key(id) {
        return false;
    }
    seen.insert(id.to_owned(), ());
    true
}
use crate::answers::{MAX_YEAR, MIN_YEAR};
use crate::decimal::{Decimal, MAX_DECIMALS};
use crate::ids::{
    ConditionId, DimensionId, DocumentId, FactId, GateId, IndicatorId, OptionId, PartId, ProfileId, ProgrammeId,
    QuestionId, TierId, TitleId,
};
use crate::lang::Lang;
use crate::visible::has_visible;

mod documents;
mod programmes;
use programmes::Refs;

/// Collects every problem while building the model, so all are reported at once.
#[derive(Default)]
pub(super) struct Validator {
    problems: Vec<Problem>,
}

/// `{base}.{key}`: one call instead of a `format!` at each of the validator's hundred paths.
#[inline(never)]
fn at(base: &str, key: &str) -> String {
    let mut s = String::with_capacity(base.len() + 1 + key.len());
    s.push_str(base);
    s.push('.');
    s.push_str(key);
    s
}

/// `{base}[{i}]`.
#[inline(never)]
fn index(base: &str, i: usize) -> String {
    format!("{base}[{i}]")
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// A condition id may also contain `&` ("QY-R&D", as the programme texts write it).
fn valid_condition_id(id: &str) -> bool {
    valid_id(&id.replace('&', "_"))
}

impl Validator {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.to_owned(), kind });
    }

    fn text(&mut self, path: &str, t: raw::Text) -> Text {
        if !has_visible(&t.zh) {
            self.push(&at(path, "zh"), ProblemKind::MissingText { lang: Lang::Zh });
        }
        if !has_visible(&t.en) {
            self.push(&at(path, "en"), ProblemKind::MissingText { lang: Lang::En });
        }
        self.length(&at(path, "zh"), &t.zh, MAX_TEXT_CHARS);
        self.length(&at(path, "en"), &t.en, MAX_TEXT_CHARS);
        Text { zh: t.zh, en: t.en }
    }

    /// At most `max` characters (counted only up to one past the bound, so a huge text costs
    /// no more than a long one).
    fn length(&mut self, path: &str, s: &str, max: usize) {
        if s.len() > max {
            let chars = s.chars().count();
            if chars > max {
                self.push(path, ProblemKind::TextTooLong { chars, max });
            }
        }
    }

    /// At most `max` entries in the list at `path`.
    fn count(&mut self, path: &str, found: usize, max: usize) {
        if found > max {
            self.push(path, ProblemKind::TooMany { found, max });
        }
    }

    /// Points (or a threshold) at most [`MAX_TOTAL_POINTS`].
    fn points(&mut self, path: &str, found: u32) {
        if found > MAX_TOTAL_POINTS {
            self.push(path, ProblemKind::PointsTooLarge { found, max: MAX_TOTAL_POINTS });
        }
    }

    fn opt_text(&mut self, path: &str, t: Option<raw::Text>) -> Option<Text> {
        t.map(|t| self.text(path, t))
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut Seen) {
        if !valid_id(id) {
            self.push(path, ProblemKind::BadId(id.to_owned()));
        } else if !first_time(seen, id) {
            self.push(path, ProblemKind::DuplicateId(id.to_owned()));
        }
    }

    fn sources(&mut self, path: &str, sources: Vec<raw::Source>) -> Vec<Source> {
        self.count(path, sources.len(), MAX_SOURCES);
        sources
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let p = index(path, i);
                if !has_visible(&s.cite) {
                    self.push(&at(&p, "cite"), ProblemKind::Empty);
                }
                self.length(&at(&p, "cite"), &s.cite, MAX_TEXT_CHARS);
                if let Some(en) = &s.cite_en {
                    if !has_visible(en) {
                        self.push(&at(&p, "cite_en"), ProblemKind::Empty);
                    }
                    self.length(&at(&p, "cite_en"), en, MAX_TEXT_CHARS);
                }
                if let Some(url) = &s.url {
                    self.length(&at(&p, "url"), url, MAX_TEXT_CHARS);
                }
                Source {
                    cite: s.cite,
                    cite_en: s.cite_en,
                    tag: s.tag,
                    url: s.url,
                    note: self.opt_text(&at(&p, "note"), s.note),
                }
            })
            .collect()
    }

    fn levels(&mut self, path: &str, levels: Vec<raw::Text>) -> [Text; 6] {
        if levels.len() != 6 {
            self.push(path, ProblemKind::LevelCount { found: levels.len() });
        }
        let mut out: [Text; 6] = Default::default();
        for (i, t) in levels.into_iter().enumerate() {
            let t = self.text(&index(path, i), t);
            if let Some(slot) = out.get_mut(i) {
                *slot = t;
            }
        }
        out
    }

    fn condition(&mut self, path: &str, c: raw::Condition, profile: &[ProfileQuestion]) -> Condition {
        match profile.iter().find(|p| p.id.as_str() == c.profile) {
            None => self.push(&at(path, "profile"), ProblemKind::UnknownProfile(c.profile.clone())),
            Some(p) => {
                if c.any_of.is_empty() {
                    self.push(&at(path, "any_of"), ProblemKind::Empty);
                }
                self.count(&at(path, "any_of"), c.any_of.len(), MAX_OPTIONS);
                for (i, o) in c.any_of.iter().enumerate() {
                    if !p.options.iter().any(|opt| opt.id.as_str() == o) {
                        self.push(&format!("{path}.any_of[{i}]"), ProblemKind::UnknownOption(o.clone()));
                    }
                }
            }
        }
        Condition { profile: ProfileId(c.profile), any_of: c.any_of.into_iter().map(OptionId).collect() }
    }

    pub(super) fn standard(mut self, f: raw::StandardFile, content_hash: String) -> Result<Standard, Vec<Problem>> {
        if f.format != FORMAT {
            self.push("$.format", ProblemKind::UnsupportedFormat { found: f.format });
        }
        if !valid_id(&f.id) {
            self.push("$.id", ProblemKind::BadId(f.id.clone()));
        }
        if !has_visible(&f.version) {
            self.push("$.version", ProblemKind::Empty);
        }
        self.length("$.version", &f.version, MAX_VERSION_CHARS);
        self.points("$.total_points", f.total_points);
        self.count("$.profile", f.profile.len(), MAX_PROFILE_QUESTIONS);
        self.count("$.parts", f.parts.len(), MAX_PARTS);
        self.count("$.gates", f.gates.len(), MAX_GATES);
        self.count("$.tiers", f.tiers.len(), MAX_TIERS);
        self.count("$.advisories", f.advisories.len(), MAX_ADVISORIES);
        let all_indicators: usize = f.parts.iter().map(|p| p.indicators.len()).sum();
        if all_indicators > MAX_INDICATORS {
            self.push("$.parts", ProblemKind::TooManyIndicators { found: all_indicators, max: MAX_INDICATORS });
        }
        let all_questions: usize = f.parts.iter().flat_map(|p| &p.indicators).map(|i| i.questions.len()).sum();
        if all_questions > MAX_QUESTIONS {
            self.push("$.parts", ProblemKind::TooManyQuestionsInAll { found: all_questions, max: MAX_QUESTIONS });
        }
        let title = self.text("$.title", f.title);
        let disclaimer = self.text("$.disclaimer", f.disclaimer);

        let mut seen_profile = Seen::new();
        let profile: Vec<ProfileQuestion> = f
            .profile
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let path = index("$.profile", i);
                self.id(&at(&path, "id"), &p.id, &mut seen_profile);
                if p.options.is_empty() {
                    self.push(&at(&path, "options"), ProblemKind::Empty);
                }
                self.count(&at(&path, "options"), p.options.len(), MAX_OPTIONS);
                let mut seen_opt = Seen::new();
                let options = p
                    .options
                    .into_iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let op = format!("{path}.options[{j}]");
                        self.id(&at(&op, "id"), &o.id, &mut seen_opt);
                        ProfileOption { id: OptionId(o.id), label: self.text(&at(&op, "label"), o.label) }
                    })
                    .collect();
                ProfileQuestion {
                    id: ProfileId(p.id),
                    text: self.text(&at(&path, "text"), p.text),
                    help: self.opt_text(&at(&path, "help"), p.help),
                    options,
                }
            })
            .collect();

        let mut parts = Vec::new();
        let mut indicators = Vec::new();
        let mut questions = Vec::new();
        let (mut seen_part, mut seen_ind, mut seen_q) = (Seen::new(), Seen::new(), Seen::new());
        if f.parts.is_empty() {
            self.push("$.parts", ProblemKind::Empty);
        }
        // Sums in u64, so that no sum of u32 points can wrap or saturate onto the declared value.
        let mut parts_sum = 0u64;
        for (pi, p) in f.parts.into_iter().enumerate() {
            let path = index("$.parts", pi);
            self.id(&at(&path, "id"), &p.id, &mut seen_part);
            if p.points == 0 {
                self.push(&at(&path, "points"), ProblemKind::ZeroPoints);
            }
            self.points(&at(&path, "points"), p.points);
            parts_sum += u64::from(p.points);
            self.count(&at(&path, "indicators"), p.indicators.len(), MAX_INDICATORS_PER_PART);
            if p.indicators.is_empty() {
                self.push(&at(&path, "indicators"), ProblemKind::Empty);
            }
            let first_ind = indicators.len();
            let mut ind_sum = 0u64;
            for (ii, ind) in p.indicators.into_iter().enumerate() {
                let ipath = format!("{path}.indicators[{ii}]");
                self.id(&at(&ipath, "id"), &ind.id, &mut seen_ind);
                if ind.points == 0 {
                    self.push(&at(&ipath, "points"), ProblemKind::ZeroPoints);
                }
                self.points(&at(&ipath, "points"), ind.points);
                ind_sum += u64::from(ind.points);
                if ind.questions.is_empty() {
                    self.push(&at(&ipath, "questions"), ProblemKind::NoQuestions);
                } else if ind.questions.len() > MAX_QUESTIONS_PER_INDICATOR {
                    self.push(&at(&ipath, "questions"), ProblemKind::TooManyQuestions { found: ind.questions.len() });
                }
                let first_q = questions.len();
                let ind_index = indicators.len();
                for (qi, q) in ind.questions.into_iter().enumerate() {
                    let qpath = format!("{ipath}.questions[{qi}]");
                    self.id(&at(&qpath, "id"), &q.id, &mut seen_q);
                    let applies_when = q.applies_when.map(|c| self.condition(&at(&qpath, "applies_when"), c, &profile));
                    self.count(&at(&qpath, "bands"), q.bands.len(), MAX_BANDS);
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
                        text: self.text(&at(&qpath, "text"), q.text),
                        help: self.opt_text(&at(&qpath, "help"), q.help),
                        evidence: self.opt_text(&at(&qpath, "evidence"), q.evidence),
                        levels: self.levels(&at(&qpath, "levels"), q.levels),
                        na_allowed: q.na_allowed,
                        applies_when,
                        bands,
                    });
                }
                indicators.push(Indicator {
                    id: IndicatorId(ind.id),
                    title: self.text(&at(&ipath, "title"), ind.title),
                    points: ind.points,
                    part: pi,
                    sources: self.sources(&at(&ipath, "sources"), ind.sources),
                    questions: first_q..questions.len(),
                });
            }
            if ind_sum != u64::from(p.points) {
                let sum = u32::try_from(ind_sum).unwrap_or(u32::MAX);
                self.push(&at(&path, "points"), ProblemKind::PointsMismatch { declared: p.points, sum });
            }
            if p.radar && parts.iter().any(|q: &Part| q.radar) {
                self.push(&at(&path, "radar"), ProblemKind::SecondRadarPart);
            }
            parts.push(Part {
                id: PartId(p.id),
                title: self.text(&at(&path, "title"), p.title),
                points: p.points,
                indicators: first_ind..indicators.len(),
                radar: p.radar,
            });
        }
        if parts_sum != u64::from(f.total_points) {
            let sum = u32::try_from(parts_sum).unwrap_or(u32::MAX);
            self.push("$.total_points", ProblemKind::PointsMismatch { declared: f.total_points, sum });
        }

        let mut seen_gate = Seen::new();
        let gates: Vec<Gate> = f
            .gates
            .into_iter()
            .enumerate()
            .map(|(i, g)| {
                let path = index("$.gates", i);
                self.id(&at(&path, "id"), &g.id, &mut seen_gate);
                Gate {
                    id: GateId(g.id),
                    text: self.text(&at(&path, "text"), g.text),
                    help: self.opt_text(&at(&path, "help"), g.help),
                    blocking: g.blocking,
                    applies_when: g.applies_when.map(|c| self.condition(&at(&path, "applies_when"), c, &profile)),
                    sources: self.sources(&at(&path, "sources"), g.sources),
                }
            })
            .collect();

        let gate_index = |id: &str| gates.iter().position(|g| g.id.as_str() == id);
        let part_index = |id: &str| parts.iter().position(|p| p.id.as_str() == id);

        if f.tiers.is_empty() {
            self.push("$.tiers", ProblemKind::Empty);
        }
        let mut seen_tier = Seen::new();
        let mut tiers: Vec<Tier> = Vec::new();
        for (i, t) in f.tiers.into_iter().enumerate() {
            let path = index("$.tiers", i);
            self.id(&at(&path, "id"), &t.id, &mut seen_tier);
            if let Some(prev) = tiers.last() {
                if t.threshold <= prev.threshold {
                    self.push(
                        &at(&path, "threshold"),
                        ProblemKind::ThresholdsNotAscending { previous: prev.threshold, found: t.threshold },
                    );
                }
            }
            if t.threshold > f.total_points {
                self.push(&at(&path, "threshold"), ProblemKind::ThresholdAboveTotal { total: f.total_points });
            }
            self.count(&at(&path, "gates"), t.gates.len(), MAX_GATES);
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
                            &at(&path, "gates"),
                            ProblemKind::GatesNotCumulative { missing: gates[g].id.0.clone() },
                        );
                    }
                }
            }
            if let Some(p) = t.min_part_percent.filter(|p| *p > 100) {
                self.push(&at(&path, "min_part_percent"), ProblemKind::PercentOutOfRange(p));
            }
            let description = self.opt_text(&at(&path, "description"), t.description);
            tiers.push(Tier {
                id: TierId(t.id),
                name: self.text(&at(&path, "name"), t.name),
                description,
                threshold: t.threshold,
                gates: tier_gates,
                min_part_percent: t.min_part_percent,
            });
        }

        let mut seen_adv = Seen::new();
        let mut advisories = Vec::new();
        for (i, a) in f.advisories.into_iter().enumerate() {
            let path = index("$.advisories", i);
            self.id(&at(&path, "id"), &a.id, &mut seen_adv);
            self.count(&at(&path, "when"), a.when.len(), MAX_RULES);
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
                    raw::Rule::TotalAtLeast(n) => {
                        if n > f.total_points {
                            self.push(
                                &at(&rpath, "total_at_least"),
                                ProblemKind::ThresholdAboveTotal { total: f.total_points },
                            );
                        }
                        when.push(Rule::TotalAtLeast(n))
                    }
                    raw::Rule::GatePassed(g) => match gate_index(&g) {
                        Some(ix) => when.push(Rule::GatePassed(ix)),
                        None => self.push(&at(&rpath, "gate_passed"), ProblemKind::UnknownGate(g)),
                    },
                    raw::Rule::Profile(c) => {
                        when.push(Rule::Profile(self.condition(&at(&rpath, "profile"), c, &profile)))
                    }
                }
            }
            advisories.push(Advisory {
                id: a.id,
                title: self.text(&at(&path, "title"), a.title),
                text: self.text(&at(&path, "text"), a.text),
                when,
            });
        }
        let sources = self.sources("$.sources", f.sources);

        let titles = self.titles(f.titles);
        let facts = self.facts(f.facts);
        let refs = Refs { facts: &facts, titles: &titles, gates: &gates, questions: &questions, profile: &profile };
        let dimensions = self.dimensions(f.dimensions, &indicators);
        let programmes = self.programmes(f.programmes, &tiers, &refs);
        let migrations = self.migrations(f.migrations, &questions, &gates);
        let documents = self.documents(f.documents, &programmes, &gates, &questions);

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
            facts,
            titles,
            dimensions,
            programmes,
            migrations,
            documents,
        })
    }
}
