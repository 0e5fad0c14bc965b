//! Exact non-negative fractions for scoring.
//!
//! Shares such as 110 points ÷ 3 questions ÷ 5 levels are not exact in binary floating point,
//! and DOMAIN.md asks for half-up rounding that two implementations agree on; a total of exactly
//! 499.5 must round to 500. Fractions keep every intermediate value exact.

use std::cmp::Ordering;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Ratio {
    num: u128,
    den: u128,
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };

    pub fn new(num: u128, den: u128) -> Ratio {
        debug_assert!(den != 0);
        let g = gcd(num, den).max(1);
        Ratio { num: num / g, den: den / g }
    }

    pub fn int(n: u128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    pub fn add(self, o: Ratio) -> Ratio {
        let g = gcd(self.den, o.den).max(1);
        let den = self.den / g * o.den;
        Ratio::new(self.num * (den / self.den) + o.num * (den / o.den), den)
    }

    pub fn mul_int(self, k: u128) -> Ratio {
        Ratio::new(self.num * k, self.den)
    }

    pub fn div_int(self, k: u128) -> Ratio {
        Ratio::new(self.num, self.den * k)
    }

    /// Rounds half up: 2.5 → 3, 2.49 → 2.
    pub fn round_half_up(self) -> u128 {
        (2 * self.num + self.den) / (2 * self.den)
    }

    /// The value in tenths, rounded half up (12.25 → 123 tenths).
    pub fn tenths(self) -> u32 {
        u32::try_from(self.mul_int(10).round_half_up()).unwrap_or(u32::MAX)
    }

    /// Numerator and denominator, reduced.
    pub fn parts(self) -> (u128, u128) {
        (self.num, self.den)
    }

    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

impl PartialEq for Ratio {
    fn eq(&self, o: &Ratio) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Ratio {}
impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

#[cfg(test)]
mod tests {
    use super::Ratio;

    #[test]
    fn rounds_half_up_exactly() {
        assert_eq!(Ratio::new(999, 2).round_half_up(), 500);
        assert_eq!(Ratio::new(998, 2).round_half_up(), 499);
        assert_eq!(Ratio::new(1, 3).round_half_up(), 0);
        assert_eq!(Ratio::new(2, 3).round_half_up(), 1);
        assert_eq!(Ratio::new(1225, 100).tenths(), 123);
    }

    #[test]
    fn arithmetic_stays_exact() {
        let third = Ratio::new(1, 3);
        assert_eq!(third.add(third).add(third), Ratio::int(1));
        assert_eq!(Ratio::new(110, 3).div_int(5).mul_int(3), Ratio::int(22));
    }
}
