//! JHT claims (D-30): Permenaker 4/2022.

use chrono::NaiveDate;
use jamsos_core::{Rupiah, anniversary};
use jamsos_rules::permenaker_4_2022::JHT_CLAIM;

use super::{
    Benefit, Builder, ClaimReason, ClaimReasons, Note, Outcome, PaymentKind, add_months, before,
};
use crate::ClaimError;

jamsos_core::vocabulary! {
    /// What a partial JHT withdrawal is for.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PartialPurpose {
        /// Preparation for retirement: at most 10% of the balance.
        #[doc(alias = "persiapan hari tua")]
        RetirementPreparation => "retirement_preparation",
        /// Housing: at most 30% of the balance.
        #[doc(alias = "perumahan")]
        Housing => "housing",
    }
}

/// What gives rise to a JHT claim (REGULATIONS.md §8.3).
///
/// With the `serde` feature it reads and writes as the contract does: the
/// code under `trigger`, beside the variant's own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "trigger", rename_all = "snake_case")
)]
pub enum JhtTrigger {
    /// The participant reached age 56 (D-30, not the JP schedule).
    PensionAge {
        /// Date of birth.
        birth_date: NaiveDate,
    },
    /// Resignation (mengundurkan diri): paid after a one-month wait.
    Resignation,
    /// Dismissal (PHK): paid after a one-month wait.
    Dismissal,
    /// A fixed-term (PKWT) contract ended.
    ContractEnd,
    /// Leaving Indonesia permanently.
    LeavingIndonesia,
    /// Total permanent disability (cacat total tetap).
    TotalDisability,
    /// Death: paid to the heirs.
    Death,
    /// A partial withdrawal while still working, once, after 10 years.
    Partial {
        /// What it is for.
        purpose: PartialPurpose,
        /// Whether a partial withdrawal was already taken.
        previous_partial: bool,
    },
}

impl JhtTrigger {
    /// Every trigger's contract name, in the contract's order.
    pub const CODES: [&'static str; 8] = [
        "pension_age",
        "resignation",
        "dismissal",
        "contract_end",
        "leaving_indonesia",
        "total_disability",
        "death",
        "partial",
    ];

    /// The contract's name of the trigger (one of [`JhtTrigger::CODES`]).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            JhtTrigger::PensionAge { .. } => "pension_age",
            JhtTrigger::Resignation => "resignation",
            JhtTrigger::Dismissal => "dismissal",
            JhtTrigger::ContractEnd => "contract_end",
            JhtTrigger::LeavingIndonesia => "leaving_indonesia",
            JhtTrigger::TotalDisability => "total_disability",
            JhtTrigger::Death => "death",
            JhtTrigger::Partial { .. } => "partial",
        }
    }

    /// Whether the claim needs `event_date`: every trigger but `pension_age`
    /// (where it is the optional date employment ended) and `partial` (where
    /// it is the optional date of the request).
    #[must_use]
    pub const fn needs_event_date(self) -> bool {
        !matches!(
            self,
            JhtTrigger::PensionAge { .. } | JhtTrigger::Partial { .. }
        )
    }

    /// The rule id of the payment.
    const fn rule(self) -> &'static str {
        match self {
            JhtTrigger::PensionAge { .. } => "jht.claim.pension_age",
            JhtTrigger::Resignation => "jht.claim.resignation",
            JhtTrigger::Dismissal => "jht.claim.dismissal",
            JhtTrigger::ContractEnd => "jht.claim.contract_end",
            JhtTrigger::LeavingIndonesia => "jht.claim.leaving_indonesia",
            JhtTrigger::TotalDisability => "jht.claim.total_disability",
            JhtTrigger::Death => "jht.claim.death",
            JhtTrigger::Partial {
                purpose: PartialPurpose::RetirementPreparation,
                ..
            } => "jht.partial.retirement_preparation",
            JhtTrigger::Partial {
                purpose: PartialPurpose::Housing,
                ..
            } => "jht.partial.housing",
        }
    }
}

/// A JHT claim (CONTRACT.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct JhtClaim {
    /// The date the claim is made.
    pub claim_date: NaiveDate,
    /// What gives rise to it.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub trigger: JhtTrigger,
    /// The date of the event: required unless
    /// [`JhtTrigger::needs_event_date`] says otherwise.
    pub event_date: Option<NaiveDate>,
    /// The first day of JHT membership.
    pub membership_start: NaiveDate,
    /// The balance, when known.
    pub balance: Option<Rupiah>,
}

