//! The jamsos JSON interchange contract, version 1 (docs/CONTRACT.md): the
//! wire format that the `jamsos` command line, the batch, the HTTP service,
//! the C ABI, WebAssembly and Python speak. It reads a document strictly
//! (duplicate keys and non-integer money are errors), decodes a case in the
//! contract's error order, computes with the domain crates, and writes the
//! result documents. Contributions and eligibility ([`contribution()`],
//! [`eligibility()`], §1, §3), benefit claims ([`benefit()`], §4), late
//! payment ([`fine()`], §5), JHT projections ([`projection()`], §6), one
//! roster row ([`Roster`], §2), any of them by name ([`respond()`]), and a
//! readable breakdown for people ([`pretty`]).
//!
//! In jamsos 0.1 this was the module `jamsos::contract` (and
//! `jamsos::pretty`); the facade `jamsos` now holds only the domain.

mod benefit;
mod case;
mod error;
mod fields;
mod fine;
mod grid;
mod json;
mod output;
pub mod pretty;
mod projection;
mod respond;
mod roster;

pub use benefit::{BenefitResult, MAX_CLAIM_AMOUNT, PaymentEntry, benefit, decode_claim};
pub use case::Cell;
pub use fine::{FineResult, fine};
pub use grid::{CallerGrid, parse_income_grid};
pub use projection::{ProjectionResult, YearEntry, projection};
pub use respond::{
    Command, MAX_INPUT_BYTES, Response, Status, document_text, respond, respond_bytes,
};
pub use roster::{HeaderError, Roster, RowCells};

pub use case::{Case, CaseOptions, Participant, decode, decode_for_eligibility};
pub use error::{ContractError, ErrorCode};
pub use output::{
    AllocationEntry, Component, ContributionResult, EligibilityResult, LineEntry, Notice,
    ProgramEntry, Totals, VERSION,
};

use jamsos_contribution::{Assessed, ContributionError, Options, assess};
use jamsos_eligibility::EligibilityError;
pub use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid, IncomeGridError};

/// Maps a domain error to the contract's error object.
#[must_use]
pub fn domain_error(e: ContributionError) -> ContractError {
    match e {
        ContributionError::WageBelowFloor { .. } => {
            ContractError::at(ErrorCode::WageBelowFloor, "participant.wage", e.to_string())
        }
        ContributionError::IncomeOutOfRange { .. } => ContractError::at(
            ErrorCode::IncomeOutOfRange,
            "participant.income",
            e.to_string(),
        ),
        ContributionError::ContractMonthsNotOffered { .. } => ContractError::at(
            ErrorCode::InvalidContractMonths,
            "participant.contract_months",
            e.to_string(),
        ),
        ContributionError::JhtMonthlyNotOffered { amount } => case::jht_monthly_error(amount),
        // Every table but PMI's starts at PROGRAMS_START, which the decoder
        // checks first; so a missing row is a PMI period before 2019-01.
        ContributionError::NoRuleInForce { table, period }
        | ContributionError::Eligibility(EligibilityError::NoRuleInForce { table, period }) => {
            ContractError::at(
                ErrorCode::PeriodOutOfRange,
                "period",
                format!(
                    "period {period} is before the first period the rules cover ({table} has no row for it): allowed are periods from 2015-07, for pmi from 2019-01 (D-6, D-25)"
                ),
            )
        }
        ContributionError::DueAfterCalendarEnd { .. } => ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "period",
            format!(
                "{e}: allowed are periods whose due date is on or before 9999-12-31 (pu and jakon: up to 9999-11; D-28)"
            ),
        ),
        ContributionError::PeriodAfterCalendarEnd { .. } => ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "period",
            format!("{e}: the last prepaid month must be 9999-12 or earlier (D-19)"),
        ),
        ContributionError::Eligibility(EligibilityError::BornAfterPeriod {
            birth_date,
            period,
        }) => ContractError::at(
            ErrorCode::InvalidDate,
            "participant.birth_date",
            format!(
                "participant.birth_date {birth_date} is after the end of period {period}: a birth date must be on or before {} (D-7a)",
                period.last_day()
            ),
        ),
        ContributionError::Eligibility(EligibilityError::RegisteredBeforeBirth {
            registered_on,
            birth_date,
        }) => ContractError::at(
            ErrorCode::InvalidDate,
            "participant.registered_on",
            format!(
                "participant.registered_on {registered_on} is before the birth date {birth_date}: a registration date must be on or after the birth date (D-7a)"
            ),
        ),
        other => ContractError::whole(ErrorCode::InvalidValue, other.to_string()),
    }
}

