//! Roster cells (CONTRACT.md §2) decoded as the batch decodes them: an
//! integer cell is read once, as its value when its text is that value's own
//! decimal form, and otherwise as the text given, so that every message
//! quotes exactly what the row holds.

#![allow(clippy::unwrap_used, reason = "tests")]

use jamsos_contract::{Case, ContractError, ErrorCode, Roster};
use jamsos_core::Period;

const HEADER: [&str; 8] = [
    "id",
    "category",
    "birth_date",
    "wage",
    "risk_class",
    "scale",
    "registered_on",
    "jkn_member",
];

/// Decodes a row of [`HEADER`]'s columns for period 2025-04.
fn decode(cells: [&str; 8]) -> Result<Case, ContractError> {
    let roster = Roster::new(&HEADER, false).unwrap();
    let period: Period = "2025-04".parse().unwrap();
    roster.decode(&cells, period)
}

/// Decodes a PU row with `wage` and `risk_class` cells.
fn pu(wage: &str, risk_class: &str) -> Result<Case, ContractError> {
    decode(["w1", "pu", "1990-05-01", wage, risk_class, "medium", "", ""])
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

/// CONTRACT.md §1 step 6: of several cells of the wrong type, the first in
/// the contract's table order is reported, whatever their kinds (dates,
/// integers, booleans are checked kind by kind first).
#[test]
fn the_first_bad_field_in_table_order_is_reported() {
    let decode = |birth: &str, wage: &str, class: &str, registered: &str, jkn: &str| {
        let e = decode(["w1", "pu", birth, wage, class, "medium", registered, jkn]).unwrap_err();
        (e.code, e.field.unwrap_or_default())
    };
    let good = ("1990-05-01", "5000000", "1", "2020-01-01", "true");
    assert_eq!(
        decode("1990-02-30", "x", good.2, good.3, "maybe"),
        (ErrorCode::InvalidDate, "participant.birth_date".to_owned())
    );
    assert_eq!(
        decode(good.0, "x", good.2, good.3, "maybe"),
        (ErrorCode::InvalidType, "participant.wage".to_owned())
    );
    assert_eq!(
        decode(good.0, good.1, "1.5", "2020-13-01", good.4),
        (ErrorCode::InvalidType, "participant.risk_class".to_owned())
    );
    assert_eq!(
        decode(good.0, good.1, good.2, "2020-13-01", "yes"),
        (
            ErrorCode::InvalidDate,
            "participant.registered_on".to_owned()
        )
    );
    assert_eq!(
        decode(good.0, good.1, good.2, good.3, "yes"),
        (ErrorCode::InvalidType, "participant.jkn_member".to_owned())
    );
}
