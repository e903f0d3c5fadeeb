//! The contract's JSON Schema (`docs/contract-v1.schema.json`, draft 2020-12)
//! compiled once per entry point, for checking output documents.
//!
//! Included with `#[path]` by the tests that use it, so that `common/mod.rs`
//! stays free of items some test crates would not use.

use std::collections::BTreeMap;
use std::path::Path;

use jamsos_contract::{Command, Response, Status};
use serde_json::Value;

/// The schema's entry points (`#/$defs/…`), plus `root` for the top-level
/// `oneOf` over every one-document output.
pub(crate) const ENTRY_POINTS: [&str; 8] = [
    "root",
    "contribution_result",
    "eligibility_result",
    "benefit_result",
    "fine_result",
    "projection_result",
    "error_document",
    "batch_ndjson_line",
];

/// The schema document as written in `docs/`.
pub(crate) fn schema_document() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/contract-v1.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// One validator per entry point.
pub(crate) struct ContractSchema {
    validators: BTreeMap<&'static str, jsonschema::Validator>,
}

impl ContractSchema {
    /// Compiles every entry point of the schema in `docs/`, asserting
    /// formats (so `2023-02-29` is not a `date`).
    pub(crate) fn load() -> ContractSchema {
        ContractSchema::from_document(&schema_document())
    }

    /// Compiles every entry point of `document` (a schema like the one in
    /// `docs/`).
    pub(crate) fn from_document(document: &Value) -> ContractSchema {
        let mut validators = BTreeMap::new();
        for entry in ENTRY_POINTS {
            let mut schema = document.clone();
            if entry != "root" {
                // The same `$defs`, entered at one of them: `$ref` beside
                // `$defs` resolves inside this document, never remotely.
                let object = schema.as_object_mut().expect("the schema is an object");
                object.remove("oneOf");
                object.insert("$ref".into(), Value::String(format!("#/$defs/{entry}")));
            }
            let validator = jsonschema::draft202012::options()
                .should_validate_formats(true)
                .build(&schema)
                .unwrap_or_else(|e| panic!("entry point {entry} does not compile: {e}"));
            validators.insert(entry, validator);
        }
        ContractSchema { validators }
    }

    /// Every way `document` breaks the entry point `entry`, each with its
    /// instance path (`/lines/0/amount: …`); empty when it is valid.
    pub(crate) fn errors(&self, entry: &str, document: &Value) -> Vec<String> {
        let validator = self
            .validators
            .get(entry)
            .unwrap_or_else(|| panic!("no entry point {entry}"));
        validator
            .iter_errors(document)
            .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
            .collect()
    }

    /// Whether `document` is valid at `entry`.
    pub(crate) fn is_valid(&self, entry: &str, document: &Value) -> bool {
        self.errors(entry, document).is_empty()
    }

    /// Checks a command's answer, exactly as the command line prints it,
    /// against its entry point (the error document for invalid input) and
    /// against the root; returns the problems.
    pub(crate) fn check_response(&self, command: Command, response: &Response) -> Vec<String> {
        let entry = match (response.status, command) {
            (Status::Ok, Command::Contribution) => "contribution_result",
            (Status::Ok, Command::Eligibility) => "eligibility_result",
            (Status::Ok, Command::Benefit) => "benefit_result",
            (Status::Ok, Command::Fine) => "fine_result",
            (Status::Ok, Command::Projection) => "projection_result",
            (Status::InvalidInput, _) => "error_document",
            (Status::Internal, _) => return vec![format!("internal error: {}", response.json)],
        };
        let mut problems = self.check_text(entry, &response.json);
        if problems.is_empty()
            && !self.is_valid(
                "root",
                &serde_json::from_str(&response.json).unwrap_or(Value::Null),
            )
        {
            problems.push(format!(
                "schema {entry}: valid as {entry} but not at the root (oneOf)"
            ));
        }
        problems
    }

    /// Checks a printed document: JSON, no number written as a decimal or
    /// with an exponent, and valid at `entry`; returns the problems.
    ///
    /// JSON Schema's `integer` accepts `89000.0` (a number with a zero
    /// fraction is an integer in its data model), while the contract's money
    /// is written as JSON integers only; no output field is a decimal number,
    /// so any number that does not read as an integer is a problem here.
    pub(crate) fn check_text(&self, entry: &str, text: &str) -> Vec<String> {
        let document: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return vec![format!("the output is not JSON: {e}")],
        };
        let mut problems = Vec::new();
        decimals(&document, String::new(), &mut problems);
        problems.extend(self.errors(entry, &document));
        problems
            .into_iter()
            .map(|p| format!("schema {entry}: {p}"))
            .collect()
    }
}

/// Every number in `value` that is not a JSON integer, by its JSON pointer.
fn decimals(value: &Value, path: String, problems: &mut Vec<String>) {
    match value {
        Value::Number(n) if !(n.is_u64() || n.is_i64()) => {
            problems.push(format!("at {path:?}: {n} is not a JSON integer"));
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                decimals(item, format!("{path}/{i}"), problems);
            }
        }
        Value::Object(members) => {
            for (k, v) in members {
                decimals(v, format!("{path}/{k}"), problems);
            }
        }
        _ => {}
    }
}
