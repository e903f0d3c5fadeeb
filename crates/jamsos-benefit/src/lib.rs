//! Benefit claims (DECISIONS.md D-30 … D-33, D-35): whether a claim is payable
//! on its claim date, from when it could be, and what it pays, line by line,
//! each line with its rule id and citation.
//!
//! One function, [`assess_claim`], answers a [`Claim`] of any of the five
//! programs:
//!
//! | claim | rules |
//! |---|---|
//! | [`JhtClaim`] | Permenaker 4/2022: the balance at age 56, one month after resignation or dismissal, at once after the other triggers; 10% or 30% once after 10 years of membership (D-30) |
//! | [`JpClaim`] | PP 45/2015: at pension age (D-10) a monthly pension `1% × months / 12 × average wage` clamped to the minimum and maximum in force, or a lump sum below 180 months (D-31) |
//! | [`JkpClaim`] | PP 37/2021 and PP 6/2025, chosen by the dismissal date (D-32) |
//! | [`JkmClaim`] | PP 44/2015 and PP 82/2019 by the date of death; scholarship maxima per child (D-33) |
//! | [`JkkClaim`] | PP 82/2019 for accidents from 2019-12-01: death, total disability, temporary inability to work (D-33) |
//!
//! A claim the rules do not pay is not an error: the [`Outcome`] says
//! [`Decision::NotPayable`] with its [`ClaimReasons`] (D-35). Errors are kept
//! for claims that cannot be true or are outside the encoded rules: dates in
//! an impossible order, counts out of range, dates before the first row of a
//! table the claim needs.
//!
//! ```
//! use jamsos_core::{parse_date, Rupiah};
//! use jamsos_benefit::{assess_claim, Claim, DismissalReason, JkpClaim};
//! use jamsos_worker::Wage;
//!
//! // Dismissed on 2025-05-10 under PP 6/2025: 60% of the wage capped at
//! // Rp5,000,000 for six months.
//! let claim = Claim::Jkp(JkpClaim {
//!     claim_date: parse_date("2025-06-01")?,
//!     dismissal_date: parse_date("2025-05-10")?,
//!     reason: DismissalReason::Dismissal,
//!     wage: Wage::new(7_500_000)?,
//!     months_paid_last_24: 20,
//!     consecutive_months_before_dismissal: 20,
//! });
//! let outcome = assess_claim(&claim)?;
//! assert!(outcome.is_payable());
//! assert_eq!(outcome.payments.len(), 6);
//! assert_eq!(outcome.total, Rupiah::new(18_000_000));
//! assert_eq!(outcome.earliest_claim_date, parse_date("2025-05-10").ok());
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! Dates follow two rules. A span stated in *years* (age 56, 10 years of
//! membership, the 5-year JKK deadline) ends on the anniversary, with 29
//! February falling on 1 March in common years (D-7a). A span stated in
//! *months* (the JHT waiting month, the JKP claim window) ends the same day
//! of the month so many months later, clamped to the month's end (as D-29
//! counts months of delay); its last day counts.
#![no_std]

mod error;
mod jht;
mod jkk;
mod jkm;
mod jkp;
mod jp;

use core::fmt;

use chrono::{Datelike, Months, NaiveDate};
use jamsos_core::{List, Rupiah, Source};

pub use error::ClaimError;
pub use jht::{JhtClaim, JhtTrigger, PartialPurpose};
pub use jkk::{JkkClaim, JkkEvent};
pub use jkm::JkmClaim;
pub use jkp::{DismissalReason, JkpClaim};
pub use jp::JpClaim;

/// The most contribution months a claim may state (100 years; D-4 bounds
/// every count).
pub const MAX_CONTRIBUTION_MONTHS: u32 = 1_200;
/// The most months of temporary inability to work a JKK claim may state.
pub const MAX_INABILITY_MONTHS: u32 = 1_200;
/// The most children a JKM claim may state (two or more all count as the
/// table's maximum).
pub const MAX_CHILDREN: u32 = 100;
/// The window the JKP contribution condition looks back over, in months.
pub const JKP_LOOKBACK_MONTHS: u32 = 24;

jamsos_core::vocabulary! {
    /// The five benefits.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Benefit {
        /// Old-age savings (Jaminan Hari Tua).
        #[doc(alias = "Jaminan Hari Tua")]
        Jht => "jht",
        /// Pension (Jaminan Pensiun).
        #[doc(alias = "Jaminan Pensiun")]
        Jp => "jp",
        /// Job-loss benefit (Jaminan Kehilangan Pekerjaan).
        #[doc(alias = "Jaminan Kehilangan Pekerjaan")]
        Jkp => "jkp",
        /// Death benefit (Jaminan Kematian).
        #[doc(alias = "Jaminan Kematian")]
        Jkm => "jkm",
        /// Work-accident benefit (Jaminan Kecelakaan Kerja).
        #[doc(alias = "Jaminan Kecelakaan Kerja")]
        Jkk => "jkk",
    }
}

