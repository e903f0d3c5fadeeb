//! No input makes `contract::benefit` or `contract::fine` panic: random text,
//! and valid documents with a field replaced by random JSON of any type. Every
//! outcome is an answer or an error with a contract code and, for field
//! errors, the field's name.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

mod common;

use jamsos_contract as contract;
use proptest::prelude::*;
use serde_json::{Value, json};

const CLAIM_FIELDS: &[&str] = &[
    "benefit",
    "claim_date",
    "trigger",
    "event_date",
    "membership_start",
    "balance",
    "purpose",
    "previous_partial",
    "birth_date",
    "contribution_months",
    "average_wage",
    "lump_sum",
    "dismissal_date",
    "reason",
    "wage",
    "months_paid_last_24",
    "consecutive_months_before_dismissal",
    "death_date",
    "children",
    "event",
    "months",
    "salary",
];

const CLAIM_WORDS: &[&str] = &[
    "jht",
    "jp",
    "jkp",
    "jkm",
    "jkk",
    "partial",
    "pension_age",
    "death",
    "dismissal",
    "housing",
    "temporary_inability",
    "1990-02-29",
    "2000-02-29",
    "2019-11-30",
    "2025-02-07",
    "9999-12-31",
    "0001-01-01",
];

fn base_claims() -> Vec<Value> {
    vec![
        json!({"benefit": "jht", "claim_date": "2025-02-10", "trigger": "resignation",
            "event_date": "2025-01-10", "membership_start": "2015-03-01", "balance": 85000000}),
        json!({"benefit": "jht", "claim_date": "2025-02-10", "trigger": "partial",
            "membership_start": "2010-03-01", "purpose": "housing", "previous_partial": false}),
        json!({"benefit": "jht", "claim_date": "2025-05-10", "trigger": "pension_age",
            "membership_start": "1995-03-01", "birth_date": "1969-04-15"}),
        json!({"benefit": "jp", "claim_date": "2031-04-01", "birth_date": "1966-03-10",
            "contribution_months": 190, "average_wage": 6000000}),
        json!({"benefit": "jkp", "claim_date": "2025-06-01", "dismissal_date": "2025-05-10",
            "reason": "dismissal", "wage": 7500000, "months_paid_last_24": 20,
            "consecutive_months_before_dismissal": 20}),
        json!({"benefit": "jkm", "claim_date": "2024-07-10", "death_date": "2024-07-01",
            "contribution_months": 36, "children": 2}),
        json!({"benefit": "jkk", "claim_date": "2024-07-10", "event": "temporary_inability",
            "event_date": "2024-07-01", "wage": 5000000, "months": 14}),
    ]
}

proptest! {
    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = contract::benefit(&text);
        let _ = contract::fine(&text);
    }

    #[test]
    fn random_claim_fields_give_an_answer_or_a_named_error(
        which in 0usize..7,
        field in prop::sample::select(CLAIM_FIELDS),
        value in common::any_json(CLAIM_WORDS),
    ) {
        let mut claim = base_claims()[which].clone();
        claim[field] = value;
        match contract::benefit(&claim.to_string()) {
            Ok(r) => {
                let sum: u64 = r.payments.iter().filter(|p| p.kind != "maximum").map(|p| p.amount).sum();
                prop_assert_eq!(sum, r.total);
                prop_assert_eq!(r.eligible, r.reasons.is_empty());
            }
            Err(e) => {
                prop_assert!(!e.message.is_empty());
                if let Some(f) = &e.field {
                    prop_assert!(CLAIM_FIELDS.contains(&f.as_str()), "{}", f);
                }
            }
        }
    }

    #[test]
    fn random_fine_fields_give_an_answer_or_a_named_error(
        field in prop::sample::select(vec!["category", "period", "amount", "paid_on", "holidays", "extra"]),
        value in common::any_json(CLAIM_WORDS),
        category in prop::sample::select(vec!["pu", "bpu", "jakon", "pmi"]),
        period in prop::sample::select(vec!["2015-06", "2015-07", "2018-12", "2020-08", "2025-02", "9999-12"]),
    ) {
        let mut doc = json!({"category": category, "period": period, "amount": 1000000, "paid_on": "2025-03-10"});
        doc[field] = value;
        match contract::fine(&doc.to_string()) {
            Ok(r) => prop_assert_eq!(r.due_date.is_none(), r.rule == "pmi.fine.none"),
            Err(e) => prop_assert!(!e.message.is_empty()),
        }
    }
}
