//! JKK claims (D-33): PP 82/2019 Lampiran III, for accidents from 2019-12-01.

use chrono::NaiveDate;
use jamsos_core::anniversary;
use jamsos_rules::pp_82_2019::JKK_BENEFIT;
use jamsos_worker::Wage;

use super::{
    Benefit, Builder, ClaimReason, ClaimReasons, MAX_INABILITY_MONTHS, Note, Outcome, PaymentKind,
    count_at_most,
};
use crate::ClaimError;

/// What the work accident (or occupational disease) led to.
///
/// With the `serde` feature it reads and writes as the contract does: the
/// code under `event`, beside `months` for a temporary inability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "event", rename_all = "snake_case")
)]
pub enum JkkEvent {
    /// Death.
    Death,
    /// Total permanent disability (cacat total tetap).
    TotalDisability,
    /// Temporary inability to work (STMB) for this many months, 1 …
    /// [`MAX_INABILITY_MONTHS`].
    #[doc(alias = "STMB")]
    TemporaryInability {
        /// Months unable to work.
        months: u32,
    },
}

impl JkkEvent {
    /// Every event's contract name, in the contract's order.
    pub const CODES: [&'static str; 3] = ["death", "total_disability", "temporary_inability"];

    /// The contract's name of the event (one of [`JkkEvent::CODES`]).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            JkkEvent::Death => "death",
            JkkEvent::TotalDisability => "total_disability",
            JkkEvent::TemporaryInability { .. } => "temporary_inability",
        }
    }
}

/// A JKK claim (CONTRACT.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JkkClaim {
    /// The date the claim is made.
    pub claim_date: NaiveDate,
    /// What happened.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub event: JkkEvent,
    /// The date of the accident; it chooses the amounts (D-33).
    pub event_date: NaiveDate,
    /// The last reported monthly wage (uncapped).
    pub wage: Wage,
}

pub(super) fn assess(c: &JkkClaim) -> Result<Outcome, ClaimError> {
    if let JkkEvent::TemporaryInability { months } = c.event {
        count_at_most("months", months, 1, MAX_INABILITY_MONTHS)?;
    }
    let terms = JKK_BENEFIT
        .at(c.event_date)
        .ok_or(ClaimError::NoBenefitRuleOn {
            table: JKK_BENEFIT.name,
            field: "event_date",
            date: c.event_date,
        })?;
    let t = terms.value;
    let deadline = anniversary(c.event_date, t.claim_deadline_years);
    let earliest = Some(c.event_date);
    let reasons = ClaimReasons::NONE
        .with_if(c.claim_date < c.event_date, ClaimReason::ClaimBeforeEvent)
        .with_if(
            deadline.is_some_and(|d| c.claim_date > d),
            ClaimReason::ClaimDeadlinePassed,
        );
    if let Some(outcome) = Outcome::decided(Benefit::Jkk, reasons, earliest) {
        return Ok(outcome);
    }
    let mut out = Builder::new(Benefit::Jkk);
    let wage = c.wage.rupiah();
    let times = |n: u32| {
        wage.checked_mul(u64::from(n))
            .map_err(|_| ClaimError::BenefitOverflow { benefit: "jkk" })
    };
    let s = terms.source;
    match c.event {
        JkkEvent::Death => {
            let formula = t.death_share.apply(times(t.wage_months)?);
            let amount = if formula < t.death_minimum {
                out.note(Note::JkkDeathMinimumApplied);
                t.death_minimum
            } else {
                formula
            };
            out.pay(
                "death benefit",
                PaymentKind::LumpSum,
                amount,
                "jkk.death",
                s,
            )?;
            out.pay(
                "funeral costs",
                PaymentKind::Funeral,
                t.funeral,
                "jkk.funeral",
                s,
            )?;
            out.pay(
                "periodic allowance, paid at once",
                PaymentKind::Periodic,
                t.periodic,
                "jkk.periodic",
                s,
            )?;
        }
        JkkEvent::TotalDisability => {
            let amount = t.disability_share.apply(times(t.wage_months)?);
            out.pay(
                "total permanent disability benefit",
                PaymentKind::LumpSum,
                amount,
                "jkk.total_disability",
                s,
            )?;
            out.pay(
                "periodic allowance, paid at once",
                PaymentKind::Periodic,
                t.periodic,
                "jkk.periodic",
                s,
            )?;
        }
        JkkEvent::TemporaryInability { months } => {
            let full = months.min(t.stmb_full_months);
            out.pay(
                "wage replacement at 100% (up to 12 months)",
                PaymentKind::WageReplacement,
                t.stmb_full_share.apply(times(full)?),
                "jkk.stmb.full",
                s,
            )?;
            let after = months.saturating_sub(t.stmb_full_months);
            if after > 0 {
                out.pay(
                    "wage replacement at 50% (after 12 months)",
                    PaymentKind::WageReplacement,
                    t.stmb_after_share.apply(times(after)?),
                    "jkk.stmb.after",
                    s,
                )?;
            }
        }
    }
    Ok(out.finish(earliest))
}
