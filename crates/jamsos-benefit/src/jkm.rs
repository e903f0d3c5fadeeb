//! JKM claims (D-33): PP 44/2015 and PP 82/2019 by the date of death, with
//! the scholarship maxima of PP 82/2019 and Permenaker 5/2021.

use chrono::NaiveDate;
use jamsos_rules::permenaker_5_2021::SCHOLARSHIP;
use jamsos_rules::pp_82_2019::JKM_BENEFIT;

use super::{
    Benefit, Builder, ClaimReason, ClaimReasons, MAX_CHILDREN, MAX_CONTRIBUTION_MONTHS, Note,
    Outcome, PaymentKind, count_at_most,
};
use crate::ClaimError;

/// A JKM claim for a death not caused by work (CONTRACT.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JkmClaim {
    /// The date the claim is made.
    pub claim_date: NaiveDate,
    /// The date of death; it chooses the amounts (D-33).
    pub death_date: NaiveDate,
    /// The participant's contribution months (36 needed for the scholarship).
    pub contribution_months: u32,
    /// Children who may receive the scholarship: 0, 1, or 2 and more.
    pub children: u32,
}

/// The labels of the scholarship maxima, one per child.
const SCHOLARSHIP_LABELS: [&str; 2] = ["scholarship, child 1", "scholarship, child 2"];

pub(super) fn assess(c: &JkmClaim) -> Result<Outcome, ClaimError> {
    let months = count_at_most(
        "contribution_months",
        c.contribution_months,
        0,
        MAX_CONTRIBUTION_MONTHS,
    )?;
    let children = count_at_most("children", c.children, 0, MAX_CHILDREN)?;
    let not_encoded = |name| ClaimError::NoBenefitRuleOn {
        table: name,
        field: "death_date",
        date: c.death_date,
    };
    let benefit = JKM_BENEFIT
        .at(c.death_date)
        .ok_or_else(|| not_encoded(JKM_BENEFIT.name))?;
    let scholarship = SCHOLARSHIP
        .at(c.death_date)
        .ok_or_else(|| not_encoded(SCHOLARSHIP.name))?;
    let earliest = Some(c.death_date);
    let reasons =
        ClaimReasons::NONE.with_if(c.claim_date < c.death_date, ClaimReason::ClaimBeforeEvent);
    if let Some(outcome) = Outcome::decided(Benefit::Jkm, reasons, earliest) {
        return Ok(outcome);
    }
    let b = benefit.value;
    let mut out = Builder::new(Benefit::Jkm);
    out.pay(
        "lump sum",
        PaymentKind::LumpSum,
        b.lump_sum,
        "jkm.lump_sum",
        benefit.source,
    )?;
    out.pay(
        "periodic allowance, paid at once",
        PaymentKind::Periodic,
        b.periodic,
        "jkm.periodic",
        benefit.source,
    )?;
    out.pay(
        "funeral costs",
        PaymentKind::Funeral,
        b.funeral,
        "jkm.funeral",
        benefit.source,
    )?;
    if children > 0 {
        if months < b.scholarship_min_months {
            out.note(Note::ScholarshipMonthsTooFew);
        } else {
            let s = scholarship.value;
            let paid_children = usize::try_from(children.min(s.max_children)).unwrap_or(0);
            for label in SCHOLARSHIP_LABELS.iter().take(paid_children) {
                out.pay(
                    label,
                    PaymentKind::Maximum,
                    s.per_child,
                    "jkm.scholarship",
                    scholarship.source,
                )?;
            }
        }
    }
    Ok(out.finish(earliest))
}
