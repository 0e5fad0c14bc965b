//! Reads a standard file into the [`raw`](super::raw) types by hand, over the strict JSON reader in
//! `crate::json` (already in the wasm for answers files).
//!
//! serde_json's deserialiser with a derived visitor per raw type was the largest single part of the
//! wasm after the views (about 100 KB before wasm-opt); this is one small function per type over
//! one shared object walker. The raw types keep their serde derive for the JSON Schema and for the
//! native test below that checks this reader against serde_json on every shipped standard.
//!
//! It behaves as the derive did: members are read in document order and the first fault wins; an
//! unknown or repeated field is reported at its own path, a missing one at the object's; a wrong
//! type at the value, worded like serde (`invalid type: string "x", expected u32`). Whole-number
//! fields take integers only (`3.0` is a floating point). A decimal field (`min`, `max`, `value`)
//! is read exactly from its text with [`Decimal::from_lexeme`]: a number with at most two decimals
//! within range becomes the double nearest it (what a correct parser makes of the text), any other
//! number NaN, so the validator's `Decimal::from_f64` reports it as not exact, as it did.

use super::raw::*;
use crate::decimal::Decimal;
use crate::json::{self, Value};
use crate::map::Map;

/// What stops the reading: the JSON path and serde-like message; `syntax` for text that is not JSON.
pub(super) struct Fault {
    pub path: String,
    pub message: String,
    pub syntax: bool,
}

/// A read that failed; the [`Fault`] is kept in the reader (so every `Result` here is as small as
/// its value).
struct Bad;

type R<T> = Result<T, Bad>;

/// Reads a standard file (the text after any byte order mark).
pub(super) fn standard_file(text: &str) -> Result<StandardFile, Fault> {
    let v = match json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            let (offset, what) = match e {
                json::Error::Syntax { offset, fault } => (offset, fault.to_string()),
                json::Error::TooDeep { offset } => {
                    (offset, format!("nested more than {} levels deep", json::MAX_DEPTH))
                }
            };
            let (line, column) = json::position(text, offset);
            return Err(Fault {
                path: super::json_path::path_at_offset(text, offset),
                message: format!("{what} at line {line} column {column}"),
                syntax: true,
            });
        }
    };
    let mut rd = Rd { path: String::from("$"), fault: None };
    rd.standard(v).map_err(|Bad| {
        rd.fault.take().unwrap_or_else(|| Fault { path: String::new(), message: String::new(), syntax: false })
    })
}

/// `one_of(["a", "b", "c"])` = "one of `a`, `b`, `c`", as serde words its expectations.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".into(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => {
            let mut s = String::from("one of ");
            for (i, n) in names.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push('`');
                s.push_str(n);
                s.push('`');
            }
            s
        }
    }
}

/// An integer as serde_json reads one: no fraction or exponent, within i64 or u64 (`-0` and longer
/// integers are read as floating point).
fn integer(n: &str) -> bool {
    !n.contains(['.', 'e', 'E']) && n != "-0" && (n.parse::<u64>().is_ok() || n.parse::<i64>().is_ok())
}

