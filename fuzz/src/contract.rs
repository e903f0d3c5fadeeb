//! Properties of the one-document commands (CONTRACT.md §1, §3, §4, §5),
//! checked on whatever bytes a target produced.

use std::collections::BTreeSet;

use jamsos_contract::{
    BenefitResult, Command, ContributionResult, EligibilityResult, FineResult, Response, Settings,
    Status, respond_bytes,
};
use serde_json::Value;

/// The contract's error codes (CONTRACT.md §1 "Codes"); `malformed_row` is
/// batch only and never the answer to one document.
pub const DOCUMENT_ERROR_CODES: [&str; 18] = [
    "invalid_json",
    "unknown_field",
    "field_not_applicable",
    "missing_field",
    "invalid_type",
    "invalid_value",
    "invalid_date",
    "invalid_period",
    "period_out_of_range",
    "unsupported_category",
    "wage_below_floor",
    "invalid_amount",
    "amount_out_of_range",
    "income_out_of_range",
    "invalid_risk_class",
    "invalid_months",
    "invalid_contract_months",
    "invalid_jht_monthly",
];

const PROGRAMS: [&str; 5] = ["jkk", "jkm", "jht", "jp", "jkp"];
const BILLED: [&str; 6] = ["jkk", "jkm", "jht", "jp", "jkp", "jkk_jkm"];
const PAYERS: [&str; 4] = ["employer", "worker", "participant", "government"];
const CATEGORIES: [&str; 4] = ["pu", "bpu", "jakon", "pmi"];
const STATUSES: [&str; 3] = ["mandatory", "optional", "not_eligible"];
const BENEFITS: [&str; 5] = ["jht", "jp", "jkp", "jkm", "jkk"];
const KINDS: [&str; 8] = [
    "balance",
    "partial",
    "monthly",
    "lump_sum",
    "periodic",
    "funeral",
    "wage_replacement",
    "maximum",
];

/// Runs `data` through all five commands and checks every answer; then
/// checks that `contribution` and `eligibility` agree (CONTRACT.md §3: same
/// input, same checks, `options.months` ignored).
pub fn check_document(data: &[u8]) {
    let settings = Settings::default();
    let contribution = respond_bytes(Command::Contribution, data, &settings);
    let eligibility = respond_bytes(Command::Eligibility, data, &settings);
    let benefit = respond_bytes(Command::Benefit, data, &settings);
    let fine = respond_bytes(Command::Fine, data, &settings);
    let projection = respond_bytes(Command::Projection, data, &settings);

    let c = check_response(Command::Contribution, &contribution);
    let e = check_response(Command::Eligibility, &eligibility);
    check_response(Command::Benefit, &benefit);
    check_response(Command::Fine, &fine);
    check_response(Command::Projection, &projection);

    // The same bytes give the same answer (no hidden state between calls).
    assert_eq!(
        respond_bytes(Command::Contribution, data, &settings),
        contribution,
        "contribution is not deterministic"
    );

    agree(data, &contribution, &c, &eligibility, &e, true);
}

/// CONTRACT.md §3: eligibility takes the same input as contribution, with
/// `options.months` ignored, and refuses what contribution refuses. So both
/// succeed with the same `programs`, or both refuse with the same code and
/// field; where they differ, the difference must go away once
/// `options.months` is removed from the document.
fn agree(
    data: &[u8],
    contribution: &Response,
    c: &Value,
    eligibility: &Response,
    e: &Value,
    retry: bool,
) {
    let same = match (&contribution.error, &eligibility.error) {
        (None, None) => c.get("programs") == e.get("programs"),
        (Some(ce), Some(ee)) => (ce.code, &ce.field) == (ee.code, &ee.field),
        _ => false,
    };
    // A refusal of `options.months` itself is contribution's alone.
    let months_error = contribution
        .error
        .as_ref()
        .is_some_and(|e| e.field.as_deref() == Some("options.months"));
    if same || months_error {
        return;
    }
    let without_months = serde_json::from_slice::<Value>(data)
        .ok()
        .and_then(|mut doc| {
            let options = doc.get_mut("options")?.as_object_mut()?;
            options.remove("months")?;
            serde_json::to_vec(&doc).ok()
        });
    match without_months {
        Some(doc) if retry => {
            let settings = Settings::default();
            let contribution = respond_bytes(Command::Contribution, &doc, &settings);
            let eligibility = respond_bytes(Command::Eligibility, &doc, &settings);
            let c = check_response(Command::Contribution, &contribution);
            let e = check_response(Command::Eligibility, &eligibility);
            agree(&doc, &contribution, &c, &eligibility, &e, false);
        }
        _ => panic!(
            "contribution and eligibility disagree: {:?} / {:?}\n{}\n{}",
            contribution.error, eligibility.error, contribution.json, eligibility.json
        ),
    }
}

