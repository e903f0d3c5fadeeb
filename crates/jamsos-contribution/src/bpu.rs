//! Informal workers (BPU): DECISIONS.md D-16 … D-22.

use jamsos_core::{Payer, Period, Program, Rate, Rupiah, Source, age_on};
use jamsos_eligibility::category;
use jamsos_rules::Table;
use jamsos_rules::pp_44_2015::{BPU_INCOME_GRID, IncomeGrid, JKK_BPU, JKM_BPU};
use jamsos_rules::pp_46_2015::JHT_BPU;
use jamsos_rules::pp_49_2020::{JKK_JKM_SOURCE, RELIEF};
use jamsos_rules::pp_50_2025::{self, BpuDiscount};
use jamsos_worker::{BpuWorker, Prepay, Sector};

use crate::bill::{Bill, scaled};
use crate::pu::in_force;
use crate::{
    BpuAssessment, ContributionError, List, Options, PuRules, Totals, Warning, Warnings,
    due_date_bpu,
};

/// The age under which a BPU result warns (D-22). No limit is enforced.
const ADULT_AGE: u32 = 18;

/// A relief or discount on JKK and JKM in one month.
#[derive(Clone, Copy)]
struct Adjustment {
    factor: Rate,
    source: &'static Source,
    jkk_rule: &'static str,
    jkm_rule: &'static str,
}

/// The PP 50/2025 months of a sector (D-21).
const fn discount_table(sector: Sector) -> &'static Table<Option<BpuDiscount>> {
    match sector {
        Sector::Transport => &pp_50_2025::TRANSPORT,
        Sector::Other => &pp_50_2025::OTHER,
    }
}

/// An informal worker's contributions for `prepay` months from `period`,
/// each month billed under its own rules (D-19): JKK 1% of the nominal base
/// of the declared income's row in the income table (D-17), JKM flat, JHT
/// 2% of the same base when opted in (D-17, D-18); paid by the
/// participant, or JKK and JKM by the government for subsidised workers
/// (D-20); the PP 50/2025 discount (D-21) and the PP 49/2020 relief (D-16).
/// The due date is the first month's (D-28, D-16).
///
/// ```
/// use jamsos_contribution::{assess_bpu, Options};
/// use jamsos_core::{Billed, Payer, Program, Rupiah};
/// use jamsos_worker::{BpuWorker, Income, Prepay, Sector};
///
/// // An ojek driver declaring Rp2,150,000 in April 2026, under PP 50/2025:
/// // the income falls in row 7 of the income table, [2,100,000, 2,300,000),
/// // whose base is Rp2,200,000 (D-17), so JKK is 1% of 2,200,000 = 22,000,
/// // halved to 11,000, and JKM 6,800 is halved to 3,400 (D-21).
/// let mut driver = BpuWorker::new(Income::new(2_150_000)?);
/// driver.sector = Sector::Transport;
/// let a = assess_bpu(&driver, "2026-04".parse()?, Prepay::One, &Options::default())?;
/// let jkk = a.lines.iter().find(|l| l.program == Billed::Program(Program::Jkk)).map(|l| l.base);
/// assert_eq!(jkk, Some(Some(Rupiah::new(2_200_000))));
/// assert_eq!(a.totals.participant, Rupiah::new(14_400)); // 11,000 + 3,400
/// assert_eq!(a.due_date.map(|d| d.to_string()).as_deref(), Some("2026-04-15"));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// Errors: a period before 2015-07 or a prepayment past 9999-12, a birth
/// date after the period (D-7a), an income outside a caller's grid (D-17).
pub fn assess_bpu(
    worker: &BpuWorker,
    period: Period,
    prepay: Prepay,
    options: &Options<'_>,
) -> Result<BpuAssessment, ContributionError> {
    assess_bpu_with(worker, period, prepay, options, |a| *a)
}

