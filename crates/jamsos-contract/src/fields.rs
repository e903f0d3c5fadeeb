//! Field types shared by every contract document (cases, claims, fines).

use jamsos_core::parse_date;

use super::error::{ContractError, ErrorCode};
use crate::json::{Value, is_integer_literal};

/// A field's JSON type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A JSON integer (no fraction, no exponent).
    Integer,
    /// `true` or `false`.
    Bool,
    /// An enumeration value or other text.
    Text,
    /// A real date `YYYY-MM-DD`.
    Date,
    /// An array of strings (`opt_in`).
    TextList,
}

/// The unknown key a document reports when it has several: the smallest in
/// byte order, so that the error never depends on the order of the members
/// (docs/DESIGN.md, "Errors do not depend on field order").
pub(super) fn first_unknown<'a>(
    keys: impl IntoIterator<Item = &'a str>,
    known: impl Fn(&str) -> bool,
) -> Option<&'a str> {
    keys.into_iter().filter(|k| !known(k)).min()
}

/// A value for an error message: its JSON type and, for a scalar, the value
/// itself (`a decimal number 5000000.0`, `a string "5000000"`); long strings
/// are cut.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::Number(n) => format!("{} {n}", value.kind()),
        Value::Bool(b) => format!("{} {b}", value.kind()),
        Value::String(s) if s.chars().count() > 40 => {
            format!("a string \"{}…\"", s.chars().take(40).collect::<String>())
        }
        Value::String(s) => format!("a string \"{s}\""),
        other => other.kind().to_owned(),
    }
}

/// Checks a value against its field's JSON type; `null` (absent) passes.
/// `path` is the dotted field name used in the error (`participant.wage`).
pub(super) fn check_type(path: &str, kind: Kind, value: &Value) -> Result<(), ContractError> {
    let wrong = |expected: &str| {
        ContractError::at(
            ErrorCode::InvalidType,
            path,
            format!("{path} must be {expected}, not {}", shown(value)),
        )
    };
    match (kind, value) {
        (_, Value::Null) => Ok(()),
        (Kind::Integer, Value::Number(n)) if is_integer_literal(n) => Ok(()),
        (Kind::Integer, _) => Err(wrong("a JSON integer")),
        (Kind::Bool, Value::Bool(_)) => Ok(()),
        (Kind::Bool, _) => Err(wrong("true or false")),
        (Kind::Text, Value::String(_)) => Ok(()),
        (Kind::Text, _) => Err(wrong("a string")),
        (Kind::Date, Value::String(s)) => parse_date(s).map(|_| ()).map_err(|_| {
            ContractError::at(
                ErrorCode::InvalidDate,
                path,
                format!("{path} \"{s}\" is not a real date YYYY-MM-DD"),
            )
        }),
        (Kind::Date, _) => Err(wrong("a date string YYYY-MM-DD")),
        (Kind::TextList, Value::Array(items))
            if items.iter().all(|i| matches!(i, Value::String(_))) =>
        {
            Ok(())
        }
        (Kind::TextList, _) => Err(wrong("an array of strings")),
    }
}
