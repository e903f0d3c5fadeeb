//! WebAssembly bindings for jamsos: the JSON contract (version 1) in a browser.
//!
//! Five functions, one per one-document command of the contract
//! (`CONTRACT.md` §1, §3, §4, §5, §6). Each takes the same JSON document the
//! command line reads on standard input and returns the JSON document the
//! command line prints on standard output, byte for byte: a result, or
//! `{"error": {"code", "message", "field"}}` for invalid input. There is no
//! contract logic here; every answer comes from
//! [`jamsos_contract::respond`], so the page and the command line cannot
//! disagree.
//!
//! From JavaScript (the `wasm-bindgen --target web` output):
//!
//! ```js
//! import init, { contribution } from "./pkg/jamsos_wasm.js";
//! await init();
//! const doc = JSON.parse(contribution(JSON.stringify(caseObject)));
//! if (doc.error) { /* show doc.error.message and doc.error.field */ }
//! ```
//!
//! The functions are ordinary Rust functions on other targets, which is how
//! the tests below check them on the host:
//!
//! ```
//! let case = r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
//! let doc = jamsos_wasm::contribution(case);
//! assert!(doc.contains(r#""participant":8400"#));
//! ```

use jamsos_contract::{Command, Settings, respond};
use wasm_bindgen::prelude::wasm_bindgen;

/// Answers `input` with `command` exactly as the command line would, with
/// the default settings (the built-in BPU income grid, D-17). The status is
/// not returned: a document with a top-level `error` key is the contract's
/// invalid-input answer, any other is a result.
fn answer(command: Command, input: &str) -> String {
    respond(command, input, &Settings::default()).json
}

/// `jamsos contribution`: one contribution case (CONTRACT.md §1) → the
/// result, or the contract's error object.
#[wasm_bindgen]
#[must_use]
pub fn contribution(input: &str) -> String {
    answer(Command::Contribution, input)
}

/// `jamsos eligibility`: one case (CONTRACT.md §3) → the programs and their
/// status, or the contract's error object.
#[wasm_bindgen]
#[must_use]
pub fn eligibility(input: &str) -> String {
    answer(Command::Eligibility, input)
}

/// `jamsos benefit`: one benefit claim (CONTRACT.md §4) → whether it is
/// payable and what it pays, or the contract's error object.
#[wasm_bindgen]
#[must_use]
pub fn benefit(input: &str) -> String {
    answer(Command::Benefit, input)
}

/// `jamsos fine`: one late payment (CONTRACT.md §5) → the due date and the
/// fine, or the contract's error object.
#[wasm_bindgen]
#[must_use]
pub fn fine(input: &str) -> String {
    answer(Command::Fine, input)
}

/// `jamsos projection`: one JHT projection (CONTRACT.md §6) → the balance
/// year by year, an estimate under the stated assumptions (D-36), or the
/// contract's error object.
#[wasm_bindgen]
#[must_use]
pub fn projection(input: &str) -> String {
    answer(Command::Projection, input)
}

/// The contract version these bindings speak (the `version` field of every
/// result document).
#[wasm_bindgen(js_name = contractVersion)]
#[must_use]
pub fn contract_version() -> u32 {
    jamsos_contract::VERSION
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contribution_is_the_command_lines_document() {
        // CONTRACT.md §1: BPU with income Rp1,000,000 in 2026-10; PP 50/2025
        // halves JKK (1% → 0.5% = 5,000) and JKM (6,800 → 3,400), 8,400 in all.
        let case =
            r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}"#;
        let doc = contribution(case);
        assert_eq!(
            doc,
            respond(Command::Contribution, case, &Settings::default()).json
        );
        assert!(doc.contains(r#""amount":5000"#), "{doc}");
        assert!(doc.contains(r#""amount":3400"#), "{doc}");
        assert!(doc.contains(r#""participant":8400"#), "{doc}");
    }

    #[test]
    fn invalid_input_is_the_contract_error_object() {
        // D-4: a declared income is at least Rp1.
        let case = r#"{"period": "2026-10", "participant": {"category": "bpu", "income": 0}}"#;
        let doc = contribution(case);
        assert!(
            doc.starts_with(r#"{"error":{"code":"invalid_amount""#),
            "{doc}"
        );
        assert!(doc.contains(r#""field":"participant.income""#), "{doc}");
        assert!(fine("{").starts_with(r#"{"error":{"code":"invalid_json""#));
    }

    #[test]
    fn every_command_is_wired_to_its_own_answer() {
        let case = r#"{"period": "2025-04", "participant": {"category": "pu",
          "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
        let doc = eligibility(case);
        assert!(doc.contains(r#""pension_age_reached_on""#), "{doc}");
        assert!(!doc.contains(r#""lines""#), "{doc}");

        // CONTRACT.md §5's example: Rp1,000,000 due 2025-02-17, paid
        // 2025-03-10, one month late at 2% (D-29) = 20,000.
        let late = r#"{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}"#;
        let doc = fine(late);
        assert!(doc.contains(r#""fine":20000"#), "{doc}");

        // A claim without its fields is invalid, naming what is missing.
        let doc = benefit(r#"{"benefit": "jkm", "claim_date": "2025-05-01"}"#);
        assert!(doc.contains(r#""code":"missing_field""#), "{doc}");
        assert_eq!(contract_version(), 1);

        // CONTRACT.md §6: 12 months of JHT at 5.7% of Rp5,000,000, no growth
        // or yield (D-36) = 3,420,000.
        let doc = projection(
            r#"{"projection": "jht", "start": "2026-01", "months": 12, "wage_growth": "0", "yield": "0",
              "participant": {"category": "pu", "birth_date": "1995-03-01", "wage": 5000000, "risk_class": 2, "scale": "large"}}"#,
        );
        assert!(doc.contains(r#""balance":3420000"#), "{doc}");
    }
}
