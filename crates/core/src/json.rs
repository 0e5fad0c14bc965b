//! A small, strict JSON reader (RFC 8259) for the answers format, written for what serde_json
//! cannot tell us: it keeps every key of an object in order (so a duplicate can be reported
//! instead of resolved silently), keeps numbers as written (so `3.0` can mean level 3 and `1e400`
//! can be refused as a level instead of failing the whole file), replaces a lone surrogate escape
//! with U+FFFD and says so, and stops at a nesting depth with its own error. Errors carry a byte
//! offset; [`position`] turns it into a line and column for people.
//!
//! Recursion is bounded by [`MAX_DEPTH`], so no input can exhaust the stack.

/// Arrays and objects nested deeper than this are refused (an exported file nests four deep).
pub const MAX_DEPTH: usize = 32;

/// A string as read: its text, and whether a lone surrogate escape was replaced with U+FFFD.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Str {
    pub text: String,
    pub replaced: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written (valid JSON number syntax).
    Number(String),
    String(Str),
    Array(Vec<Value>),
    /// Every member in order, duplicates included.
    Object(Vec<(Str, Value)>),
}

/// What is wrong with a text that is not JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxFault {
    /// The text ends before the value does (for example a file cut off while copying).
    UnexpectedEnd,
    /// A character that cannot stand here.
    UnexpectedCharacter(char),
    /// A backslash escape that JSON does not have.
    BadEscape,
    /// A control character (U+0000–U+001F) written raw inside a string.
    ControlCharacter,
    /// A number that does not follow JSON's syntax (`01`, `1.`, `+1`, `.5` …).
    BadNumber,
    /// More text after the value.
    TrailingCharacters,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Error {
    Syntax { offset: usize, fault: SyntaxFault },
    TooDeep { offset: usize },
}

/// Reads one JSON value filling the whole text (surrounding white space allowed).
pub(crate) fn parse(text: &str) -> Result<Value, Error> {
    let mut r = Reader { b: text.as_bytes(), text, i: 0 };
    r.ws();
    let v = r.value(0)?;
    r.ws();
    if r.i < r.b.len() {
        return Err(r.syntax(SyntaxFault::TrailingCharacters));
    }
    Ok(v)
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.bytes().filter(|&c| c == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Reader<'a> {
    b: &'a [u8],
    text: &'a str,
    i: usize,
}

impl Reader<'_> {
    fn syntax(&self, fault: SyntaxFault) -> Error {
        Error::Syntax { offset: self.i, fault }
    }

    /// The fault for the character at the current position (or the end).
    fn unexpected(&self) -> Error {
        match self.text.get(self.i..).and_then(|s| s.chars().next()) {
            Some(c) => self.syntax(SyntaxFault::UnexpectedCharacter(c)),
            None => self.syntax(SyntaxFault::UnexpectedEnd),
        }
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, Error> {
        for &c in word.as_bytes() {
            if self.b.get(self.i) != Some(&c) {
                return Err(self.unexpected());
            }
            self.i += 1;
        }
        Ok(v)
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        match self.b.get(self.i) {
            None => Err(self.syntax(SyntaxFault::UnexpectedEnd)),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.unexpected()),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::TooDeep { offset: self.i });
        }
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return Err(self.unexpected());
            }
            let key = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return Err(self.unexpected());
            }
            self.i += 1;
            self.ws();
            let v = self.value(depth)?;
            members.push((key, v));
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return Err(Error::TooDeep { offset: self.i });
        }
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth)?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => {
                self.i += 1;
                if matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
                    return Err(self.syntax(SyntaxFault::BadNumber));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.syntax(SyntaxFault::BadNumber)),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.syntax(SyntaxFault::BadNumber));
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.syntax(SyntaxFault::BadNumber));
            }
        }
        Ok(Value::Number(self.text[start..self.i].to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.b.get(self.i) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                None => return Err(self.syntax(SyntaxFault::UnexpectedEnd)),
                Some(_) => return Err(self.syntax(SyntaxFault::BadEscape)),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    fn string(&mut self) -> Result<Str, Error> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        let mut replaced = false;
        loop {
            // Copy the run up to the next quote, backslash or control character in one go.
            let run = self.i;
            while matches!(self.b.get(self.i), Some(&c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.i += 1;
            }
            // The input is a str and the run stops only at ASCII bytes, so this is a boundary.
            out.push_str(&self.text[run..self.i]);
            match self.b.get(self.i) {
                None => return Err(self.syntax(SyntaxFault::UnexpectedEnd)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Str { text: out, replaced });
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.b.get(self.i) {
                        None => return Err(self.syntax(SyntaxFault::UnexpectedEnd)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) && self.b.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                } else {
                                    // Not a pair: the high half stands alone; read the next escape again.
                                    self.i = save;
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            out.push(c.unwrap_or_else(|| {
                                replaced = true;
                                '\u{FFFD}'
                            }));
                            continue;
                        }
                        Some(_) => return Err(self.syntax(SyntaxFault::BadEscape)),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.syntax(SyntaxFault::ControlCharacter)),
            }
        }
    }
}

