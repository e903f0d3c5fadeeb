//! No input makes the contract panic: random text, and valid cases with fields
//! replaced by random JSON of any type. Every outcome is a result or an error
//! with a contract code and, for field errors, a dotted field path.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

mod common;

use jamsos::contract;
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
                    let sum: u64 = r.lines.iter().filter(|l| l.payer == payer).map(|l| l.amount).sum();
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
