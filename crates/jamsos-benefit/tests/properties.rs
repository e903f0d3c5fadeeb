#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Property tests for benefit claims (D-30 … D-33) and the pension age (D-10)
//! over domain strategies: claim and event dates from 2015 to 2045, wages from
//! Rp1 to the D-4 limit (mostly realistic), every trigger, reason and event.
//!
//! - JKP never pays more than its regime's maximum: Rp10,500,000 under PP
//!   37/2021, Rp18,000,000 under PP 6/2025 (REGULATIONS.md §9.4);
//! - a JP monthly pension is always within the minimum and maximum in force
//!   on the claim date;
//! - the pension-age date is never before the 56th birthday and never after
//!   the 65th;
//! - every outcome is consistent: payable claims have payments whose
//!   non-maximum amounts sum to the total and an earliest claim date not after
//!   the claim date; unpayable ones have reasons, no payments and total 0;
//! - the earliest claim date is exactly that: claimed on it, the same claim is
//!   payable, and the day before it is not;
//! - amounts never fall when the wage rises.
//!
//! Failures are persisted to `proptest-regressions/benefit_properties.txt` in
//! this crate.

use chrono::{Datelike, Days, NaiveDate};
use jamsos_benefit::{
    Claim, DismissalReason, JhtClaim, JhtTrigger, JkkClaim, JkkEvent, JkmClaim, JkpClaim, JpClaim,
    Outcome, PartialPurpose, PaymentKind, assess_claim,
};
use jamsos_core::{Rupiah, anniversary};
use jamsos_eligibility::pension_age_reached_on;
use jamsos_rules::pp_45_2015::JP_BENEFIT_LIMITS;
use jamsos_worker::Wage;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn config() -> ProptestConfig {
    let base = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            base.cases
        } else {
            512
        },
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/benefit_properties.txt",
        ))),
        ..base
    }
}

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2015, 1, 1)
        .unwrap()
        .checked_add_days(Days::new(u64::from(n)))
        .unwrap()
}

/// A date from 2015-01-01 to about 2045.
fn a_date() -> impl Strategy<Value = NaiveDate> {
    (0u32..11_000).prop_map(day)
}

/// A date from 2021-01-01 to about 2030 (around both JKP regimes).
fn a_dismissal_date() -> impl Strategy<Value = NaiveDate> {
    (2_190u32..5_800).prop_map(day)
}

fn a_wage() -> impl Strategy<Value = Wage> {
    prop_oneof![
        3 => 1_000_000i64..50_000_000,
        1 => 1i64..=1_000_000_000_000,
    ]
    .prop_map(|w| Wage::try_from(w).unwrap())
}

fn a_reason() -> impl Strategy<Value = DismissalReason> {
    prop::sample::select(vec![
        DismissalReason::Dismissal,
        DismissalReason::Dismissal,
        DismissalReason::Dismissal,
        DismissalReason::Resignation,
        DismissalReason::Retirement,
        DismissalReason::Death,
        DismissalReason::TotalDisability,
        DismissalReason::ContractEndAtTerm,
    ])
}

fn a_jkp_claim() -> impl Strategy<Value = JkpClaim> {
    (
        a_dismissal_date(),
        0u32..260,
        a_reason(),
        a_wage(),
        0u32..=24,
        0u32..40,
    )
        .prop_map(
            |(dismissal, after, reason, wage, paid, consecutive)| JkpClaim {
                claim_date: dismissal
                    .checked_add_days(Days::new(u64::from(after)))
                    .unwrap()
                    .checked_sub_days(Days::new(10))
                    .unwrap(),
                dismissal_date: dismissal,
                reason,
                wage,
                months_paid_last_24: paid.max(consecutive.min(24)),
                consecutive_months_before_dismissal: consecutive,
            },
        )
}

fn a_birth_date() -> impl Strategy<Value = NaiveDate> {
    (1_940i32..2_000, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap()
    })
}

fn a_jp_claim() -> impl Strategy<Value = JpClaim> {
    (
        a_date(),
        a_birth_date(),
        prop_oneof![0u32..180, 180u32..=1_200],
        a_wage(),
        proptest::option::of(1u64..1_000_000_000),
    )
        .prop_map(|(claim_date, birth_date, months, wage, lump)| JpClaim {
            claim_date,
            birth_date,
            contribution_months: months,
            average_wage: wage,
            lump_sum: lump.map(Rupiah::new),
        })
}