/// Checks one answer's status and document; returns the parsed document.
pub fn check_response(command: Command, r: &Response) -> Value {
    assert_ne!(
        r.status,
        Status::Internal,
        "{command:?}: internal error: {}",
        r.json
    );
    assert!(!r.json.ends_with('\n'), "{command:?}: trailing newline");
    let v: Value = match serde_json::from_str(&r.json) {
        Ok(v) => v,
        Err(e) => panic!("{command:?}: output is not JSON ({e}): {}", r.json),
    };
    match r.status {
        Status::Ok => {
            assert!(r.error.is_none(), "{command:?}: Ok with an error");
            match command {
                Command::Contribution => check_contribution(&v, &r.json),
                Command::Eligibility => check_eligibility(&v, &r.json),
                Command::Benefit => check_benefit(&v, &r.json),
                Command::Fine => check_fine(&v, &r.json),
                Command::Projection => check_projection(&v, &r.json),
            }
        }
        Status::InvalidInput => check_error(command, r, &v),
        Status::Internal => unreachable!(),
    }
    v
}

fn check_error(command: Command, r: &Response, v: &Value) {
    let obj = v
        .as_object()
        .unwrap_or_else(|| panic!("{command:?}: error not an object"));
    assert_eq!(
        obj.len(),
        1,
        "{command:?}: error document has extra keys: {v}"
    );
    let err = obj
        .get("error")
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{command:?}: no error object: {v}"));
    let code = err.get("code").and_then(Value::as_str).unwrap_or("");
    assert!(
        DOCUMENT_ERROR_CODES.contains(&code),
        "{command:?}: unknown error code {code:?}"
    );
    let message = err.get("message").and_then(Value::as_str).unwrap_or("");
    assert!(
        !message.trim().is_empty(),
        "{command:?}: empty message: {v}"
    );
    match err.get("field") {
        None | Some(Value::Null) => {}
        // A key is named as written (unknown or duplicate), and `""` is a
        // key JSON allows, so an empty path is possible.
        Some(Value::String(f)) => assert!(
            !f.is_empty() || matches!(code, "unknown_field" | "invalid_json"),
            "{command:?}: empty field name: {v}"
        ),
        Some(other) => panic!("{command:?}: field is {other}"),
    }
    let e = r
        .error
        .as_ref()
        .unwrap_or_else(|| panic!("{command:?}: InvalidInput without error"));
    assert_eq!(
        e.code.code(),
        code,
        "{command:?}: error and document disagree"
    );
    assert_eq!(e.message, message);
}

fn str_in(v: &Value, key: &str, allowed: &[&str], doc: &str) -> String {
    let s = v
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{key} is not a string in {doc}"));
    assert!(
        allowed.contains(&s),
        "{key} = {s:?} is not one of {allowed:?} in {doc}"
    );
    s.to_owned()
}

fn u64_of(v: &Value, key: &str, doc: &str) -> u64 {
    v.get(key)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("{key} is not a whole number of rupiah in {doc}"))
}

fn array<'a>(v: &'a Value, key: &str, doc: &str) -> &'a Vec<Value> {
    v.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("{key} is not an array in {doc}"))
}

