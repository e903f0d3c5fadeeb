//! Benefit claims, `jamsos benefit` (CONTRACT.md §4): decoding a claim in the
//! contract's error order, answering it, and the answer document.
//!
//! A claim is one flat JSON object. The checks run in this order and the first
//! failure wins: JSON syntax; the document is an object; unknown field names;
//! `benefit`; fields that do not apply to the benefit; the JHT `trigger` or
//! JKK `event`; fields that do not apply to that trigger or event; field types
//! (a date that does not exist is `invalid_date` here); required fields;
//! values (enumerations, amounts, counts, then the dates against each other
//! and against the encoded rules). A well-formed claim the rules do not pay is
//! not an error but `eligible: false` with reasons (D-35).

use chrono::NaiveDate;
use jamsos_benefit::ClaimError;
use jamsos_benefit::{
    Benefit, Claim, DismissalReason, JhtClaim, JhtTrigger, JkkClaim, JkkEvent, JkmClaim, JkpClaim,
    JpClaim, Outcome, PartialPurpose, assess_claim,
};
use jamsos_core::{Rupiah, parse_date};
use jamsos_worker::{Wage, WorkerError};
use serde::{Deserialize, Serialize};

use super::error::{ContractError, ErrorCode};
use super::fields::first_unknown;
pub(super) use super::fields::{Kind, check_type};
use super::output::{Notice, VERSION};
use crate::json::{self, Value};

/// The largest JHT balance or JP lump sum accepted:
/// Rp100,000,000,000,000, the largest amount D-4 allows anywhere.
pub const MAX_CLAIM_AMOUNT: u64 = 100_000_000_000_000;

/// One payment of a claim (CONTRACT.md §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentEntry {
    /// For people (`month 1` … `month 6` for JKP).
    pub label: String,
    /// `balance`, `partial`, `monthly`, `lump_sum`, `periodic`, `funeral`,
    /// `wage_replacement` or `maximum`.
    pub kind: String,
    /// Whole rupiah.
    pub amount: u64,
    /// Stable rule id.
    pub rule: String,
    /// Citation.
    pub source: String,
}

/// The result of `jamsos benefit` (CONTRACT.md §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenefitResult {
    /// Always 1.
    pub version: u32,
    /// `jht`, `jp`, `jkp`, `jkm` or `jkk`.
    pub benefit: String,
    /// Whether the claim is paid on its claim date.
    pub eligible: bool,
    /// Why not, when not eligible.
    pub reasons: Vec<Notice>,
    /// The first date the same claim is payable (`YYYY-MM-DD`), or null when
    /// no date would make it payable.
    pub earliest_claim_date: Option<String>,
    /// What the claim pays; empty when not eligible.
    pub payments: Vec<PaymentEntry>,
    /// The sum of the payments that are not maxima; 0 when not eligible.
    pub total: u64,
    /// Things to know about the amounts.
    pub notes: Vec<Notice>,
}

impl BenefitResult {
    /// The contract document for an answered claim.
    #[must_use]
    pub fn from_outcome(o: &Outcome) -> BenefitResult {
        BenefitResult {
            version: VERSION,
            benefit: o.benefit.code().to_owned(),
            eligible: o.is_payable(),
            reasons: o
                .reasons()
                .iter()
                .map(|r| Notice {
                    code: r.code().to_owned(),
                    message: r.message().to_owned(),
                })
                .collect(),
            earliest_claim_date: o.earliest_claim_date.map(|d| d.to_string()),
            payments: o
                .payments
                .iter()
                .map(|p| PaymentEntry {
                    label: p.label.to_owned(),
                    kind: p.kind.code().to_owned(),
                    amount: p.amount.get(),
                    rule: p.rule.to_owned(),
                    source: p.source.to_string(),
                })
                .collect(),
            total: o.total.get(),
            notes: o
                .notes
                .iter()
                .map(|n| Notice {
                    code: n.code().to_owned(),
                    message: n.message().to_owned(),
                })
                .collect(),
        }
    }
}

const JHT: u8 = 1;
const JP: u8 = 2;
const JKP: u8 = 4;
const JKM: u8 = 8;
const JKK: u8 = 16;
const ALL: u8 = JHT | JP | JKP | JKM | JKK;

