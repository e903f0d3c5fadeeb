//! What a batch adds up to: rows, errors and money per category, program and
//! payer, program statuses, error codes, and optional groups (`--summary`,
//! `--group-by`). Sums are `u128`, so a national roster cannot overflow them.

use std::collections::BTreeMap;

use jamsos_eligibility::Status;
use jamsos_worker::Category;
use serde_json::{Value, json};

use crate::outcome::{AMOUNT_COLUMNS, Outcome};

const PAYERS: [&str; 4] = ["employer", "worker", "participant", "government"];
const PROGRAMS: [&str; 5] = ["jkk", "jkm", "jht", "jp", "jkp"];
const CATEGORIES: [Category; 4] = [Category::Pu, Category::Bpu, Category::Jakon, Category::Pmi];

/// Rows and money of one slice of the roster.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows read.
    pub rows: u64,
    /// Rows assessed.
    pub ok: u64,
    /// Error rows.
    pub errors: u64,
    /// Employer, worker, participant and government totals.
    pub totals: [u128; 4],
}

impl Tally {
    fn add_ok(&mut self, totals: [u64; 4]) {
        self.rows += 1;
        self.ok += 1;
        for (sum, t) in self.totals.iter_mut().zip(totals) {
            *sum += u128::from(t);
        }
    }

    fn add_error(&mut self) {
        self.rows += 1;
        self.errors += 1;
    }

    fn merge(&mut self, other: &Tally) {
        self.rows += other.rows;
        self.ok += other.ok;
        self.errors += other.errors;
        for (a, b) in self.totals.iter_mut().zip(other.totals) {
            *a += b;
        }
    }

    fn to_json(self) -> Value {
        let totals: serde_json::Map<String, Value> = PAYERS
            .iter()
            .zip(self.totals)
            .map(|(p, t)| ((*p).to_owned(), number(t)))
            .collect();
        json!({"rows": self.rows, "ok": self.ok, "errors": self.errors, "totals": totals})
    }
}

/// A `u128` as a JSON integer when it fits in `u64`, else as a string.
fn number(n: u128) -> Value {
    u64::try_from(n).map_or_else(|_| Value::String(n.to_string()), Value::from)
}

/// Everything a batch adds up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The whole roster.
    pub all: Tally,
    /// Per category, in the order pu, bpu, jakon, pmi (error rows whose
    /// category is unknown count in `all` only).
    pub categories: [Tally; 4],
    /// Each amount column's sum, in the order of [`AMOUNT_COLUMNS`].
    pub amounts: [u128; 18],
    /// For each program, rows per status: mandatory, optional, not eligible.
    pub statuses: [[u64; 3]; 5],
    /// Error rows per error code.
    pub error_codes: BTreeMap<String, u64>,
    /// Per value of the `--group-by` column.
    pub groups: BTreeMap<String, Tally>,
}

const fn category_index(c: Category) -> usize {
    match c {
        Category::Pu => 0,
        Category::Bpu => 1,
        Category::Jakon => 2,
        Category::Pmi => 3,
    }
}

const fn status_index(s: Status) -> usize {
    match s {
        Status::Mandatory => 0,
        Status::Optional => 1,
        Status::NotEligible => 2,
    }
}

impl Summary {
    /// Adds an `ok` row.
    pub fn add_ok(&mut self, outcome: &Outcome, group: Option<&str>) {
        let totals = outcome.totals();
        self.all.add_ok(totals);
        if let Some(t) = self.categories.get_mut(category_index(outcome.category)) {
            t.add_ok(totals);
        }
        for (sum, a) in self.amounts.iter_mut().zip(outcome.amounts) {
            *sum += u128::from(a);
        }
        for (counts, status) in self.statuses.iter_mut().zip(outcome.statuses) {
            if let Some(n) = counts.get_mut(status_index(status)) {
                *n += 1;
            }
        }
        if let Some(g) = group {
            self.group(g).add_ok(totals);
        }
    }

    /// Adds an error row.
    pub fn add_error(&mut self, code: &str, category: Option<Category>, group: Option<&str>) {
        self.all.add_error();
        if let Some(t) = category.and_then(|c| self.categories.get_mut(category_index(c))) {
            t.add_error();
        }
        match self.error_codes.get_mut(code) {
            Some(n) => *n += 1,
            None => {
                self.error_codes.insert(code.to_owned(), 1);
            }
        }
        if let Some(g) = group {
            self.group(g).add_error();
        }
    }

    fn group(&mut self, key: &str) -> &mut Tally {
        if !self.groups.contains_key(key) {
            self.groups.insert(key.to_owned(), Tally::default());
        }
        self.groups.entry(key.to_owned()).or_default()
    }

    /// Adds another part of the roster.
    pub fn merge(&mut self, other: &Summary) {
        self.all.merge(&other.all);
        for (a, b) in self.categories.iter_mut().zip(&other.categories) {
            a.merge(b);
        }
        for (a, b) in self.amounts.iter_mut().zip(other.amounts) {
            *a += b;
        }
        for (a, b) in self.statuses.iter_mut().zip(other.statuses) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (code, n) in &other.error_codes {
            *self.error_codes.entry(code.clone()).or_default() += n;
        }
        for (key, t) in &other.groups {
            self.groups.entry(key.clone()).or_default().merge(t);
        }
    }

    /// The `--summary` document.
    #[must_use]
    pub fn to_json(&self, group_by: Option<&str>) -> Value {
        let categories: serde_json::Map<String, Value> = CATEGORIES
            .iter()
            .zip(self.categories)
            .map(|(c, t)| (c.code().to_owned(), t.to_json()))
            .collect();
        let amounts: serde_json::Map<String, Value> = AMOUNT_COLUMNS
            .iter()
            .zip(self.amounts)
            .map(|(c, a)| ((*c).to_owned(), number(a)))
            .collect();
        let statuses: serde_json::Map<String, Value> = PROGRAMS
            .iter()
            .zip(self.statuses)
            .map(|(p, [m, o, n])| {
                (
                    (*p).to_owned(),
                    json!({"mandatory": m, "optional": o, "not_eligible": n}),
                )
            })
            .collect();
        let groups: serde_json::Map<String, Value> = self
            .groups
            .iter()
            .map(|(k, t)| (k.clone(), t.to_json()))
            .collect();
        json!({
            "version": 1,
            "rows": self.all.rows,
            "ok": self.all.ok,
            "errors": self.all.errors,
            "totals": self.all.to_json().get("totals").cloned().unwrap_or_default(),
            "by_category": categories,
            "by_column": amounts,
            "statuses": statuses,
            "error_codes": self.error_codes,
            "group_by": group_by,
            "groups": groups,
        })
    }
}