/// What an integral JSON number is, read exactly from its text (no floating point): `3`, `3.0`,
/// `30e-1` and `-0` are whole; `3.5` is not; `1e400` is whole and far out of any range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Whole {
    /// A whole number that fits u64 (negative zero is 0).
    Small(u64),
    /// A whole number below zero.
    Negative,
    /// A whole number above u64::MAX.
    Huge,
    /// Not a whole number.
    Fraction,
}

/// Reads a number lexeme (valid JSON syntax, as [`parse`] produces) as a whole number.
pub(crate) fn whole(lexeme: &str) -> Whole {
    let (negative, rest) = match lexeme.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, lexeme),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, "0"),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = digits × 10^(exp − frac.len()), with digits = int ++ frac.
    let digits: String = int.chars().chain(frac.chars()).collect();
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Whole::Small(0);
    }
    let trimmed = digits.trim_end_matches('0');
    let zeros = (digits.len() - trimmed.len()) as i128;
    // An exponent too long for i128 is beyond any use; its sign decides.
    let exp: i128 = exp.parse().unwrap_or(if exp.starts_with('-') { i128::MIN / 2 } else { i128::MAX / 2 });
    let scale = exp - frac.len() as i128 + zeros;
    if scale < 0 {
        return Whole::Fraction;
    }
    if negative {
        return Whole::Negative;
    }
    // trimmed × 10^scale: more than 20 digits cannot fit u64.
    if trimmed.len() as i128 + scale > 20 {
        return Whole::Huge;
    }
    let mut n: u64 = 0;
    for d in trimmed.bytes().map(|d| u64::from(d - b'0')).chain(std::iter::repeat_n(0, scale as usize)) {
        match n.checked_mul(10).and_then(|n| n.checked_add(d)) {
            Some(v) => n = v,
            None => return Whole::Huge,
        }
    }
    Whole::Small(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> Value {
        Value::String(Str { text: text.into(), replaced: false })
    }

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(" {\"a\": [1, -0.5e+3, true, false, null], \"b\": \"x\\n\\u00e9\\ud83d\\ude00/\", \"a\": {}} ");
        assert_eq!(
            v,
            Ok(Value::Object(vec![
                (
                    Str { text: "a".into(), replaced: false },
                    Value::Array(vec![
                        Value::Number("1".into()),
                        Value::Number("-0.5e+3".into()),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null
                    ])
                ),
                (Str { text: "b".into(), replaced: false }, s("x\né😀/")),
                (Str { text: "a".into(), replaced: false }, Value::Object(vec![])),
            ]))
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        for (json, text) in [
            (r#""\ud800""#, "\u{FFFD}"),
            (r#""a\udc00b""#, "a\u{FFFD}b"),
            (r#""\ud800\u0041""#, "\u{FFFD}A"),
            (r#""\ud800\ud800\udc00""#, "\u{FFFD}\u{10000}"),
        ] {
            assert_eq!(parse(json), Ok(Value::String(Str { text: text.into(), replaced: true })), "{json}");
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        use SyntaxFault::*;
        for (json, offset, fault) in [
            ("", 0, UnexpectedEnd),
            ("{\"a\": 1", 7, UnexpectedEnd),
            ("{'a': 1}", 1, UnexpectedCharacter('\'')),
            ("[1,]", 3, UnexpectedCharacter(']')),
            ("01", 1, BadNumber),
            ("1.", 2, BadNumber),
            ("-", 1, BadNumber),
            ("1e", 2, BadNumber),
            ("\"\\x\"", 2, BadEscape),
            ("\"\\u12g4\"", 5, BadEscape),
            ("\"a\tb\"", 2, ControlCharacter),
            ("{} {}", 3, TrailingCharacters),
            ("tru", 3, UnexpectedEnd),
            ("nul!", 3, UnexpectedCharacter('!')),
            ("{\"a\" 1}", 5, UnexpectedCharacter('1')),
            ("\u{FEFF}{}", 0, UnexpectedCharacter('\u{FEFF}')),
        ] {
            assert_eq!(parse(json), Err(Error::Syntax { offset, fault }), "{json:?}");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(parse(&deep), Err(Error::TooDeep { offset: 6 + MAX_DEPTH - 1 }));
        let very = "[".repeat(1_000_000);
        assert!(matches!(parse(&very), Err(Error::TooDeep { .. })));
    }

    #[test]
    fn positions_are_lines_and_characters() {
        assert_eq!(position("ab", 0), (1, 1));
        assert_eq!(position("{\n  \"长\": x", 9), (2, 6));
        assert_eq!(position("a\nb", 99), (2, 2));
    }

    #[test]
    fn whole_numbers_are_read_exactly() {
        use Whole::*;
        for (lexeme, want) in [
            ("3", Small(3)),
            ("3.0", Small(3)),
            ("30e-1", Small(3)),
            ("0.3e1", Small(3)),
            ("-0", Small(0)),
            ("-0.0e-7", Small(0)),
            ("0e400", Small(0)),
            ("3.5", Fraction),
            ("1e-400", Fraction),
            ("-1", Negative),
            ("-1e400", Negative),
            ("1e400", Huge),
            ("1e99999999999999999999999999999999999999999", Huge),
            ("18446744073709551615", Small(u64::MAX)),
            ("18446744073709551616", Huge),
            ("7", Small(7)),
        ] {
            assert_eq!(whole(lexeme), want, "{lexeme}");
        }
    }
}

/// `s` as a JSON string literal, quotes included: `"`, `\\` and control characters escaped, the
/// rest as is (what `JSON.stringify` writes for a string).
pub fn quote(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The strings of the array at `key` of a JSON object text (`{"allowed_origins": ["…"]}`), for
/// small configuration files; `None` when the text is not JSON or not an object. Members that
/// are not strings are skipped.
pub fn string_list(text: &str, key: &str) -> Option<Vec<String>> {
    let Value::Object(members) = parse(text).ok()? else { return None };
    let mut out = Vec::new();
    for (k, v) in members {
        if let (true, Value::Array(items)) = (k.text == key, v) {
            out.clear();
            for item in items {
                if let Value::String(s) = item {
                    out.push(s.text);
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod writer_tests {
    use super::*;

    #[test]
    fn quote_escapes_what_json_requires() {
        assert_eq!(quote("a\"b\\c\nd\u{1}é"), "\"a\\\"b\\\\c\\nd\\u0001é\"");
        assert_eq!(
            parse(&quote("x\u{1f}\"\\")).ok(),
            Some(Value::String(Str { text: "x\u{1f}\"\\".into(), replaced: false }))
        );
    }

    #[test]
    fn string_list_reads_a_config_file() {
        let list = string_list(
            r#"{"allowed_origins": ["https://a.example", 3, "http://b.example"], "x": 1}"#,
            "allowed_origins",
        );
        assert_eq!(list, Some(vec!["https://a.example".to_owned(), "http://b.example".to_owned()]));
        assert_eq!(string_list("[1]", "allowed_origins"), None);
        assert_eq!(string_list("{", "allowed_origins"), None);
        assert_eq!(string_list("{}", "allowed_origins"), Some(Vec::new()));
    }
}
