use core::fmt;
use core::str::FromStr;

use crate::{CoreError, Rupiah};

/// Decimal places a [`Rate`] holds.
const SCALE: u32 = 8;
/// `10^SCALE`: the number of rate units in a whole (a rate of 1 = 100%).
const ONE: u64 = 100_000_000;

/// An exact rate: a decimal fraction from 0 to 1 with up to eight decimal places.
///
/// A rate is the fraction itself (`0.0089` for 0.89%), never a percentage to be
/// divided at the call site. Eight places cover every rate in the law (at most
/// four places, e.g. 0.0089) and every rate derived from one by a discount or a
/// relief (DECISIONS.md D-3: 50% × 0.0089 = 0.00445; 1% × 0.0003 = 0.000003).
///
/// `Display` writes percent (`0.89%`); [`Rate::decimal`] writes the fraction as
/// the JSON contract does (`0.0089`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Rate(u64);

impl Rate {
    /// 0%.
    pub const ZERO: Rate = Rate(0);
    /// 100%.
    pub const ONE: Rate = Rate(ONE);

    /// `mantissa × 10^-scale`, e.g. `from_parts(89, 4)` is 0.0089 (0.89%).
    ///
    /// `None` when the scale exceeds eight places or the rate exceeds 1.
    #[must_use]
    pub const fn from_parts(mantissa: u64, scale: u32) -> Option<Rate> {
        if scale > SCALE {
            return None;
        }
        let factor = 10u64.pow(SCALE - scale);
        match mantissa.checked_mul(factor) {
            Some(units) if units <= ONE => Some(Rate(units)),
            _ => None,
        }
    }

    /// The rate in units of 10^-8 (0.0089 is 890,000).
    #[must_use]
    pub const fn units(self) -> u64 {
        self.0
    }

    /// The exact product of two rates (a discount applied to a rate, D-3), or
    /// `None` when the product needs more than eight decimal places.
    #[must_use]
    pub const fn checked_mul(self, other: Rate) -> Option<Rate> {
        // Both are at most 10^8, so the product is at most 10^16: no overflow.
        let product = self.0 * other.0;
        if product % ONE == 0 {
            Some(Rate(product / ONE))
        } else {
            None
        }
    }

    /// `1 − self`: the deferred share when `self` is billed now (PP 49/2020).
    #[must_use]
    pub const fn complement(self) -> Rate {
        Rate(ONE - self.0)
    }

    /// `self + other`, or `None` above 1.
    #[must_use]
    pub const fn checked_add(self, other: Rate) -> Option<Rate> {
        let sum = self.0 + other.0;
        if sum <= ONE { Some(Rate(sum)) } else { None }
    }

    /// Applies the rate to an amount and rounds once, half up, to whole rupiah
    /// (DECISIONS.md D-2). Never overflows: the result is at most `base`.
    #[must_use]
    pub const fn apply(self, base: Rupiah) -> Rupiah {
        let base = base.get();
        // Fast path in 64 bits: wages up to 10^12 times rates up to 0.18 fit.
        if let Some(product) = base.checked_mul(self.0) {
            if let Some(shifted) = product.checked_add(ONE / 2) {
                return Rupiah::new(shifted / ONE);
            }
        }
        let product = base as u128 * self.0 as u128 + (ONE / 2) as u128;
        // The quotient is at most `base`, so it fits in 64 bits.
        Rupiah::new((product / ONE as u128) as u64)
    }

    /// The exact, unrounded product `base × rate`, for audits.
    #[must_use]
    pub const fn apply_exact(self, base: Rupiah) -> ExactAmount {
        ExactAmount(base.get() as u128 * self.0 as u128)
    }

    /// The fraction as a decimal, without trailing zeros (`0.0089`, `0.02`, `1`).
    #[must_use]
    pub const fn decimal(self) -> impl fmt::Display {
        Fraction::new(self.0 as u128, SCALE)
    }
}

impl Rate {
    /// The rate as a percentage with `separator` before the decimals, for
    /// people: `0,89%` with a comma, as Indonesian writes it.
    ///
    /// ```
    /// use jamsos_core::Rate;
    /// let jkk = Rate::from_parts(445, 5).ok_or("rate")?; // 0.445 %
    /// assert_eq!(jkk.percent(',').to_string(), "0,445%");
    /// assert_eq!(jkk.to_string(), "0.445%");
    /// # Ok::<(), &str>(())
    /// ```
    #[must_use]
    pub const fn percent(self, separator: char) -> impl fmt::Display {
        Percent(Fraction {
            units: self.0 as u128,
            scale: SCALE - 2,
            separator,
        })
    }
}

struct Percent(Fraction);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Percent with up to six decimals: `0.89%`, `0.445%`, `3.7%`.
impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", Fraction::new(self.0 as u128, SCALE - 2))
    }
}

/// Parses the fraction form (`"0.0089"`), as in the JSON contract.
impl FromStr for Rate {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Rate, CoreError> {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        let digits_only = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits_only(int) || !digits_only(frac) || frac.len() > SCALE as usize
        {
            return Err(CoreError::InvalidRate);
        }
        if s.contains('.') && frac.is_empty() {
            return Err(CoreError::InvalidRate);
        }
        let whole: u64 = int.parse().map_err(|_| CoreError::InvalidRate)?;
        let mut units = whole.checked_mul(ONE).ok_or(CoreError::InvalidRate)?;
        let mut place = ONE;
        for b in frac.bytes() {
            place /= 10;
            units += u64::from(b - b'0') * place;
        }
        if units > ONE {
            return Err(CoreError::InvalidRate);
        }
        Ok(Rate(units))
    }
}