/// Why a well-formed claim is not payable (D-35).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u8)]
pub enum ClaimReason {
    /// The claim date is before the event that gives rise to it.
    ClaimBeforeEvent = 0,
    /// JHT after resignation or dismissal: the one-month waiting period has
    /// not passed (D-30).
    WaitingPeriod,
    /// JHT partial withdrawal: fewer than 10 years of membership (D-30).
    MembershipTooShort,
    /// JHT partial withdrawal: one was already taken (D-30).
    PartialAlreadyTaken,
    /// JKP: the reason the employment ended is excluded (D-32).
    ExcludedReason,
    /// JKP: the claim window after dismissal has closed (D-32).
    ClaimWindowExpired,
    /// Too few contribution months (JKP: in the 24 before dismissal; JP: none).
    ContributionMonthsTooFew,
    /// JKP under PP 37/2021: too few consecutive months before dismissal.
    ConsecutiveMonthsTooFew,
    /// JHT or JP: pension age not reached on the claim date.
    PensionAgeNotReached,
    /// The program did not exist at the date that decides the claim.
    NotInForce,
    /// JKK: the five-year claim deadline has passed (D-33).
    ClaimDeadlinePassed,
}

impl ClaimReason {
    const ALL: [ClaimReason; 11] = [
        ClaimReason::ClaimBeforeEvent,
        ClaimReason::WaitingPeriod,
        ClaimReason::MembershipTooShort,
        ClaimReason::PartialAlreadyTaken,
        ClaimReason::ExcludedReason,
        ClaimReason::ClaimWindowExpired,
        ClaimReason::ContributionMonthsTooFew,
        ClaimReason::ConsecutiveMonthsTooFew,
        ClaimReason::PensionAgeNotReached,
        ClaimReason::NotInForce,
        ClaimReason::ClaimDeadlinePassed,
    ];

