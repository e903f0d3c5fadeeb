//! JKP claims (D-32): PP 37/2021 and PP 6/2025, chosen by the dismissal date.

use chrono::NaiveDate;
use jamsos_rules::jkp::JKP_BENEFIT;
use jamsos_worker::Wage;

use super::{
    Benefit, Builder, ClaimReason, ClaimReasons, JKP_LOOKBACK_MONTHS, MAX_CONTRIBUTION_MONTHS,
    Outcome, PaymentKind, add_months, count_at_most,
};
use crate::ClaimError;

jamsos_core::vocabulary! {
    /// How the employment ended (REGULATIONS.md §8.4).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum DismissalReason {
        /// Dismissal by the employer (PHK): the one reason JKP pays for.
        #[doc(alias = "PHK")]
        Dismissal => "dismissal",
        /// Resignation: excluded.
        Resignation => "resignation",
        /// Retirement: excluded.
        Retirement => "retirement",
        /// Death: excluded (JKP is not inherited).
        Death => "death",
        /// Total permanent disability: excluded.
        TotalDisability => "total_disability",
        /// A fixed-term (PKWT) contract ending at its term: excluded.
        ContractEndAtTerm => "contract_end_at_term",
    }
}

/// A JKP cash-benefit claim (CONTRACT.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JkpClaim {
    /// The date the claim is made.
    pub claim_date: NaiveDate,
    /// The date employment ended; it chooses the regime (D-32).
    pub dismissal_date: NaiveDate,
    /// How it ended.
    pub reason: DismissalReason,
    /// The last reported monthly wage (capped at Rp5,000,000 for the benefit).
    pub wage: Wage,
    /// Contribution months paid in the 24 months before dismissal, 0 … 24.
    pub months_paid_last_24: u32,
    /// Consecutive contribution months paid right before dismissal.
    pub consecutive_months_before_dismissal: u32,
}

/// The labels of the monthly payments (CONTRACT.md §4: exactly `month 1` …).
const MONTH_LABELS: [&str; 6] = [
    "month 1", "month 2", "month 3", "month 4", "month 5", "month 6",
];

pub(super) fn assess(c: &JkpClaim) -> Result<Outcome, ClaimError> {
    let paid = count_at_most(
        "months_paid_last_24",
        c.months_paid_last_24,
        0,
        JKP_LOOKBACK_MONTHS,
    )?;
    let consecutive = count_at_most(
        "consecutive_months_before_dismissal",
        c.consecutive_months_before_dismissal,
        0,
        MAX_CONTRIBUTION_MONTHS,
    )?;
    // Consecutive months right before dismissal lie inside the 24-month window.
    let consecutive_in_window = consecutive.min(JKP_LOOKBACK_MONTHS);
    if paid < consecutive_in_window {
        return Err(ClaimError::PaidMonthsBelowConsecutive {
            paid,
            consecutive: consecutive_in_window,
        });
    }
    let Some(regime) = JKP_BENEFIT.at(c.dismissal_date) else {
        let reasons = ClaimReasons::NONE.with(ClaimReason::NotInForce);
        return Ok(Outcome::not_payable(Benefit::Jkp, reasons, None));
    };
    let r = regime.value;
    let never = ClaimReasons::NONE
        .with_if(
            c.reason != DismissalReason::Dismissal,
            ClaimReason::ExcludedReason,
        )
        .with_if(
            paid < r.min_months_last_24,
            ClaimReason::ContributionMonthsTooFew,
        )
        .with_if(
            r.min_consecutive_months.is_some_and(|m| consecutive < m),
            ClaimReason::ConsecutiveMonthsTooFew,
        );
    let earliest = never.is_empty().then_some(c.dismissal_date);
    let window_end = add_months(c.dismissal_date, r.claim_window_months);
    let reasons = never
        .with_if(
            c.claim_date < c.dismissal_date,
            ClaimReason::ClaimBeforeEvent,
        )
        .with_if(
            window_end.is_some_and(|end| c.claim_date > end),
            ClaimReason::ClaimWindowExpired,
        );
    if let Some(outcome) = Outcome::decided(Benefit::Jkp, reasons, earliest) {
        return Ok(outcome);
    }
    if r.monthly.len() > MONTH_LABELS.len() {
        return Err(ClaimError::BenefitOverflow { benefit: "jkp" });
    }
    let base = c.wage.rupiah().min(r.wage_cap);
    let mut out = Builder::new(Benefit::Jkp);
    for (label, share) in MONTH_LABELS.iter().zip(r.monthly) {
        out.pay(
            label,
            PaymentKind::Monthly,
            share.apply(base),
            r.rule,
            regime.source,
        )?;
    }
    Ok(out.finish(earliest))
}
