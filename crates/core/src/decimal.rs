//! Exact decimal numbers with at most two decimals, as a count of hundredths: the values of
//! number facts (revenue 2600.5, R&D ratio 3.20) and the values conditions compare them with.
//!
//! No floating point decides anything: a value read from an answers file is read from the
//! number's text (`json.rs` keeps it as written), a value typed by the user from the text field
//! ([`parse_input`]), and a value in a standard file from serde's `f64` only when that `f64` is
//! exactly the double nearest a whole number of hundredths (see [`Decimal::from_f64`]).

use std::fmt;

/// The largest magnitude a fact's `min` and `max` may have (so hundredths stay far inside i64).
pub const MAX_MAGNITUDE: i64 = 1_000_000_000_000;
/// The decimals a number fact may allow at most.
pub const MAX_DECIMALS: u8 = 2;

/// A decimal number, exactly: `hundredths` ÷ 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Decimal {
    hundredths: i64,
}

impl Decimal {
    pub const fn from_hundredths(hundredths: i64) -> Decimal {
        Decimal { hundredths }
    }
    pub const fn from_int(n: i64) -> Decimal {
        Decimal { hundredths: n * 100 }
    }
    pub const fn hundredths(self) -> i64 {
        self.hundredths
    }
    /// How many decimals the value needs: 0, 1 or 2 (3.20 needs 1, 3.25 needs 2).
    pub fn decimals(self) -> u8 {
        if self.hundredths % 100 == 0 {
            0
        } else if self.hundredths % 10 == 0 {
            1
        } else {
            2
        }
    }
    /// The whole number, when the value has no decimals.
    pub fn whole(self) -> Option<i64> {
        (self.hundredths % 100 == 0).then_some(self.hundredths / 100)
    }

    /// The value of an `f64` read by serde from a standard file, when it is exactly the double
    /// nearest a whole number of hundredths within ±[`MAX_MAGNITUDE`]; `None` otherwise (more
    /// than two decimals, out of range, not finite). The f64 only carries the written number to
    /// here; every comparison afterwards is on integers.
    pub fn from_f64(v: f64) -> Option<Decimal> {
        if !v.is_finite() || v.abs() > MAX_MAGNITUDE as f64 {
            return None;
        }
        // Rounded by adding a half and truncating (no libm `round` in the wasm).
        let h = (v * 100.0 + if v < 0.0 { -0.5 } else { 0.5 }) as i64;
        // The double nearest h / 100 is what a correct parser makes of the text "h/100".
        (h as f64 / 100.0 == v).then_some(Decimal { hundredths: h })
    }

    /// The value of a JSON number as written (`2600.5`, `3.20`, `2.6e3`), exactly.
    pub fn from_lexeme(lexeme: &str) -> Result<Decimal, LexemeFault> {
        let (negative, rest) = match lexeme.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, lexeme),
        };
        let (mantissa, exp) = match rest.find(['e', 'E']) {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, "0"),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(LexemeFault::NotANumber);
        }
        let exp: i64 = match exp.strip_prefix('+').unwrap_or(exp).parse() {
            Ok(e) => e,
            // An exponent too long for i64: far out of range, or a tiny fraction.
            Err(_) if exp.starts_with('-') => return Err(digits_fault(int, frac)),
            Err(_) => return Err(LexemeFault::OutOfRange),
        };
        // value = digits × 10^(exp − frac.len()); strip zeros so the scale says what is needed.
        let digits: String = int.chars().chain(frac.chars()).collect();
        let digits = digits.trim_start_matches('0');
        if digits.is_empty() {
            return Ok(Decimal::default());
        }
        let trimmed = digits.trim_end_matches('0');
        let zeros = (digits.len() - trimmed.len()) as i64;
        let scale = exp.saturating_sub(frac.len() as i64).saturating_add(zeros);
        if scale < -i64::from(MAX_DECIMALS) {
            return Err(LexemeFault::TooManyDecimals);
        }
        // trimmed × 10^(scale + 2) hundredths; more than 15 digits is beyond MAX_MAGNITUDE.
        let places = scale + 2;
        if trimmed.len() as i64 + places > 16 {
            return Err(LexemeFault::OutOfRange);
        }
        let mut n: i64 = 0;
        for d in trimmed.bytes().map(|d| i64::from(d - b'0')).chain(std::iter::repeat_n(0, places as usize)) {
            n = n * 10 + d;
        }
        if n > MAX_MAGNITUDE * 100 {
            return Err(LexemeFault::OutOfRange);
        }
        Ok(Decimal { hundredths: if negative { -n } else { n } })
    }
}