    /// The contract's reason code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            ClaimReason::ClaimBeforeEvent => "claim_before_event",
            ClaimReason::WaitingPeriod => "waiting_period",
            ClaimReason::MembershipTooShort => "membership_too_short",
            ClaimReason::PartialAlreadyTaken => "partial_already_taken",
            ClaimReason::ExcludedReason => "excluded_reason",
            ClaimReason::ClaimWindowExpired => "claim_window_expired",
            ClaimReason::ContributionMonthsTooFew => "contribution_months_too_few",
            ClaimReason::ConsecutiveMonthsTooFew => "consecutive_months_too_few",
            ClaimReason::PensionAgeNotReached => "pension_age_not_reached",
            ClaimReason::NotInForce => "not_in_force",
            ClaimReason::ClaimDeadlinePassed => "claim_deadline_passed",
        }
    }

    /// A sentence for people, in English.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            ClaimReason::ClaimBeforeEvent => "the claim date is before the event it claims for",
            ClaimReason::WaitingPeriod => {
                "JHT after resignation or dismissal is paid after a one-month waiting period (Permenaker 4/2022; D-30)"
            }
            ClaimReason::MembershipTooShort => {
                "a partial JHT withdrawal needs at least 10 years of membership (Permenaker 4/2022; D-30)"
            }
            ClaimReason::PartialAlreadyTaken => {
                "a partial JHT withdrawal is allowed once only (Permenaker 4/2022; D-30)"
            }
            ClaimReason::ExcludedReason => {
                "JKP is not paid after resignation, retirement, death, total permanent disability or a fixed-term contract ending at its term (D-32)"
            }
            ClaimReason::ClaimWindowExpired => {
                "JKP must be claimed within 3 months (PP 37/2021) or 6 months (PP 6/2025) of dismissal (D-32)"
            }
            ClaimReason::ContributionMonthsTooFew => {
                "too few contribution months (JKP: 12 in the 24 months before dismissal, D-32; JP: at least one)"
            }
            ClaimReason::ConsecutiveMonthsTooFew => {
                "JKP under PP 37/2021 needs 6 consecutive contribution months before dismissal (D-32)"
            }
            ClaimReason::PensionAgeNotReached => {
                "pension age is not reached on the claim date (JHT: 56, Permenaker 4/2022; JP: PP 45/2015 Pasal 15, D-10)"
            }
            ClaimReason::NotInForce => {
                "the program was not in force at the date that decides the claim"
            }
            ClaimReason::ClaimDeadlinePassed => {
                "JKK benefits must be claimed within 5 years of the accident (PP 82/2019; D-33)"
            }
        }
    }
}

impl fmt::Display for ClaimReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

jamsos_core::bit_set! {
    /// A set of claim reasons (a bit set; iterates in declaration order).
    pub struct ClaimReasons(u16) of ClaimReason;
}

impl ClaimReasons {
    /// The set with `reason` added when `condition` holds.
    #[must_use]
    pub const fn with_if(self, condition: bool, reason: ClaimReason) -> ClaimReasons {
        if condition { self.with(reason) } else { self }
    }
}

/// Something a payable claim's reader should know about its amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
#[repr(u8)]
pub enum Note {
    /// JHT without `balance`: the claim is payable, the amount is the balance
    /// (or its 10% or 30%) on the payment date.
    BalanceUnknown = 0,
    /// JP below 180 months without `lump_sum`: the lump sum of contributions
    /// plus returns is payable, its amount unknown here (D-31).
    LumpSumUnknown,
    /// JP with 180 months or more: a given `lump_sum` is not what is paid.
    LumpSumNotUsed,
    /// JP: the formula gave less than the minimum, so the minimum is paid.
    JpMinimumApplied,
    /// JP: the formula gave more than the maximum, so the maximum is paid.
    JpMaximumApplied,
    /// JP: the minimum or maximum applied is a derived value, not a published
    /// one (REGULATIONS.md U8; D-31).
    JpLimitDerived,
    /// JP: the newest minimum and maximum are a year old or more; a newer
    /// adjustment may have been announced (D-31 keeps the newest).
    JpLimitsStale,
    /// JKM: children were named, but the scholarship needs 36 contribution
    /// months (D-33).
    ScholarshipMonthsTooFew,
    /// JKK death: 48 × wage was below the minimum, so the minimum is paid.
    JkkDeathMinimumApplied,
}

impl Note {
    const ALL: [Note; 9] = [
        Note::BalanceUnknown,
        Note::LumpSumUnknown,
        Note::LumpSumNotUsed,
        Note::JpMinimumApplied,
        Note::JpMaximumApplied,
        Note::JpLimitDerived,
        Note::JpLimitsStale,
        Note::ScholarshipMonthsTooFew,
        Note::JkkDeathMinimumApplied,
    ];