pub(super) fn assess(c: &JhtClaim) -> Result<Outcome, ClaimError> {
    let terms = JHT_CLAIM
        .at(c.claim_date)
        .ok_or(ClaimError::NoBenefitRuleOn {
            table: JHT_CLAIM.name,
            field: "claim_date",
            date: c.claim_date,
        })?;
    if let JhtTrigger::PensionAge { birth_date } = c.trigger {
        if c.membership_start < birth_date {
            return Err(ClaimError::DateBefore {
                field: "membership_start",
                date: c.membership_start,
                other_field: "birth_date",
                other: birth_date,
            });
        }
    }
    if let Some(event) = c.event_date {
        if event < c.membership_start {
            return Err(ClaimError::DateBefore {
                field: "event_date",
                date: event,
                other_field: "membership_start",
                other: c.membership_start,
            });
        }
    }
    if c.trigger.needs_event_date() && c.event_date.is_none() {
        return Err(ClaimError::MissingDate {
            field: "event_date",
        });
    }
    let t = terms.value;
    let claim = c.claim_date;
    let event_gate = c.event_date;
    let (reasons, earliest) = match c.trigger {
        JhtTrigger::PensionAge { birth_date } => {
            let at_age = anniversary(birth_date, t.pension_age);
            let reasons = ClaimReasons::NONE
                .with_if(before(claim, at_age), ClaimReason::PensionAgeNotReached)
                .with_if(
                    event_gate.is_some_and(|e| claim < e),
                    ClaimReason::ClaimBeforeEvent,
                );
            (reasons, later(at_age, event_gate))
        }
        JhtTrigger::Resignation | JhtTrigger::Dismissal => {
            let open = event_gate.and_then(|e| add_months(e, t.waiting_months));
            let reasons = if before(claim, event_gate) {
                ClaimReasons::NONE.with(ClaimReason::ClaimBeforeEvent)
            } else {
                ClaimReasons::NONE.with_if(before(claim, open), ClaimReason::WaitingPeriod)
            };
            (reasons, open)
        }
        JhtTrigger::Partial {
            previous_partial, ..
        } => {
            let eligible_from = anniversary(c.membership_start, t.partial_min_years);
            let reasons = ClaimReasons::NONE
                .with_if(previous_partial, ClaimReason::PartialAlreadyTaken)
                .with_if(
                    before(claim, eligible_from),
                    ClaimReason::MembershipTooShort,
                )
                .with_if(
                    c.event_date.is_some_and(|e| claim < e),
                    ClaimReason::ClaimBeforeEvent,
                );
            let earliest = if previous_partial {
                None
            } else {
                later(eligible_from, c.event_date)
            };
            (reasons, earliest)
        }
        JhtTrigger::ContractEnd
        | JhtTrigger::LeavingIndonesia
        | JhtTrigger::TotalDisability
        | JhtTrigger::Death => (
            ClaimReasons::NONE.with_if(before(claim, event_gate), ClaimReason::ClaimBeforeEvent),
            event_gate,
        ),
    };
    if let Some(outcome) = Outcome::decided(Benefit::Jht, reasons, earliest) {
        return Ok(outcome);
    }
    let mut out = Builder::new(Benefit::Jht);
    let rule = c.trigger.rule();
    match (c.trigger, c.balance) {
        (_, None) => out.note(Note::BalanceUnknown),
        (JhtTrigger::Partial { purpose, .. }, Some(balance)) => {
            let (share, label) = match purpose {
                PartialPurpose::RetirementPreparation => (
                    t.partial_retirement_preparation,
                    "JHT partial withdrawal for retirement preparation",
                ),
                PartialPurpose::Housing => {
                    (t.partial_housing, "JHT partial withdrawal for housing")
                }
            };
            out.pay(
                label,
                PaymentKind::Partial,
                share.apply(balance),
                rule,
                terms.source,
            )?;
        }
        (_, Some(balance)) => {
            out.pay(
                "JHT balance",
                PaymentKind::Balance,
                balance,
                rule,
                terms.source,
            )?;
        }
    }
    Ok(out.finish(earliest))
}

/// The later of a required date and an optional one; `None` when the
/// required one is past the calendar's end.
fn later(required: Option<NaiveDate>, optional: Option<NaiveDate>) -> Option<NaiveDate> {
    let required = required?;
    Some(optional.map_or(required, |o| o.max(required)))
}