/// Every claim field of the contract, with the benefits it applies to.
static FIELDS: &[(&str, Kind, u8)] = &[
    ("benefit", Kind::Text, ALL),
    ("claim_date", Kind::Date, ALL),
    ("trigger", Kind::Text, JHT),
    ("event_date", Kind::Date, JHT | JKK),
    ("membership_start", Kind::Date, JHT),
    ("balance", Kind::Integer, JHT),
    ("purpose", Kind::Text, JHT),
    ("previous_partial", Kind::Bool, JHT),
    ("birth_date", Kind::Date, JHT | JP),
    ("contribution_months", Kind::Integer, JP | JKM),
    ("average_wage", Kind::Integer, JP),
    ("lump_sum", Kind::Integer, JP),
    ("dismissal_date", Kind::Date, JKP),
    ("reason", Kind::Text, JKP),
    ("wage", Kind::Integer, JKP | JKK),
    ("months_paid_last_24", Kind::Integer, JKP),
    ("consecutive_months_before_dismissal", Kind::Integer, JKP),
    ("death_date", Kind::Date, JKM),
    ("children", Kind::Integer, JKM),
    ("event", Kind::Text, JKK),
    ("months", Kind::Integer, JKK),
];

const fn bit(b: Benefit) -> u8 {
    match b {
        Benefit::Jht => JHT,
        Benefit::Jp => JP,
        Benefit::Jkp => JKP,
        Benefit::Jkm => JKM,
        Benefit::Jkk => JKK,
    }
}

/// The JHT trigger or JKK event, before the fields it needs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    None,
    Trigger(&'static str),
    Event(&'static str),
}

/// Fields that apply only to some triggers or events: (field, the one
/// trigger or event it applies to).
const NARROW: [(&str, Benefit, &str); 4] = [
    ("purpose", Benefit::Jht, "partial"),
    ("previous_partial", Benefit::Jht, "partial"),
    ("birth_date", Benefit::Jht, "pension_age"),
    ("months", Benefit::Jkk, "temporary_inability"),
];

/// The document's members, with `null` read as absent.
pub(super) struct Members<'a>(pub(super) &'a [(String, Value)]);

