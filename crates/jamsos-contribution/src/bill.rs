//! Building a bill: lines rounded once each (D-2), totals per payer, and the
//! fixed-capacity lists every category shares.

use jamsos_core::{Billed, Payer, Period, Rate, Rupiah, Source};

use crate::{ContributionError, Line, List, Totals};

/// A rate scaled by a discount or relief factor (D-3). Every factor in the
/// rules (50%, 1%, 99%) gives an exact eight-place product for every rate in
/// the rules (the `factors_are_exact` tests check it), so the fallback is never
/// taken.
pub(crate) fn scaled(rate: Rate, factor: Rate) -> Rate {
    rate.checked_mul(factor).unwrap_or(rate)
}

/// Lines being billed for one case, with their totals, written where the
/// assessment keeps them (a BPU bill is 36 lines, 2.9 kB: built apart and
/// moved in, it was copied twice per case).
pub(crate) struct Bill<'a, const N: usize> {
    /// The period lines default to (the first, for a BPU prepayment).
    pub(crate) period: Period,
    lines: &'a mut List<Line, N>,
    totals: &'a mut Totals,
}

impl<'a, const N: usize> Bill<'a, N> {
    /// A bill into `lines` and `totals`, both empty.
    pub(crate) fn new(
        period: Period,
        lines: &'a mut List<Line, N>,
        totals: &'a mut Totals,
    ) -> Bill<'a, N> {
        Bill {
            period,
            lines,
            totals,
        }
    }

    /// Adds a line and its amount to the payer's total.
    pub(crate) fn push(&mut self, line: Line) -> Result<(), ContributionError> {
        self.totals
            .add(line.payer, line.amount)
            .map_err(|_| self.overflow())?;
        self.lines.push(line).map_err(|_| self.overflow())
    }

    /// Bills `base × rate`, rounded once (D-2), in `period`.
    #[allow(
        clippy::too_many_arguments,
        reason = "one line's fields, named at each call"
    )]
    pub(crate) fn rated(
        &mut self,
        period: Period,
        program: impl Into<Billed>,
        payer: Payer,
        base: Rupiah,
        rate: Rate,
        rule: &'static str,
        source: &'static Source,
        adjusted_by: Option<&'static Source>,
    ) -> Result<(), ContributionError> {
        self.push(Line {
            program: program.into(),
            payer,
            period,
            base: Some(base),
            rate: Some(rate),
            amount: rate.apply(base),
            rule,
            source,
            adjusted_by,
        })
    }

    /// Bills a flat amount (BPU JKM, PMI packages): no base, no rate.
    #[allow(
        clippy::too_many_arguments,
        reason = "one line's fields, named at each call"
    )]
    pub(crate) fn flat(
        &mut self,
        period: Period,
        program: impl Into<Billed>,
        payer: Payer,
        amount: Rupiah,
        rule: &'static str,
        source: &'static Source,
        adjusted_by: Option<&'static Source>,
    ) -> Result<(), ContributionError> {
        self.push(Line {
            program: program.into(),
            payer,
            period,
            base: None,
            rate: None,
            amount,
            rule,
            source,
            adjusted_by,
        })
    }

    /// Amounts are capped by D-4 and the lists hold every line a case can
    /// bill, so this is a bug if it ever happens; an error, never a panic.
    pub(crate) fn overflow(&self) -> ContributionError {
        ContributionError::Capacity {
            period: self.period,
        }
    }
}
