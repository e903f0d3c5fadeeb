use core::fmt;

use crate::CoreError;

/// A whole number of Indonesian rupiah (DECISIONS.md D-1).
///
/// There are no sen: inputs are integers, and every computed amount is rounded
/// to whole rupiah exactly once (D-2) by [`Rate::apply`](crate::Rate::apply).
/// Money never goes negative in jamsos, so the amount is unsigned; sums are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[doc(alias = "IDR")]
pub struct Rupiah(u64);

impl Rupiah {
    /// Zero rupiah.
    pub const ZERO: Rupiah = Rupiah(0);

    /// An amount of whole rupiah.
    #[must_use]
    pub const fn new(amount: u64) -> Rupiah {
        Rupiah(amount)
    }

    /// The amount as an integer.
    #[must_use]
    pub const fn get(self) -> u64 {
        self.0
    }

    /// `self + other`, or an error if the sum overflows.
    pub const fn checked_add(self, other: Rupiah) -> Result<Rupiah, CoreError> {
        match self.0.checked_add(other.0) {
            Some(sum) => Ok(Rupiah(sum)),
            None => Err(CoreError::Overflow),
        }
    }

    /// `self - other`, or `None` if `other` is larger.
    #[must_use]
    pub const fn checked_sub(self, other: Rupiah) -> Option<Rupiah> {
        match self.0.checked_sub(other.0) {
            Some(diff) => Some(Rupiah(diff)),
            None => None,
        }
    }

    /// `self × n` for a whole count (months, say), or an error on overflow.
    pub const fn checked_mul(self, n: u64) -> Result<Rupiah, CoreError> {
        match self.0.checked_mul(n) {
            Some(product) => Ok(Rupiah(product)),
            None => Err(CoreError::Overflow),
        }
    }

    /// The smaller of two amounts (a wage capped at a ceiling).
    #[must_use]
    pub const fn min(self, other: Rupiah) -> Rupiah {
        if self.0 <= other.0 { self } else { other }
    }

    /// Writes the amount the Indonesian way: `Rp10.547.400`.
    pub fn fmt_indonesian(self, f: &mut impl fmt::Write) -> fmt::Result {
        f.write_str("Rp")?;
        write_grouped(self.0, f)
    }
}

/// Writes `n` with `.` between groups of three digits (Indonesian style).
fn write_grouped(n: u64, f: &mut impl fmt::Write) -> fmt::Result {
    if n >= 1000 {
        write_grouped(n / 1000, f)?;
        write!(f, ".{:03}", n % 1000)
    } else {
        write!(f, "{n}")
    }
}

/// Plain digits, as in the JSON contract (`10547400`). For people, use
/// [`Rupiah::fmt_indonesian`].
impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<Rupiah> for u64 {
    fn from(r: Rupiah) -> u64 {
        r.0
    }
}

/// `a + b`, for amounts the caller knows are bounded (D-4 bounds every input:
/// one line is below 2^50 rupiah). Panics on overflow, as integer addition
/// does in debug builds; for sums of untrusted size use
/// [`Rupiah::checked_add`] or sum into a `Result` (below).
impl core::ops::Add for Rupiah {
    type Output = Rupiah;

    #[allow(
        clippy::expect_used,
        reason = "overflowing money is a bug; the operator has no error channel, as for u64"
    )]
    fn add(self, other: Rupiah) -> Rupiah {
        self.checked_add(other).expect("rupiah sum overflows u64")
    }
}

impl core::ops::AddAssign for Rupiah {
    fn add_assign(&mut self, other: Rupiah) {
        *self = *self + other;
    }
}

/// The sum of amounts; panics on overflow like [`Add`](core::ops::Add).
impl core::iter::Sum for Rupiah {
    fn sum<I: Iterator<Item = Rupiah>>(iter: I) -> Rupiah {
        iter.fold(Rupiah::ZERO, |a, b| a + b)
    }
}

impl<'a> core::iter::Sum<&'a Rupiah> for Rupiah {
    fn sum<I: Iterator<Item = &'a Rupiah>>(iter: I) -> Rupiah {
        iter.copied().sum()
    }
}

/// A checked sum: `Err(CoreError::Overflow)` instead of a panic.
///
/// ```
/// use jamsos_core::{CoreError, Rupiah};
///
/// let lines = [Rupiah::new(89_000), Rupiah::new(30_000)];
/// assert_eq!(lines.iter().sum::<Rupiah>(), Rupiah::new(119_000));
/// let checked: Result<Rupiah, CoreError> = lines.into_iter().sum();
/// assert_eq!(checked, Ok(Rupiah::new(119_000)));
/// let huge: Result<Rupiah, CoreError> = [Rupiah::new(u64::MAX), Rupiah::new(1)].into_iter().sum();
/// assert_eq!(huge, Err(CoreError::Overflow));
/// ```
impl core::iter::Sum<Rupiah> for Result<Rupiah, CoreError> {
    fn sum<I: Iterator<Item = Rupiah>>(mut iter: I) -> Result<Rupiah, CoreError> {
        iter.try_fold(Rupiah::ZERO, Rupiah::checked_add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Buf([u8; 64], usize);
    impl fmt::Write for Buf {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            let end = self.1 + s.len();
            self.0
                .get_mut(self.1..end)
                .ok_or(fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.1 = end;
            Ok(())
        }
    }
    fn indonesian(n: u64) -> [u8; 64] {
        let mut b = Buf([0; 64], 0);
        Rupiah::new(n).fmt_indonesian(&mut b).unwrap();
        b.0
    }

    #[test]
    fn indonesian_grouping() {
        assert!(indonesian(10_547_400).starts_with(b"Rp10.547.400\0"));
        assert!(indonesian(999).starts_with(b"Rp999\0"));
        assert!(indonesian(1_000).starts_with(b"Rp1.000\0"));
        assert!(indonesian(0).starts_with(b"Rp0\0"));
        assert!(indonesian(1_000_005).starts_with(b"Rp1.000.005\0"));
    }

    #[test]
    fn checked_arithmetic() {
        assert_eq!(
            Rupiah::new(u64::MAX).checked_add(Rupiah::new(1)),
            Err(CoreError::Overflow)
        );
        assert_eq!(Rupiah::new(2).checked_sub(Rupiah::new(3)), None);
        assert_eq!(
            Rupiah::new(u64::MAX).checked_mul(2),
            Err(CoreError::Overflow)
        );
        assert_eq!(Rupiah::new(7).checked_mul(3), Ok(Rupiah::new(21)));
    }
}