fn a_jht_claim() -> impl Strategy<Value = JhtClaim> {
    let trigger = prop_oneof![
        a_birth_date().prop_map(|birth_date| JhtTrigger::PensionAge { birth_date }),
        Just(JhtTrigger::Resignation),
        Just(JhtTrigger::Dismissal),
        Just(JhtTrigger::ContractEnd),
        Just(JhtTrigger::LeavingIndonesia),
        Just(JhtTrigger::TotalDisability),
        Just(JhtTrigger::Death),
        (any::<bool>(), any::<bool>()).prop_map(|(housing, previous_partial)| {
            JhtTrigger::Partial {
                purpose: if housing {
                    PartialPurpose::Housing
                } else {
                    PartialPurpose::RetirementPreparation
                },
                previous_partial,
            }
        }),
    ];
    (
        trigger,
        (2_700u32..11_000).prop_map(day),
        0u32..400,
        0u32..8_000,
        any::<bool>(),
        proptest::option::of(1u64..10_000_000_000),
    )
        .prop_map(
            |(trigger, claim_date, event_back, member_back, with_event, balance)| {
                let event = claim_date
                    .checked_add_days(Days::new(200))
                    .and_then(|d| d.checked_sub_days(Days::new(u64::from(event_back))))
                    .unwrap();
                let membership_start = event
                    .checked_sub_days(Days::new(u64::from(member_back)))
                    .unwrap();
                let membership_start = match trigger {
                    JhtTrigger::PensionAge { birth_date } => membership_start.max(birth_date),
                    _ => membership_start,
                };
                JhtClaim {
                    claim_date,
                    trigger,
                    event_date: (trigger.needs_event_date() || with_event).then_some(event),
                    membership_start,
                    balance: balance.map(Rupiah::new),
                }
            },
        )
}

fn a_jkm_claim() -> impl Strategy<Value = JkmClaim> {
    (
        (182u32..11_000).prop_map(day),
        0u32..60,
        0u32..=1_200,
        0u32..=5,
    )
        .prop_map(|(death, after, months, children)| JkmClaim {
            claim_date: death
                .checked_add_days(Days::new(u64::from(after)))
                .unwrap()
                .checked_sub_days(Days::new(5))
                .unwrap(),
            death_date: death,
            contribution_months: months,
            children,
        })
}

fn a_jkk_claim() -> impl Strategy<Value = JkkClaim> {
    let event = prop_oneof![
        Just(JkkEvent::Death),
        Just(JkkEvent::TotalDisability),
        (1u32..=60).prop_map(|months| JkkEvent::TemporaryInability { months }),
    ];
    (
        (1_795u32..11_000).prop_map(day),
        0u32..2_200,
        event,
        a_wage(),
    )
        .prop_map(|(event_date, after, event, wage)| JkkClaim {
            claim_date: event_date
                .checked_add_days(Days::new(u64::from(after)))
                .unwrap()
                .checked_sub_days(Days::new(3))
                .unwrap(),
            event,
            event_date,
            wage,
        })
}

fn a_claim() -> impl Strategy<Value = Claim> {
    prop_oneof![
        a_jht_claim().prop_map(Claim::Jht),
        a_jp_claim().prop_map(Claim::Jp),
        a_jkp_claim().prop_map(Claim::Jkp),
        a_jkm_claim().prop_map(Claim::Jkm),
        a_jkk_claim().prop_map(Claim::Jkk),
    ]
}

fn with_claim_date(claim: &Claim, date: NaiveDate) -> Claim {
    match *claim {
        Claim::Jht(c) => Claim::Jht(JhtClaim {
            claim_date: date,
            ..c
        }),
        Claim::Jp(c) => Claim::Jp(JpClaim {
            claim_date: date,
            ..c
        }),
        Claim::Jkp(c) => Claim::Jkp(JkpClaim {
            claim_date: date,
            ..c
        }),
        Claim::Jkm(c) => Claim::Jkm(JkmClaim {
            claim_date: date,
            ..c
        }),
        Claim::Jkk(c) => Claim::Jkk(JkkClaim {
            claim_date: date,
            ..c
        }),
    }
}

fn claim_date(claim: &Claim) -> NaiveDate {
    match claim {
        Claim::Jht(c) => c.claim_date,
        Claim::Jp(c) => c.claim_date,
        Claim::Jkp(c) => c.claim_date,
        Claim::Jkm(c) => c.claim_date,
        Claim::Jkk(c) => c.claim_date,
    }
}

