//! The JSON interchange contract, version 1 (CONTRACT.md): decoding cases in the
//! contract's error order, computing, and the result documents. Contributions
//! and eligibility (§1, §3), benefit claims ([`benefit()`], §4) and late
//! payment ([`fine()`], §5).

mod benefit;
mod case;
mod error;
mod fields;
mod fine;
mod output;

pub use benefit::{BenefitResult, MAX_CLAIM_AMOUNT, PaymentEntry, benefit, decode_claim};
pub use fine::{FineResult, fine};

pub use case::{Case, CaseOptions, Participant, decode, decode_for_eligibility};
pub use error::{ContractError, ErrorCode};
pub use output::{
    AllocationEntry, Component, ContributionResult, EligibilityResult, LineEntry, Notice,
    ProgramEntry, Totals, VERSION,
};

use jamsos_contribution::{Assessment, ContributionError, Options, assess_pu};
use jamsos_eligibility::EligibilityError;

/// Maps a domain error to the contract's error object.
fn domain_error(e: ContributionError) -> ContractError {
    match e {
        ContributionError::WageBelowFloor { .. } => {
            ContractError::at(ErrorCode::WageBelowFloor, "participant.wage", e.to_string())
        }
        ContributionError::NoRuleInForce { .. }
        | ContributionError::DueAfterCalendarEnd { .. }
        | ContributionError::Eligibility(EligibilityError::NoRuleInForce { .. }) => {
            ContractError::at(ErrorCode::PeriodOutOfRange, "period", e.to_string())
        }
        ContributionError::Eligibility(EligibilityError::BornAfterPeriod { .. }) => {
            ContractError::at(
                ErrorCode::InvalidDate,
                "participant.birth_date",
                e.to_string(),
            )
        }
        ContributionError::Eligibility(EligibilityError::RegisteredBeforeBirth { .. }) => {
            ContractError::at(
                ErrorCode::InvalidDate,
                "participant.registered_on",
                e.to_string(),
            )
        }
        other => ContractError::whole(ErrorCode::InvalidValue, other.to_string()),
    }
}

/// Assesses a decoded case.
fn assess(case: &Case) -> Result<Assessment, ContractError> {
    match &case.participant {
        Participant::Pu(worker) => {
            let options = Options {
                jp_for_foreigners: case.options.jp_for_foreigners,
                holidays: &case.options.holidays,
            };
            assess_pu(worker, case.period, &options).map_err(domain_error)
        }
    }
}

/// `jamsos contribution`: a case document in, a result document out.
///
/// ```
/// let case = r#"{"period": "2025-04", "participant": {"category": "pu",
///   "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
/// let result = jamsos::contract::contribution(case)?;
/// assert_eq!(result.totals.employer, 89_000 + 30_000 + 370_000 + 200_000);
/// assert_eq!(result.totals.worker, 200_000 + 100_000);
///
/// let bad = r#"{"period": "2025-04", "participant": {"category": "pu",
///   "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 6, "scale": "medium"}}"#;
/// let error = jamsos::contract::contribution(bad).unwrap_err();
/// assert_eq!(error.code.code(), "invalid_risk_class");
/// assert_eq!(error.field.as_deref(), Some("participant.risk_class"));
/// # Ok::<(), jamsos::contract::ContractError>(())
/// ```
pub fn contribution(input: &str) -> Result<ContributionResult, ContractError> {
    let case = decode(input)?;
    Ok(ContributionResult::from_pu(&assess(&case)?))
}

/// `jamsos eligibility`: a case document in, the programs and PU dates out.
/// The case is checked exactly as for [`contribution`] (CONTRACT.md §3).
pub fn eligibility(input: &str) -> Result<EligibilityResult, ContractError> {
    let case = decode_for_eligibility(input)?;
    Ok(EligibilityResult::from_pu(&assess(&case)?.eligibility))
}
