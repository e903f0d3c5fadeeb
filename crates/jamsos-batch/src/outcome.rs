//! One roster row's result: the contract's amount and status columns
//! (CONTRACT.md §2), computed straight from the domain crates, with each
//! month's wage-earner rules resolved once per worker thread.

use jamsos_contract::{Case, ContractError, Participant, Settings, domain_error};
use jamsos_contribution::{ContributionError, Line, Options, PuRules};
use jamsos_core::{Billed, Payer, Period, Program};
use jamsos_eligibility::{Status, Statuses};
use jamsos_worker::Category;

/// The amount columns of an `ok` row, in the contract's order.
pub const AMOUNT_COLUMNS: [&str; 18] = [
    "jkk_employer",
    "jkk_participant",
    "jkk_government",
    "jkm_employer",
    "jkm_participant",
    "jkm_government",
    "jht_employer",
    "jht_worker",
    "jht_participant",
    "jp_employer",
    "jp_worker",
    "jp_deferred",
    "jkp_government",
    "jkk_jkm_participant",
    "total_employer",
    "total_worker",
    "total_participant",
    "total_government",
];

/// Where a billed line goes among [`AMOUNT_COLUMNS`]; `None` for a
/// combination no category bills.
pub(crate) const fn column(program: Billed, payer: Payer) -> Option<usize> {
    Some(match (program, payer) {
        (Billed::Program(Program::Jkk), Payer::Employer) => 0,
        (Billed::Program(Program::Jkk), Payer::Participant) => 1,
        (Billed::Program(Program::Jkk), Payer::Government) => 2,
        (Billed::Program(Program::Jkm), Payer::Employer) => 3,
        (Billed::Program(Program::Jkm), Payer::Participant) => 4,
        (Billed::Program(Program::Jkm), Payer::Government) => 5,
        (Billed::Program(Program::Jht), Payer::Employer) => 6,
        (Billed::Program(Program::Jht), Payer::Worker) => 7,
        (Billed::Program(Program::Jht), Payer::Participant) => 8,
        (Billed::Program(Program::Jp), Payer::Employer) => 9,
        (Billed::Program(Program::Jp), Payer::Worker) => 10,
        (Billed::Program(Program::Jkp), Payer::Government) => 12,
        (Billed::JkkJkm, Payer::Participant) => 13,
        _ => return None,
    })
}

/// The result of an `ok` row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The participant's category.
    pub category: Category,
    /// Whole rupiah, in the order of [`AMOUNT_COLUMNS`].
    pub amounts: [u64; 18],
    /// Each program's status, in `Program::ALL` order.
    pub statuses: [Status; 5],
}

impl Outcome {
    /// The four payers' totals: employer, worker, participant, government.
    #[must_use]
    pub fn totals(&self) -> [u64; 4] {
        let [.., e, w, p, g] = self.amounts;
        [e, w, p, g]
    }
}

/// Wage-earner rules of the months seen so far (a roster has few months);
/// one per thread.
#[derive(Default)]
pub struct RulesCache {
    pu: Vec<PuRules>,
}

impl RulesCache {
    /// The rules of `period`, resolved on first use (`PuRules` is `Copy`).
    fn pu(&mut self, period: Period) -> Result<&PuRules, ContractError> {
        self.resolve(period).map_err(domain_error)
    }

    /// [`RulesCache::pu`], with the domain's error.
    fn resolve(&mut self, period: Period) -> Result<&PuRules, ContributionError> {
        let known = match self.pu.iter().position(|r| r.period() == period) {
            Some(i) => i,
            None => {
                self.pu.push(PuRules::new(period, &Options::default())?);
                self.pu.len() - 1
            }
        };
        // `known` indexes the list: the error cannot happen.
        self.pu
            .get(known)
            .ok_or(ContributionError::Capacity { period })
    }
}

/// Writes an assessment's amounts and statuses into `out`, field by field
/// (in place: a whole outcome moved was a call to `memcpy`).
fn fill<'a>(
    out: &mut Outcome,
    category: Category,
    lines: impl Iterator<Item = &'a Line>,
    deferred: impl Iterator<Item = &'a Line>,
    statuses: &Statuses,
) {
    out.category = category;
    out.amounts = [0; 18];
    let amounts = &mut out.amounts;
    let mut add = |i: usize, amount: u64| {
        if let Some(slot) = amounts.get_mut(i) {
            *slot = slot.saturating_add(amount);
        }
    };
    for l in lines {
        if let Some(i) = column(l.program, l.payer) {
            add(i, l.amount.get());
        }
        let total = match l.payer {
            Payer::Employer => 14,
            Payer::Worker => 15,
            Payer::Participant => 16,
            Payer::Government => 17,
        };
        add(total, l.amount.get());
    }
    for l in deferred {
        add(11, l.amount.get());
    }
    for (slot, p) in out.statuses.iter_mut().zip(&statuses.programs) {
        *slot = p.status;
    }
}

