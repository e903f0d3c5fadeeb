use std::fmt;

use serde::{Deserialize, Serialize};

/// The contract's error codes (CONTRACT.md §1, "Codes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The input is not JSON, or has a duplicate key.
    InvalidJson,
    /// A field name the contract does not know.
    UnknownField,
    /// A field the contract knows, but not for this category.
    FieldNotApplicable,
    /// A required field is absent or null.
    MissingField,
    /// A field has the wrong JSON type (`"5000000"`, `5000000.0`, `5e6`).
    InvalidType,
    /// A value outside its enumeration or allowed set.
    InvalidValue,
    /// A date that is malformed, does not exist, or cannot be true (D-7a).
    InvalidDate,
    /// A period that is not `YYYY-MM`.
    InvalidPeriod,
    /// A period before the first one the rules cover (D-6).
    PeriodOutOfRange,
    /// A category this build does not compute yet.
    UnsupportedCategory,
    /// A PU wage below the absolute floor (D-8).
    WageBelowFloor,
    /// A money amount below Rp1 (D-4).
    InvalidAmount,
    /// A money amount above its plausibility limit (D-4).
    AmountOutOfRange,
    /// A BPU declared income outside 1,000,000…20,700,000 (D-17).
    IncomeOutOfRange,
    /// A JKK risk group outside 1…5.
    InvalidRiskClass,
    /// `options.months` not allowed for the case (D-19).
    InvalidMonths,
    /// A PMI contract length other than 6, 12 or 24 months (D-25).
    InvalidContractMonths,
    /// A PMI JHT amount outside the allowed set (D-27).
    InvalidJhtMonthly,
    /// A NIK that is not 16 digits of the D-37 layout, or does not match
    /// the birth date; checked after every other value.
    InvalidNik,
    /// A projection asked for a category that has no JHT to project
    /// (CONTRACT.md §6).
    ProjectionNotAvailable,
    /// A batch record with the wrong number of fields.
    MalformedRow,
}

impl ErrorCode {
    /// Every code, in the contract's order (CONTRACT.md §1, "Codes"); each is
    /// explained in `docs/ERRORS.md`.
    pub const ALL: [ErrorCode; 21] = [
        ErrorCode::InvalidJson,
        ErrorCode::UnknownField,
        ErrorCode::FieldNotApplicable,
        ErrorCode::MissingField,
        ErrorCode::InvalidType,
        ErrorCode::InvalidValue,
        ErrorCode::InvalidDate,
        ErrorCode::InvalidPeriod,
        ErrorCode::PeriodOutOfRange,
        ErrorCode::UnsupportedCategory,
        ErrorCode::WageBelowFloor,
        ErrorCode::InvalidAmount,
        ErrorCode::AmountOutOfRange,
        ErrorCode::IncomeOutOfRange,
        ErrorCode::InvalidRiskClass,
        ErrorCode::InvalidMonths,
        ErrorCode::InvalidContractMonths,
        ErrorCode::InvalidJhtMonthly,
        ErrorCode::InvalidNik,
        ErrorCode::ProjectionNotAvailable,
        ErrorCode::MalformedRow,
    ];

    /// The code as written in the contract.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            ErrorCode::InvalidJson => "invalid_json",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::FieldNotApplicable => "field_not_applicable",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::InvalidPeriod => "invalid_period",
            ErrorCode::PeriodOutOfRange => "period_out_of_range",
            ErrorCode::UnsupportedCategory => "unsupported_category",
            ErrorCode::WageBelowFloor => "wage_below_floor",
            ErrorCode::InvalidAmount => "invalid_amount",
            ErrorCode::AmountOutOfRange => "amount_out_of_range",
            ErrorCode::IncomeOutOfRange => "income_out_of_range",
            ErrorCode::InvalidRiskClass => "invalid_risk_class",
            ErrorCode::InvalidMonths => "invalid_months",
            ErrorCode::InvalidContractMonths => "invalid_contract_months",
            ErrorCode::InvalidJhtMonthly => "invalid_jht_monthly",
            ErrorCode::InvalidNik => "invalid_nik",
            ErrorCode::ProjectionNotAvailable => "projection_not_available",
            ErrorCode::MalformedRow => "malformed_row",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Invalid input, as the contract reports it: `{"error": {"code", "message", "field"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{code}: {message}")]
pub struct ContractError {
    /// The contract's code.
    pub code: ErrorCode,
    /// What was wrong and what is allowed, in lowercase English.
    pub message: String,
    /// The offending field as a dotted path (`participant.wage`), when there is one.
    pub field: Option<String>,
}

impl ContractError {
    /// An error about `field`.
    pub(crate) fn at(
        code: ErrorCode,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ContractError {
        ContractError {
            code,
            message: message.into(),
            field: Some(field.into()),
        }
    }

    /// An error about the document as a whole.
    pub(crate) fn whole(code: ErrorCode, message: impl Into<String>) -> ContractError {
        ContractError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// The contract's error document: `{"error": {...}}`.
    #[must_use]
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Document<'a> {
            error: &'a ContractError,
        }
        serde_json::to_string(&Document { error: self })
            .unwrap_or_else(|_| String::from("{\"error\":null}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position of each code in [`ErrorCode::ALL`]. The match has no
    /// wildcard, so a new variant does not compile until it is placed here,
    /// and the test below then fails until it is in `ALL` too.
    const fn position(code: ErrorCode) -> usize {
        match code {
            ErrorCode::InvalidJson => 0,
            ErrorCode::UnknownField => 1,
            ErrorCode::FieldNotApplicable => 2,
            ErrorCode::MissingField => 3,
            ErrorCode::InvalidType => 4,
            ErrorCode::InvalidValue => 5,
            ErrorCode::InvalidDate => 6,
            ErrorCode::InvalidPeriod => 7,
            ErrorCode::PeriodOutOfRange => 8,
            ErrorCode::UnsupportedCategory => 9,
            ErrorCode::WageBelowFloor => 10,
            ErrorCode::InvalidAmount => 11,
            ErrorCode::AmountOutOfRange => 12,
            ErrorCode::IncomeOutOfRange => 13,
            ErrorCode::InvalidRiskClass => 14,
            ErrorCode::InvalidMonths => 15,
            ErrorCode::InvalidContractMonths => 16,
            ErrorCode::InvalidJhtMonthly => 17,
            ErrorCode::InvalidNik => 18,
            ErrorCode::ProjectionNotAvailable => 19,
            ErrorCode::MalformedRow => 20,
        }
    }

    #[test]
    fn all_lists_every_code_once_and_serde_agrees() {
        for (i, code) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(position(*code), i, "{code}");
            assert_eq!(
                serde_json::to_string(code).ok(),
                Some(format!("\"{}\"", code.code()))
            );
        }
    }
}
