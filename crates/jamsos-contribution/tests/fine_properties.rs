#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Property tests for due dates and late fines (D-28, D-29, D-16) over every
//! period from 2015-07 to 2030-12, unpaid amounts from Rp1 to the D-4 limit,
//! payment dates up to about twelve years after the period and random
//! holiday lists:
//!
//! - the fine is `round(amount × 2% × started months)`, rounded once (D-2),
//!   for wage earners outside PP 49/2020 (0.5% inside it), so it grows by
//!   exactly 2% of the amount per started month before the single rounding;
//! - month `k` of delay ends `k` calendar months after the due date: paid on
//!   that day the delay is `k` months, a day later `k + 1`;
//! - paid on or before the due date, nothing is owed; BPU, Jakon and PMI never
//!   owe a fine;
//! - due dates are working days, at or after the nominal 15th (or at or before
//!   the PP 49/2020 30th).
//!
//! Failures are persisted to `proptest-regressions/fine_properties.txt`.

use chrono::{Days, Months, NaiveDate};
use jamsos_contribution::{due_date_bpu, due_date_pu, late_fine, months_late};
use jamsos_core::{Period, Rupiah, is_working_day};
use jamsos_worker::Category;
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
            "proptest-regressions/fine_properties.txt",
        ))),
        ..base
    }
}

fn a_period() -> impl Strategy<Value = Period> {
    (0u32..186).prop_map(|n| Period::new(2015, 7).unwrap().checked_add_months(n).unwrap())
}

fn an_amount() -> impl Strategy<Value = u64> {
    prop_oneof![3 => 1u64..100_000_000, 1 => 1u64..=1_000_000_000_000]
}

/// Up to five holidays within the two months after the period's start.
fn holidays(period: Period) -> impl Strategy<Value = Vec<NaiveDate>> {
    let start = period.first_day();
    prop::collection::vec(0u64..62, 0..6).prop_map(move |days| {
        days.into_iter()
            .map(|d| start.checked_add_days(Days::new(d)).unwrap())
            .collect()
    })
}

fn in_relief(period: Period) -> bool {
    (Period::new(2020, 8).unwrap()..=Period::new(2021, 1).unwrap()).contains(&period)
}

/// `round(amount × percent_thousandths / 1000 × months)` half up, in u128.
fn expected_fine(amount: u64, per_mille: u128, months: u32) -> u64 {
    let exact_times_1000 = u128::from(amount) * per_mille * u128::from(months);
    u64::try_from((exact_times_1000 + 500) / 1000).unwrap()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pu_fine_is_rate_times_started_months_rounded_once(
        (period, hol) in a_period().prop_flat_map(|p| (Just(p), holidays(p))),
        amount in an_amount(),
        late_days in 0u64..4_500,
    ) {
        let due = due_date_pu(period, &hol).unwrap();
        let paid_on = due.checked_add_days(Days::new(late_days)).unwrap();
        let fine = late_fine(Category::Pu, period, Rupiah::new(amount), paid_on, &hol).unwrap();
        prop_assert_eq!(fine.due_date, Some(due));
        let per_mille = if in_relief(period) { 5 } else { 20 };
        prop_assert_eq!(fine.amount.get(), expected_fine(amount, per_mille, fine.months_late));
        prop_assert_eq!(fine.months_late, months_late(due, paid_on));
        prop_assert_eq!(fine.months_late == 0, late_days == 0);
    }

    #[test]
    fn each_started_month_adds_exactly_two_percent(
        period in a_period().prop_filter("outside PP 49/2020", |p| !in_relief(*p)),
        amount in an_amount(),
        k in 1u32..150,
    ) {
        let due = due_date_pu(period, &[]).unwrap();
        // Paid on the last day of month k, and on the first day of month k + 1.
        let end_k = due.checked_add_months(Months::new(k)).unwrap();
        let fine_k = late_fine(Category::Pu, period, Rupiah::new(amount), end_k, &[]).unwrap();
        let fine_next = late_fine(Category::Pu, period, Rupiah::new(amount), end_k.succ_opt().unwrap(), &[]).unwrap();
        prop_assert_eq!(fine_k.months_late, k);
        prop_assert_eq!(fine_next.months_late, k + 1);
        prop_assert_eq!(fine_k.amount.get(), expected_fine(amount, 20, k));
        prop_assert_eq!(fine_next.amount.get(), expected_fine(amount, 20, k + 1));
        // The exact increase per month is 2% of the amount; after one rounding of
        // each total, the difference is within a rupiah of it.
        let step = i128::from(fine_next.amount.get()) - i128::from(fine_k.amount.get());
        let two_percent_times_1000 = i128::from(amount) * 20;
        prop_assert!((step * 1000 - two_percent_times_1000).abs() <= 1000);
    }

    #[test]
    fn months_late_counts_started_calendar_months(
        due_days in 0u64..8_000,
        late_days in 0u64..6_000,
    ) {
        let due = NaiveDate::from_ymd_opt(2015, 8, 1).unwrap().checked_add_days(Days::new(due_days)).unwrap();
        let paid = due.checked_add_days(Days::new(late_days)).unwrap();
        let k = months_late(due, paid);
        if late_days == 0 {
            prop_assert_eq!(k, 0);
        } else {
            prop_assert!(k >= 1);
            prop_assert!(paid <= due.checked_add_months(Months::new(k)).unwrap());
            prop_assert!(paid > due.checked_add_months(Months::new(k - 1)).unwrap());
        }
        // Monotone in the payment date.
        prop_assert!(months_late(due, paid.succ_opt().unwrap()) >= k);
    }

    #[test]
    fn only_wage_earners_are_fined(
        period in a_period(),
        amount in an_amount(),
        late_days in 0u64..4_500,
        category in prop::sample::select(vec![Category::Bpu, Category::Jakon, Category::Pmi]),
    ) {
        let paid_on = period.first_day().checked_add_days(Days::new(late_days)).unwrap();
        match late_fine(category, period, Rupiah::new(amount), paid_on, &[]) {
            Ok(fine) => {
                prop_assert_eq!(fine.amount, Rupiah::ZERO);
                prop_assert_eq!(fine.due_date.is_none(), category == Category::Pmi);
            }
            // PMI periods before 2019-01 are not encoded (D-25).
            Err(_) => prop_assert!(category == Category::Pmi && period < Period::new(2019, 1).unwrap()),
        }
    }

    #[test]
    fn due_dates_are_working_days(
        (period, hol) in a_period().prop_flat_map(|p| (Just(p), holidays(p))),
    ) {
        let pu = due_date_pu(period, &hol).unwrap();
        let bpu = due_date_bpu(period, &hol).unwrap();
        prop_assert!(is_working_day(pu, &hol) && is_working_day(bpu, &hol));
        let next = period.next().first_day();
        if in_relief(period) {
            prop_assert!(pu <= next.checked_add_days(Days::new(29)).unwrap());
            prop_assert_eq!(pu, bpu);
        } else {
            prop_assert!(pu >= next.checked_add_days(Days::new(14)).unwrap());
            prop_assert!(bpu >= period.first_day().checked_add_days(Days::new(14)).unwrap());
        }
    }
}