impl Outcome {
    /// No amounts, every program not eligible: a placeholder to assess
    /// into ([`assess_row_cells_into`]).
    pub const EMPTY: Outcome = Outcome {
        category: Category::Pu,
        amounts: [0; 18],
        statuses: [Status::NotEligible; 5],
    };
}

/// Decodes one roster row's cells (CONTRACT.md §2: as many as the roster's
/// width, an empty cell absent) and assesses it: the amounts and statuses of
/// an `ok` row, or the error of an error row. What `jamsos batch` does to
/// every CSV row, for other front ends (the columnar kernel).
pub fn assess_row(
    roster: &jamsos_contract::Roster,
    cells: &[&str],
    period: Period,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
) -> Result<Outcome, ContractError> {
    let case = roster.decode(cells, period)?;
    assess(&case, settings, cache)
}

/// Assesses a decoded row (one month: BPU prepayment is not available in a
/// roster), with the month's wage-earner rules resolved once per worker
/// thread; a NIK's error comes after every other (D-37).
pub(crate) fn assess(
    case: &Case,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
) -> Result<Outcome, ContractError> {
    let mut outcome = Outcome::EMPTY;
    assess_into(case, settings, cache, &mut outcome)?;
    Ok(outcome)
}

/// [`assess`] into `outcome`, for a caller that reads it where it is (the
/// CSV batch: each move of an outcome through a `Result` was a call to
/// `memcpy`).
pub(crate) fn assess_into(
    case: &Case,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
    outcome: &mut Outcome,
) -> Result<(), ContractError> {
    assess_amounts(case, settings, cache, outcome)?;
    case.check_nik()?;
    Ok(())
}

fn assess_amounts(
    case: &Case,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
    outcome: &mut Outcome,
) -> Result<(), ContractError> {
    let period = case.period;
    let pu_rules = match case.participant {
        Participant::Pu(_) => Some(cache.pu(period)?),
        // The month's rules also carry BPU and Jakon due dates, computed
        // once; a month without wage-earner rules (before 2015-07) is
        // assessed without them, as any single case is.
        Participant::Bpu(_) | Participant::Jakon(_) => cache.resolve(period).ok(),
        _ => None,
    };
    let options = Options {
        income_grid: settings.income_grid,
        pu_rules,
        ..Options::default()
    };
    // Read where it was built: an assessment is a few kilobytes, and
    // moving it out copied it twice per row, a sixth of a batch's time.
    jamsos_contribution::assess_ref(&case.participant, period, &options, |a| {
        fill(outcome, a.category(), a.lines(), a.deferred(), a.statuses());
    })
    .map_err(domain_error)
}

/// [`assess_row`] for a columnar roster's row of typed cells, put together
/// column by column ([`jamsos_contract::Roster::put`]), into `result`:
/// decoded by [`jamsos_contract::Roster::decode_row`], which reads
/// integers, booleans and dates as they are and gives exactly the values
/// and errors of the same row's CSV text. (A row that
/// [`needs_text`](jamsos_contract::RowCells::needs_text) goes to
/// [`assess_row`] with its text.) The outcome is filled where it is (a
/// block of results is reused from block to block): each move of an
/// outcome through a `Result` was a call to `memcpy`.
pub fn assess_row_cells_into(
    roster: &jamsos_contract::Roster,
    row: &mut jamsos_contract::RowCells<'_>,
    period: Period,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
    result: &mut Result<Outcome, ContractError>,
) {
    // The case is read where it was built, not moved out of its `Result`.
    let decoded = roster.decode_row(row, period);
    let case = match &decoded {
        Ok(case) => case,
        Err(e) => {
            *result = Err(e.clone());
            return;
        }
    };
    if result.is_err() {
        *result = Ok(Outcome::EMPTY);
    }
    if let Ok(outcome) = result {
        let assessed = assess_amounts(case, settings, cache, outcome)
            .and_then(|()| case.check_nik().map(|_| ()));
        if let Err(e) = assessed {
            *result = Err(e);
        }
    }
}