    /// The note's stable code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Note::BalanceUnknown => "balance_unknown",
            Note::LumpSumUnknown => "lump_sum_unknown",
            Note::LumpSumNotUsed => "lump_sum_not_used",
            Note::JpMinimumApplied => "jp_minimum_applied",
            Note::JpMaximumApplied => "jp_maximum_applied",
            Note::JpLimitDerived => "jp_limit_derived",
            Note::JpLimitsStale => "jp_limits_stale",
            Note::ScholarshipMonthsTooFew => "scholarship_months_too_few",
            Note::JkkDeathMinimumApplied => "jkk_death_minimum_applied",
        }
    }

    /// A sentence for people, in English.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Note::BalanceUnknown => {
                "no balance was given: the payment is the JHT balance (or the stated share of it) on the payment date"
            }
            Note::LumpSumUnknown => {
                "fewer than 180 contribution months: a lump sum of contributions plus returns is paid; its amount was not given (D-31)"
            }
            Note::LumpSumNotUsed => {
                "with 180 contribution months or more a monthly pension is paid, not the lump_sum given (D-31)"
            }
            Note::JpMinimumApplied => {
                "the formula gave less than the minimum monthly pension in force (PP 45/2015 Pasal 18)"
            }
            Note::JpMaximumApplied => {
                "the formula gave more than the maximum monthly pension in force (PP 45/2015 Pasal 18)"
            }
            Note::JpLimitDerived => {
                "the minimum or maximum applied is derived from the inflation chain, not a published figure (REGULATIONS.md U8)"
            }
            Note::JpLimitsStale => {
                "the newest known JP minimum and maximum are a year old or more; a newer adjustment may apply (D-31)"
            }
            Note::ScholarshipMonthsTooFew => {
                "the JKM scholarship needs at least 36 contribution months (D-33)"
            }
            Note::JkkDeathMinimumApplied => {
                "48 × wage is below the minimum death benefit, so the minimum is paid (PP 82/2019)"
            }
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

jamsos_core::bit_set! {
    /// A set of notes (a bit set; iterates in declaration order).
    pub struct Notes(u16) of Note;
}

/// What a payment is (CONTRACT.md §4, `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentKind {
    /// JHT: the whole balance.
    Balance,
    /// JHT: a partial withdrawal.
    Partial,
    /// JP: the monthly pension; JKP: one month's benefit.
    Monthly,
    /// JP, JKM, JKK: a lump sum.
    LumpSum,
    /// JKM, JKK: the periodic allowance, paid at once.
    Periodic,
    /// JKM, JKK: funeral costs.
    Funeral,
    /// JKK: wage replacement during temporary inability to work.
    WageReplacement,
    /// The most a scholarship can pay for one child; never in the total.
    Maximum,
}

impl PaymentKind {
    /// The contract's name.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            PaymentKind::Balance => "balance",
            PaymentKind::Partial => "partial",
            PaymentKind::Monthly => "monthly",
            PaymentKind::LumpSum => "lump_sum",
            PaymentKind::Periodic => "periodic",
            PaymentKind::Funeral => "funeral",
            PaymentKind::WageReplacement => "wage_replacement",
            PaymentKind::Maximum => "maximum",
        }
    }
}

/// One amount a claim pays, showing where it comes from (D-34).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Payment {
    /// For people (`month 1`, `funeral costs`, …).
    pub label: &'static str,
    /// What it is.
    pub kind: PaymentKind,
    /// Whole rupiah, rounded once (D-2).
    pub amount: Rupiah,
    /// Stable rule id (`jkp.benefit.pp6_2025`, …).
    pub rule: &'static str,
    /// The instrument and article.
    pub source: Source,
}

/// The most payments one claim can list.
const PAYMENTS: usize = 8;

/// A claim's payments, kept inline (no allocation).
pub type Payments = List<Payment, PAYMENTS>;