impl<'a> Members<'a> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Value> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Value::Null)
    }

    pub(super) fn integer(&self, key: &str) -> Option<i64> {
        match self.get(key)? {
            Value::Number(n) => Some(n.parse::<i64>().unwrap_or(if n.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            })),
            _ => None,
        }
    }

    /// An integer field's literal as given (for messages: a number beyond
    /// 64 bits is shown as written, not as the saturated value).
    pub(super) fn literal(&self, key: &str) -> &'a str {
        match self.get(key) {
            Some(Value::Number(n)) => n,
            _ => "",
        }
    }

    pub(super) fn text(&self, key: &str) -> Option<&'a str> {
        match self.get(key)? {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub(super) fn date(&self, key: &str) -> Option<NaiveDate> {
        self.text(key).and_then(|s| parse_date(s).ok())
    }

    fn boolean(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// Parses the document and checks it is an object.
pub(super) fn root(text: &str, what: &str) -> Result<Vec<(String, Value)>, ContractError> {
    let root = json::parse(text).map_err(|e| super::case::json_error(&e))?;
    match root {
        Value::Object(members) => Ok(members),
        other => Err(ContractError::whole(
            ErrorCode::InvalidType,
            format!("the {what} must be a JSON object, not {}", other.kind()),
        )),
    }
}

fn missing(name: &str, why: &str) -> ContractError {
    ContractError::at(
        ErrorCode::MissingField,
        name,
        format!("{name} is required {why}"),
    )
}

/// What a field of `kind` holds, for `missing_field` messages.
pub(super) fn described(kind: Kind) -> &'static str {
    match kind {
        Kind::Integer => "a JSON integer",
        Kind::Bool => "true or false",
        Kind::Text => "a string",
        Kind::Date => "a date YYYY-MM-DD",
        Kind::TextList => "an array of strings",
    }
}

/// A closed set of names: a string, or `missing_field`, `invalid_type`,
/// `invalid_value`.
fn discriminator<T>(
    m: &Members<'_>,
    name: &str,
    why: &str,
    from_code: impl Fn(&str) -> Option<T>,
    allowed: &str,
) -> Result<T, ContractError> {
    let value = m
        .get(name)
        .ok_or_else(|| missing(name, &format!("{why}: one of {allowed}")))?;
    let Value::String(text) = value else {
        return Err(ContractError::at(
            ErrorCode::InvalidType,
            name,
            format!("{name} must be a string, not {}", value.kind()),
        ));
    };
    from_code(text).ok_or_else(|| {
        ContractError::at(
            ErrorCode::InvalidValue,
            name,
            format!("{name} \"{text}\" is not allowed: use one of {allowed}"),
        )
    })
}

/// A money field of at least Rp1 and at most `limit` (D-4).
pub(super) fn money(
    m: &Members<'_>,
    name: &str,
    limit: u64,
) -> Result<Option<Rupiah>, ContractError> {
    let Some(n) = m.integer(name) else {
        return Ok(None);
    };
    let shown = m.literal(name);
    let amount = u64::try_from(n).ok().filter(|a| *a >= 1).ok_or_else(|| {
        ContractError::at(
            ErrorCode::InvalidAmount,
            name,
            format!(
                "{name} {shown} is not allowed: money amounts are whole rupiah of at least 1 (D-4)"
            ),
        )
    })?;
    if amount > limit {
        return Err(ContractError::at(
            ErrorCode::AmountOutOfRange,
            name,
            format!(
                "{name} {shown} is above the limit of {limit} rupiah: allowed are whole rupiah from 1 to {limit} (D-4)"
            ),
        ));
    }
    Ok(Some(Rupiah::new(amount)))
}

/// A wage field, checked as a wage earner's wage is (D-4).
fn wage(m: &Members<'_>, name: &str) -> Result<Wage, ContractError> {
    let n = m.integer(name).ok_or_else(|| missing(name, ""))?;
    let shown = m.literal(name);
    Wage::try_from(n).map_err(|e| match e {
        WorkerError::AmountTooLarge { limit, .. } => ContractError::at(
            ErrorCode::AmountOutOfRange,
            name,
            format!(
                "{name} {shown} is above the limit of {limit} rupiah: allowed are whole rupiah from 1 to {limit} (D-4)"
            ),
        ),
        WorkerError::AmountNotPositive(_) => ContractError::at(
            ErrorCode::InvalidAmount,
            name,
            format!(
                "{name} {shown} is not allowed: money amounts are whole rupiah of at least 1 (D-4)"
            ),
        ),
        other => ContractError::at(ErrorCode::InvalidAmount, name, format!("{name}: {other}")),
    })
}

/// A count field: a whole number from 0 up (its upper bound is checked with
/// the claim's other values).
fn count(m: &Members<'_>, name: &str) -> Result<u32, ContractError> {
    let n = m.integer(name).ok_or_else(|| missing(name, ""))?;
    let shown = m.literal(name);
    u32::try_from(n).map_err(|_| {
        // Month counts are checked against 1200 with the claim's other values;
        // this is the bound every count shares.
        let why = if n < 0 {
            "a count of months or children is a whole number of at least 0"
        } else {
            "a count of months or children is at most 4294967295 (months: at most 1200)"
        };
        ContractError::at(
            ErrorCode::InvalidValue,
            name,
            format!("{name} {shown} is not allowed: {why}"),
        )
    })
}

fn date(m: &Members<'_>, name: &str) -> Result<NaiveDate, ContractError> {
    m.date(name).ok_or_else(|| missing(name, ""))
}

/// The required fields of a benefit (and its trigger or event), in order.
fn required(benefit: Benefit, variant: Variant) -> &'static [&'static str] {
    match (benefit, variant) {
        (Benefit::Jht, Variant::Trigger("pension_age")) => {
            &["claim_date", "membership_start", "birth_date"]
        }
        (Benefit::Jht, Variant::Trigger("partial")) => &[
            "claim_date",
            "membership_start",
            "purpose",
            "previous_partial",
        ],
        (Benefit::Jht, _) => &["claim_date", "event_date", "membership_start"],
        (Benefit::Jp, _) => &[
            "claim_date",
            "birth_date",
            "contribution_months",
            "average_wage",
        ],
        (Benefit::Jkp, _) => &[
            "claim_date",
            "dismissal_date",
            "reason",
            "wage",
            "months_paid_last_24",
            "consecutive_months_before_dismissal",
        ],
        (Benefit::Jkm, _) => &[
            "claim_date",
            "death_date",
            "contribution_months",
            "children",
        ],
        (Benefit::Jkk, Variant::Event("temporary_inability")) => {
            &["claim_date", "event_date", "wage", "months"]
        }
        (Benefit::Jkk, _) => &["claim_date", "event_date", "wage"],
    }
}

