//! `table_lookup`: every dated rule table's [`Table::at`] (a binary search)
//! against a naive linear scan, for periods and dates anywhere in the
//! calendar; and the BPU income grid's bracket lookup against a scan.

use arbitrary::{Result, Unstructured};
use chrono::{Datelike, NaiveDate};
use jamsos::core::{Period, Rupiah};
use jamsos::rules::pp_44_2015::{IncomeBracket, IncomeGrid, IncomeGridError};
use jamsos::rules::{
    Audit, Entry, TABLES, Table, jkp, payment, permenaker_4_2022, permenaker_4_2023,
    permenaker_5_2021, perpres_109_2013, pp_7_2025, pp_44_2015, pp_45_2015, pp_46_2015, pp_49_2020,
    pp_50_2025, pp_82_2019, se_bpjs_b_12_012023,
};

/// The row in force at `key` by the definition (the last row whose `from`
/// is not after `key`), by looking at every row.
fn naive<T, K: Ord + Copy>(table: &Table<T, K>, key: K) -> Option<&'static Entry<T, K>> {
    let mut found = None;
    for e in table.entries {
        if e.from <= key {
            found = Some(e);
        }
    }
    found
}

fn same<T, K>(a: Option<&Entry<T, K>>, b: Option<&Entry<T, K>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => false,
    }
}

/// Checks one table at `key` and at the edges of every row.
fn check<T, K: Ord + Copy + std::fmt::Debug>(table: &Table<T, K>, key: K) {
    assert!(
        same(table.at(key), naive(table, key)),
        "{}: at({key:?}) differs from a linear scan",
        table.name
    );
    assert!(
        table.is_strictly_sorted(),
        "{} is not strictly sorted",
        table.name
    );
    assert!(
        same(table.latest(), table.entries.last()),
        "{}: latest",
        table.name
    );
}

/// The typed tables, one call per table at `period` or `date`. Keep in step
/// with `jamsos_rules::TABLES`: [`names`] is compared with it.
macro_rules! each_table {
    ($period:expr, $date:expr, [$($pt:path),* $(,)?], [$($dt:path),* $(,)?]) => {{
        $( check(&$pt, $period); )*
        $( check(&$dt, $date); )*
        [$( $pt.name, )* $( $dt.name, )*]
    }};
}

fn all(period: Period, date: NaiveDate) -> [&'static str; 35] {
    each_table!(
        period,
        date,
        [
            pp_44_2015::JKK_PU,
            pp_44_2015::JKM_PU,
            pp_46_2015::JHT_PU,
            pp_45_2015::JP_SHARES,
            pp_45_2015::JP_WAGE_CEILING,
            jkp::JKP_REGIME,
            pp_7_2025::JKK_DISCOUNT,
            pp_49_2020::RELIEF,
            se_bpjs_b_12_012023::WAGE_FLOOR,
            perpres_109_2013::PROGRAMS_BY_SCALE,
            payment::PU_DUE_DAY,
            payment::BPU_DUE_DAY,
            payment::PU_FINE,
            payment::BPU_FINE,
            payment::JAKON_FINE,
            payment::PMI_FINE,
            pp_44_2015::BPU_INCOME_GRID,
            pp_44_2015::JKK_BPU,
            pp_44_2015::JKM_BPU,
            pp_46_2015::JHT_BPU,
            pp_44_2015::BPU_PROGRAMS,
            pp_50_2025::TRANSPORT,
            pp_50_2025::OTHER,
            pp_44_2015::JAKON_WAGE,
            pp_44_2015::JAKON_CONTRACT,
            perpres_109_2013::JAKON_PROGRAMS,
            permenaker_4_2023::PMI_CONTRIBUTION,
        ],
        [
            pp_45_2015::PENSION_AGE,
            pp_45_2015::JP_FORMULA,
            pp_45_2015::JP_BENEFIT_LIMITS,
            jkp::JKP_BENEFIT,
            pp_82_2019::JKM_BENEFIT,
            pp_82_2019::JKK_BENEFIT,
            permenaker_5_2021::SCHOLARSHIP,
            permenaker_4_2022::JHT_CLAIM,
        ]
    )
}

/// The names of the tables [`all`] checks.
pub fn names() -> Vec<&'static str> {
    let p = Period::new(2025, 1).unwrap_or_else(|| unreachable!());
    let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut n = all(p, d).to_vec();
    n.sort_unstable();
    n
}

/// A period anywhere from 0001-01 to 9999-12, mostly near the rules' dates.
fn period(u: &mut Unstructured<'_>) -> Result<Period> {
    let (year, month) = match u.int_in_range(0u8..=3)? {
        0 => (u.int_in_range(1u16..=9999)?, u.int_in_range(1u8..=12)?),
        1 => (
            u.choose(&[1u16, 2, 1999, 2014, 2015, 9998, 9999])?
                .to_owned(),
            u.int_in_range(1u8..=12)?,
        ),
        _ => (u.int_in_range(2013u16..=2032)?, u.int_in_range(1u8..=12)?),
    };
    Ok(Period::new(year, month).unwrap_or_else(|| unreachable!("in range")))
}

/// A date anywhere chrono can hold, mostly near the rules' dates.
fn date(u: &mut Unstructured<'_>) -> Result<NaiveDate> {
    let near = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    Ok(match u.int_in_range(0u8..=3)? {
        0 => NaiveDate::from_num_days_from_ce_opt(u.arbitrary::<i32>()?).unwrap_or(NaiveDate::MIN),
        1 => *u.choose(&[NaiveDate::MIN, NaiveDate::MAX])?,
        _ => near
            .checked_add_signed(chrono::TimeDelta::days(i64::from(
                u.int_in_range(-800i32..=7000)?,
            )))
            .unwrap_or(near),
    })
}

