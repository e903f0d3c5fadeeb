//! Strategies shared by the no-panic property tests.

use proptest::prelude::*;
use serde_json::{Value, json};

/// Random JSON of any type, biased towards the values the contract reads:
/// integers near the limits, digit strings, and the given enum words and dates.
pub(crate) fn any_json(words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-10i64..2_000).prop_map(|n| json!(n)),
        (-10i64..10_000_000_000).prop_map(|n| json!(n)),
        "[0-9-]{0,12}".prop_map(Value::String),
        prop::sample::select(words).prop_map(|s| json!(s)),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Value::Array)
    })
}
