//! What a batch adds up to: rows, errors and money per category, program and
//! payer, program statuses, error codes, and optional groups (`--summary`,
//! `--group-by`). Sums are `u128`, so a national roster cannot overflow them.

use std::collections::BTreeMap;

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
    /// Per value of the `--group-by` columns (one value per column).
    pub groups: BTreeMap<Vec<String>, Tally>,
    /// Only `all` is added up ([`Summary::totals_only`]).
    totals_only: bool,
}

impl Summary {
    /// A summary that adds up only [`Summary::all`] (rows, errors and the
    /// payers' totals): all a run without a summary file reports; adding up
    /// the rest is a few percent of a batch's time.
    #[must_use]
    pub fn totals_only() -> Summary {
        Summary {
            totals_only: true,
            ..Summary::default()
        }
    }

    /// An empty summary: the whole one when `whole` (a run with a summary
    /// file), else [`Summary::totals_only`].
    #[must_use]
    pub fn new(whole: bool) -> Summary {
        if whole {
            Summary::default()
        } else {
            Summary::totals_only()
        }
    }

    /// Adds an `ok` row.
    pub fn add_ok(&mut self, outcome: &Outcome, group: Option<&[&str]>) {
        let totals = outcome.totals();
        self.all.add_ok(totals);
        if self.totals_only {
            return;
        }
        if let Some(t) = self.categories.get_mut(outcome.category.index()) {
            t.add_ok(totals);
        }
        for (sum, a) in self.amounts.iter_mut().zip(outcome.amounts) {
            *sum += u128::from(a);
        }
        for (counts, status) in self.statuses.iter_mut().zip(outcome.statuses) {
            if let Some(n) = counts.get_mut(status.index()) {
                *n += 1;
            }
        }
        if let Some(g) = group {
            self.group(g).add_ok(totals);
        }
    }

    /// Adds an error row.
    pub fn add_error(&mut self, code: &str, category: Option<Category>, group: Option<&[&str]>) {
        self.all.add_error();
        if self.totals_only {
            return;
        }
        if let Some(t) = category.and_then(|c| self.categories.get_mut(c.index())) {
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

    fn group(&mut self, key: &[&str]) -> &mut Tally {
        let key: Vec<String> = key.iter().map(|k| (*k).to_owned()).collect();
        self.groups.entry(key).or_default()
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

    /// The `--summary` document. With one `--group-by` column, `groups`
    /// maps each of its values to a tally and `group_by` is the column's
    /// name; with several, `group_by` lists them and `groups` nests one level
    /// per column (employer, then branch, …); with none, `group_by` is null.
    #[must_use]
    pub fn to_json(&self, group_by: &[String]) -> Value {
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
        let mut groups = Value::Object(serde_json::Map::new());
        for (key, t) in &self.groups {
            let mut slot = &mut groups;
            for k in key {
                let Value::Object(map) = slot else { break };
                slot = map
                    .entry(k.clone())
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
            }
            *slot = t.to_json();
        }
        let group_by = match group_by {
            [] => Value::Null,
            [one] => Value::from(one.as_str()),
            many => Value::from(many.to_vec()),
        };
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

    /// The summary as CSV (`--summary-format csv`), one row per slice of the
    /// roster: `scope` is `all`, `category`, `error_code` or `group`; the
    /// slice's key is in the `category`, `error_code` or `--group-by`
    /// columns; then rows, ok, errors and the four payers' totals. Per-column
    /// amounts and statuses are in the JSON summary only.
    #[must_use]
    pub fn to_csv(&self, group_by: &[String]) -> String {
        let mut out = String::from("scope,category,error_code");
        for g in group_by {
            out.push(',');
            out.push_str(&csv_field(g));
        }
        out.push_str(
            ",rows,ok,errors,total_employer,total_worker,total_participant,total_government\n",
        );
        let empty_groups = ",".repeat(group_by.len());
        let mut row = |scope: &str, category: &str, code: &str, groups: &str, t: &Tally| {
            let [e, w, p, g] = t.totals;
            out.push_str(&format!(
                "{scope},{category},{}{groups},{},{},{},{e},{w},{p},{g}\n",
                csv_field(code),
                t.rows,
                t.ok,
                t.errors,
            ));
        };
        row("all", "", "", &empty_groups, &self.all);
        for (c, t) in CATEGORIES.iter().zip(&self.categories) {
            row("category", c.code(), "", &empty_groups, t);
        }
        for (code, n) in &self.error_codes {
            let t = Tally {
                rows: *n,
                ok: 0,
                errors: *n,
                totals: [0; 4],
            };
            row("error_code", "", code, &empty_groups, &t);
        }
        for (key, t) in &self.groups {
            let groups: String = key.iter().map(|k| format!(",{}", csv_field(k))).collect();
            row("group", "", "", &groups, t);
        }
        out
    }
}

/// A CSV field, quoted when it has to be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jamsos_eligibility::Status;

    #[test]
    fn csv_summary_rows() {
        let mut s = Summary::default();
        let outcome = Outcome {
            category: Category::Bpu,
            amounts: {
                let mut a = [0u64; 18];
                a[16] = 8_400;
                a
            },
            statuses: [Status::Mandatory; 5],
        };
        s.add_ok(&outcome, Some(&["PT A", "x,y"]));
        s.add_error("missing_field", None, Some(&["PT A", "x,y"]));
        let group_by = ["employer".to_owned(), "branch".to_owned()];
        assert_eq!(
            s.to_csv(&group_by),
            "scope,category,error_code,employer,branch,rows,ok,errors,total_employer,total_worker,total_participant,total_government\n\
             all,,,,,2,1,1,0,0,8400,0\n\
             category,pu,,,,0,0,0,0,0,0,0\n\
             category,bpu,,,,1,1,0,0,0,8400,0\n\
             category,jakon,,,,0,0,0,0,0,0,0\n\
             category,pmi,,,,0,0,0,0,0,0,0\n\
             error_code,,missing_field,,,1,0,1,0,0,0,0\n\
             group,,,PT A,\"x,y\",2,1,1,0,0,8400,0\n"
        );
        let json = s.to_json(&group_by);
        assert_eq!(json["group_by"], serde_json::json!(["employer", "branch"]));
        assert_eq!(json["groups"]["PT A"]["x,y"]["rows"], 2);
    }
}
