//! Late payment, `jamsos fine` (CONTRACT.md §5): the due date of a period's
//! contribution and the fine for paying it on a given day (D-28, D-29; D-16).
//!
//! Checks run in this order and the first failure wins: JSON syntax; the
//! document is an object; unknown field names; field types (a period that is
//! not `YYYY-MM` is `invalid_period`, a date that does not exist
//! `invalid_date`); required fields; values (category, the period's range,
//! the amount).

use chrono::NaiveDate;
use jamsos_contribution::{ContributionError, late_fine};
use jamsos_core::Period;
use jamsos_worker::Category;
use jamsos_worker::pu::MAX_MONTHLY_AMOUNT;
use serde::{Deserialize, Serialize};

use super::benefit::{Kind, Members, check_type, described, money, root};
use super::error::{ContractError, ErrorCode};
use super::fields::first_unknown;
use super::output::VERSION;
use crate::json::Value;

/// The result of `jamsos fine` (CONTRACT.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FineResult {
    /// Always 1.
    pub version: u32,
    /// `YYYY-MM-DD`; null for PMI, which has no due date.
    pub due_date: Option<String>,
    /// Started months of delay after the due date.
    pub months_late: u32,
    /// The fine in whole rupiah.
    pub fine: u64,
    /// Stable rule id (`pu.fine.late`, `pu.fine.pp49_2020`, `bpu.fine.none`,
    /// `jakon.fine.none`, `pmi.fine.none`).
    pub rule: String,
    /// Citation.
    pub source: String,
}

const FIELDS: [(&str, Kind); 4] = [
    ("category", Kind::Text),
    ("period", Kind::Text),
    ("amount", Kind::Integer),
    ("paid_on", Kind::Date),
];

/// `jamsos fine`: a late-payment question in, the due date and fine out.
///
/// ```
/// let input = r#"{"category": "pu", "period": "2025-01", "amount": 1000000,
///   "paid_on": "2025-03-10"}"#;
/// let answer = jamsos_contract::fine(input)?;
/// assert_eq!(answer.due_date.as_deref(), Some("2025-02-17")); // the 15th is a Saturday
/// assert_eq!((answer.months_late, answer.fine), (1, 20_000)); // 2% × 1 started month
/// # Ok::<(), jamsos_contract::ContractError>(())
/// ```
pub fn fine(input: &str) -> Result<FineResult, ContractError> {
    // JSON syntax; an object.
    let members = root(input, "document")?;
    let m = Members(&members);

    // Unknown field names.
    if let Some(key) = first_unknown(members.iter().map(|(k, _)| k.as_str()), |k| {
        k == "holidays" || FIELDS.iter().any(|(name, _)| *name == k)
    }) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            key,
            format!(
                "unknown field \"{key}\": allowed are category, period, amount, paid_on, holidays"
            ),
        ));
    }

    // Field types, in the table's order.
    for (name, kind) in &FIELDS {
        if let Some(value) = m.get(name) {
            check_type(name, *kind, value)?;
        }
    }
    let period = match m.text("period") {
        Some(text) => Some(text.parse::<Period>().map_err(|_| {
            ContractError::at(
                ErrorCode::InvalidPeriod,
                "period",
                format!("period \"{text}\" is not YYYY-MM with a month 01 to 12"),
            )
        })?),
        None => None,
    };
    let holidays = holidays(m.get("holidays"))?;

    // Required fields.
    if let Some((name, kind)) = FIELDS.iter().find(|(name, _)| m.get(name).is_none()) {
        let what = match *name {
            "category" => "one of pu, bpu, jakon, pmi",
            "period" => "a period YYYY-MM",
            "amount" => "the unpaid contribution, whole rupiah from 1 to 1000000000000 (D-4)",
            _ => described(*kind),
        };
        return Err(ContractError::at(
            ErrorCode::MissingField,
            *name,
            format!("{name} is required: {what}"),
        ));
    }

    // Values.
    let category_text = m.text("category").unwrap_or_default();
    let category = Category::from_code(category_text).ok_or_else(|| {
        ContractError::at(
            ErrorCode::InvalidValue,
            "category",
            format!("unknown category \"{category_text}\": allowed are pu, bpu, jakon, pmi"),
        )
    })?;
    let period = period.ok_or_else(|| {
        ContractError::at(ErrorCode::MissingField, "period", "period is required")
    })?;
    let amount = money(&m, "amount", MAX_MONTHLY_AMOUNT)?.ok_or_else(|| {
        ContractError::at(ErrorCode::MissingField, "amount", "amount is required")
    })?;
    let paid_on = m.date("paid_on").ok_or_else(|| {
        ContractError::at(ErrorCode::MissingField, "paid_on", "paid_on is required")
    })?;
    let fine = late_fine(category, period, amount, paid_on, &holidays).map_err(|e| match e {
        ContributionError::NoRuleInForce { .. } => ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "period",
            format!(
                "period {period} is before the first period the {} rules cover (2015-07; PMI 2019-01; D-6, D-25)",
                category.code()
            ),
        ),
        ContributionError::DueAfterCalendarEnd { .. } => ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "period",
            format!(
                "{e}: allowed are periods whose due date is on or before 9999-12-31 (pu and jakon: up to 9999-11; D-28)"
            ),
        ),
        ContributionError::FineOverflow { .. } => {
            ContractError::at(ErrorCode::AmountOutOfRange, "amount", e.to_string())
        }
        other => ContractError::whole(ErrorCode::InvalidValue, other.to_string()),
    })?;
    Ok(FineResult {
        version: VERSION,
        due_date: fine.due_date.map(|d| d.to_string()),
        months_late: fine.months_late,
        fine: fine.amount.get(),
        rule: fine.rule.to_owned(),
        source: fine.source.to_string(),
    })
}

/// `holidays`: an array of real dates (D-28).
fn holidays(value: Option<&Value>) -> Result<Vec<NaiveDate>, ContractError> {
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = value else {
        return Err(ContractError::at(
            ErrorCode::InvalidType,
            "holidays",
            format!("holidays must be an array of dates, not {}", value.kind()),
        ));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| super::case::holiday("holidays", i, item))
        .collect()
}
