//! Late payment: the due date of a period's contribution and the fine for
//! paying it late (DECISIONS.md D-28, D-29; D-16 for PP 49/2020 periods).
//!
//! A wage earner's employer pays 2% of the unpaid amount for each *started*
//! month of delay after the due date: month `k` of delay ends `k` calendar
//! months after the due date (the day clamped to the month's end), the fine is
//! simple (never compounded) and uncapped, and it is rounded once, half up, as
//! `round(amount × 2% × months)` (D-2). PP 49/2020 periods (2020-08 …
//! 2021-01) are fined 0.5% a month instead. Informal workers (BPU),
//! construction projects (Jakon) and migrant workers (PMI) pay no fine; PMI
//! has no due date at all.

use chrono::{Datelike, Months, NaiveDate};
use jamsos_core::{Period, Rate, Rupiah, Source};
use jamsos_rules::payment::{BPU_FINE, JAKON_FINE, PMI_FINE, PU_FINE};
use jamsos_rules::pp_49_2020::{FINE_SOURCE, RELIEF};
use jamsos_rules::{Entry, Table};
use jamsos_worker::Category;

use crate::ContributionError;
use crate::schedule::{due_date_bpu, due_date_pu};

/// The answer to "what does paying this period's contribution on this day
/// cost?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Fine {
    /// The participant category.
    pub category: Category,
    /// The period of the contribution.
    pub period: Period,
    /// When it was due; `None` for PMI, whose package has no due date.
    pub due_date: Option<NaiveDate>,
    /// Started months of delay after the due date (0 when paid on time).
    pub months_late: u32,
    /// The fine per month of delay, as a share of the unpaid amount.
    pub rate_per_month: Rate,
    /// The fine: `round(unpaid × rate_per_month × months_late)`.
    pub amount: Rupiah,
    /// Stable rule id (`pu.fine.late`, `pu.fine.pp49_2020`, `bpu.fine.none`,
    /// `jakon.fine.none`, `pmi.fine.none`).
    pub rule: &'static str,
    /// The instrument the fine rests on (D-34).
    pub source: Source,
}

/// Started months of delay when a contribution due on `due` is paid on
/// `paid_on` (D-29): 0 when paid on or before the due date; otherwise the
/// smallest `k` such that `paid_on` is not after `due` plus `k` calendar
/// months (the day clamped to the month's end).
///
/// ```
/// use jamsos_contribution::months_late;
/// use jamsos_core::parse_date;
///
/// let due = parse_date("2025-01-31")?;
/// // Month 1 of delay ends on 2025-02-28 (no 31 February), month 2 on 2025-03-31.
/// assert_eq!(months_late(due, parse_date("2025-01-31")?), 0);
/// assert_eq!(months_late(due, parse_date("2025-02-28")?), 1);
/// assert_eq!(months_late(due, parse_date("2025-03-01")?), 2);
/// assert_eq!(months_late(due, parse_date("2025-03-31")?), 2);
/// assert_eq!(months_late(due, parse_date("2025-04-01")?), 3);
/// # Ok::<(), jamsos_core::DateError>(())
/// ```
#[must_use]
pub fn months_late(due: NaiveDate, paid_on: NaiveDate) -> u32 {
    if paid_on <= due {
        return 0;
    }
    // Calendar months between the two dates' months; month `m` of delay ends
    // in the payment's own month, so the answer is `m` or `m + 1`.
    let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let m = u32::try_from(months(paid_on) - months(due)).unwrap_or(0);
    if m == 0 {
        return 1;
    }
    match due.checked_add_months(Months::new(m)) {
        Some(end) if paid_on <= end => m,
        _ => m.saturating_add(1),
    }
}

/// The row of `table` in force for `period`, or the D-6 error.
fn row(
    table: &'static Table<Rate>,
    period: Period,
) -> Result<&'static Entry<Rate>, ContributionError> {
    table.at(period).ok_or(ContributionError::NoRuleInForce {
        table: table.name,
        period,
    })
}

