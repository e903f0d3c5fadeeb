//! `missing_field` messages say what the field holds (CONTRACT.md §1 step 7),
//! with limits and codes taken from the worker crate: the exact text, so a
//! change of wording or of a limit is seen here.
#![allow(clippy::unwrap_used, reason = "tests")]

use jamsos_contract::contribution;

fn missing(case: &str) -> (String, String) {
    let error = contribution(case).unwrap_err();
    assert_eq!(error.code.code(), "missing_field", "{case}");
    (error.field.unwrap_or_default(), error.message)
}

#[test]
fn each_required_field_names_what_it_holds() {
    let cases = [
        (
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "risk_class": 3, "scale": "medium"}}"#,
            "participant.wage",
            "participant.wage is required for category pu: the monthly wage, whole rupiah from 1 to 1000000000000 (D-4)",
        ),
        (
            r#"{"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 5000000, "risk_class": 3}}"#,
            "participant.scale",
            "participant.scale is required for category pu: one of micro, small, medium, large",
        ),
        (
            r#"{"period": "2025-04", "participant": {"category": "bpu"}}"#,
            "participant.income",
            "participant.income is required for category bpu: the declared monthly income, whole rupiah from 1 to 1000000000000 (D-4, D-17)",
        ),
        (
            r#"{"period": "2025-04", "participant": {"category": "jakon", "method": "contract"}}"#,
            "participant.contract_value",
            "participant.contract_value is required for category jakon with method contract (D-23): the contract value excluding VAT, whole rupiah from 1 to 100000000000000 (D-4)",
        ),
        (
            r#"{"period": "2025-04", "participant": {"category": "pmi", "contract_months": 24}}"#,
            "participant.channel",
            "participant.channel is required for category pmi: agency or individual (D-26)",
        ),
    ];
    for (case, field, message) in cases {
        assert_eq!(missing(case), (field.to_owned(), message.to_owned()));
    }
}