/// Whether the claim is paid on its claim date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize),
    serde(rename_all = "snake_case")
)]
pub enum Decision {
    /// The claim is paid: see the payments.
    Payable,
    /// The claim is not paid, for these reasons.
    NotPayable(ClaimReasons),
}

/// The answer to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Outcome {
    /// The benefit claimed.
    pub benefit: Benefit,
    /// Paid or not, and why not.
    pub decision: Decision,
    /// The first date on which the same claim would be payable, whether or
    /// not this claim date is; `None` when no claim date would make it
    /// payable (an excluded reason, too few months, a partial withdrawal
    /// already taken). A JKP or JKK claim past its window keeps the date its
    /// window opened.
    pub earliest_claim_date: Option<NaiveDate>,
    /// What a payable claim pays; empty when not payable.
    pub payments: Payments,
    /// The sum of the payments that are not maxima; zero when not payable.
    pub total: Rupiah,
    /// Things to know about the amounts (empty when not payable).
    pub notes: Notes,
}

impl Outcome {
    /// Whether the claim is payable.
    #[must_use]
    pub const fn is_payable(&self) -> bool {
        matches!(self.decision, Decision::Payable)
    }

    /// The reasons a claim is not payable (none when it is).
    #[must_use]
    pub const fn reasons(&self) -> ClaimReasons {
        match self.decision {
            Decision::Payable => ClaimReasons::NONE,
            Decision::NotPayable(reasons) => reasons,
        }
    }

    /// A claim that is not paid.
    fn not_payable(
        benefit: Benefit,
        reasons: ClaimReasons,
        earliest_claim_date: Option<NaiveDate>,
    ) -> Outcome {
        Outcome {
            benefit,
            decision: Decision::NotPayable(reasons),
            earliest_claim_date,
            payments: Payments::default(),
            total: Rupiah::ZERO,
            notes: Notes::NONE,
        }
    }

    /// The outcome for `reasons`: not payable unless the set is empty.
    fn decided(
        benefit: Benefit,
        reasons: ClaimReasons,
        earliest_claim_date: Option<NaiveDate>,
    ) -> Option<Outcome> {
        (!reasons.is_empty()).then(|| Outcome::not_payable(benefit, reasons, earliest_claim_date))
    }
}

/// Builds a payable outcome, summing as it goes.
struct Builder {
    benefit: Benefit,
    payments: Payments,
    total: Rupiah,
    notes: Notes,
}

impl Builder {
    fn new(benefit: Benefit) -> Builder {
        Builder {
            benefit,
            payments: Payments::default(),
            total: Rupiah::ZERO,
            notes: Notes::NONE,
        }
    }

    fn pay(
        &mut self,
        label: &'static str,
        kind: PaymentKind,
        amount: Rupiah,
        rule: &'static str,
        source: Source,
    ) -> Result<(), ClaimError> {
        if kind != PaymentKind::Maximum {
            self.total = self
                .total
                .checked_add(amount)
                .map_err(|_| self.overflow())?;
        }
        let benefit = self.benefit;
        self.payments
            .push(Payment {
                label,
                kind,
                amount,
                rule,
                source,
            })
            .map_err(|_| ClaimError::BenefitOverflow {
                benefit: benefit.code(),
            })
    }

    fn note(&mut self, note: Note) {
        self.notes = self.notes.with(note);
    }

    fn overflow(&self) -> ClaimError {
        ClaimError::BenefitOverflow {
            benefit: self.benefit.code(),
        }
    }

    fn finish(self, earliest_claim_date: Option<NaiveDate>) -> Outcome {
        Outcome {
            benefit: self.benefit,
            decision: Decision::Payable,
            earliest_claim_date,
            payments: self.payments,
            total: self.total,
            notes: self.notes,
        }
    }
}