/// The income grid's bracket lookup against a scan: the nominal of the one
/// bracket holding `income`, the income itself for a bracket without one,
/// `None` in a gap; and `official` refuses exactly the grids its doc refuses.
fn check_grid(u: &mut Unstructured<'_>) -> Result<()> {
    let n = u.int_in_range(0usize..=6)?;
    let mut brackets = Vec::with_capacity(n);
    let mut at = u.int_in_range(0u64..=3_000_000)?;
    for _ in 0..n {
        // Mostly valid, ascending brackets; sometimes inverted or overlapping.
        let from = if u.ratio(1u8, 8)? {
            at.saturating_sub(u.int_in_range(0u64..=10)?)
        } else {
            at.saturating_add(u.int_in_range(0u64..=5)?)
        };
        // Mostly closed; sometimes inverted, sometimes open-ended (`None`),
        // which only the last bracket may be.
        let to = if u.ratio(1u8, 10)? {
            Some(from.saturating_sub(1))
        } else if u.ratio(1u8, 8)? {
            None
        } else {
            Some(from.saturating_add(u.int_in_range(0u64..=2_000_000)?))
        };
        let nominal = if u.arbitrary()? {
            Some(u.int_in_range(0u64..=21_000_000)?)
        } else {
            None
        };
        brackets.push(IncomeBracket {
            from: Rupiah::new(from),
            to: to.map(Rupiah::new),
            nominal: nominal.map(Rupiah::new),
        });
        at = to.map_or(at, |to| to.saturating_add(1));
    }
    // What `official` must say, by its documented rules, checked in order.
    let mut expected: std::result::Result<(), IncomeGridError> = if brackets.is_empty() {
        Err(IncomeGridError::Empty)
    } else {
        Ok(())
    };
    for (index, b) in brackets.iter().enumerate() {
        if expected.is_err() {
            break;
        }
        let after_previous = match index.checked_sub(1).and_then(|i| brackets.get(i)) {
            None => true,
            Some(p) => p.to.is_some_and(|end| b.from > end),
        };
        if b.to.is_some_and(|to| to < b.from) {
            expected = Err(IncomeGridError::InvertedBracket { index });
        } else if b.nominal.is_some_and(|x| x.get() == 0) {
            expected = Err(IncomeGridError::ZeroNominal { index });
        } else if !after_previous {
            expected = Err(IncomeGridError::Overlap { index });
        }
    }
    let grid = IncomeGrid::official(&brackets);
    assert_eq!(grid.map(|_| ()), expected, "official({brackets:?})");
    let Ok(grid) = grid else { return Ok(()) };
    for _ in 0..8 {
        let income = match u.int_in_range(0u8..=2)? {
            0 => u.arbitrary::<u64>()?,
            1 => brackets
                .get(u.choose_index(brackets.len().max(1))?)
                .map_or(0, |b| {
                    b.from
                        .get()
                        .wrapping_add(u64::from(u.int_in_range(0u8..=2).unwrap_or(0)))
                        .wrapping_sub(1)
                }),
            _ => brackets
                .get(u.choose_index(brackets.len().max(1))?)
                .map_or(0, |b| {
                    b.to.map_or(u64::MAX, Rupiah::get)
                        .wrapping_add(u64::from(u.int_in_range(0u8..=2).unwrap_or(0)))
                        .wrapping_sub(1)
                }),
        };
        let income = Rupiah::new(income);
        let scan = brackets
            .iter()
            .find(|b| b.from <= income && b.to.is_none_or(|to| income <= to))
            .map(|b| b.nominal.unwrap_or(income));
        assert_eq!(
            grid.nominal(income),
            scan,
            "nominal({income:?}) in {brackets:?}"
        );
        let range = grid.range();
        assert_eq!(
            range,
            Some((
                brackets.first().map_or(Rupiah::ZERO, |b| b.from),
                brackets.last().and_then(|b| b.to)
            ))
        );
    }
    Ok(())
}

/// Period arithmetic the lookups rely on, against the calendar.
fn check_period(p: Period, d: NaiveDate) {
    assert!(p.prev() <= p && p <= p.next());
    assert_eq!(p.next().months_since(p), i64::from(p.next() != p));
    assert!(p.first_day() <= p.last_day());
    assert_eq!(Period::of(p.first_day()), p);
    assert_eq!(Period::of(p.last_day()), p);
    assert_eq!(p.to_string().parse::<Period>().ok(), Some(p));
    if (1..=9999).contains(&d.year()) {
        let q = Period::of(d);
        assert!(q.first_day() <= d && d <= q.last_day(), "{d} not in {q}");
        assert_eq!(
            (i32::from(q.year()), u32::from(q.month())),
            (d.year(), d.month())
        );
    }
}

/// The `table_lookup` target.
pub fn table_lookup(data: &[u8]) {
    let mut u = Unstructured::new(data);
    for _ in 0..16 {
        let (Ok(p), Ok(d)) = (period(&mut u), date(&mut u)) else {
            break;
        };
        all(p, d);
        check_period(p, d);
        if u.is_empty() {
            break;
        }
    }
    let _ = check_grid(&mut u);
    // Every table the audit list knows is looked up here.
    let mut audited: Vec<&str> = TABLES.iter().map(|t| t.name()).collect();
    audited.sort_unstable();
    assert_eq!(
        audited,
        names(),
        "the fuzz target's tables differ from TABLES"
    );
}