fn is_period(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b.get(4) == Some(&b'-')
        && s.get(..4)
            .and_then(|y| y.parse::<u16>().ok())
            .is_some_and(|y| y >= 1)
        && s.get(5..)
            .and_then(|m| m.parse::<u8>().ok())
            .is_some_and(|m| (1..=12).contains(&m))
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn check_notices(list: &[Value], doc: &str) {
    for n in list {
        let obj = n
            .as_object()
            .unwrap_or_else(|| panic!("notice not an object in {doc}"));
        assert_eq!(
            obj.len(),
            2,
            "notice has other keys than code, message in {doc}"
        );
        let code = n.get("code").and_then(Value::as_str).unwrap_or("");
        let message = n.get("message").and_then(Value::as_str).unwrap_or("");
        assert!(
            !code.is_empty() && !message.is_empty(),
            "empty notice in {doc}"
        );
    }
}

/// `programs`: each of the five programs exactly once, with a status, and
/// reasons for `not_eligible` (CONTRACT.md §1 Output).
fn check_programs(v: &Value, doc: &str) {
    let programs = array(v, "programs", doc);
    let mut seen = BTreeSet::new();
    for p in programs {
        let program = str_in(p, "program", &PROGRAMS, doc);
        assert!(
            seen.insert(program.clone()),
            "{program} listed twice in {doc}"
        );
        let status = str_in(p, "status", &STATUSES, doc);
        let reasons = array(p, "reasons", doc);
        check_notices(reasons, doc);
        if status == "not_eligible" {
            assert!(
                !reasons.is_empty(),
                "{program} not eligible without a reason in {doc}"
            );
        }
    }
    assert_eq!(seen.len(), 5, "programs is not the five programs in {doc}");
}

/// The result shape of §1 and its arithmetic: every amount a whole
/// non-negative number, one line per program × payer × period, and `totals`
/// the sum of `lines` per payer.
fn check_contribution(v: &Value, doc: &str) {
    let typed: ContributionResult = serde_json::from_str(doc)
        .unwrap_or_else(|e| panic!("result does not read back as ContributionResult ({e}): {doc}"));
    assert_eq!(typed.version, 1);
    assert_eq!(
        v.get("version").and_then(Value::as_u64),
        Some(1),
        "version in {doc}"
    );
    let period = v.get("period").and_then(Value::as_str).unwrap_or("");
    assert!(is_period(period), "period {period:?} in {doc}");
    let category = str_in(v, "category", &CATEGORIES, doc);
    check_programs(v, doc);
    let mut sums = [0u64; 4];
    let mut keys = BTreeSet::new();
    for line in array(v, "lines", doc) {
        let program = str_in(line, "program", &BILLED, doc);
        let payer = str_in(line, "payer", &PAYERS, doc);
        let lp = line.get("period").and_then(Value::as_str).unwrap_or("");
        assert!(is_period(lp), "line period {lp:?} in {doc}");
        assert!(
            keys.insert((program.clone(), payer.clone(), lp.to_owned())),
            "two lines for {program} × {payer} × {lp} in {doc}"
        );
        let amount = u64_of(line, "amount", doc);
        let i = PAYERS.iter().position(|p| *p == payer).unwrap_or(0);
        if let Some(s) = sums.get_mut(i) {
            *s = s
                .checked_add(amount)
                .unwrap_or_else(|| panic!("line amounts overflow in {doc}"));
        }
        check_components(line, amount, doc);
    }
    for line in array(v, "deferred", doc) {
        str_in(line, "program", &BILLED, doc);
        str_in(line, "payer", &PAYERS, doc);
        u64_of(line, "amount", doc);
    }
    for a in array(v, "allocations", doc) {
        str_in(a, "from", &["jkk", "jkm"], doc);
        str_in(a, "to", &["jkp"], doc);
        u64_of(a, "amount", doc);
        u64_of(a, "base", doc);
    }
    let totals = v
        .get("totals")
        .unwrap_or_else(|| panic!("no totals in {doc}"));
    assert_eq!(
        totals.as_object().map(|o| o.len()),
        Some(4),
        "totals must hold the four payers in {doc}"
    );
    for (payer, sum) in PAYERS.iter().zip(sums) {
        assert_eq!(
            u64_of(totals, payer, doc),
            sum,
            "totals.{payer} is not the sum of the lines in {doc}"
        );
    }
    match v.get("due_date") {
        Some(Value::Null) => assert_eq!(category, "pmi", "due_date null for {category} in {doc}"),
        Some(Value::String(d)) => {
            assert!(is_date(d), "due_date {d:?} in {doc}");
            assert!(
                d.as_str() > period,
                "due date {d} not after the period {period} in {doc}"
            );
        }
        _ => panic!("due_date missing in {doc}"),
    }
    check_notices(array(v, "warnings", doc), doc);
}

/// A line's `components`, when given, are its parts: they add up to at most
/// its amount (the Jakon tiers and PMI fees sum exactly; see below).
fn check_components(line: &Value, amount: u64, doc: &str) {
    let Some(components) = line.get("components") else {
        return;
    };
    let list = components
        .as_array()
        .unwrap_or_else(|| panic!("components is not an array in {doc}"));
    let mut sum = 0u64;
    for c in list {
        let a = u64_of(c, "amount", doc);
        sum = sum
            .checked_add(a)
            .unwrap_or_else(|| panic!("components overflow in {doc}"));
    }
    assert_eq!(
        sum, amount,
        "components do not add up to the line's amount in {doc}"
    );
}

fn check_eligibility(v: &Value, doc: &str) {
    let _typed: EligibilityResult = serde_json::from_str(doc)
        .unwrap_or_else(|e| panic!("result does not read back as EligibilityResult ({e}): {doc}"));
    assert_eq!(
        v.get("version").and_then(Value::as_u64),
        Some(1),
        "version in {doc}"
    );
    check_programs(v, doc);
    if let Some(Value::String(d)) = v.get("pension_age_reached_on") {
        assert!(is_date(d), "pension_age_reached_on {d:?} in {doc}");
    }
    if let Some(Value::String(p)) = v.get("last_jp_period") {
        assert!(is_period(p), "last_jp_period {p:?} in {doc}");
    }
}

/// §4: `total` is the sum of the payments that are not maxima; an ineligible
/// claim has reasons, no payments and total 0.
fn check_benefit(v: &Value, doc: &str) {
    let _typed: BenefitResult = serde_json::from_str(doc)
        .unwrap_or_else(|e| panic!("result does not read back as BenefitResult ({e}): {doc}"));
    assert_eq!(
        v.get("version").and_then(Value::as_u64),
        Some(1),
        "version in {doc}"
    );
    str_in(v, "benefit", &BENEFITS, doc);
    let eligible = v
        .get("eligible")
        .and_then(Value::as_bool)
        .unwrap_or_else(|| panic!("eligible is not a boolean in {doc}"));
    let reasons = array(v, "reasons", doc);
    check_notices(reasons, doc);
    check_notices(array(v, "notes", doc), doc);
    let payments = array(v, "payments", doc);
    let mut sum = 0u64;
    for p in payments {
        let kind = str_in(p, "kind", &KINDS, doc);
        let amount = u64_of(p, "amount", doc);
        if kind != "maximum" {
            sum = sum
                .checked_add(amount)
                .unwrap_or_else(|| panic!("payments overflow in {doc}"));
        }
    }
    let total = u64_of(v, "total", doc);
    assert_eq!(total, sum, "total is not the sum of the payments in {doc}");
    if !eligible {
        assert!(!reasons.is_empty(), "ineligible without a reason in {doc}");
        assert!(payments.is_empty(), "ineligible with payments in {doc}");
        assert_eq!(total, 0);
    }
    if let Some(Value::String(d)) = v.get("earliest_claim_date") {
        assert!(is_date(d), "earliest_claim_date {d:?} in {doc}");
    }
}

/// §5: a due date, whole months late and a whole-rupiah fine.
/// CONTRACT.md §6: the years add up to the totals, and the balance is the
/// opening balance plus contributions plus returns (the opening balance is
/// not in the result, so the balance is at least the sums).
fn check_projection(v: &Value, doc: &str) {
    assert_eq!(
        v.get("version").and_then(Value::as_u64),
        Some(1),
        "version in {doc}"
    );
    let years = v
        .get("years")
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("years in {doc}"));
    assert!((1..=50).contains(&years.len()), "years in {doc}");
    let contributions = u64_of(v, "contributions", doc);
    let returns = u64_of(v, "returns", doc);
    let balance = u64_of(v, "balance", doc);
    let sum = |key: &str| years.iter().map(|y| u64_of(y, key, doc)).sum::<u64>();
    assert_eq!(
        sum("contributions"),
        contributions,
        "contributions in {doc}"
    );
    assert_eq!(sum("returns"), returns, "returns in {doc}");
    assert!(balance >= contributions + returns, "balance in {doc}");
    let last = years.last().map(|y| u64_of(y, "balance", doc));
    assert_eq!(last, Some(balance), "the last year's balance in {doc}");
}

fn check_fine(v: &Value, doc: &str) {
    let _typed: FineResult = serde_json::from_str(doc)
        .unwrap_or_else(|e| panic!("result does not read back as FineResult ({e}): {doc}"));
    assert_eq!(
        v.get("version").and_then(Value::as_u64),
        Some(1),
        "version in {doc}"
    );
    let months = u64_of(v, "months_late", doc);
    let fine = u64_of(v, "fine", doc);
    match v.get("due_date") {
        Some(Value::String(due)) => assert!(is_date(due), "due_date {due:?} in {doc}"),
        // PMI has no due date (§1: `null` for PMI), so nothing is late.
        Some(Value::Null) => assert_eq!((months, fine), (0, 0), "late without a due date in {doc}"),
        _ => panic!("due_date missing in {doc}"),
    }
    if months == 0 {
        assert_eq!(fine, 0, "a fine without a month late in {doc}");
    }
    for key in ["rule", "source"] {
        assert!(
            v.get(key).and_then(Value::as_str).is_some(),
            "{key} in {doc}"
        );
    }
}
