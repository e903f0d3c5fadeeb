//! `jamsos projection` (CONTRACT.md §6, D-36): a JHT projection document in,
//! the balance year by year out. Checked in the contract's order: JSON syntax,
//! top-level fields, the start period's syntax, the participant's category
//! (`projection_not_available` for Jakon and PMI), its fields as in §1, the
//! projection's own numbers, the period range, values, each month's
//! assessment, and the NIK last (D-37).

use jamsos_core::{Period, Rate, Rupiah};
use jamsos_worker::Category;
use serde::{Deserialize, Serialize};

use super::case::{
    CaseOptions, Participant, category, decode_fields, member, object, participant_fields,
};
use super::error::{ContractError, ErrorCode};
use super::fields::{Kind, check_type, first_unknown, shown};
use super::output::{Notice, VERSION};
use super::{Settings, case, domain_error};
use crate::json::{self, Value};
use jamsos_projection::{
    JhtProjection, MAX_BALANCE, MAX_MONTHS, Projected, ProjectionError, project_jht,
};

/// The top-level fields of a projection document, in the contract's order.
const FIELDS: [&str; 7] = [
    "projection",
    "start",
    "months",
    "opening_balance",
    "wage_growth",
    "yield",
    "participant",
];

/// One block of 12 months (CONTRACT.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearEntry {
    /// 1 for the first 12 months from `start`.
    pub year: u16,
    /// The block's last month, `YYYY-MM`.
    pub through: String,
    /// JHT billed in the block, all payers.
    pub contributions: u64,
    /// Yield credited in the block.
    pub returns: u64,
    /// The balance after the block.
    pub balance: u64,
}

/// The result of `jamsos projection` (CONTRACT.md §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectionResult {
    /// Contract version.
    pub version: u32,
    /// `jht`.
    pub projection: String,
    /// The first projected month.
    pub start: String,
    /// The last projected month.
    pub end: String,
    /// Year by year.
    pub years: Vec<YearEntry>,
    /// All JHT billed.
    pub contributions: u64,
    /// All yield credited.
    pub returns: u64,
    /// The final balance: opening balance + contributions + returns.
    pub balance: u64,
    /// `jht_not_billed` (with its first month), then the monthly
    /// assessments' warnings, each code once.
    pub warnings: Vec<Notice>,
}

/// The numbers a projection document states besides its participant.
struct Numbers {
    months: u16,
    opening_balance: Rupiah,
    wage_growth: Rate,
    yield_rate: Rate,
}

fn integer_field(top: &[(String, Value)], name: &str) -> Result<Option<i64>, ContractError> {
    let Some(v) = member(top, name) else {
        return Ok(None);
    };
    check_type(name, Kind::Integer, v)?;
    Ok(match v {
        Value::Number(n) => Some(n.parse::<i64>().unwrap_or(if n.starts_with('-') {
            i64::MIN
        } else {
            i64::MAX
        })),
        _ => None,
    })
}

fn rate_field(top: &[(String, Value)], name: &str) -> Result<Rate, ContractError> {
    let v = member(top, name).ok_or_else(|| {
        ContractError::at(
            ErrorCode::MissingField,
            name,
            format!("{name} is required: a yearly fraction as a decimal string from \"0\" to \"1\" (\"0.05\" is 5%; D-36)"),
        )
    })?;
    let Value::String(text) = v else {
        return Err(ContractError::at(
            ErrorCode::InvalidType,
            name,
            format!(
                "{name} must be a decimal string such as \"0.05\", not {}",
                shown(v)
            ),
        ));
    };
    text.parse::<Rate>().map_err(|_| {
        ContractError::at(
            ErrorCode::InvalidValue,
            name,
            format!(
                "{name} \"{text}\" is not allowed: a yearly fraction from 0 to 1 with at most 8 decimals, written like \"0.05\" (5%; D-36)"
            ),
        )
    })
}