fn digits_fault(int: &str, frac: &str) -> LexemeFault {
    if int.bytes().chain(frac.bytes()).all(|b| b == b'0') {
        LexemeFault::OutOfRange
    } else {
        LexemeFault::TooManyDecimals
    }
}

/// Why a number's text is not a [`Decimal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexemeFault {
    NotANumber,
    /// More than two decimals (`3.001`).
    TooManyDecimals,
    /// Beyond ±[`MAX_MAGNITUDE`].
    OutOfRange,
}

/// Writes the shortest exact form: `2600.5`, `3`, `-0.25`, `3.2` (integer formatting only).
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.hundredths < 0 { "-" } else { "" };
        let abs = self.hundredths.unsigned_abs();
        let (int, frac) = (abs / 100, abs % 100);
        match self.decimals() {
            0 => write!(f, "{sign}{int}"),
            1 => write!(f, "{sign}{int}.{}", frac / 10),
            _ => write!(f, "{sign}{int}.{frac:02}"),
        }
    }
}

/// Why a text typed into a number or year field is not a value. The shell words each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactInputError {
    /// Nothing but white space.
    Empty,
    /// Not a number (`abc`, `1.2.3`, `1,2,3` with wrong grouping).
    NotANumber,
    /// More decimals than the fact allows.
    TooManyDecimals { max: u8 },
    /// Outside the fact's range (`min`..=`max` inclusive).
    OutOfRange { min: Decimal, max: Decimal },
    /// A year must be a whole number.
    NotAYear,
    /// A year after the assessment year (a founding year cannot be in the future).
    FutureYear { year: u16 },
    /// The fact is a choice or a list of titles: it has no text field.
    NotText,
}

/// Reads a number as a user types it: surrounding white space ignored, full-width digits and
/// signs (`３.２`, `－5`) read as ASCII, `,` or `，` as thousands separators only when every
/// group after the first has three digits (`2,600.5`), `.` or `。`-free decimal point `.`/`．`.
/// Range and decimals are the caller's to check ([`check_number`]).
pub fn parse_input(text: &str) -> Result<Decimal, FactInputError> {
    let mut s = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            c => c,
        };
        s.push(c);
    }
    if s.is_empty() {
        return Err(FactInputError::Empty);
    }
    let body = s.strip_prefix('+').unwrap_or(&s);
    let (negative, body) = match body.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let int: String = if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let ok = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
        if !ok {
            return Err(FactInputError::NotANumber);
        }
        groups.concat()
    } else {
        int.to_owned()
    };
    let frac = frac.unwrap_or("");
    let digits_ok = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(&int) || !digits_ok(frac) {
        return Err(FactInputError::NotANumber);
    }
    let lexeme = format!(
        "{}{}{}{}",
        if negative { "-" } else { "" },
        if int.is_empty() { "0" } else { &int },
        if frac.is_empty() { "" } else { "." },
        frac
    );
    match Decimal::from_lexeme(&lexeme) {
        Ok(d) => Ok(d),
        Err(LexemeFault::TooManyDecimals) => Err(FactInputError::TooManyDecimals { max: MAX_DECIMALS }),
        Err(LexemeFault::OutOfRange) => Err(FactInputError::OutOfRange {
            min: Decimal::from_int(-MAX_MAGNITUDE),
            max: Decimal::from_int(MAX_MAGNITUDE),
        }),
        Err(LexemeFault::NotANumber) => Err(FactInputError::NotANumber),
    }
}