/// [`assess_bpu`], read by `read` where it was built: a BPU assessment is
/// 3.9 kB, and returning it was a copy per case that a bulk run, which reads
/// a few amounts of it, does not need (`assess_ref`).
pub(crate) fn assess_bpu_with<R>(
    worker: &BpuWorker,
    period: Period,
    prepay: Prepay,
    options: &Options<'_>,
    read: impl FnOnce(&BpuAssessment) -> R,
) -> Result<R, ContributionError> {
    let statuses = category::bpu(worker, period)?;
    let mut warnings = Warnings::default();
    if worker
        .birth_date
        .is_some_and(|birth| age_on(birth, period.first_day()) < ADULT_AGE)
    {
        warnings = warnings.with(Warning::Under18);
    }
    let income = worker.income.rupiah();
    let payer = if worker.subsidised {
        Payer::Government
    } else {
        Payer::Participant
    };

    let joined = statuses.joined;
    // Built where it is read, and billed into in place.
    let mut assessment = BpuAssessment {
        period,
        months: prepay.months(),
        statuses,
        lines: List::new(),
        components: List::new(),
        totals: Totals::default(),
        due_date: None,
        warnings: Warnings::default(),
    };
    let mut bill = Bill::new(period, &mut assessment.lines, &mut assessment.totals);
    for month in 0..prepay.months() {
        let p = period
            .checked_add_months(u32::from(month))
            .ok_or(ContributionError::PeriodAfterCalendarEnd { period })?;
        let grid = match options.income_grid {
            Some(grid) => grid,
            None => in_force(&BPU_INCOME_GRID, p)?.value,
        };
        if grid.is_provisional() {
            warnings = warnings.with(Warning::ProvisionalTable);
        }
        let base = nominal(&grid, income)?;

        // D-16 first (its periods are long past), then D-21; subsidised
        // workers never get the PP 50/2025 discount (D-20).
        let relief = RELIEF
            .at(p)
            .and_then(|e| e.value)
            .filter(|_| worker.paid_through_2020_07)
            .map(|r| Adjustment {
                factor: r.jkk_jkm_factor,
                source: &JKK_JKM_SOURCE,
                jkk_rule: "bpu.jkk.relief_pp49_2020",
                jkm_rule: "bpu.jkm.relief_pp49_2020",
            });
        let discount = discount_table(worker.sector)
            .at(p)
            .filter(|_| !worker.subsidised)
            .and_then(|e| {
                e.value.map(|d| Adjustment {
                    factor: d.factor,
                    source: &e.source,
                    jkk_rule: "bpu.jkk.discount_pp50_2025",
                    jkm_rule: "bpu.jkm.discount_pp50_2025",
                })
            });
        let adjustment = relief.or(discount);

        let jkk = in_force(&JKK_BPU, p)?;
        let (rate, rule, adjusted_by) = match adjustment {
            Some(a) => (scaled(jkk.value, a.factor), a.jkk_rule, Some(a.source)),
            None => (jkk.value, "bpu.jkk.rate", None),
        };
        bill.rated(
            p,
            Program::Jkk,
            payer,
            base,
            rate,
            rule,
            &jkk.source,
            adjusted_by,
        )?;

        // JKM is a flat amount; the factor applies to it before rounding (D-3).
        let jkm = in_force(&JKM_BPU, p)?;
        let (amount, rule, adjusted_by) = match adjustment {
            Some(a) => (a.factor.apply(jkm.value), a.jkm_rule, Some(a.source)),
            None => (jkm.value, "bpu.jkm.flat", None),
        };
        bill.flat(
            p,
            Program::Jkm,
            payer,
            amount,
            rule,
            &jkm.source,
            adjusted_by,
        )?;

        // JHT: optional, never discounted or relieved, always the participant's.
        if joined.contains(Program::Jht) {
            let jht = in_force(&JHT_BPU, p)?;
            bill.rated(
                p,
                Program::Jht,
                Payer::Participant,
                base,
                jht.value,
                "bpu.jht.rate",
                &jht.source,
                None,
            )?;
        }
    }

    // A bulk run's month rules carry the due date, computed once.
    assessment.due_date = Some(
        match PuRules::for_period(options, period).and_then(PuRules::bpu_due_date) {
            Some(due) => due,
            None => due_date_bpu(period, options.holidays)?,
        },
    );
    assessment.warnings = warnings;
    Ok(read(&assessment))
}

/// The income the rates apply to, or the error naming the grid's range.
fn nominal(grid: &IncomeGrid<'_>, income: Rupiah) -> Result<Rupiah, ContributionError> {
    grid.nominal(income).ok_or_else(|| {
        let (min, max) = grid.range().unwrap_or((Rupiah::ZERO, None));
        ContributionError::IncomeOutOfRange { income, min, max }
    })
}
