//! JP claims (D-31): PP 45/2015 Pasal 17 and 18.

use chrono::NaiveDate;
use jamsos_core::Rupiah;
use jamsos_rules::pp_45_2015::{
    Basis, JP_BENEFIT_LIMITS, JP_FORMULA, LIMITS_STALE_AFTER_MONTHS, LUMP_SUM_SOURCE,
};
use jamsos_worker::Wage;

use super::{
    Benefit, Builder, ClaimReason, ClaimReasons, MAX_CONTRIBUTION_MONTHS, Note, Outcome,
    PaymentKind, add_months, before, count_at_most,
};
use jamsos_eligibility::pension_age_reached_on;

use crate::ClaimError;

/// A JP (pension) claim by the participant (CONTRACT.md §4). Survivors'
/// pensions are not modelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JpClaim {
    /// The date the claim is made.
    pub claim_date: NaiveDate,
    /// Date of birth, for the pension age (D-10).
    pub birth_date: NaiveDate,
    /// Months of JP contributions, 0 … [`MAX_CONTRIBUTION_MONTHS`].
    pub contribution_months: u32,
    /// The participant's indexed average monthly wage over the contribution
    /// period, as the caller computed it.
    pub average_wage: Wage,
    /// The lump sum of contributions plus returns, when known (used below 180
    /// months).
    pub lump_sum: Option<Rupiah>,
}

/// `accrual × months / 12 × wage`, rounded once, half up (D-2).
fn formula(accrual_units: u64, months: u32, wage: Rupiah) -> Option<Rupiah> {
    let denominator = 12 * u128::from(jamsos_core::Rate::ONE.units());
    let numerator = u128::from(wage.get()) * u128::from(months) * u128::from(accrual_units);
    let rounded = (2 * numerator + denominator) / (2 * denominator);
    u64::try_from(rounded).ok().map(Rupiah::new)
}

pub(super) fn assess(c: &JpClaim) -> Result<Outcome, ClaimError> {
    let months = count_at_most(
        "contribution_months",
        c.contribution_months,
        0,
        MAX_CONTRIBUTION_MONTHS,
    )?;
    let reached = pension_age_reached_on(c.birth_date);
    let program_start = JP_FORMULA.entries.first().map(|e| e.from);
    let earliest = match (reached, program_start) {
        _ if months == 0 => None,
        (Some(reached), Some(start)) => Some(reached.max(start)),
        (reached, None) => reached,
        (None, _) => None,
    };
    let Some(formula_row) = JP_FORMULA.at(c.claim_date) else {
        let reasons = ClaimReasons::NONE.with(ClaimReason::NotInForce);
        return Ok(Outcome::not_payable(Benefit::Jp, reasons, earliest));
    };
    let reasons = ClaimReasons::NONE
        .with_if(
            before(c.claim_date, reached),
            ClaimReason::PensionAgeNotReached,
        )
        .with_if(months == 0, ClaimReason::ContributionMonthsTooFew);
    if let Some(outcome) = Outcome::decided(Benefit::Jp, reasons, earliest) {
        return Ok(outcome);
    }
    let f = formula_row.value;
    let mut out = Builder::new(Benefit::Jp);
    if months < f.min_months_for_monthly {
        match c.lump_sum {
            Some(amount) => out.pay(
                "lump sum of contributions plus returns",
                PaymentKind::LumpSum,
                amount,
                "jp.benefit.lump_sum",
                LUMP_SUM_SOURCE,
            )?,
            None => out.note(Note::LumpSumUnknown),
        }
        return Ok(out.finish(earliest));
    }
    if c.lump_sum.is_some() {
        out.note(Note::LumpSumNotUsed);
    }
    let limits = JP_BENEFIT_LIMITS
        .at(c.claim_date)
        .ok_or(ClaimError::NoBenefitRuleOn {
            table: JP_BENEFIT_LIMITS.name,
            field: "claim_date",
            date: c.claim_date,
        })?;
    let l = limits.value;
    let raw = formula(f.accrual_per_year.units(), months, c.average_wage.rupiah())
        .ok_or(ClaimError::BenefitOverflow { benefit: "jp" })?;
    let (amount, rule, source, basis) = if raw < l.minimum {
        out.note(Note::JpMinimumApplied);
        (
            l.minimum,
            "jp.benefit.minimum",
            limits.source,
            Some(l.minimum_basis),
        )
    } else if raw > l.maximum {
        out.note(Note::JpMaximumApplied);
        (
            l.maximum,
            "jp.benefit.maximum",
            limits.source,
            Some(l.maximum_basis),
        )
    } else {
        (raw, "jp.benefit.monthly", formula_row.source, None)
    };
    if basis == Some(Basis::Derived) {
        out.note(Note::JpLimitDerived);
    }
    if add_months(limits.from, LIMITS_STALE_AFTER_MONTHS).is_some_and(|d| d <= c.claim_date) {
        out.note(Note::JpLimitsStale);
    }
    out.pay(
        "monthly pension",
        PaymentKind::Monthly,
        amount,
        rule,
        source,
    )?;
    Ok(out.finish(earliest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_rounds_once_half_up() {
        // 1% × 180/12 × 5,000,000 = 750,000.
        assert_eq!(
            formula(1_000_000, 180, Rupiah::new(5_000_000)),
            Some(Rupiah::new(750_000))
        );
        // 1% × 181/12 × 3,333,333 = 502,777.7275 → 502,778.
        assert_eq!(
            formula(1_000_000, 181, Rupiah::new(3_333_333)),
            Some(Rupiah::new(502_778))
        );
        // 1% × 1/12 × 6 = 0.005 → 0 (half of a rupiah is 0.5; 0.005 rounds down).
        assert_eq!(formula(1_000_000, 1, Rupiah::new(6)), Some(Rupiah::new(0)));
        // 1% × 1/12 × 600 = 0.5 → 1 (exactly half rounds up).
        assert_eq!(
            formula(1_000_000, 1, Rupiah::new(600)),
            Some(Rupiah::new(1))
        );
    }
}