/// A claim for one of the five benefits.
///
/// With the `serde` feature a claim reads and writes as the contract's
/// claim document does: `benefit` beside the claim's own fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(tag = "benefit", rename_all = "snake_case")
)]
pub enum Claim {
    /// Old-age savings.
    Jht(JhtClaim),
    /// Pension.
    Jp(JpClaim),
    /// Job-loss benefit.
    Jkp(JkpClaim),
    /// Death benefit.
    Jkm(JkmClaim),
    /// Work-accident benefit.
    Jkk(JkkClaim),
}

impl Claim {
    /// The benefit claimed.
    #[must_use]
    pub const fn benefit(&self) -> Benefit {
        match self {
            Claim::Jht(_) => Benefit::Jht,
            Claim::Jp(_) => Benefit::Jp,
            Claim::Jkp(_) => Benefit::Jkp,
            Claim::Jkm(_) => Benefit::Jkm,
            Claim::Jkk(_) => Benefit::Jkk,
        }
    }
}

/// Answers a claim: payable or not (with reasons), from when, and what it
/// pays.
///
/// # Errors
///
/// [`ClaimError::NoBenefitRuleOn`] when a date the claim turns on is
/// before the encoded rules (JHT claims before 2022-04-26, JKM deaths before
/// 2015-07-01, JKK accidents before 2019-12-01);
/// [`ClaimError::DateBefore`] for dates that cannot be true together;
/// [`ClaimError::MissingDate`] when a JHT trigger needs `event_date`;
/// [`ClaimError::CountOutOfRange`] and
/// [`ClaimError::PaidMonthsBelowConsecutive`] for counts that cannot be
/// true; [`ClaimError::BenefitOverflow`] for amounts far beyond D-4.
pub fn assess_claim(claim: &Claim) -> Result<Outcome, ClaimError> {
    match claim {
        Claim::Jht(c) => jht::assess(c),
        Claim::Jp(c) => jp::assess(c),
        Claim::Jkp(c) => jkp::assess(c),
        Claim::Jkm(c) => jkm::assess(c),
        Claim::Jkk(c) => jkk::assess(c),
    }
}

/// `date` plus `months` calendar months, the day clamped to the month's end;
/// `None` past the calendar's end.
fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    // `None` past 9999-12-31, the end of the contract's `YYYY-MM-DD` dates
    // (chrono goes on to year 262143; a fuzz finding).
    date.checked_add_months(Months::new(months))
        .filter(|d| d.year() <= 9999)
}

/// Checks `min <= value <= max` for a count field.
fn count_at_most(field: &'static str, value: u32, min: u32, max: u32) -> Result<u32, ClaimError> {
    if value < min || value > max {
        return Err(ClaimError::CountOutOfRange {
            field,
            value,
            min,
            max,
        });
    }
    Ok(value)
}

/// Whether `claim_date` is before `date`; a date past the calendar's end
/// (`None`) is never reached.
fn before(claim_date: NaiveDate, date: Option<NaiveDate>) -> bool {
    date.is_none_or(|d| claim_date < d)
}

/// The reasons, notes and payment kinds serialize as their contract codes,
/// and the sets as lists of codes (the contract's benefit result, §4).
#[cfg(feature = "serde")]
mod serde_impls {
    use serde::{Serialize, Serializer};

    use super::{ClaimReason, ClaimReasons, Note, Notes, PaymentKind};

    impl Serialize for ClaimReason {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    impl Serialize for Note {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    impl Serialize for PaymentKind {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.code())
        }
    }

    impl Serialize for ClaimReasons {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter())
        }
    }

    impl Serialize for Notes {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_seq(self.iter())
        }
    }
}

#[cfg(test)]
mod tests {
    use jamsos_core::parse_date;
    use jamsos_worker::Wage;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn jht(trigger: JhtTrigger, event_date: Option<NaiveDate>) -> Claim {
        Claim::Jht(JhtClaim {
            claim_date: d("2025-03-01"),
            trigger,
            event_date,
            membership_start: d("2015-01-01"),
            balance: None,
        })
    }