fn consistent(o: &Outcome, date: NaiveDate) -> Result<(), TestCaseError> {
    let sum: u64 = o
        .payments
        .iter()
        .filter(|p| p.kind != PaymentKind::Maximum)
        .map(|p| p.amount.get())
        .sum();
    prop_assert_eq!(sum, o.total.get());
    if o.is_payable() {
        prop_assert!(o.reasons().is_empty());
        prop_assert!(o.earliest_claim_date.is_some_and(|e| e <= date), "{:?}", o);
    } else {
        prop_assert!(!o.reasons().is_empty());
        prop_assert!(o.payments.is_empty());
        prop_assert_eq!(o.total, Rupiah::ZERO);
        prop_assert!(o.notes.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn jkp_total_never_above_the_regime_maximum(claim in a_jkp_claim()) {
        let o = assess_claim(&Claim::Jkp(claim)).unwrap();
        let pp6 = NaiveDate::from_ymd_opt(2025, 2, 7).unwrap();
        let maximum = if claim.dismissal_date < pp6 { 10_500_000 } else { 18_000_000 };
        prop_assert!(o.total.get() <= maximum, "{} > {maximum}", o.total);
        if o.is_payable() {
            prop_assert_eq!(o.payments.len(), 6);
            for (i, p) in o.payments.iter().enumerate() {
                prop_assert_eq!(p.label, ["month 1", "month 2", "month 3", "month 4", "month 5", "month 6"][i]);
                prop_assert_eq!(p.kind, PaymentKind::Monthly);
            }
            if claim.wage.rupiah() >= Rupiah::new(5_000_000) {
                prop_assert_eq!(o.total.get(), maximum);
            }
        }
    }

    #[test]
    fn jkp_never_falls_when_the_wage_rises(claim in a_jkp_claim(), extra in 0i64..10_000_000) {
        let richer = JkpClaim {
            wage: Wage::try_from(i64::try_from(claim.wage.rupiah().get()).unwrap() + extra)
                .unwrap_or(claim.wage),
            ..claim
        };
        let low = assess_claim(&Claim::Jkp(claim)).unwrap();
        let high = assess_claim(&Claim::Jkp(richer)).unwrap();
        prop_assert_eq!(low.is_payable(), high.is_payable());
        prop_assert!(low.total <= high.total);
    }

    #[test]
    fn jp_monthly_within_the_limits_in_force(claim in a_jp_claim()) {
        let o = assess_claim(&Claim::Jp(claim)).unwrap();
        for p in o.payments.iter().filter(|p| p.kind == PaymentKind::Monthly) {
            let limits = JP_BENEFIT_LIMITS.at(claim.claim_date).unwrap().value;
            prop_assert!(limits.minimum <= p.amount && p.amount <= limits.maximum,
                "{} outside {}..{} on {}", p.amount, limits.minimum, limits.maximum, claim.claim_date);
            prop_assert!(claim.contribution_months >= 180);
        }
    }

    #[test]
    fn pension_age_between_56th_and_65th_birthday(birth in a_birth_date()) {
        let reached = pension_age_reached_on(birth).unwrap();
        prop_assert!(reached >= anniversary(birth, 56).unwrap());
        prop_assert!(reached <= anniversary(birth, 65).unwrap());
        // D-10: it is a birthday (the day, or 1 March for 29 February).
        prop_assert!(reached.month() == birth.month() || (birth.month() == 2 && birth.day() == 29));
    }

    #[test]
    fn outcomes_are_consistent(claim in a_claim()) {
        if let Ok(o) = assess_claim(&claim) {
            consistent(&o, claim_date(&claim))?;
            prop_assert_eq!(o.benefit, claim.benefit());
        }
    }

    #[test]
    fn earliest_claim_date_is_the_first_payable_date(claim in a_claim()) {
        let Ok(o) = assess_claim(&claim) else { return Ok(()) };
        let Some(earliest) = o.earliest_claim_date else { return Ok(()) };
        if let Ok(at) = assess_claim(&with_claim_date(&claim, earliest)) {
            prop_assert!(at.is_payable(), "not payable on its earliest date {earliest}: {:?}", at);
        }
        if let Some(before) = earliest.pred_opt() {
            if let Ok(at) = assess_claim(&with_claim_date(&claim, before)) {
                prop_assert!(!at.is_payable(), "payable the day before {earliest}");
            }
        }
    }

    #[test]
    fn jkk_death_never_falls_when_the_wage_rises(claim in a_jkk_claim(), extra in 0i64..10_000_000) {
        let richer = JkkClaim {
            wage: Wage::try_from(i64::try_from(claim.wage.rupiah().get()).unwrap() + extra)
                .unwrap_or(claim.wage),
            ..claim
        };
        let low = assess_claim(&Claim::Jkk(claim)).unwrap();
        let high = assess_claim(&Claim::Jkk(richer)).unwrap();
        prop_assert!(low.total <= high.total);
        if low.is_payable() && claim.event == JkkEvent::Death {
            prop_assert!(low.total >= Rupiah::new(42_000_000));
        }
    }
}
