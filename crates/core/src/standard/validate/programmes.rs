//! The validator's part for facts, titles, crosswalk dimensions, programmes with their conditions
//! and tests, and migrations: every reference resolves, each test has exactly one shape and reads a
//! fact of the right kind, values are exact and within the fact's range, bounds hold.

use super::*;

/// What a test may refer to.
pub(super) struct Refs<'a> {
    pub facts: &'a [Fact],
    pub titles: &'a [Title],
    pub gates: &'a [Gate],
    pub questions: &'a [Question],
    pub profile: &'a [ProfileQuestion],
}

impl Validator {
    pub(super) fn titles(&mut self, titles: Vec<raw::Title>) -> Vec<Title> {
        self.count("$.titles", titles.len(), MAX_TITLES);
        let mut seen = Seen::new();
        titles
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let path = index("$.titles", i);
                self.id(&at(&path, "id"), &t.id, &mut seen);
                Title {
                    id: TitleId(t.id),
                    name: self.text(&at(&path, "name"), t.name),
                    sources: self.sources(&at(&path, "sources"), t.sources),
                }
            })
            .collect()
    }

    /// A number of a standard file as an exact decimal with at most `decimals` decimals.
    fn decimal(&mut self, path: &str, v: f64, decimals: u8) -> Option<Decimal> {
        match Decimal::from_f64(v) {
            None => {
                self.push(path, ProblemKind::NotExact);
                None
            }
            Some(d) if d.decimals() > decimals => {
                self.push(path, ProblemKind::TooManyDecimals { max: decimals });
                None
            }
            Some(d) => Some(d),
        }
    }

    pub(super) fn facts(&mut self, facts: Vec<raw::Fact>) -> Vec<Fact> {
        self.count("$.facts", facts.len(), MAX_FACTS);
        let mut seen = Seen::new();
        let mut out: Vec<Fact> = Vec::new();
        for (i, f) in facts.into_iter().enumerate() {
            let path = index("$.facts", i);
            self.id(&at(&path, "id"), &f.id, &mut seen);
            // The fields each kind does not have.
            let number = f.kind == raw::FactKind::Number;
            for (present, field) in [
                (f.options.is_some() && f.kind != raw::FactKind::Choice, "options"),
                (f.unit.is_some() && !number, "unit"),
                (f.min.is_some() && !number, "min"),
                (f.max.is_some() && !number, "max"),
                (f.decimals.is_some() && !number, "decimals"),
            ] {
                if present {
                    self.push(&format!("{path}.{field}"), ProblemKind::FieldNotAllowed(field));
                }
            }
            let kind = match f.kind {
                raw::FactKind::Choice => {
                    let options = match f.options {
                        None => {
                            self.push(&path, ProblemKind::MissingField("options"));
                            Vec::new()
                        }
                        Some(options) => self.options(&at(&path, "options"), options),
                    };
                    FactKind::Choice { options }
                }
                raw::FactKind::Year => FactKind::Year,
                raw::FactKind::Titles => {
                    if out.iter().any(|o| o.kind == FactKind::Titles) {
                        self.push(&at(&path, "kind"), ProblemKind::SecondTitlesFact);
                    }
                    FactKind::Titles
                }
                raw::FactKind::Number => {
                    let decimals = match f.decimals {
                        None => {
                            self.push(&path, ProblemKind::MissingField("decimals"));
                            0
                        }
                        Some(d) if d > MAX_DECIMALS => {
                            self.push(&at(&path, "decimals"), ProblemKind::TooManyDecimals { max: MAX_DECIMALS });
                            MAX_DECIMALS
                        }
                        Some(d) => d,
                    };
                    let bound = |v: &mut Self, value: Option<f64>, field: &'static str| match value {
                        None => {
                            v.push(&path, ProblemKind::MissingField(field));
                            None
                        }
                        Some(x) => v.decimal(&format!("{path}.{field}"), x, decimals),
                    };
                    let min = bound(self, f.min, "min");
                    let max = bound(self, f.max, "max");
                    if let (Some(a), Some(b)) = (min, max) {
                        if a > b {
                            self.push(&at(&path, "min"), ProblemKind::MinAboveMax);
                        }
                    }
                    let unit = match f.unit {
                        None => {
                            self.push(&path, ProblemKind::MissingField("unit"));
                            Text::default()
                        }
                        Some(u) => self.text(&at(&path, "unit"), u),
                    };
                    FactKind::Number { unit, min: min.unwrap_or_default(), max: max.unwrap_or_default(), decimals }
                }
            };
            out.push(Fact {
                id: FactId(f.id),
                text: self.text(&at(&path, "text"), f.text),
                help: self.opt_text(&at(&path, "help"), f.help),
                kind,
            });
        }
        out
    }

    /// The options of a profile question or a choice fact: at least one, at most [`MAX_OPTIONS`],
    /// ids unique.
    pub(super) fn options(&mut self, path: &str, options: Vec<raw::ProfileOption>) -> Vec<ProfileOption> {
        if options.is_empty() {
            self.push(path, ProblemKind::Empty);
        }
        self.count(path, options.len(), MAX_OPTIONS);
        let mut seen = Seen::new();
        options
            .into_iter()
            .enumerate()
            .map(|(j, o)| {
                let op = index(path, j);
                self.id(&at(&op, "id"), &o.id, &mut seen);
                ProfileOption { id: OptionId(o.id), label: self.text(&at(&op, "label"), o.label) }
            })
            .collect()
    }

    pub(super) fn dimensions(&mut self, dimensions: Vec<raw::Dimension>, indicators: &[Indicator]) -> Vec<Dimension> {
        self.count("$.dimensions", dimensions.len(), MAX_DIMENSIONS);
        let mut seen = Seen::new();
        dimensions
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let path = index("$.dimensions", i);
                self.id(&at(&path, "id"), &d.id, &mut seen);
                if d.indicators.is_empty() {
                    self.push(&at(&path, "indicators"), ProblemKind::Empty);
                }
                self.count(&at(&path, "indicators"), d.indicators.len(), MAX_INDICATORS);
                let mut listed = Vec::new();
                let mut seen_ind = Seen::new();
                for (j, id) in d.indicators.into_iter().enumerate() {
                    let ip = format!("{path}.indicators[{j}]");
                    match indicators.iter().position(|x| x.id.0 == id) {
                        None => self.push(&ip, ProblemKind::UnknownIndicator(id)),
                        Some(_) if !first_time(&mut seen_ind, &id) => self.push(&ip, ProblemKind::DuplicateId(id)),
                        Some(ix) => listed.push(ix),
                    }
                }
                Dimension {
                    id: DimensionId(d.id),
                    name: self.text(&at(&path, "name"), d.name),
                    indicators: listed,
                    sources: self.sources(&at(&path, "sources"), d.sources),
                }
            })
            .collect()
    }

    pub(super) fn programmes(&mut self, programmes: Vec<raw::Programme>, tiers: &[Tier], r: &Refs) -> Vec<Programme> {
        self.count("$.programmes", programmes.len(), MAX_PROGRAMMES);
        let mut seen = Seen::new();
        let mut out = Vec::new();
        for (i, p) in programmes.into_iter().enumerate() {
            let path = index("$.programmes", i);
            self.id(&at(&path, "id"), &p.id, &mut seen);
            let rung = match tiers.iter().position(|t| t.id.0 == p.rung) {
                Some(t) => t,
                None => {
                    self.push(&at(&path, "rung"), ProblemKind::UnknownTier(p.rung.clone()));
                    0
                }
            };
            let held_as = p.held_as.and_then(|h| {
                if !r.facts.iter().any(|f| f.kind == FactKind::Titles) {
                    self.push(&at(&path, "held_as"), ProblemKind::NoTitlesFact);
                }
                let ix = r.titles.iter().position(|t| t.id.0 == h);
                if ix.is_none() {
                    self.push(&at(&path, "held_as"), ProblemKind::UnknownTitle(h));
                }
                ix
            });
            let applies_when = p.applies_when.map(|c| self.condition(&at(&path, "applies_when"), c, r.profile));
            self.count(&at(&path, "conditions"), p.conditions.len(), MAX_CONDITIONS);
            let mut seen_cond = Seen::new();
            let mut conditions = Vec::new();
            for (ci, c) in p.conditions.into_iter().enumerate() {
                let cp = format!("{path}.conditions[{ci}]");
                if !valid_condition_id(&c.id) {
                    self.push(&at(&cp, "id"), ProblemKind::BadId(c.id.clone()));
                } else if !first_time(&mut seen_cond, &c.id) {
                    self.push(&at(&cp, "id"), ProblemKind::DuplicateId(c.id.clone()));
                }
                if c.tests.is_empty() {
                    self.push(&at(&cp, "tests"), ProblemKind::Empty);
                }
                self.count(&at(&cp, "tests"), c.tests.len(), MAX_TESTS);
                let mut tests = Vec::new();
                for (ti, t) in c.tests.into_iter().enumerate() {
                    if let Some(t) = self.test(&format!("{cp}.tests[{ti}]"), t, r) {
                        tests.push(t);
                    }
                }
                conditions.push(ProgrammeCondition {
                    id: ConditionId(c.id),
                    text: self.text(&at(&cp, "text"), c.text),
                    tag: c.tag,
                    sources: self.sources(&at(&cp, "sources"), c.sources),
                    applies_when: c.applies_when.map(|w| self.condition(&at(&cp, "applies_when"), w, r.profile)),
                    tests,
                });
            }
            out.push(Programme {
                id: ProgrammeId(p.id),
                rung,
                title: self.text(&at(&path, "title"), p.title),
                description: self.opt_text(&at(&path, "description"), p.description),
                held_as,
                applies_when,
                window: self.opt_text(&at(&path, "window"), p.window),
                sources: self.sources(&at(&path, "sources"), p.sources),
                conditions,
            });
        }
        out
    }

    /// The fact `id` of kind `expected` (index), or a problem at `{path}.fact`.
    fn fact_ref<'a>(
        &mut self,
        path: &str,
        id: &str,
        expected: &[FactKindName],
        r: &'a Refs,
    ) -> Option<(usize, &'a Fact)> {
        let Some(ix) = r.facts.iter().position(|f| f.id.0 == id) else {
            self.push(&at(path, "fact"), ProblemKind::UnknownFact(id.to_owned()));
            return None;
        };
        let f = &r.facts[ix];
        let found = f.kind.name();
        if !expected.contains(&found) {
            self.push(&at(path, "fact"), ProblemKind::FactKindMismatch { expected: expected[0], found });
            return None;
        }
        Some((ix, f))
    }

    fn test(&mut self, path: &str, t: raw::Test, r: &Refs) -> Option<Test> {
        let shapes = [
            t.any_of.is_some(),
            t.op.is_some() || t.value.is_some(),
            t.years_at_least.is_some(),
            t.gate.is_some(),
            t.question.is_some() || t.met_from.is_some() || t.not_met_below.is_some(),
            t.titles_none_of.is_some(),
        ];
        let needs_fact = shapes[0] || shapes[1] || shapes[2];
        if shapes.iter().filter(|s| **s).count() != 1 || needs_fact != t.fact.is_some() {
            self.push(path, ProblemKind::TestShape);
            return None;
        }
        if let Some(any_of) = t.any_of {
            let (fact, f) = self.fact_ref(path, t.fact.as_deref()?, &[FactKindName::Choice], r)?;
            let FactKind::Choice { options } = &f.kind else { return None };
            if any_of.is_empty() {
                self.push(&at(path, "any_of"), ProblemKind::Empty);
            }
            self.count(&at(path, "any_of"), any_of.len(), MAX_OPTIONS);
            for (i, o) in any_of.iter().enumerate() {
                if !options.iter().any(|x| x.id.0 == *o) {
                    self.push(&format!("{path}.any_of[{i}]"), ProblemKind::UnknownFactOption(o.clone()));
                }
            }
            return Some(Test::FactAnyOf { fact, any_of: any_of.into_iter().map(OptionId).collect() });
        }
        if shapes[1] {
            let (Some(op), Some(value)) = (t.op, t.value) else {
                self.push(path, ProblemKind::TestShape);
                return None;
            };
            let (fact, f) = self.fact_ref(path, t.fact.as_deref()?, &[FactKindName::Number, FactKindName::Year], r)?;
            let (min, max, decimals) = match &f.kind {
                FactKind::Number { min, max, decimals, .. } => (*min, *max, *decimals),
                _ => (Decimal::from_int(i64::from(MIN_YEAR)), Decimal::from_int(i64::from(MAX_YEAR)), 0),
            };
            let vp = at(path, "value");
            let value = self.decimal(&vp, value, decimals)?;
            if value < min || value > max {
                self.push(&vp, ProblemKind::ValueOutOfRange { min, max });
                return None;
            }
            if (op == Op::Gt && value >= max) || (op == Op::Lt && value <= min) {
                self.push(&vp, ProblemKind::NeverMet);
            }
            return Some(Test::FactCompare { fact, op, value });
        }
        if let Some(years) = t.years_at_least {
            let (fact, _) = self.fact_ref(path, t.fact.as_deref()?, &[FactKindName::Year], r)?;
            if years > MAX_YEARS_AT_LEAST {
                self.push(
                    &at(path, "years_at_least"),
                    ProblemKind::ValueOutOfRange {
                        min: Decimal::from_int(0),
                        max: Decimal::from_int(i64::from(MAX_YEARS_AT_LEAST)),
                    },
                );
                return None;
            }
            return Some(Test::YearsAtLeast { fact, years: years as u16 });
        }
        if let Some(g) = t.gate {
            return match r.gates.iter().position(|x| x.id.0 == g) {
                Some(gate) => Some(Test::Gate { gate }),
                None => {
                    self.push(&at(path, "gate"), ProblemKind::UnknownGate(g));
                    None
                }
            };
        }
        if shapes[4] {
            let Some(q) = t.question else {
                self.push(path, ProblemKind::TestShape);
                return None;
            };
            let question = match r.questions.iter().position(|x| x.id.0 == q) {
                Some(ix) => ix,
                None => {
                    self.push(&at(path, "question"), ProblemKind::UnknownQuestion(q));
                    return None;
                }
            };
            let level = |v: &mut Self, l: Option<u32>, field: &str| match l {
                Some(l) if l > 5 => {
                    v.push(&format!("{path}.{field}"), ProblemKind::LevelOutOfRange(l));
                    None
                }
                l => l.map(|l| l as u8),
            };
            let met_from = level(self, t.met_from, "met_from");
            let not_met_below = level(self, t.not_met_below, "not_met_below");
            if let (Some(m), Some(n)) = (met_from, not_met_below) {
                if n > m {
                    self.push(&at(path, "not_met_below"), ProblemKind::LevelsCross { met_from: m, not_met_below: n });
                }
            }
            return Some(Test::Question { question, met_from, not_met_below });
        }
        let list = t.titles_none_of?;
        let Some(fact) = r.facts.iter().position(|f| f.kind == FactKind::Titles) else {
            self.push(&at(path, "titles_none_of"), ProblemKind::NoTitlesFact);
            return None;
        };
        if list.is_empty() {
            self.push(&at(path, "titles_none_of"), ProblemKind::Empty);
        }
        self.count(&at(path, "titles_none_of"), list.len(), MAX_TITLES);
        let mut titles = Vec::new();
        for (i, id) in list.into_iter().enumerate() {
            match r.titles.iter().position(|t| t.id.0 == id) {
                Some(ix) => titles.push(ix),
                None => self.push(&format!("{path}.titles_none_of[{i}]"), ProblemKind::UnknownTitle(id)),
            }
        }
        Some(Test::TitlesNoneOf { fact, titles })
    }

    pub(super) fn migrations(
        &mut self,
        migrations: Vec<raw::Migration>,
        questions: &[Question],
        gates: &[Gate],
    ) -> Vec<Migration> {
        self.count("$.migrations", migrations.len(), MAX_MIGRATIONS);
        let mut seen_from = Seen::new();
        let mut out = Vec::new();
        for (i, m) in migrations.into_iter().enumerate() {
            let path = index("$.migrations", i);
            if !has_visible(&m.from) {
                self.push(&at(&path, "from"), ProblemKind::Empty);
            } else if !first_time(&mut seen_from, &m.from) {
                self.push(&at(&path, "from"), ProblemKind::DuplicateId(m.from.clone()));
            }
            self.length(&at(&path, "from"), &m.from, MAX_VERSION_CHARS);
            self.count(&at(&path, "questions"), m.questions.len(), MAX_MIGRATION_ENTRIES);
            self.count(&at(&path, "gates"), m.gates.len(), MAX_MIGRATION_ENTRIES);
            for (table, entries) in [("questions", &m.questions), ("gates", &m.gates)] {
                for (old, new) in entries {
                    let ep = format!("{path}.{table}[{}]", crate::json::quote(old));
                    if !valid_id(old) {
                        self.push(&ep, ProblemKind::BadId(old.clone()));
                    }
                    let Some(n) = new else { continue };
                    if table == "questions" && !questions.iter().any(|q| q.id.0 == *n) {
                        self.push(&ep, ProblemKind::UnknownQuestion(n.clone()));
                    } else if table == "gates" && !gates.iter().any(|g| g.id.0 == *n) {
                        self.push(&ep, ProblemKind::UnknownGate(n.clone()));
                    }
                }
            }
            out.push(Migration { from: m.from, questions: m.questions, gates: m.gates });
        }
        out
    }
}
