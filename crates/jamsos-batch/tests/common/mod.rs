//! What the batch tests know of the contract independently of the code: the
//! typing of roster cells (CONTRACT.md §1 and §2) and the JSON case a row
//! stands for, which `jamsos_contract::contribution` then answers.
#![allow(clippy::unwrap_used, reason = "tests")]

/// Columns whose cells are integers (CONTRACT.md §1 and §2).
pub(crate) const INTEGERS: [&str; 8] = [
    "wage",
    "risk_class",
    "active_workers",
    "income",
    "contract_value",
    "contract_months",
    "extension_months",
    "jht_monthly",
];

/// Columns whose cells are booleans.
pub(crate) const BOOLEANS: [&str; 4] = [
    "jkn_member",
    "paid_jkk_through_2025_01",
    "paid_through_2020_07",
    "subsidised",
];

/// The participant columns of CONTRACT.md §2 (the §1 participant fields).
pub(crate) const PARTICIPANT_COLUMNS: [&str; 23] = [
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
];

/// The five programs, in the order of the last five output columns.
pub(crate) const PROGRAMS: [&str; 5] = ["jkk", "jkm", "jht", "jp", "jkp"];

/// A JSON integer literal for a cell of the roster's integer syntax
/// (`-?[0-9]+`), leading zeros dropped as JSON wants; `None` otherwise.
fn integer_literal(cell: &str) -> Option<String> {
    let (sign, digits) = match cell.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", cell),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    Some(format!(
        "{sign}{}",
        if digits.is_empty() { "0" } else { digits }
    ))
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The CONTRACT.md §1 case for a row given as (column, cell) pairs: empty
/// cells are absent, a `period` cell overrides `batch_period`, integer and
/// boolean cells are typed when they are well formed (and otherwise passed
/// as strings, so the contract answers `invalid_type`), `opt_in` is split on
/// `;` with items trimmed and empty items dropped (§2), and columns outside
/// the contract (`id`, extra columns) are left out.
pub(crate) fn case_json<'a>(
    cells: impl IntoIterator<Item = (&'a str, &'a str)>,
    batch_period: &str,
) -> String {
    let mut period = batch_period;
    let mut members = Vec::new();
    for (name, cell) in cells {
        if cell.is_empty() {
            continue;
        }
        if name == "period" {
            period = cell;
            continue;
        }
        if !PARTICIPANT_COLUMNS.contains(&name) {
            continue;
        }
        let value = if INTEGERS.contains(&name) {
            integer_literal(cell).unwrap_or_else(|| json_string(cell))
        } else if BOOLEANS.contains(&name) {
            match cell {
                "true" | "false" => cell.to_owned(),
                _ => json_string(cell),
            }
        } else if name == "opt_in" {
            let items: Vec<&str> = cell
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            serde_json::to_string(&items).unwrap()
        } else {
            json_string(cell)
        };
        members.push(format!("{}:{value}", json_string(name)));
    }
    format!(
        "{{\"period\":{},\"participant\":{{{}}}}}",
        json_string(period),
        members.join(",")
    )
}