/// Step 8 for a projection: months, opening balance, wage growth, yield.
fn numbers(top: &[(String, Value)]) -> Result<Numbers, ContractError> {
    let months = integer_field(top, "months")?.ok_or_else(|| {
        ContractError::at(
            ErrorCode::MissingField,
            "months",
            format!("months is required: the number of months to project, 1 to {MAX_MONTHS}"),
        )
    })?;
    let months = u16::try_from(months)
        .ok()
        .filter(|m| (1..=MAX_MONTHS).contains(m))
        .ok_or_else(|| {
            ContractError::at(
                ErrorCode::InvalidMonths,
                "months",
                format!("months {months} is not allowed: project 1 to {MAX_MONTHS} months (CONTRACT.md §6)"),
            )
        })?;
    let opening = integer_field(top, "opening_balance")?.unwrap_or(0);
    let opening_balance = match u64::try_from(opening) {
        Err(_) => {
            return Err(ContractError::at(
                ErrorCode::InvalidAmount,
                "opening_balance",
                format!(
                    "opening_balance {opening} is not allowed: a balance is whole rupiah of at least 0"
                ),
            ));
        }
        Ok(b) if b > MAX_BALANCE => {
            return Err(ContractError::at(
                ErrorCode::AmountOutOfRange,
                "opening_balance",
                format!(
                    "opening_balance {opening} is above the limit of {MAX_BALANCE} rupiah: allowed are 0 to {MAX_BALANCE}"
                ),
            ));
        }
        Ok(b) => Rupiah::new(b),
    };
    Ok(Numbers {
        months,
        opening_balance,
        wage_growth: rate_field(top, "wage_growth")?,
        yield_rate: rate_field(top, "yield")?,
    })
}

/// The section 1 checks name the month `period`; a projection's is `start`.
fn start_not_period(mut e: ContractError) -> ContractError {
    if e.field.as_deref() == Some("period") {
        e.field = Some("start".to_owned());
        if let Some(rest) = e.message.strip_prefix("period ") {
            e.message = format!("start {rest}");
        }
    }
    e
}

fn projection_error(e: ProjectionError) -> ContractError {
    match e {
        ProjectionError::Contribution(e) => domain_error(e),
        ProjectionError::Months(m) => ContractError::at(
            ErrorCode::InvalidMonths,
            "months",
            format!("months {m} is not allowed: project 1 to {MAX_MONTHS} months (CONTRACT.md §6)"),
        ),
        ProjectionError::PeriodAfterCalendarEnd => ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "start",
            "the projection would end after 9999-12: start earlier or project fewer months",
        ),
        ProjectionError::WageTooLarge(_) => ContractError::at(
            ErrorCode::AmountOutOfRange,
            "wage_growth",
            format!("{e}: project fewer months or a lower wage_growth"),
        ),
        ProjectionError::BalanceTooLarge(_) | ProjectionError::OpeningTooLarge => {
            ContractError::at(
                ErrorCode::AmountOutOfRange,
                "yield",
                format!("{e}: project fewer months or a lower yield"),
            )
        }
        // `ProjectionError` may grow (`#[non_exhaustive]`).
        other => ContractError::whole(ErrorCode::InvalidValue, other.to_string()),
    }
}