/// The due date and late fine of `unpaid` rupiah of `category`'s contribution
/// for `period`, paid on `paid_on`; `holidays` are non-working days besides
/// weekends (D-28).
///
/// ```
/// use jamsos_contribution::late_fine;
/// use jamsos_core::{parse_date, Rupiah};
/// use jamsos_worker::Category;
///
/// // CONTRACT.md §5: January 2025 is due Monday 2025-02-17 (the 15th is a
/// // Saturday); paid 2025-03-10, one started month late: 2% of 1,000,000.
/// let paid_on = parse_date("2025-03-10")?;
/// let fine = late_fine(Category::Pu, "2025-01".parse()?, Rupiah::new(1_000_000), paid_on, &[])?;
/// assert_eq!(fine.due_date.map(|d| d.to_string()).as_deref(), Some("2025-02-17"));
/// assert_eq!(fine.months_late, 1);
/// assert_eq!(fine.amount, Rupiah::new(20_000));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// # Errors
///
/// [`ContributionError::NoRuleInForce`] for a period before the rules begin
/// (2015-07; PMI 2019-01, D-25), [`ContributionError::FineOverflow`] when the
/// fine does not fit in 64 bits.
pub fn late_fine(
    category: Category,
    period: Period,
    unpaid: Rupiah,
    paid_on: NaiveDate,
    holidays: &[NaiveDate],
) -> Result<Fine, ContributionError> {
    let relief = RELIEF.at(period).and_then(|e| e.value);
    let (due_date, rate_per_month, rule, source) = match category {
        Category::Pu => {
            let due = due_date_pu(period, holidays)?;
            match relief {
                Some(relief) => (
                    Some(due),
                    relief.fine_per_month,
                    "pu.fine.pp49_2020",
                    FINE_SOURCE,
                ),
                None => {
                    let fine = row(&PU_FINE, period)?;
                    (Some(due), fine.value, "pu.fine.late", fine.source)
                }
            }
        }
        Category::Bpu => {
            let fine = row(&BPU_FINE, period)?;
            let due = due_date_bpu(period, holidays)?;
            (Some(due), fine.value, "bpu.fine.none", fine.source)
        }
        Category::Jakon => {
            let fine = row(&JAKON_FINE, period)?;
            let due = due_date_pu(period, holidays)?;
            (Some(due), fine.value, "jakon.fine.none", fine.source)
        }
        Category::Pmi => {
            let fine = row(&PMI_FINE, period)?;
            (None, fine.value, "pmi.fine.none", fine.source)
        }
    };
    let months_late = due_date.map_or(0, |due| months_late(due, paid_on));
    // D-2: one rounding of amount × rate × months.
    let base = unpaid
        .checked_mul(u64::from(months_late))
        .map_err(|_| ContributionError::FineOverflow { period })?;
    Ok(Fine {
        category,
        period,
        due_date,
        months_late,
        rate_per_month,
        amount: rate_per_month.apply(base),
        rule,
        source,
    })
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::{String, ToString};

    use jamsos_core::parse_date;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn fine(
        category: Category,
        period: &str,
        amount: u64,
        paid_on: &str,
    ) -> (Option<String>, u32, u64) {
        let f = late_fine(
            category,
            period.parse().unwrap(),
            Rupiah::new(amount),
            d(paid_on),
            &[],
        )
        .unwrap();
        (
            f.due_date.map(|d| d.to_string()),
            f.months_late,
            f.amount.get(),
        )
    }

    #[test]
    fn started_months_d29() {
        let due = d("2025-02-17");
        assert_eq!(months_late(due, d("2025-02-17")), 0);
        assert_eq!(months_late(due, d("2025-02-18")), 1);
        assert_eq!(months_late(due, d("2025-03-17")), 1);
        assert_eq!(months_late(due, d("2025-03-18")), 2);
        assert_eq!(months_late(due, d("2026-02-17")), 12);
        assert_eq!(months_late(due, d("2026-02-18")), 13);
        assert_eq!(months_late(due, d("2020-01-01")), 0);
        // Month ends clamp: due 31 August, month 1 ends 30 September.
        let due = d("2020-08-31");
        assert_eq!(months_late(due, d("2020-09-30")), 1);
        assert_eq!(months_late(due, d("2020-10-01")), 2);
        assert_eq!(months_late(d("9999-11-30"), d("9999-12-31")), 2);
    }

    #[test]
    fn pu_two_percent_per_started_month() {
        assert_eq!(
            fine(Category::Pu, "2025-01", 1_000_000, "2025-03-10"),
            (Some("2025-02-17".into()), 1, 20_000)
        );
        // 2% × 333,333 × 2 = 13,333.32 → 13,333 (rounded once).
        assert_eq!(
            fine(Category::Pu, "2025-04", 333_333, "2025-06-16"),
            (Some("2025-05-15".into()), 2, 13_333)
        );
    }

    #[test]
    fn pp49_2020_half_percent() {
        // Due 2020-09-30; paid 2020-11-02: 2 started months × 0.5%.
        let f = late_fine(
            Category::Pu,
            "2020-08".parse().unwrap(),
            Rupiah::new(1_000_000),
            d("2020-11-02"),
            &[],
        )
        .unwrap();
        assert_eq!(
            (f.months_late, f.amount.get(), f.rule),
            (2, 10_000, "pu.fine.pp49_2020")
        );
        assert_eq!(f.source.to_string(), "PP 49/2020 Pasal 23");
    }

    #[test]
    fn other_categories_pay_no_fine() {
        assert_eq!(
            fine(Category::Bpu, "2025-03", 16_800, "2025-12-01"),
            (Some("2025-03-17".into()), 9, 0)
        );
        assert_eq!(
            fine(Category::Jakon, "2025-04", 1_000_000, "2025-07-01"),
            (Some("2025-05-15".into()), 2, 0)
        );
        assert_eq!(
            fine(Category::Pmi, "2025-04", 370_000, "2026-01-01"),
            (None, 0, 0)
        );
    }

    #[test]
    fn fail_closed_and_overflow() {
        let before = late_fine(
            Category::Pu,
            "2015-06".parse().unwrap(),
            Rupiah::new(1),
            d("2016-01-01"),
            &[],
        );
        assert!(matches!(
            before,
            Err(ContributionError::NoRuleInForce { .. })
        ));
        let pmi = late_fine(
            Category::Pmi,
            "2018-12".parse().unwrap(),
            Rupiah::new(1),
            d("2019-01-01"),
            &[],
        );
        assert!(matches!(pmi, Err(ContributionError::NoRuleInForce { .. })));
        let huge = late_fine(
            Category::Pu,
            "2025-01".parse().unwrap(),
            Rupiah::new(u64::MAX),
            d("2026-01-01"),
            &[],
        );
        assert!(matches!(huge, Err(ContributionError::FineOverflow { .. })));
    }
}
