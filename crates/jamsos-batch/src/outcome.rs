//! One roster row's result: the contract's amount and status columns
//! (CONTRACT.md §2), computed straight from the domain crates, with each
//! month's wage-earner rules resolved once per worker thread.

use jamsos::contract::{Case, ContractError, Participant, Settings, domain_error};
use jamsos_contribution::{Line, Options, PuRules};
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
const fn column(program: Billed, payer: Payer) -> Option<usize> {
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
    fn pu(&mut self, period: Period) -> Result<PuRules, ContractError> {
        if let Some(rules) = self.pu.iter().find(|r| r.period() == period) {
            return Ok(*rules);
        }
        let rules = PuRules::new(period, &Options::default()).map_err(domain_error)?;
        self.pu.push(rules);
        Ok(rules)
    }
}

fn fill<'a>(
    category: Category,
    lines: impl Iterator<Item = &'a Line>,
    deferred: impl Iterator<Item = &'a Line>,
    statuses: &Statuses,
) -> Outcome {
    let mut amounts = [0u64; 18];
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
    Outcome {
        category,
        amounts,
        statuses: statuses.programs.map(|p| p.status),
    }
}

/// Decodes one roster row's cells (CONTRACT.md §2: as many as the roster's
/// width, an empty cell absent) and assesses it: the amounts and statuses of
/// an `ok` row, or the error of an error row. What `jamsos batch` does to
/// every CSV row, for other front ends (the columnar kernel).
pub fn assess_row(
    roster: &jamsos::contract::Roster,
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
    let outcome = assess_amounts(case, settings, cache)?;
    case.check_nik()?;
    Ok(outcome)
}

fn assess_amounts(
    case: &Case,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
) -> Result<Outcome, ContractError> {
    let period = case.period;
    let pu_rules = match case.participant {
        Participant::Pu(_) => Some(cache.pu(period)?),
        _ => None,
    };
    let options = Options {
        income_grid: settings.income_grid,
        pu_rules: pu_rules.as_ref(),
        ..Options::default()
    };
    // Read in place: an assessment is a few kilobytes (a BPU prepayment is
    // held inline, no_std without alloc), and moving it through `map_err`
    // and `?` copied it twice per row, a sixth of a batch's time.
    match &jamsos_contribution::assess(&case.participant, period, &options) {
        Ok(a) => Ok(fill(a.category(), a.lines(), a.deferred(), a.statuses())),
        Err(e) => Err(domain_error(*e)),
    }
}

/// [`assess_row`] for a columnar roster's row of typed cells (`None`
/// absent): decoded by [`jamsos::contract::Roster::decode_cells`], which
/// reads integers, booleans and dates as they are and gives exactly the
/// values and errors of the same row's CSV text.
pub fn assess_cells(
    roster: &jamsos::contract::Roster,
    cells: &[Option<jamsos::contract::Cell<'_>>],
    period: Period,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
) -> Result<Outcome, ContractError> {
    // The case and the outcome are read where they were built, not moved
    // out of their `Result`s (a few hundred bytes copied per row).
    let decoded = roster.decode_cells(cells, period);
    let case = match &decoded {
        Ok(case) => case,
        Err(e) => return Err(e.clone()),
    };
    let outcome = assess_in_place(case, settings, cache);
    if outcome.is_ok() {
        case.check_nik()?;
    }
    outcome
}

/// What `assess_amounts` computes, each category's own assessment called
/// directly and read where it was built: wrapping it in
/// `jamsos_contribution::Assessed` copied it once more per row (a BPU
/// assessment holds a 12-month prepayment inline, 3,920 bytes), about a
/// tenth of a columnar row's time. The same functions, options and rules:
/// `jamsos_contribution::assess` only dispatches on the category.
fn assess_in_place(
    case: &Case,
    settings: &Settings<'_>,
    cache: &mut RulesCache,
) -> Result<Outcome, ContractError> {
    let period = case.period;
    let options = Options {
        income_grid: settings.income_grid,
        ..Options::default()
    };
    let none = core::iter::empty();
    match &case.participant {
        // `PuRules::assess` is what `assess` calls with the month's rules.
        Participant::Pu(worker) => match &cache.pu(period)?.assess(worker) {
            Ok(a) => Ok(fill(
                Category::Pu,
                a.lines.iter(),
                a.deferred.iter(),
                &a.eligibility.statuses,
            )),
            Err(e) => Err(domain_error(*e)),
        },
        Participant::Bpu(worker) => {
            match &jamsos_contribution::assess_bpu(worker, period, options.prepay, &options) {
                Ok(a) => Ok(fill(Category::Bpu, a.lines.iter(), none, &a.statuses)),
                Err(e) => Err(domain_error(*e)),
            }
        }
        Participant::Jakon(project) => {
            match &jamsos_contribution::assess_jakon(project, period, &options) {
                Ok(a) => Ok(fill(Category::Jakon, a.lines.iter(), none, &a.statuses)),
                Err(e) => Err(domain_error(*e)),
            }
        }
        Participant::Pmi(worker) => match &jamsos_contribution::assess_pmi(worker, period) {
            Ok(a) => Ok(fill(Category::Pmi, a.lines.iter(), none, &a.statuses)),
            Err(e) => Err(domain_error(*e)),
        },
        // A category added later goes through the general path.
        _ => assess_amounts(case, settings, cache),
    }
}