/// The value as serde names what it found: `integer `7``, `string "x"`, `map` …
fn unexpected(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if integer(n) => format!("integer `{n}`"),
        Value::Number(n) => format!("floating point `{n}`"),
        Value::String(s) => format!("string \"{}\"", s.text),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// The reader: the JSON path of the value being read.
struct Rd {
    path: String,
    fault: Option<Fault>,
}

impl Rd {
    fn stop(&mut self, message: String, syntax: bool) -> Bad {
        self.fault = Some(Fault { path: self.path.clone(), message, syntax });
        Bad
    }

    fn fault(&mut self, message: String) -> Bad {
        self.stop(message, false)
    }

    fn wrong(&mut self, v: &Value, expected: &str) -> Bad {
        self.fault(format!("invalid type: {}, expected {expected}", unexpected(v)))
    }

    /// serde_json reads an enum from a string or an object only; anything else stops its parser.
    fn not_enum(&mut self, v: &Value, what: &str) -> Bad {
        match v {
            Value::Object(_) => self.wrong(v, what),
            _ => self.stop("expected value".into(), true),
        }
    }

    /// serde_json refuses a lone surrogate escape (this reader replaces it and says so).
    fn lone(&mut self) -> Bad {
        self.stop("lone surrogate in a \\u escape".into(), true)
    }

    fn enter(&mut self, key: &str) -> usize {
        let n = self.path.len();
        self.path.push('.');
        self.path.push_str(key);
        n
    }

    /// Reads the members of an object in order, each with the index of its name in `names`;
    /// refuses an unknown or repeated name, and then the first name of `required` (a bit per
    /// index) that was absent.
    fn object(
        &mut self,
        v: Value,
        what: &str,
        names: &[&str],
        required: u32,
        each: &mut dyn FnMut(&mut Rd, usize, Value) -> R<()>,
    ) -> R<()> {
        let members = match v {
            Value::Object(m) => m,
            // serde reads an array as the fields in order; its first item is where it fails.
            Value::Array(items) if !items.is_empty() => {
                self.path.push_str("[0]");
                return Err(self.fault(format!("invalid type: sequence, expected {what}")));
            }
            v => return Err(self.wrong(&v, what)),
        };
        let mut seen = 0u32;
        for (k, x) in members {
            let n = self.enter(&k.text);
            if k.replaced {
                return Err(self.lone());
            }
            let Some(i) = names.iter().position(|name| *name == k.text) else {
                return Err(self.fault(format!("unknown field `{}`, expected {}", k.text, one_of(names))));
            };
            if seen & (1 << i) != 0 {
                return Err(self.fault(format!("duplicate field `{}`", k.text)));
            }
            seen |= 1 << i;
            each(self, i, x)?;
            self.path.truncate(n);
        }
        let missing = required & !seen;
        if missing != 0 {
            return Err(self.fault(format!("missing field `{}`", names[missing.trailing_zeros() as usize])));
        }
        Ok(())
    }

    /// Reads each item of an array, with its index in the path.
    fn items(&mut self, v: Value, each: &mut dyn FnMut(&mut Rd, Value) -> R<()>) -> R<()> {
        let Value::Array(items) = v else { return Err(self.wrong(&v, "a sequence")) };
        for (i, x) in items.into_iter().enumerate() {
            let n = self.path.len();
            self.path.push('[');
            self.path.push_str(&i.to_string());
            self.path.push(']');
            each(self, x)?;
            self.path.truncate(n);
        }
        Ok(())
    }

    fn list<T>(&mut self, v: Value, each: fn(&mut Rd, Value) -> R<T>) -> R<Vec<T>> {
        let mut out = Vec::new();
        self.items(v, &mut |r, x| {
            out.push(each(r, x)?);
            Ok(())
        })?;
        Ok(out)
    }

    fn string(&mut self, v: Value) -> R<String> {
        match v {
            Value::String(s) if s.replaced => Err(self.lone()),
            Value::String(s) => Ok(s.text),
            v => Err(self.wrong(&v, "a string")),
        }
    }

    fn opt_string(&mut self, v: Value) -> R<Option<String>> {
        match v {
            Value::Null => Ok(None),
            v => self.string(v).map(Some),
        }
    }

    fn strings(&mut self, v: Value) -> R<Vec<String>> {
        self.list(v, Rd::string)
    }

    fn boolean(&mut self, v: Value) -> R<bool> {
        match v {
            Value::Bool(b) => Ok(b),
            v => Err(self.wrong(&v, "a boolean")),
        }
    }

    /// A whole number at most `max`, named `what` (`u32`, `u8`).
    fn whole(&mut self, v: Value, max: u64, what: &str) -> R<u64> {
        if let Value::Number(n) = &v {
            if integer(n) {
                return match n.parse::<u64>() {
                    Ok(x) if x <= max => Ok(x),
                    _ => Err(self.fault(format!("invalid value: integer `{n}`, expected {what}"))),
                };
            }
        }
        Err(self.wrong(&v, what))
    }

    fn u32(&mut self, v: Value) -> R<u32> {
        self.whole(v, u64::from(u32::MAX), "u32").map(|x| x as u32)
    }

    fn opt_u32(&mut self, v: Value) -> R<Option<u32>> {
        match v {
            Value::Null => Ok(None),
            v => self.u32(v).map(Some),
        }
    }

    /// A decimal field: see the module's note.
    fn opt_decimal(&mut self, v: Value) -> R<Option<f64>> {
        match v {
            Value::Null => Ok(None),
            Value::Number(n) => Ok(Some(Decimal::from_lexeme(&n).map_or(f64::NAN, |d| d.hundredths() as f64 / 100.0))),
            v => Err(self.wrong(&v, "f64")),
        }
    }

    /// The index of a unit variant's name in `names`.
    fn variant(&mut self, v: Value, what: &str, names: &[&str]) -> R<usize> {
        match v {
            Value::String(s) => match names.iter().position(|n| *n == s.text) {
                Some(i) => Ok(i),
                None => Err(self.fault(format!("unknown variant `{}`, expected {}", s.text, one_of(names)))),
            },
            v => Err(self.not_enum(&v, what)),
        }
    }

    fn tag(&mut self, v: Value) -> R<Tag> {
        const ALL: [Tag; 5] = [Tag::C, Tag::M, Tag::I, Tag::D, Tag::NF];
        self.variant(v, "enum Tag", &["C", "M", "I", "D", "NF"]).map(|i| ALL[i])
    }

    fn text(&mut self, v: Value) -> R<Text> {
        let mut t = Text::default();
        self.object(v, "struct Text", &["zh", "en"], 0b11, &mut |r, i, x| {
            let s = r.string(x)?;
            if i == 0 {
                t.zh = s;
            } else {
                t.en = s;
            }
            Ok(())
        })?;
        Ok(t)
    }

    fn opt_text(&mut self, v: Value) -> R<Option<Text>> {
        match v {
            Value::Null => Ok(None),
            v => self.text(v).map(Some),
        }
    }

    fn texts(&mut self, v: Value) -> R<Vec<Text>> {
        self.list(v, Rd::text)
    }

    fn option(&mut self, v: Value) -> R<ProfileOption> {
        let (mut id, mut label) = (String::new(), Text::default());
        self.object(v, "struct ProfileOption", &["id", "label"], 0b11, &mut |r, i, x| {
            match i {
                0 => id = r.string(x)?,
                _ => label = r.text(x)?,
            }
            Ok(())
        })?;
        Ok(ProfileOption { id, label })
    }

    fn condition(&mut self, v: Value) -> R<Condition> {
        let (mut profile, mut any_of) = (String::new(), Vec::new());
        self.object(v, "struct Condition", &["profile", "any_of"], 0b11, &mut |r, i, x| {
            match i {
                0 => profile = r.string(x)?,
                _ => any_of = r.strings(x)?,
            }
            Ok(())
        })?;
        Ok(Condition { profile, any_of })
    }

    fn opt_condition(&mut self, v: Value) -> R<Option<Condition>> {
        match v {
            Value::Null => Ok(None),
            v => self.condition(v).map(Some),
        }
    }

    fn source(&mut self, v: Value) -> R<Source> {
        let mut s = Source { cite: String::new(), cite_en: None, tag: Tag::C, url: None, note: None };
        self.object(v, "struct Source", &["cite", "cite_en", "tag", "url", "note"], 0b101, &mut |r, i, x| {
            match i {
                0 => s.cite = r.string(x)?,
                1 => s.cite_en = r.opt_string(x)?,
                2 => s.tag = r.tag(x)?,
                3 => s.url = r.opt_string(x)?,
                _ => s.note = r.opt_text(x)?,
            }
            Ok(())
        })?;
        Ok(s)
    }

    fn sources(&mut self, v: Value) -> R<Vec<Source>> {
        self.list(v, Rd::source)
    }

    fn profile_question(&mut self, v: Value) -> R<ProfileQuestion> {
        let mut q = ProfileQuestion { id: String::new(), text: Text::default(), help: None, options: Vec::new() };
        self.object(v, "struct ProfileQuestion", &["id", "text", "help", "options"], 0b1011, &mut |r, i, x| {
            match i {
                0 => q.id = r.string(x)?,
                1 => q.text = r.text(x)?,
                2 => q.help = r.opt_text(x)?,
                _ => q.options = r.list(x, Rd::option)?,
            }
            Ok(())
        })?;
        Ok(q)
    }

    fn band(&mut self, v: Value) -> R<Band> {
        let mut b = Band { when: Condition { profile: String::new(), any_of: Vec::new() }, levels: Vec::new() };
        self.object(v, "struct Band", &["when", "levels"], 0b11, &mut |r, i, x| {
            match i {
                0 => b.when = r.condition(x)?,
                _ => b.levels = r.texts(x)?,
            }
            Ok(())
        })?;
        Ok(b)
    }

    fn question(&mut self, v: Value) -> R<Question> {
        let mut q = Question {
            id: String::new(),
            kind: QuestionKind::Practice,
            text: Text::default(),
            help: None,
            evidence: None,
            levels: Vec::new(),
            na_allowed: false,
            applies_when: None,
            bands: Vec::new(),
        };
        let names = ["id", "kind", "text", "help", "evidence", "levels", "na_allowed", "applies_when", "bands"];
        self.object(v, "struct Question", &names, 0b100111, &mut |r, i, x| {
            match i {
                0 => q.id = r.string(x)?,
                1 => {
                    q.kind = match r.variant(x, "enum QuestionKind", &["practice", "result"])? {
                        0 => QuestionKind::Practice,
                        _ => QuestionKind::Result,
                    }
                }
                2 => q.text = r.text(x)?,
                3 => q.help = r.opt_text(x)?,
                4 => q.evidence = r.opt_text(x)?,
                5 => q.levels = r.texts(x)?,
                6 => q.na_allowed = r.boolean(x)?,
                7 => q.applies_when = r.opt_condition(x)?,
                _ => q.bands = r.list(x, Rd::band)?,
            }
            Ok(())
        })?;
        Ok(q)
    }

    fn indicator(&mut self, v: Value) -> R<Indicator> {
        let mut d = Indicator {
            id: String::new(),
            title: Text::default(),
            points: 0,
            sources: Vec::new(),
            questions: Vec::new(),
        };
        self.object(
            v,
            "struct Indicator",
            &["id", "title", "points", "sources", "questions"],
            0b11111,
            &mut |r, i, x| {
                match i {
                    0 => d.id = r.string(x)?,
                    1 => d.title = r.text(x)?,
                    2 => d.points = r.u32(x)?,
                    3 => d.sources = r.sources(x)?,
                    _ => d.questions = r.list(x, Rd::question)?,
                }
                Ok(())
            },
        )?;
        Ok(d)
    }

    fn part(&mut self, v: Value) -> R<Part> {
        let mut p = Part { id: String::new(), title: Text::default(), points: 0, indicators: Vec::new(), radar: false };
        self.object(v, "struct Part", &["id", "title", "points", "indicators", "radar"], 0b1111, &mut |r, i, x| {
            match i {
                0 => p.id = r.string(x)?,
                1 => p.title = r.text(x)?,
                2 => p.points = r.u32(x)?,
                3 => p.indicators = r.list(x, Rd::indicator)?,
                _ => p.radar = r.boolean(x)?,
            }
            Ok(())
        })?;
        Ok(p)
    }

    fn gate(&mut self, v: Value) -> R<Gate> {
        let mut g = Gate {
            id: String::new(),
            text: Text::default(),
            help: None,
            blocking: false,
            applies_when: None,
            sources: Vec::new(),
        };
        let names = ["id", "text", "help", "blocking", "applies_when", "sources"];
        self.object(v, "struct Gate", &names, 0b11, &mut |r, i, x| {
            match i {
                0 => g.id = r.string(x)?,
                1 => g.text = r.text(x)?,
                2 => g.help = r.opt_text(x)?,
                3 => g.blocking = r.boolean(x)?,
                4 => g.applies_when = r.opt_condition(x)?,
                _ => g.sources = r.sources(x)?,
            }
            Ok(())
        })?;
        Ok(g)
    }

    fn tier(&mut self, v: Value) -> R<Tier> {
        let mut t = Tier {
            id: String::new(),
            name: Text::default(),
            description: None,
            threshold: 0,
            gates: Vec::new(),
            min_part_percent: None,
        };
        let names = ["id", "name", "description", "threshold", "gates", "min_part_percent"];
        self.object(v, "struct Tier", &names, 0b1011, &mut |r, i, x| {
            match i {
                0 => t.id = r.string(x)?,
                1 => t.name = r.text(x)?,
                2 => t.description = r.opt_text(x)?,
                3 => t.threshold = r.u32(x)?,
                4 => t.gates = r.strings(x)?,
                _ => t.min_part_percent = r.opt_u32(x)?,
            }
            Ok(())
        })?;
        Ok(t)
    }

    /// An externally tagged [`Rule`]: `{"part_at_least": {…}}`, `{"total_at_least": 600}` …
    fn rule(&mut self, v: Value) -> R<Rule> {
        const NAMES: [&str; 4] = ["part_at_least", "total_at_least", "gate_passed", "profile"];
        let (k, x) = match v {
            Value::Object(m) if m.len() == 1 => m.into_iter().next().unwrap_or_else(|| unreachable!()),
            Value::String(s) if NAMES.contains(&s.text.as_str()) => {
                return Err(self.fault("invalid type: unit variant, expected a variant with content".into()))
            }
            Value::String(s) => {
                return Err(self.fault(format!("unknown variant `{}`, expected {}", s.text, one_of(&NAMES))))
            }
            v => return Err(self.not_enum(&v, "enum Rule")),
        };
        let n = self.enter(&k.text);
        let rule = match NAMES.iter().position(|name| *name == k.text) {
            Some(0) => {
                let (mut part, mut percent) = (String::new(), 0);
                self.object(x, "struct variant Rule::PartAtLeast", &["part", "percent"], 0b11, &mut |r, i, x| {
                    match i {
                        0 => part = r.string(x)?,
                        _ => percent = r.u32(x)?,
                    }
                    Ok(())
                })?;
                Rule::PartAtLeast { part, percent }
            }
            Some(1) => Rule::TotalAtLeast(self.u32(x)?),
            Some(2) => Rule::GatePassed(self.string(x)?),
            Some(_) => Rule::Profile(self.condition(x)?),
            None => {
                return Err(self.fault(format!("unknown variant `{}`, expected {}", k.text, one_of(&NAMES))));
            }
        };
        self.path.truncate(n);
        Ok(rule)
    }

    fn advisory(&mut self, v: Value) -> R<Advisory> {
        let mut a = Advisory { id: String::new(), title: Text::default(), text: Text::default(), when: Vec::new() };
        self.object(v, "struct Advisory", &["id", "title", "text", "when"], 0b111, &mut |r, i, x| {
            match i {
                0 => a.id = r.string(x)?,
                1 => a.title = r.text(x)?,
                2 => a.text = r.text(x)?,
                _ => a.when = r.list(x, Rd::rule)?,
            }
            Ok(())
        })?;
        Ok(a)
    }

    fn fact(&mut self, v: Value) -> R<Fact> {
        let mut f = Fact {
            id: String::new(),
            kind: FactKind::Choice,
            text: Text::default(),
            help: None,
            options: None,
            unit: None,
            min: None,
            max: None,
            decimals: None,
        };
        let names = ["id", "kind", "text", "help", "options", "unit", "min", "max", "decimals"];
        self.object(v, "struct Fact", &names, 0b111, &mut |r, i, x| {
            match i {
                0 => f.id = r.string(x)?,
                1 => {
                    const ALL: [FactKind; 4] = [FactKind::Choice, FactKind::Year, FactKind::Number, FactKind::Titles];
                    f.kind = ALL[r.variant(x, "enum FactKind", &["choice", "year", "number", "titles"])?];
                }
                2 => f.text = r.text(x)?,
                3 => f.help = r.opt_text(x)?,
                4 => {
                    f.options = match x {
                        Value::Null => None,
                        x => Some(r.list(x, Rd::option)?),
                    }
                }
                5 => f.unit = r.opt_text(x)?,
                6 => f.min = r.opt_decimal(x)?,
                7 => f.max = r.opt_decimal(x)?,
                _ => {
                    f.decimals = match x {
                        Value::Null => None,
                        x => Some(r.whole(x, u64::from(u8::MAX), "u8")? as u8),
                    }
                }
            }
            Ok(())
        })?;
        Ok(f)
    }

    fn title(&mut self, v: Value) -> R<Title> {
        let mut t = Title { id: String::new(), name: Text::default(), sources: Vec::new() };
        self.object(v, "struct Title", &["id", "name", "sources"], 0b11, &mut |r, i, x| {
            match i {
                0 => t.id = r.string(x)?,
                1 => t.name = r.text(x)?,
                _ => t.sources = r.sources(x)?,
            }
            Ok(())
        })?;
        Ok(t)
    }

    fn dimension(&mut self, v: Value) -> R<Dimension> {
        let mut d = Dimension { id: String::new(), name: Text::default(), indicators: Vec::new(), sources: Vec::new() };
        self.object(v, "struct Dimension", &["id", "name", "indicators", "sources"], 0b111, &mut |r, i, x| {
            match i {
                0 => d.id = r.string(x)?,
                1 => d.name = r.text(x)?,
                2 => d.indicators = r.strings(x)?,
                _ => d.sources = r.sources(x)?,
            }
            Ok(())
        })?;
        Ok(d)
    }

    fn test(&mut self, v: Value) -> R<Test> {
        let mut t = Test::default();
        let names = [
            "fact",
            "any_of",
            "op",
            "value",
            "years_at_least",
            "gate",
            "question",
            "met_from",
            "not_met_below",
            "titles_none_of",
        ];
        self.object(v, "struct Test", &names, 0, &mut |r, i, x| {
            if i == 1 || i == 2 || i == 9 {
                // The members that are not a string, a number or null.
                if let Value::Null = x {
                    return Ok(());
                }
            }
            match i {
                0 => t.fact = r.opt_string(x)?,
                1 => t.any_of = Some(r.strings(x)?),
                2 => {
                    const ALL: [Op; 4] = [Op::Ge, Op::Gt, Op::Le, Op::Lt];
                    t.op = Some(ALL[r.variant(x, "enum Op", &["ge", "gt", "le", "lt"])?]);
                }
                3 => t.value = r.opt_decimal(x)?,
                4 => t.years_at_least = r.opt_u32(x)?,
                5 => t.gate = r.opt_string(x)?,
                6 => t.question = r.opt_string(x)?,
                7 => t.met_from = r.opt_u32(x)?,
                8 => t.not_met_below = r.opt_u32(x)?,
                _ => t.titles_none_of = Some(r.strings(x)?),
            }
            Ok(())
        })?;
        Ok(t)
    }

    fn programme_condition(&mut self, v: Value) -> R<ProgrammeCondition> {
        let mut c = ProgrammeCondition {
            id: String::new(),
            text: Text::default(),
            tag: Tag::C,
            sources: Vec::new(),
            applies_when: None,
            tests: Vec::new(),
        };
        let names = ["id", "text", "tag", "sources", "applies_when", "tests"];
        self.object(v, "struct ProgrammeCondition", &names, 0b100111, &mut |r, i, x| {
            match i {
                0 => c.id = r.string(x)?,
                1 => c.text = r.text(x)?,
                2 => c.tag = r.tag(x)?,
                3 => c.sources = r.sources(x)?,
                4 => c.applies_when = r.opt_condition(x)?,
                _ => c.tests = r.list(x, Rd::test)?,
            }
            Ok(())
        })?;
        Ok(c)
    }

    fn programme(&mut self, v: Value) -> R<Programme> {
        let mut p = Programme {
            id: String::new(),
            rung: String::new(),
            title: Text::default(),
            description: None,
            held_as: None,
            applies_when: None,
            window: None,
            sources: Vec::new(),
            conditions: Vec::new(),
        };
        let names =
            ["id", "rung", "title", "description", "held_as", "applies_when", "window", "sources", "conditions"];
        self.object(v, "struct Programme", &names, 0b111, &mut |r, i, x| {
            match i {
                0 => p.id = r.string(x)?,
                1 => p.rung = r.string(x)?,
                2 => p.title = r.text(x)?,
                3 => p.description = r.opt_text(x)?,
                4 => p.held_as = r.opt_string(x)?,
                5 => p.applies_when = r.opt_condition(x)?,
                6 => p.window = r.opt_text(x)?,
                7 => p.sources = r.sources(x)?,
                _ => p.conditions = r.list(x, Rd::programme_condition)?,
            }
            Ok(())
        })?;
        Ok(p)
    }

    /// Old id → new id or null, the last of a repeated key winning (as serde's map).
    fn renames(&mut self, v: Value) -> R<Map<String, Option<String>>> {
        let Value::Object(members) = v else { return Err(self.wrong(&v, "a map")) };
        let mut out = Vec::new();
        for (k, x) in members {
            let n = self.enter(&k.text);
            if k.replaced {
                return Err(self.lone());
            }
            let to = self.opt_string(x)?;
            out.push((k.text, to));
            self.path.truncate(n);
        }
        Ok(Map::from_pairs(out))
    }

    fn migration(&mut self, v: Value) -> R<Migration> {
        let mut m = Migration { from: String::new(), questions: Map::new(), gates: Map::new() };
        self.object(v, "struct Migration", &["from", "questions", "gates"], 0b1, &mut |r, i, x| {
            match i {
                0 => m.from = r.string(x)?,
                1 => m.questions = r.renames(x)?,
                _ => m.gates = r.renames(x)?,
            }
            Ok(())
        })?;
        Ok(m)
    }

    fn proof(&mut self, v: Value) -> R<Proof> {
        let mut p = Proof::default();
        self.object(v, "struct Proof", &["condition", "gate", "question", "level"], 0, &mut |r, i, x| {
            match i {
                0 => p.condition = r.opt_string(x)?,
                1 => p.gate = r.opt_string(x)?,
                2 => p.question = r.opt_string(x)?,
                _ => p.level = r.opt_u32(x)?,
            }
            Ok(())
        })?;
        Ok(p)
    }

    fn document(&mut self, v: Value) -> R<Document> {
        let mut d = Document {
            id: String::new(),
            name: Text::default(),
            help: None,
            issuer: Issuer::Own,
            period: Period::Current,
            programmes: Vec::new(),
            proves: Vec::new(),
            sources: Vec::new(),
        };
        let names = ["id", "name", "help", "issuer", "period", "programmes", "proves", "sources"];
        self.object(v, "struct Document", &names, 0b1011_1011, &mut |r, i, x| {
            match i {
                0 => d.id = r.string(x)?,
                1 => d.name = r.text(x)?,
                2 => d.help = r.opt_text(x)?,
                3 => {
                    const ALL: [Issuer; 3] = [Issuer::Own, Issuer::ThirdParty, Issuer::Government];
                    d.issuer = ALL[r.variant(x, "enum Issuer", &["self", "third_party", "government"])?];
                }
                4 => {
                    const ALL: [Period; 4] =
                        [Period::Current, Period::LastYear, Period::Last3Years, Period::Last5Years];
                    d.period =
                        ALL[r.variant(x, "enum Period", &["current", "last_year", "last_3_years", "last_5_years"])?];
                }
                5 => d.programmes = r.strings(x)?,
                6 => d.proves = r.list(x, Rd::proof)?,
                _ => d.sources = r.sources(x)?,
            }
            Ok(())
        })?;
        Ok(d)
    }

    fn standard(&mut self, v: Value) -> R<StandardFile> {
        let mut f = StandardFile {
            schema: None,
            format: 0,
            id: String::new(),
            version: String::new(),
            subject: Subject::Enterprise,
            title: Text::default(),
            disclaimer: Text::default(),
            total_points: 0,
            profile: Vec::new(),
            parts: Vec::new(),
            gates: Vec::new(),
            tiers: Vec::new(),
            advisories: Vec::new(),
            sources: Vec::new(),
            facts: Vec::new(),
            titles: Vec::new(),
            dimensions: Vec::new(),
            programmes: Vec::new(),
            migrations: Vec::new(),
            documents: Vec::new(),
        };
        let names = [
            "$schema",
            "format",
            "id",
            "version",
            "subject",
            "title",
            "disclaimer",
            "total_points",
            "profile",
            "parts",
            "gates",
            "tiers",
            "advisories",
            "sources",
            "facts",
            "titles",
            "dimensions",
            "programmes",
            "migrations",
            "documents",
        ];
        // Required: format … total_points, parts and tiers.
        let required = 0b1111_1110 | 1 << 9 | 1 << 11;
        self.object(v, "struct StandardFile", &names, required, &mut |r, i, x| {
            match i {
                0 => f.schema = r.opt_string(x)?,
                1 => f.format = r.u32(x)?,
                2 => f.id = r.string(x)?,
                3 => f.version = r.string(x)?,
                4 => {
                    f.subject = match r.variant(x, "enum Subject", &["enterprise", "region"])? {
                        0 => Subject::Enterprise,
                        _ => Subject::Region,
                    }
                }
                5 => f.title = r.text(x)?,
                6 => f.disclaimer = r.text(x)?,
                7 => f.total_points = r.u32(x)?,
                8 => f.profile = r.list(x, Rd::profile_question)?,
                9 => f.parts = r.list(x, Rd::part)?,
                10 => f.gates = r.list(x, Rd::gate)?,
                11 => f.tiers = r.list(x, Rd::tier)?,
                12 => f.advisories = r.list(x, Rd::advisory)?,
                13 => f.sources = r.sources(x)?,
                14 => f.facts = r.list(x, Rd::fact)?,
                15 => f.titles = r.list(x, Rd::title)?,
                16 => f.dimensions = r.list(x, Rd::dimension)?,
                17 => f.programmes = r.list(x, Rd::programme)?,
                18 => f.migrations = r.list(x, Rd::migration)?,
                _ => f.documents = r.list(x, Rd::document)?,
            }
            Ok(())
        })?;
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fault serde_json's derive gives, as path (found from its position) and kind.
    fn serde_fault(text: &str) -> Option<(String, bool)> {
        match serde_json::from_str::<StandardFile>(text) {
            Ok(_) => None,
            Err(e) => Some((super::super::path_at(text, e.line(), e.column()), e.is_syntax() || e.is_eof())),
        }
    }

    fn fault(text: &str) -> Option<(String, bool)> {
        standard_file(text).err().map(|f| (f.path, f.syntax))
    }

    const FILES: [&str; 4] = [
        include_str!("../../../../standards/enterprise.json"),
        include_str!("../../../../standards/regional.json"),
        include_str!("../../../../standards/sample.json"),
        include_str!("../../../../standards/fixtures/programmes.json"),
    ];

    #[test]
    fn reads_every_shipped_standard_as_serde_does() {
        for text in FILES {
            let serde: StandardFile = serde_json::from_str(text).expect("serde reads it");
            let ours = standard_file(text).unwrap_or_else(|f| panic!("{}: {}", f.path, f.message));
            assert_eq!(format!("{ours:?}"), format!("{serde:?}"));
        }
    }

    #[test]
    fn faults_are_where_serde_puts_them() {
        let base: serde_json::Value = serde_json::from_str(FILES[3]).expect("fixture");
        let edits: Vec<(&str, serde_json::Value)> = vec![
            ("/id", serde_json::json!(7)),
            ("/format", serde_json::json!(1.5)),
            ("/format", serde_json::json!(-1)),
            ("/format", serde_json::json!(4_294_967_296u64)),
            ("/subject", serde_json::json!("town")),
            ("/title", serde_json::json!({ "zh": "x" })),
            ("/title", serde_json::json!({ "zh": "x", "en": "y", "fr": "z" })),
            ("/parts/0/points", serde_json::json!("seventy")),
            ("/parts/0/radar", serde_json::json!(1)),
            ("/parts/0/indicators/0/sources/0/tag", serde_json::json!("maybe")),
            ("/parts/0/indicators/0/questions/0/kind", serde_json::json!(3)),
            ("/parts/0/indicators/0/questions/0/help", serde_json::json!(null)),
            ("/tiers/0/min_part_percent", serde_json::json!(null)),
            ("/tiers/0/gates", serde_json::json!("G1")),
            ("/facts/0/kind", serde_json::json!("money")),
            ("/facts/0/decimals", serde_json::json!(300)),
            ("/programmes/0/conditions/0/tests/0/op", serde_json::json!("eq")),
            ("/programmes/0/conditions/0/tests/0/any_of", serde_json::json!([1])),
            ("/migrations", serde_json::json!([{ "from": "0.9.0", "questions": { "a": 1 } }])),
            ("/migrations", serde_json::json!([{ "questions": {} }])),
            (
                "/advisories",
                serde_json::json!([{ "id": "x", "title": { "zh": "a", "en": "b" }, "text": { "zh": "a", "en": "b" }, "when": [{ "total_at_least": "x" }] }]),
            ),
            (
                "/advisories",
                serde_json::json!([{ "id": "x", "title": { "zh": "a", "en": "b" }, "text": { "zh": "a", "en": "b" }, "when": [{ "part_at_least": { "part": "A" } }] }]),
            ),
            (
                "/advisories",
                serde_json::json!([{ "id": "x", "title": { "zh": "a", "en": "b" }, "text": { "zh": "a", "en": "b" }, "when": [{ "sometimes": 1 }] }]),
            ),
        ];
        for (at, value) in edits {
            let mut v = base.clone();
            let (parent, key) = at.rsplit_once('/').unwrap_or_default();
            match v.pointer_mut(parent).unwrap_or_else(|| panic!("{at}")) {
                serde_json::Value::Array(items) => items[key.parse::<usize>().unwrap_or_default()] = value,
                p => _ = p.as_object_mut().map(|o| o.insert(key.to_owned(), value)),
            }
            let text = v.to_string();
            assert_eq!(fault(&text), serde_fault(&text), "{at}");
            if let (Ok(ours), Ok(serde)) = (standard_file(&text), serde_json::from_str::<StandardFile>(&text)) {
                assert_eq!(format!("{ours:?}"), format!("{serde:?}"), "{at}");
            }
        }
        for text in [
            "{\"format\": 1, ",
            "[1, 2]",
            "{\"format\": 1, \"bogus\": true}",
            "{\"format\" 1}",
            "",
            "{\"format\": 1, \"id\": \"\\ud800\"}",
        ] {
            assert_eq!(fault(text), serde_fault(text), "{text}");
        }
    }

    #[test]
    fn decimals_read_exactly() {
        let mut r = Rd { path: "$".into(), fault: None };
        for (lexeme, want) in [("3.20", 3.2), ("2600.55", 2600.55), ("-1.05", -1.05), ("1e3", 1000.0)] {
            assert_eq!(r.opt_decimal(Value::Number(lexeme.into())).ok().flatten(), Some(want), "{lexeme}");
        }
        for lexeme in ["3.001", "1e13", "1e400", "1e-5"] {
            let got = r.opt_decimal(Value::Number(lexeme.into())).ok().flatten().expect("a number");
            assert!(crate::decimal::Decimal::from_f64(got).is_none(), "{lexeme}");
        }
    }
}
