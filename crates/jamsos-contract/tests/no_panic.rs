//! No input makes the contract panic: random text, and valid cases with fields
//! replaced by random JSON of any type. Every outcome is a result or an error
//! with a contract code and, for field errors, a dotted field path.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

mod common;

use jamsos_contract as contract;
use proptest::prelude::*;
use serde_json::{Value, json};

const FIELDS: &[&str] = &[
    "category",
    "birth_date",
    "nationality",
    "wage",
    "risk_class",
    "scale",
    "registered_on",
    "jkn_member",
    "opt_in",
    "industry",
    "active_workers",
    "paid_jkk_through_2025_01",
    "paid_through_2020_07",
    "income",
    "sector",
    "subsidised",
    "method",
    "contract_value",
    "channel",
    "contract_months",
    "extension_months",
    "jht_monthly",
    "nik",
    "salary",
];

const CASE_WORDS: &[&str] = &[
    "pu",
    "bpu",
    "jakon",
    "pmi",
    "transport",
    "wage",
    "contract",
    "agency",
    "individual",
    "micro",
    "large",
    "wni",
    "wna",
    "jht",
    "jp",
    "jkk_jkm",
    "1990-02-29",
    "2025-13",
    "3201121705900001",
    "7471016902960000",
];

/// A valid case of each category, to mutate.
fn base_cases() -> Vec<Value> {
    vec![
        json!({"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
            "wage": 10000000, "risk_class": 3, "scale": "medium", "registered_on": "2019-03-01", "jkn_member": true}}),
        json!({"period": "2025-04", "participant": {"category": "bpu", "birth_date": "1990-05-17",
            "income": 2500000, "sector": "transport", "opt_in": ["jht"]}, "options": {"months": 12}}),
        json!({"period": "2025-04", "participant": {"category": "jakon", "method": "contract",
            "contract_value": 7500000000_u64}}),
        json!({"period": "2025-04", "participant": {"category": "pmi", "channel": "agency",
            "contract_months": 24, "extension_months": 3, "jht_monthly": 100000}}),
    ]
}

proptest! {
    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = contract::contribution(&text);
        let _ = contract::eligibility(&text);
    }

    #[test]
    fn random_field_values_give_a_result_or_a_named_error(
        case in prop::sample::select(base_cases()),
        field in prop::sample::select(FIELDS),
        value in common::any_json(CASE_WORDS),
        period in prop::sample::select(vec!["2015-06", "2015-07", "2020-08", "2025-02", "2099-12", "2025-4", "9999-12"]),
    ) {
        let mut case = case;
        case["period"] = json!(period);
        case["participant"][field] = value;
        match contract::contribution(&case.to_string()) {
            Ok(r) => {
                prop_assert_eq!(r.programs.len(), 5);
                for (payer, total) in [("employer", r.totals.employer), ("worker", r.totals.worker),
                    ("participant", r.totals.participant), ("government", r.totals.government)] {
                    let sum: u64 = r.lines.iter().filter(|l| l.payer.code() == payer).map(|l| l.amount).sum();
                    prop_assert_eq!(sum, total);
                }
                for l in &r.lines {
                    if let Some(parts) = &l.components {
                        prop_assert_eq!(parts.iter().map(|c| c.amount).sum::<u64>(), l.amount);
                    }
                }
            }
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                if let Some(f) = &e.field {
                    prop_assert!(f == "period" || f.starts_with("participant.") || f.starts_with("options."), "{}", f);
                }
            }
        }
    }
}

/// The top-level fields of a JHT projection (CONTRACT.md §6).
const PROJECTION_FIELDS: &[&str] = &[
    "projection",
    "start",
    "months",
    "opening_balance",
    "wage_growth",
    "yield",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A projection with any one field replaced: a result whose balance is
    /// the opening balance plus its sums (D-36), or an error naming a field
    /// of the document; never a panic.
    #[test]
    fn random_projection_fields_give_a_result_or_a_named_error(
        participant in prop::sample::select(vec![
            json!({"category": "pu", "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "micro"}),
            json!({"category": "bpu", "income": 2150000, "nik": "3201121705900001"}),
        ]),
        field in prop::sample::select(PROJECTION_FIELDS),
        value in common::any_json(&["jht", "2025-04", "0.05", "1", "0", "1.5", "-0.1"]),
        months in 1u32..=36,
    ) {
        let mut doc = json!({"projection": "jht", "start": "2025-04", "months": months,
            "opening_balance": 1000, "wage_growth": "0.1", "yield": "0.07", "participant": participant});
        doc[field] = value;
        match contract::projection(&doc.to_string(), &contract::Settings::default()) {
            Ok(r) => {
                let opening = doc["opening_balance"].as_u64().unwrap_or(0);
                prop_assert_eq!(r.balance, opening + r.contributions + r.returns);
                prop_assert_eq!(r.years.iter().map(|y| y.contributions).sum::<u64>(), r.contributions);
                prop_assert_eq!(r.years.iter().map(|y| y.returns).sum::<u64>(), r.returns);
            }
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                prop_assert!(e.field.is_some() || e.code.code() == "invalid_json", "{:?}", e);
            }
        }
    }

    #[test]
    fn random_text_never_panics_a_projection(text in "\\PC{0,200}") {
        let _ = contract::projection(&text, &contract::Settings::default());
    }
}