/// `jamsos projection`: a projection document in, the result out
/// (CONTRACT.md §6, D-36).
///
/// ```
/// use jamsos_contract::{Settings, projection};
///
/// // Twelve months at Rp5,000,000, no growth, no yield: 12 × 5.7% (JHT).
/// let doc = r#"{"projection": "jht", "start": "2026-01", "months": 12,
///   "wage_growth": "0", "yield": "0",
///   "participant": {"category": "pu", "birth_date": "1995-03-01", "wage": 5000000,
///                   "risk_class": 2, "scale": "large"}}"#;
/// let result = projection(doc, &Settings::default())?;
/// assert_eq!(result.balance, 3_420_000);
/// assert_eq!(result.end, "2026-12");
/// # Ok::<(), jamsos_contract::ContractError>(())
/// ```
pub fn projection(input: &str, settings: &Settings<'_>) -> Result<ProjectionResult, ContractError> {
    // 1. JSON syntax.
    let root = json::parse(input).map_err(|e| case::json_error(&e))?;
    let Value::Object(top) = &root else {
        return Err(ContractError::whole(
            ErrorCode::InvalidType,
            format!("the projection must be a JSON object, not {}", root.kind()),
        ));
    };

    // 2. Top-level fields: unknown, then required, then the kind.
    if let Some(k) = first_unknown(top.iter().map(|(k, _)| k.as_str()), |k| FIELDS.contains(&k)) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            k,
            format!("unknown field \"{k}\": allowed are {}", FIELDS.join(", ")),
        ));
    }
    for name in ["projection", "start", "participant"] {
        if member(top, name).is_none() {
            return Err(ContractError::at(
                ErrorCode::MissingField,
                name,
                match name {
                    "projection" => "projection is required: \"jht\"",
                    "start" => "start is required: the first projected month, YYYY-MM",
                    _ => "participant is required: a pu or bpu participant as in CONTRACT.md §1",
                },
            ));
        }
    }
    match member(top, "projection") {
        Some(Value::String(kind)) if kind == "jht" => {}
        Some(Value::String(kind)) => {
            return Err(ContractError::at(
                ErrorCode::InvalidValue,
                "projection",
                format!("projection \"{kind}\" is not allowed: the only kind is jht"),
            ));
        }
        Some(other) => {
            return Err(ContractError::at(
                ErrorCode::InvalidType,
                "projection",
                format!(
                    "projection must be the string \"jht\", not {}",
                    shown(other)
                ),
            ));
        }
        None => {}
    }
    let participant = object(
        member(top, "participant").unwrap_or(&Value::Null),
        "participant",
    )?;

    // 3. The start period's syntax.
    let start = match member(top, "start") {
        Some(Value::String(text)) => text.parse::<Period>().map_err(|_| {
            ContractError::at(
                ErrorCode::InvalidPeriod,
                "start",
                format!("start \"{text}\" is not YYYY-MM with a month 01 to 12"),
            )
        })?,
        other => {
            return Err(ContractError::at(
                ErrorCode::InvalidType,
                "start",
                format!(
                    "start must be a string YYYY-MM, not {}",
                    other.map_or_else(|| "null".to_owned(), shown)
                ),
            ));
        }
    };

    // 4. Category: only PU and BPU have a JHT to project.
    let category = category(member(participant, "category").map(case::Raw::Json))?;
    if matches!(category, Category::Jakon | Category::Pmi) {
        return Err(ContractError::at(
            ErrorCode::ProjectionNotAvailable,
            "participant.category",
            format!(
                "a JHT projection is not available for category {}: project a pu or bpu participant (CONTRACT.md §6)",
                category.code()
            ),
        ));
    }

    // 5 … 10, with the projection's numbers as step 8 ("options").
    let mut fields = participant_fields(participant, category)?;
    let mut stated = None;
    let case = decode_fields(start, category, &mut fields, || {
        stated = Some(numbers(top)?);
        Ok(CaseOptions::default())
    })
    .map_err(start_not_period)?;
    let Some(numbers) = stated else {
        return Err(ContractError::whole(
            ErrorCode::InvalidValue,
            "internal: the projection's numbers were not read",
        ));
    };
    let who = match case.participant {
        Participant::Pu(worker) => Projected::Pu(worker),
        Participant::Bpu(worker) => Projected::Bpu(worker),
        _ => {
            return Err(ContractError::at(
                ErrorCode::ProjectionNotAvailable,
                "participant.category",
                "a JHT projection is available for pu and bpu participants",
            ));
        }
    };
    let assumptions = JhtProjection {
        start,
        months: numbers.months,
        opening_balance: numbers.opening_balance,
        wage_growth: numbers.wage_growth,
        yield_rate: numbers.yield_rate,
    };
    let options = jamsos_contribution::Options {
        income_grid: settings.income_grid,
        ..jamsos_contribution::Options::default()
    };
    let p = project_jht(&who, &assumptions, &options)
        .map_err(projection_error)
        .map_err(start_not_period)?;

    // 11. The NIK, last (D-37).
    case.check_nik()?;

    let mut warnings = Vec::new();
    if let Some(first) = p.jht_not_billed {
        warnings.push(Notice {
            code: "jht_not_billed".to_owned(),
            message: format!(
                "{first} is the first projected month that bills no JHT (e.g. a micro employer without JHT opted in, D-9); such months add only the yield"
            ),
        });
    }
    warnings.extend(p.warnings.iter().map(|w| Notice {
        code: w.code().to_owned(),
        message: w.message().to_owned(),
    }));
    Ok(ProjectionResult {
        version: VERSION,
        projection: "jht".to_owned(),
        start: start.to_string(),
        end: p.end.to_string(),
        years: p
            .years
            .iter()
            .map(|y| YearEntry {
                year: y.year,
                through: y.through.to_string(),
                contributions: y.contributions,
                returns: y.returns,
                balance: y.balance,
            })
            .collect(),
        contributions: p.contributions,
        returns: p.returns,
        balance: p.balance,
        warnings,
    })
}