    #[test]
    fn every_new_error_variant() {
        assert_eq!(
            assess_claim(&jht(JhtTrigger::Resignation, None)),
            Err(ClaimError::MissingDate {
                field: "event_date"
            })
        );
        assert!(matches!(
            assess_claim(&jht(JhtTrigger::Death, Some(d("2014-12-31")))),
            Err(ClaimError::DateBefore {
                field: "event_date",
                ..
            })
        ));
        let jkm = Claim::Jkm(JkmClaim {
            claim_date: d("2025-03-01"),
            death_date: d("2025-02-01"),
            contribution_months: 12,
            children: MAX_CHILDREN + 1,
        });
        assert!(matches!(
            assess_claim(&jkm),
            Err(ClaimError::CountOutOfRange {
                field: "children",
                ..
            })
        ));
        let jkp = Claim::Jkp(JkpClaim {
            claim_date: d("2025-03-01"),
            dismissal_date: d("2025-02-01"),
            reason: DismissalReason::Dismissal,
            wage: Wage::new(5_000_000).unwrap(),
            months_paid_last_24: 12,
            consecutive_months_before_dismissal: 30,
        });
        assert_eq!(
            assess_claim(&jkp),
            Err(ClaimError::PaidMonthsBelowConsecutive {
                paid: 12,
                consecutive: 24
            })
        );
        let jkk = Claim::Jkk(JkkClaim {
            claim_date: d("2020-03-01"),
            event: JkkEvent::Death,
            event_date: d("2019-11-30"),
            wage: Wage::new(5_000_000).unwrap(),
        });
        assert!(matches!(
            assess_claim(&jkk),
            Err(ClaimError::NoBenefitRuleOn {
                field: "event_date",
                ..
            })
        ));
    }

    #[test]
    fn a_full_payment_list_is_an_error_not_a_panic() {
        let mut out = Builder::new(Benefit::Jkk);
        for _ in 0..PAYMENTS {
            out.pay(
                "x",
                PaymentKind::Funeral,
                Rupiah::new(1),
                "r",
                Source::new("s", ""),
            )
            .unwrap();
        }
        assert_eq!(
            out.pay(
                "x",
                PaymentKind::Funeral,
                Rupiah::new(1),
                "r",
                Source::new("s", "")
            ),
            Err(ClaimError::BenefitOverflow { benefit: "jkk" })
        );
        let mut out2 = Builder::new(Benefit::Jht);
        out2.total = Rupiah::new(u64::MAX);
        assert_eq!(
            out2.pay(
                "x",
                PaymentKind::Balance,
                Rupiah::new(1),
                "r",
                Source::new("s", "")
            ),
            Err(ClaimError::BenefitOverflow { benefit: "jht" })
        );
        // Maxima never enter the total.
        let mut out3 = Builder::new(Benefit::Jkm);
        out3.pay(
            "x",
            PaymentKind::Maximum,
            Rupiah::new(5),
            "r",
            Source::new("s", ""),
        )
        .unwrap();
        assert_eq!(out3.finish(None).total, Rupiah::ZERO);
    }

    #[test]
    fn codes_round_trip() {
        for b in [
            Benefit::Jht,
            Benefit::Jp,
            Benefit::Jkp,
            Benefit::Jkm,
            Benefit::Jkk,
        ] {
            assert_eq!(Benefit::from_code(b.code()), Some(b));
        }
        assert_eq!(Benefit::from_code("jkn"), None);
        let all = ClaimReason::ALL
            .into_iter()
            .fold(ClaimReasons::NONE, ClaimReasons::with);
        assert_eq!(all.iter().count(), ClaimReason::ALL.len());
        let notes = Note::ALL.into_iter().fold(Notes::NONE, Notes::with);
        assert_eq!(notes.iter().count(), Note::ALL.len());
    }
}