/// Parses and checks a claim document (CONTRACT.md §4) in the contract's
/// error order.
pub fn decode_claim(text: &str) -> Result<Claim, ContractError> {
    // 1–2. JSON syntax; an object.
    let members = root(text, "claim")?;
    let m = Members(&members);

    // 3. Unknown field names.
    if let Some(key) = first_unknown(members.iter().map(|(k, _)| k.as_str()), |k| {
        FIELDS.iter().any(|(name, _, _)| *name == k)
    }) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            key,
            format!(
                "unknown field \"{key}\" in a benefit claim: allowed are {}",
                FIELDS
                    .iter()
                    .map(|(name, _, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }

    // 4. The benefit.
    let benefit = discriminator(
        &m,
        "benefit",
        "for every claim",
        Benefit::from_code,
        &Benefit::CODES.join(", "),
    )?;

    // 5. Fields that do not apply to the benefit, in the table's order (a
    // field present as `null` must still apply).
    let present = |name: &str| members.iter().any(|(k, _)| k == name);
    for (key, _, benefits) in FIELDS {
        if present(key) && benefits & bit(benefit) == 0 {
            return Err(ContractError::at(
                ErrorCode::FieldNotApplicable,
                *key,
                format!(
                    "{key} does not apply to a {benefit} claim: a {benefit} claim takes {}",
                    FIELDS
                        .iter()
                        .filter(|(_, _, b)| b & bit(benefit) != 0)
                        .map(|(name, _, _)| *name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }

    // 6. The trigger or event, and the fields that apply only to some.
    let variant = match benefit {
        Benefit::Jht => Variant::Trigger(discriminator(
            &m,
            "trigger",
            "for a jht claim",
            |s| JhtTrigger::CODES.into_iter().find(|t| *t == s),
            &JhtTrigger::CODES.join(", "),
        )?),
        Benefit::Jkk => Variant::Event(discriminator(
            &m,
            "event",
            "for a jkk claim",
            |s| JkkEvent::CODES.into_iter().find(|e| *e == s),
            &JkkEvent::CODES.join(", "),
        )?),
        _ => Variant::None,
    };
    for (name, b, only) in &NARROW {
        if *b == benefit && present(name) {
            let chosen = match variant {
                Variant::Trigger(t) | Variant::Event(t) => t,
                Variant::None => "",
            };
            if chosen != *only {
                let what = if benefit == Benefit::Jht {
                    "trigger"
                } else {
                    "event"
                };
                return Err(ContractError::at(
                    ErrorCode::FieldNotApplicable,
                    *name,
                    format!("{name} applies only to a {benefit} claim with {what} {only}"),
                ));
            }
        }
    }

    // 7. Field types, in the table's order.
    for (name, kind, _) in FIELDS {
        if let Some(value) = m.get(name) {
            check_type(name, *kind, value)?;
        }
    }

    // 8. Required fields.
    if let Some(name) = required(benefit, variant)
        .iter()
        .find(|name| m.get(name).is_none())
    {
        let why = match variant {
            Variant::Trigger(t) => format!("for a jht claim with trigger {t}"),
            Variant::Event(e) => format!("for a jkk claim with event {e}"),
            Variant::None => format!("for a {benefit} claim"),
        };
        let kind = FIELDS
            .iter()
            .find(|(n, _, _)| n == name)
            .map_or(Kind::Text, |(_, kind, _)| *kind);
        return Err(missing(name, &format!("{why}: {}", described(kind))));
    }

    // 9. Values (dates against each other and the rules: in the domain).
    let claim_date = date(&m, "claim_date")?;
    Ok(match benefit {
        Benefit::Jht => {
            let trigger = match variant {
                Variant::Trigger("pension_age") => JhtTrigger::PensionAge {
                    birth_date: date(&m, "birth_date")?,
                },
                Variant::Trigger("resignation") => JhtTrigger::Resignation,
                Variant::Trigger("dismissal") => JhtTrigger::Dismissal,
                Variant::Trigger("contract_end") => JhtTrigger::ContractEnd,
                Variant::Trigger("leaving_indonesia") => JhtTrigger::LeavingIndonesia,
                Variant::Trigger("total_disability") => JhtTrigger::TotalDisability,
                Variant::Trigger("death") => JhtTrigger::Death,
                _ => JhtTrigger::Partial {
                    purpose: discriminator(
                        &m,
                        "purpose",
                        "for a partial withdrawal",
                        PartialPurpose::from_code,
                        &PartialPurpose::CODES.join(", "),
                    )?,
                    previous_partial: m
                        .boolean("previous_partial")
                        .ok_or_else(|| missing("previous_partial", ""))?,
                },
            };
            Claim::Jht(JhtClaim {
                claim_date,
                trigger,
                event_date: m.date("event_date"),
                membership_start: date(&m, "membership_start")?,
                balance: money(&m, "balance", MAX_CLAIM_AMOUNT)?,
            })
        }
        Benefit::Jp => {
            let average_wage = wage(&m, "average_wage")?;
            let lump_sum = money(&m, "lump_sum", MAX_CLAIM_AMOUNT)?;
            Claim::Jp(JpClaim {
                claim_date,
                birth_date: date(&m, "birth_date")?,
                contribution_months: count(&m, "contribution_months")?,
                average_wage,
                lump_sum,
            })
        }
        Benefit::Jkp => {
            let reason = discriminator(
                &m,
                "reason",
                "for a jkp claim",
                DismissalReason::from_code,
                &DismissalReason::CODES.join(", "),
            )?;
            let wage = wage(&m, "wage")?;
            Claim::Jkp(JkpClaim {
                claim_date,
                dismissal_date: date(&m, "dismissal_date")?,
                reason,
                wage,
                months_paid_last_24: count(&m, "months_paid_last_24")?,
                consecutive_months_before_dismissal: count(
                    &m,
                    "consecutive_months_before_dismissal",
                )?,
            })
        }
        Benefit::Jkm => Claim::Jkm(JkmClaim {
            claim_date,
            death_date: date(&m, "death_date")?,
            contribution_months: count(&m, "contribution_months")?,
            children: count(&m, "children")?,
        }),
        Benefit::Jkk => {
            let wage = wage(&m, "wage")?;
            let event = match variant {
                Variant::Event("death") => JkkEvent::Death,
                Variant::Event("total_disability") => JkkEvent::TotalDisability,
                _ => JkkEvent::TemporaryInability {
                    months: count(&m, "months")?,
                },
            };
            Claim::Jkk(JkkClaim {
                claim_date,
                event,
                event_date: date(&m, "event_date")?,
                wage,
            })
        }
    })
}

/// Maps a domain error to the contract's error object.
fn claim_error(e: ClaimError) -> ContractError {
    let message = e.to_string();
    match e {
        ClaimError::NoBenefitRuleOn { field, .. } => {
            ContractError::at(ErrorCode::PeriodOutOfRange, field, message)
        }
        ClaimError::DateBefore {
            field, other_field, ..
        } => ContractError::at(
            ErrorCode::InvalidDate,
            field,
            format!("{message}: {field} must be on or after {other_field}"),
        ),
        ClaimError::MissingDate { field } => {
            ContractError::at(ErrorCode::MissingField, field, message)
        }
        ClaimError::CountOutOfRange { field, .. } => {
            ContractError::at(ErrorCode::InvalidValue, field, message)
        }
        ClaimError::PaidMonthsBelowConsecutive { consecutive, .. } => ContractError::at(
            ErrorCode::InvalidValue,
            "months_paid_last_24",
            format!(
                "{message}: months_paid_last_24 must be at least consecutive_months_before_dismissal ({consecutive})"
            ),
        ),
        ClaimError::BenefitOverflow { .. } => {
            ContractError::whole(ErrorCode::AmountOutOfRange, message)
        }
        other => ContractError::whole(ErrorCode::InvalidValue, other.to_string()),
    }
}

/// `jamsos benefit`: a claim document in, the answer out (CONTRACT.md §4).
///
/// ```
/// let claim = r#"{"benefit": "jkp", "claim_date": "2025-06-01",
///   "dismissal_date": "2025-05-10", "reason": "dismissal", "wage": 7500000,
///   "months_paid_last_24": 20, "consecutive_months_before_dismissal": 20}"#;
/// let answer = jamsos_contract::benefit(claim)?;
/// assert!(answer.eligible);
/// assert_eq!(answer.payments.len(), 6);
/// assert_eq!(answer.payments[0].label, "month 1");
/// assert_eq!(answer.total, 18_000_000); // 60% × 5,000,000 × 6 (PP 6/2025)
///
/// // Resignation is excluded: well formed, but not payable (D-35).
/// let resigned = claim.replace("\"reason\": \"dismissal\"", "\"reason\": \"resignation\"");
/// let answer = jamsos_contract::benefit(&resigned)?;
/// assert!(!answer.eligible);
/// assert_eq!(answer.reasons[0].code, "excluded_reason");
///
/// // A field of another benefit is malformed (exit 2 on the command line).
/// let error = jamsos_contract::benefit(&claim.replace("\"wage\"", "\"balance\"")).unwrap_err();
/// assert_eq!(error.code.code(), "field_not_applicable");
/// # Ok::<(), jamsos_contract::ContractError>(())
/// ```
pub fn benefit(input: &str) -> Result<BenefitResult, ContractError> {
    let claim = decode_claim(input)?;
    let outcome = assess_claim(&claim).map_err(claim_error)?;
    Ok(BenefitResult::from_outcome(&outcome))
}
