//! Roster cells (CONTRACT.md §2) decoded as the batch decodes them: an
//! integer cell is read once, as its value when its text is that value's own
//! decimal form, and otherwise as the text given, so that every message
//! quotes exactly what the row holds.

#![allow(clippy::unwrap_used, reason = "tests")]

use jamsos_contract::{ErrorCode, Roster};
use jamsos_core::Period;

const HEADER: [&str; 6] = [
    "id",
    "category",
    "birth_date",
    "wage",
    "risk_class",
    "scale",
];

/// Decodes a PU row (period 2025-04) with `wage` and `risk_class` cells.
fn pu(
    wage: &str,
    risk_class: &str,
) -> Result<jamsos_contract::Case, jamsos_contract::ContractError> {
    let roster = Roster::new(&HEADER, false).unwrap();
    let period: Period = "2025-04".parse().unwrap();
    roster.decode(
        &["w1", "pu", "1990-05-01", wage, risk_class, "medium"],
        period,
    )
}

/// D-4: a wage of at most zero is `invalid_amount`, above the limit
/// `amount_out_of_range`; the message shows the cell as written, leading
/// zeros, `-0` and digits past 64 bits included.
#[test]
fn integer_messages_quote_the_cell_as_written() {
    for (wage, code) in [
        ("0", ErrorCode::InvalidAmount),
        ("-0", ErrorCode::InvalidAmount),
        ("-00", ErrorCode::InvalidAmount),
        ("0000", ErrorCode::InvalidAmount),
        ("-5000000", ErrorCode::InvalidAmount),
        ("-9223372036854775808", ErrorCode::InvalidAmount),
        ("-99999999999999999999", ErrorCode::InvalidAmount),
        ("1000000000001", ErrorCode::AmountOutOfRange),
        ("0001000000000001", ErrorCode::AmountOutOfRange),
        ("9223372036854775807", ErrorCode::AmountOutOfRange),
        ("99999999999999999999", ErrorCode::AmountOutOfRange),
    ] {
        let e = pu(wage, "1").unwrap_err();
        assert_eq!(e.code, code, "{wage}");
        assert!(
            e.message.starts_with(&format!("participant.wage {wage} ")),
            "{wage}: {}",
            e.message
        );
    }
    // PP 44/2015 Lampiran I: risk groups 1 to 5; "06" is quoted as given.
    for class in ["06", "6", "-0", "0"] {
        let e = pu("5000000", class).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidRiskClass);
        assert!(
            e.message.starts_with(&format!("risk class {class} is not")),
            "{class}: {}",
            e.message
        );
    }
}

/// Leading zeros change no value: `0005000000` is the wage 5,000,000 and
/// `01` risk group 1, the same case as the plain text.
#[test]
fn an_integer_with_leading_zeros_is_its_value() {
    assert_eq!(pu("0005000000", "01").unwrap(), pu("5000000", "1").unwrap());
    assert_ne!(pu("5000001", "1").unwrap(), pu("5000000", "1").unwrap());
}