/// Settings of the library's caller that the contract's documents do not
/// carry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings<'a> {
    /// The official BPU income grid (D-17); `None`: the built-in provisional
    /// grid, and the warning `provisional_table`.
    pub income_grid: Option<IncomeGrid<'a>>,
}

/// The domain options of a decoded case.
fn options<'a>(case: &'a Case, settings: &Settings<'a>) -> Options<'a> {
    Options {
        jp_for_foreigners: case.options.jp_for_foreigners,
        holidays: &case.options.holidays,
        income_grid: settings.income_grid,
        prepay: case.options.prepay,
        pu_rules: None,
    }
}

/// Assesses a decoded case: every check of the contribution command (wage
/// floor, income grid, PMI package, JHT amount) applies, and then the NIK's
/// (D-37: `invalid_nik` is checked last, after the assessment's own errors).
fn assess_case(case: &Case, settings: &Settings<'_>) -> Result<Assessed, ContractError> {
    let assessed =
        assess(&case.participant, case.period, &options(case, settings)).map_err(domain_error)?;
    case.check_nik()?;
    Ok(assessed)
}

/// A case document decoded and assessed: the participant and the domain's
/// own assessment, for callers that render it themselves (the readable
/// breakdown of [`crate::pretty`]). Checked exactly as [`contribution`].
pub fn assessed_with(
    input: &str,
    settings: &Settings<'_>,
) -> Result<(Participant, Assessed), ContractError> {
    let case = decode(input)?;
    assess_case(&case, settings).map(|a| (case.participant, a))
}

/// As [`assessed_with`], with the case checked as for `jamsos eligibility`
/// (`options.months` ignored, CONTRACT.md §3).
pub fn assessed_for_eligibility_with(
    input: &str,
    settings: &Settings<'_>,
) -> Result<(Participant, Assessed), ContractError> {
    let case = decode_for_eligibility(input)?;
    assess_case(&case, settings).map(|a| (case.participant, a))
}

/// `jamsos contribution`: a case document in, a result document out.
///
/// ```
/// let case = r#"{"period": "2025-04", "participant": {"category": "pu",
///   "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
/// let result = jamsos_contract::contribution(case)?;
/// assert_eq!(result.totals.employer, 89_000 + 30_000 + 370_000 + 200_000);
/// assert_eq!(result.totals.worker, 200_000 + 100_000);
///
/// // A market trader at the minimum income, October 2026 (PP 50/2025).
/// let trader = r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
/// assert_eq!(jamsos_contract::contribution(trader)?.totals.participant, 8_400);
///
/// let bad = r#"{"period": "2025-04", "participant": {"category": "pu",
///   "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 6, "scale": "medium"}}"#;
/// let error = jamsos_contract::contribution(bad).unwrap_err();
/// assert_eq!(error.code.code(), "invalid_risk_class");
/// assert_eq!(error.field.as_deref(), Some("participant.risk_class"));
/// # Ok::<(), jamsos_contract::ContractError>(())
/// ```
pub fn contribution(input: &str) -> Result<ContributionResult, ContractError> {
    contribution_with(input, &Settings::default())
}

/// [`contribution`] with the caller's [`Settings`], e.g. the official BPU
/// income grid.
pub fn contribution_with(
    input: &str,
    settings: &Settings<'_>,
) -> Result<ContributionResult, ContractError> {
    assess_case(&decode(input)?, settings).map(|a| ContributionResult::from_assessed(&a))
}

/// `jamsos eligibility`: a case document in, the programs (and for wage
/// earners the pension-age dates) out. The case is checked exactly as for
/// [`contribution`] (CONTRACT.md §3), so a case one command refuses the other
/// refuses too.
pub fn eligibility(input: &str) -> Result<EligibilityResult, ContractError> {
    eligibility_with(input, &Settings::default())
}

/// [`eligibility`] with the caller's [`Settings`].
pub fn eligibility_with(
    input: &str,
    settings: &Settings<'_>,
) -> Result<EligibilityResult, ContractError> {
    // The amounts are computed and dropped so that every check of the
    // contribution command applies (CONTRACT.md §3).
    Ok(
        match assess_case(&decode_for_eligibility(input)?, settings)? {
            Assessed::Pu(a) => EligibilityResult::from_pu(&a.eligibility),
            other => {
                EligibilityResult::from_statuses(other.category(), other.period(), other.statuses())
            }
        },
    )
}

/// The README's example, compiled and run by `cargo test --doc`.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExample;