/// The exact product of a rate and an amount before rounding (for audits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExactAmount(u128);

impl ExactAmount {
    /// Nothing.
    pub const ZERO: ExactAmount = ExactAmount(0);

    /// The sum, or `None` on overflow (beyond 10^30 rupiah).
    #[must_use]
    pub const fn checked_add(self, other: ExactAmount) -> Option<ExactAmount> {
        match self.0.checked_add(other.0) {
            Some(sum) => Some(ExactAmount(sum)),
            None => None,
        }
    }

    /// The amount in units of 10^-8 rupiah.
    #[must_use]
    pub const fn units(self) -> u128 {
        self.0
    }

    /// Rounds half up to whole rupiah: the one rounding step of D-2.
    #[must_use]
    pub const fn round(self) -> Rupiah {
        Rupiah::new((self.0.saturating_add((ONE / 2) as u128) / ONE as u128) as u64)
    }
}

/// Decimal digits without trailing zeros: `29666.6637`.
impl fmt::Display for ExactAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Fraction::new(self.0, SCALE), f)
    }
}

/// `units × 10^-scale` written without trailing zeros, with `separator`
/// before the decimals.
struct Fraction {
    units: u128,
    scale: u32,
    separator: char,
}

impl Fraction {
    const fn new(units: u128, scale: u32) -> Fraction {
        Fraction {
            units,
            scale,
            separator: '.',
        }
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = 10u128.pow(self.scale);
        let (int, mut frac) = (self.units / one, self.units % one);
        write!(f, "{int}")?;
        if frac == 0 {
            return Ok(());
        }
        let mut width = self.scale as usize;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        write!(f, "{}{frac:0width$}", self.separator)
    }
}

#[cfg(feature = "rust_decimal")]
impl From<Rate> for rust_decimal::Decimal {
    fn from(rate: Rate) -> rust_decimal::Decimal {
        rust_decimal::Decimal::new(rate.0 as i64, SCALE)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::ToString;

    use super::*;

    fn rate(s: &str) -> Rate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_and_prints_fractions() {
        assert_eq!(rate("0.0089").decimal().to_string(), "0.0089");
        assert_eq!(rate("0.02").decimal().to_string(), "0.02");
        assert_eq!(rate("0.020").decimal().to_string(), "0.02");
        assert_eq!(rate("1").decimal().to_string(), "1");
        assert_eq!(rate("0").decimal().to_string(), "0");
        assert_eq!(rate("0.00000001").units(), 1);
        assert_eq!(rate("0.0089").to_string(), "0.89%");
        assert_eq!(rate("0.00445").to_string(), "0.445%");
        assert_eq!(rate("0.037").to_string(), "3.7%");
    }

    #[test]
    fn rejects_malformed_rates() {
        for bad in [
            "",
            ".5",
            "5.",
            "1.1",
            "2",
            "0.000000001",
            "-0.1",
            "0,5",
            "1e-3",
            " 0.1",
        ] {
            assert_eq!(bad.parse::<Rate>(), Err(CoreError::InvalidRate), "{bad:?}");
        }
    }

    #[test]
    fn from_parts_bounds() {
        assert_eq!(Rate::from_parts(89, 4), Some(rate("0.0089")));
        assert_eq!(Rate::from_parts(1, 9), None);
        assert_eq!(Rate::from_parts(101, 2), None);
        assert_eq!(Rate::from_parts(u64::MAX, 0), None);
    }

    #[test]
    fn discounts_are_exact_products() {
        // D-3: 50% of 0.89% is 0.445%; 1% of 0.03% is 0.0003%.
        assert_eq!(
            rate("0.0089").checked_mul(rate("0.5")),
            Some(rate("0.00445"))
        );
        assert_eq!(
            rate("0.0003").checked_mul(rate("0.01")),
            Some(rate("0.000003"))
        );
        assert_eq!(rate("0.00000001").checked_mul(rate("0.5")), None);
        assert_eq!(rate("0.01").complement(), rate("0.99"));
    }

    #[test]
    fn apply_rounds_half_up_once() {
        // REGULATIONS.md §11 example: 0.89% × 3,333,333 = 29,666.6637 → 29,667.
        let wage = Rupiah::new(3_333_333);
        assert_eq!(rate("0.0089").apply_exact(wage).to_string(), "29666.6637");
        assert_eq!(rate("0.0089").apply(wage), Rupiah::new(29_667));
        // 0.24% × 3,333,333 = 7,999.9992 → 8,000.
        assert_eq!(rate("0.0024").apply(wage), Rupiah::new(8_000));
        // Exactly half rounds up: 0.5 × 5 = 2.5 → 3.
        assert_eq!(rate("0.5").apply(Rupiah::new(5)), Rupiah::new(3));
        assert_eq!(
            rate("0.5").apply(Rupiah::new(u64::MAX)),
            Rupiah::new(u64::MAX / 2 + 1)
        );
        assert_eq!(
            Rate::ONE.apply(Rupiah::new(u64::MAX)),
            Rupiah::new(u64::MAX)
        );
    }
}