/// `value` within `min..=max` with at most `decimals` decimals.
pub fn check_number(value: Decimal, min: Decimal, max: Decimal, decimals: u8) -> Result<Decimal, FactInputError> {
    if value.decimals() > decimals {
        return Err(FactInputError::TooManyDecimals { max: decimals });
    }
    if value < min || value > max {
        return Err(FactInputError::OutOfRange { min, max });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexemes_are_read_exactly() {
        use LexemeFault::*;
        for (lexeme, want) in [
            ("3", Ok(300)),
            ("3.2", Ok(320)),
            ("3.20", Ok(320)),
            ("2600.5", Ok(260_050)),
            ("2.6e3", Ok(260_000)),
            ("32e-1", Ok(320)),
            ("-0", Ok(0)),
            ("-5", Ok(-500)),
            ("0.01", Ok(1)),
            ("0.001", Err(TooManyDecimals)),
            ("3.000", Ok(300)),
            ("1e-400", Err(TooManyDecimals)),
            ("0e-400", Ok(0)),
            ("1e400", Err(OutOfRange)),
            ("1000000000000", Ok(100_000_000_000_000)),
            ("1000000000000.01", Err(OutOfRange)),
            ("99999999999999999999", Err(OutOfRange)),
        ] {
            assert_eq!(Decimal::from_lexeme(lexeme).map(Decimal::hundredths), want, "{lexeme}");
        }
    }

    #[test]
    fn doubles_from_a_standard_file_are_exact_or_refused() {
        assert_eq!(Decimal::from_f64(3.0), Some(Decimal::from_int(3)));
        assert_eq!(Decimal::from_f64(2600.55), Some(Decimal::from_hundredths(260_055)));
        assert_eq!(Decimal::from_f64(0.29), Some(Decimal::from_hundredths(29)));
        assert_eq!(Decimal::from_f64(-1.05), Some(Decimal::from_hundredths(-105)));
        assert_eq!(Decimal::from_f64(999_999_999_999.99), Some(Decimal::from_hundredths(99_999_999_999_999)));
        assert_eq!(Decimal::from_f64(3.001), None);
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(Decimal::from_f64(1e13), None);
    }

    #[test]
    fn display_is_the_shortest_exact_form() {
        for (h, s) in [(260_050, "2600.5"), (300, "3"), (-25, "-0.25"), (320, "3.2"), (5, "0.05"), (0, "0")] {
            assert_eq!(Decimal::from_hundredths(h).to_string(), s);
        }
    }

    #[test]
    fn typed_input_is_read_or_refused_with_a_reason() {
        use FactInputError::*;
        for (text, want) in [
            ("2,600.5", Ok(260_050)),
            (" 3.2 ", Ok(320)),
            ("３.２", Ok(320)),
            ("３．２", Ok(320)),
            ("2，600", Ok(260_000)),
            ("-5", Ok(-500)),
            ("－5", Ok(-500)),
            ("+7", Ok(700)),
            (".5", Ok(50)),
            ("5.", Ok(500)),
            ("abc", Err(NotANumber)),
            ("", Err(Empty)),
            ("  ", Err(Empty)),
            ("1.2.3", Err(NotANumber)),
            ("26,00", Err(NotANumber)),
            ("1,2345", Err(NotANumber)),
            ("3.001", Err(TooManyDecimals { max: 2 })),
            ("1e3", Err(NotANumber)),
            ("-", Err(NotANumber)),
            (".", Err(NotANumber)),
        ] {
            assert_eq!(parse_input(text).map(Decimal::hundredths), want, "{text:?}");
        }
    }
}
