//! Decoding a contract case (CONTRACT.md §1) into domain values, checking in the
//! contract's order: JSON syntax, top-level fields, period syntax, category,
//! unknown or not applicable fields, field types, required fields, options,
//! period range, amounts and values. The first failing check wins.

use chrono::NaiveDate;
use jamsos_core::{Period, Program, ProgramSet, parse_date};
use jamsos_worker::jakon::MAX_CONTRACT_VALUE;
use jamsos_worker::pmi::{MAX_CONTRACT_MONTHS, MAX_EXTENSION_MONTHS};
use jamsos_worker::pu::MAX_MONTHLY_AMOUNT;
use jamsos_worker::{
    BpuWorker, Category, Channel, ContractValue, Income, Industry, JakonMethod, JakonProject,
    Nationality, Nik, PmiWorker, Prepay, PuWorker, RiskClass, Scale, Sector, Wage, WorkerError,
    nik_prefix,
};

use super::error::{ContractError, ErrorCode};
use super::fields::{Kind, check_type, first_unknown};
use crate::json::{self, Value, is_integer_literal};

/// Which categories may carry a field: `[pu, bpu, jakon, pmi]` (CONTRACT.md §1).
pub(crate) struct FieldSpec {
    pub(crate) name: &'static str,
    kind: Kind,
    applies: [bool; 4],
}

const fn spec(name: &'static str, kind: Kind, applies: [bool; 4]) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        applies,
    }
}

const ALL: [bool; 4] = [true, true, true, true];
const PU: [bool; 4] = [true, false, false, false];
const BPU: [bool; 4] = [false, true, false, false];
const JAKON: [bool; 4] = [false, false, true, false];
const PMI: [bool; 4] = [false, false, false, true];

/// The participant fields, in the order of [`PARTICIPANT_FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(usize)]
enum F {
    Category,
    BirthDate,
    Nationality,
    Wage,
    RiskClass,
    Scale,
    RegisteredOn,
    JknMember,
    OptIn,
    Industry,
    ActiveWorkers,
    PaidJkkThrough2025_01,
    PaidThrough2020_07,
    Income,
    Sector,
    Subsidised,
    Method,
    ContractValue,
    Channel,
    ContractMonths,
    ExtensionMonths,
    JhtMonthly,
    Nik,
}

/// The position of `category` among the participant fields.
pub(crate) const CATEGORY_FIELD: usize = F::Category as usize;

/// How many participant fields the contract has.
const FIELD_COUNT: usize = 23;
const _: () = assert!(FIELD_COUNT <= 32, "a field's bit in a u32 set");

/// Every participant field of the contract, in the table's order (indexed by
/// [`F`]).
pub(crate) const PARTICIPANT_FIELDS: [FieldSpec; FIELD_COUNT] = [
    spec("category", Kind::Text, ALL),
    spec("birth_date", Kind::Date, ALL),
    spec("nationality", Kind::Text, [true, true, true, false]),
    spec("wage", Kind::Integer, [true, false, true, false]),
    spec("risk_class", Kind::Integer, PU),
    spec("scale", Kind::Text, PU),
    spec("registered_on", Kind::Date, PU),
    spec("jkn_member", Kind::Bool, PU),
    spec("opt_in", Kind::TextList, [true, true, false, false]),
    spec("industry", Kind::Text, PU),
    spec("active_workers", Kind::Integer, PU),
    spec("paid_jkk_through_2025_01", Kind::Bool, PU),
    spec(
        "paid_through_2020_07",
        Kind::Bool,
        [true, true, true, false],
    ),
    spec("income", Kind::Integer, BPU),
    spec("sector", Kind::Text, BPU),
    spec("subsidised", Kind::Bool, BPU),
    spec("method", Kind::Text, JAKON),
    spec("contract_value", Kind::Integer, JAKON),
    spec("channel", Kind::Text, PMI),
    spec("contract_months", Kind::Integer, PMI),
    spec("extension_months", Kind::Integer, PMI),
    spec("jht_monthly", Kind::Integer, PMI),
    spec("nik", Kind::Text, ALL),
];

/// The position of the participant field `name`, if it is one.
pub(crate) fn field_index(name: &str) -> Option<usize> {
    PARTICIPANT_FIELDS.iter().position(|s| s.name == name)
}

const OPTION_FIELDS: [&str; 3] = ["jp_for_foreigners", "months", "holidays"];

/// The options every case may carry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseOptions {
    /// D-9.
    pub jp_for_foreigners: bool,
    /// Months prepaid (BPU only, D-19); one otherwise.
    pub prepay: Prepay,
    /// Non-working days besides weekends (D-28).
    pub holidays: Vec<NaiveDate>,
}

/// A decoded case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The contribution month.
    pub period: Period,
    /// The participant.
    pub participant: Participant,
    /// The options.
    pub options: CaseOptions,
    /// The participant's NIK (D-37), when given and valid. It changes no
    /// amount and no status.
    pub nik: Option<Nik>,
    /// Why the given NIK is not valid: reported by [`Case::check_nik`] only
    /// after every other check, the assessment's included, has passed,
    /// because `invalid_nik` comes last (D-37).
    nik_error: Option<ContractError>,
}

impl Case {
    /// `invalid_nik` for a NIK that fails D-37; callers ask once every other
    /// check (and the assessment) has passed, so any other error wins.
    pub fn check_nik(&self) -> Result<Option<Nik>, ContractError> {
        match &self.nik_error {
            Some(e) => Err(e.clone()),
            None => Ok(self.nik),
        }
    }
}

/// A decoded participant, by category: the domain's own type.
pub use jamsos_contribution::Participant;

/// A participant field's raw value: a JSON value, or a CSV cell read with the
/// roster's cell syntax (CONTRACT.md §2), or a columnar roster's typed cell.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Raw<'a> {
    /// From a JSON case.
    Json(&'a Value),
    /// From a CSV roster: non-empty text.
    Cell(&'a str),
    /// From a columnar roster's integer column, in an integer field: the
    /// value its CSV text would be read as.
    Integer(i64),
    /// From a boolean column, in a boolean field.
    Boolean(bool),
    /// From a date column, in a date field (a year from 1 to 9999, which its
    /// CSV text `YYYY-MM-DD` can hold).
    Date(NaiveDate),
}

/// One cell of a columnar roster row (Arrow, Parquet): text, or a typed
/// value; an absent cell (null) is `None` next to it. A row of cells decodes
/// ([`super::Roster::decode_cells`]) exactly as the CSV text of the same
/// values does ([`super::Roster::decode`]): an integer as its decimal digits,
/// a boolean as `true` or `false`, a date as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    /// A string cell (an empty string is absent, as an empty CSV cell).
    Text(&'a str),
    /// An integer cell.
    Integer(i64),
    /// A boolean cell.
    Boolean(bool),
    /// A date cell.
    Date(NaiveDate),
}

impl core::fmt::Display for Cell<'_> {
    /// The cell's text in a CSV export of the roster.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Cell::Text(s) => f.write_str(s),
            Cell::Integer(n) => write!(f, "{n}"),
            Cell::Boolean(b) => write!(f, "{b}"),
            Cell::Date(d) => write!(f, "{d}"),
        }
    }
}

/// The raw value of `cell` in the participant field at `index` (from
/// [`field_index`]), when it is read without its text: text, or a typed value
/// of the field's own kind. A typed cell of another kind (an integer in a
/// date field), or a date whose year `YYYY` cannot hold, is `None`: its row is
/// decoded from its text.
#[inline]
pub(super) fn cell_raw(cell: Cell<'_>, index: usize) -> Option<Raw<'_>> {
    use chrono::Datelike as _;
    let kind = PARTICIPANT_FIELDS.get(index).map(|s| s.kind);
    match (cell, kind) {
        (Cell::Text(s), _) => Some(Raw::Cell(s)),
        (Cell::Integer(n), Some(Kind::Integer)) => Some(Raw::Integer(n)),
        (Cell::Boolean(b), Some(Kind::Bool)) => Some(Raw::Boolean(b)),
        (Cell::Date(d), Some(Kind::Date)) if (1..=9999).contains(&d.year()) => Some(Raw::Date(d)),
        _ => None,
    }
}

/// A typed raw value's CSV text, for the messages of the rare checks that
/// quote it.
fn typed_text(raw: Raw<'_>) -> Option<Cell<'_>> {
    match raw {
        Raw::Integer(n) => Some(Cell::Integer(n)),
        Raw::Boolean(b) => Some(Cell::Boolean(b)),
        Raw::Date(d) => Some(Cell::Date(d)),
        Raw::Json(_) | Raw::Cell(_) => None,
    }
}

/// A participant's present (non-null, non-empty) fields, by position; no
/// allocation, so a roster row decodes without touching the heap. Which
/// fields are present is kept as a bit set (bit `i` for the field at
/// position `i`), so that the checks visit only the few a row has; a slot
/// whose bit is clear is never read, so [`Fields::clear`] empties the set
/// without rewriting the slots.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a> {
    values: [Option<Raw<'a>>; FIELD_COUNT],
    present: u32,
}

impl<'a> Fields<'a> {
    pub(crate) const fn new() -> Fields<'a> {
        Fields {
            values: [None; FIELD_COUNT],
            present: 0,
        }
    }

    /// Sets the field at `index` (from [`field_index`]).
    #[inline]
    pub(crate) fn set(&mut self, index: usize, raw: Raw<'a>) {
        if let Some(slot) = self.values.get_mut(index) {
            *slot = Some(raw);
            self.present |= 1 << index;
        }
    }

    /// No field present.
    pub(crate) fn clear(&mut self) {
        self.present = 0;
    }

    /// The present fields' bit set.
    pub(crate) const fn present(&self) -> u32 {
        self.present
    }

    fn get(&self, field: F) -> Option<Raw<'a>> {
        self.value(field as usize)
    }

    fn value(&self, index: usize) -> Option<Raw<'a>> {
        let value = self.values.get(index).copied().flatten()?;
        // `index` is below FIELD_COUNT here, which fits the bit set.
        (self.present >> index & 1 == 1).then_some(value)
    }
}

/// The positions of the bits set in `set`, lowest first: the fields of a
/// bit set in the contract's table order.
fn positions(mut set: u32) -> impl Iterator<Item = usize> {
    core::iter::from_fn(move || {
        let index = set.trailing_zeros() as usize;
        set &= set.checked_sub(1)?;
        Some(index)
    })
}

/// The fields each category may carry, as a bit set per category (from
/// [`PARTICIPANT_FIELDS`]' `applies`).
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
const APPLIES: [u32; 4] = {
    let mut sets = [0u32; 4];
    let mut field = 0;
    while field < FIELD_COUNT {
        let mut category = 0;
        while category < 4 {
            if PARTICIPANT_FIELDS[field].applies[category] {
                sets[category] |= 1 << field;
            }
            category += 1;
        }
        field += 1;
    }
    sets
};

fn path(field: &str) -> String {
    format!("participant.{field}")
}

/// The participant fields a category may carry, comma-separated, for error
/// messages that say what is allowed.
fn fields_of(category: Category) -> String {
    PARTICIPANT_FIELDS
        .iter()
        .filter(|s| s.applies.get(category.index()).copied().unwrap_or(false))
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The JKK risk groups of PP 44/2015 Lampiran I, as the messages name them
/// (`RiskClass` accepts exactly these).
const RISK_GROUPS: &str = "1 (very low) to 5 (very high)";

/// What a required participant field holds, for `missing_field` messages;
/// limits and allowed codes come from the worker crate's constants and
/// vocabularies.
fn expected(field: F) -> String {
    match field {
        F::BirthDate => "a date YYYY-MM-DD".to_owned(),
        F::Wage => {
            format!("the monthly wage, whole rupiah from 1 to {MAX_MONTHLY_AMOUNT} (D-4)")
        }
        F::RiskClass => format!("the JKK risk group, {RISK_GROUPS}"),
        F::Scale => format!("one of {}", Scale::CODES.join(", ")),
        F::Income => format!(
            "the declared monthly income, whole rupiah from 1 to {MAX_MONTHLY_AMOUNT} (D-4, D-17)"
        ),
        F::Method => "wage or contract (D-23)".to_owned(),
        F::ContractValue => format!(
            "the contract value excluding VAT, whole rupiah from 1 to {MAX_CONTRACT_VALUE} (D-4)"
        ),
        F::Channel => format!("{} (D-26)", Channel::CODES.join(" or ")),
        F::ContractMonths => format!("{} (D-25)", pmi_package_lengths().0),
        _ => "a value".to_owned(),
    }
}

pub(crate) fn object<'a>(
    v: &'a Value,
    field: &str,
) -> Result<&'a [(String, Value)], ContractError> {
    match v {
        Value::Object(members) => Ok(members),
        other => Err(ContractError::at(
            ErrorCode::InvalidType,
            field,
            format!("{field} must be an object, not {}", other.kind()),
        )),
    }
}

/// The value of `key` in `members`, with `null` read as absent.
pub(crate) fn member<'a>(members: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    members
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .filter(|v| **v != Value::Null)
}

/// Parses and checks a contract case document for `jamsos contribution`.
pub fn decode(text: &str) -> Result<Case, ContractError> {
    decode_for(text, true)
}

/// Parses and checks a case for `jamsos eligibility`, which ignores
/// `options.months` (CONTRACT.md §3).
pub fn decode_for_eligibility(text: &str) -> Result<Case, ContractError> {
    decode_for(text, false)
}

fn decode_for(text: &str, read_months: bool) -> Result<Case, ContractError> {
    // 1. JSON syntax.
    let root = json::parse(text).map_err(|e| json_error(&e))?;
    let Value::Object(top) = &root else {
        return Err(ContractError::whole(
            ErrorCode::InvalidType,
            format!("the case must be a JSON object, not {}", root.kind()),
        ));
    };

    // 2. Top-level fields.
    if let Some(k) = first_unknown(top.iter().map(|(k, _)| k.as_str()), |k| {
        ["period", "participant", "options"].contains(&k)
    }) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            k,
            format!("unknown field \"{k}\": allowed are period, participant, options"),
        ));
    }
    let period_value = member(top, "period").ok_or_else(|| {
        ContractError::at(
            ErrorCode::MissingField,
            "period",
            "period is required (YYYY-MM)",
        )
    })?;
    let participant = member(top, "participant").ok_or_else(|| {
        ContractError::at(
            ErrorCode::MissingField,
            "participant",
            "participant is required",
        )
    })?;
    let participant = object(participant, "participant")?;
    let options = member(top, "options")
        .map(|o| object(o, "options"))
        .transpose()?
        .unwrap_or_default();

    // 3. Period syntax.
    let Value::String(period_text) = period_value else {
        return Err(ContractError::at(
            ErrorCode::InvalidType,
            "period",
            format!(
                "period must be a string YYYY-MM, not {}",
                period_value.kind()
            ),
        ));
    };
    let period: Period = period_text.parse().map_err(|_| {
        ContractError::at(
            ErrorCode::InvalidPeriod,
            "period",
            format!("period \"{period_text}\" is not YYYY-MM with a month 01 to 12"),
        )
    })?;

    // 4. Category.
    let category = category(member(participant, "category").map(Raw::Json))?;

    // 5. Unknown or not applicable fields.
    let mut fields = participant_fields(participant, category)?;
    if let Some(k) = first_unknown(options.iter().map(|(k, _)| k.as_str()), |k| {
        OPTION_FIELDS.contains(&k)
    }) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            format!("options.{k}"),
            format!("unknown field options.{k}: allowed are jp_for_foreigners, months, holidays"),
        ));
    }

    // 6 … 10.
    decode_fields(period, category, &mut fields, || {
        decode_options(options, category, read_months)
    })
}

/// Step 5 for a participant object: the smallest unknown name, then the
/// fields in the contract's table order, whatever the document's order. A
/// field present as `null` must still apply.
pub(crate) fn participant_fields(
    participant: &[(String, Value)],
    category: Category,
) -> Result<Fields<'_>, ContractError> {
    if let Some(key) = first_unknown(participant.iter().map(|(k, _)| k.as_str()), |k| {
        field_index(k).is_some()
    }) {
        return Err(ContractError::at(
            ErrorCode::UnknownField,
            path(key),
            format!(
                "unknown field participant.{key}: a {} participant has {}",
                category.code(),
                fields_of(category)
            ),
        ));
    }
    let mut fields = Fields::new();
    // A `null` field is absent, but still one the category must have.
    let mut present = 0u32;
    for (key, value) in participant {
        if let Some(index) = field_index(key) {
            present |= 1 << index;
            if *value != Value::Null {
                fields.set(index, Raw::Json(value));
            }
        }
    }
    applicable(category, present)?;
    Ok(fields)
}

/// `invalid_json`: a syntax error (with its byte offset) or a duplicate key
/// (naming it), and what the contract accepts.
pub(super) fn json_error(e: &json::SyntaxError) -> ContractError {
    let rule = if e.duplicate_key.is_some() {
        "each key may appear once in an object"
    } else {
        "the input must be one JSON document (RFC 8259: no comments, trailing commas or leading zeros)"
    };
    ContractError {
        code: ErrorCode::InvalidJson,
        message: format!("{}: {rule}", e.message),
        field: e.duplicate_key.clone(),
    }
}

/// Step 4: the category, required and one of the four.
pub(crate) fn category(raw: Option<Raw<'_>>) -> Result<Category, ContractError> {
    let raw = raw.ok_or_else(|| {
        ContractError::at(
            ErrorCode::MissingField,
            path("category"),
            "participant.category is required: pu, bpu, jakon or pmi",
        )
    })?;
    let text = match raw {
        Raw::Json(Value::String(s)) => s.as_str(),
        Raw::Cell(s) => s,
        // A typed cell is never a category: its text is named as a CSV
        // cell's would be.
        Raw::Integer(_) | Raw::Boolean(_) | Raw::Date(_) => {
            return Err(ContractError::at(
                ErrorCode::InvalidValue,
                path("category"),
                format!(
                    "unknown category \"{}\": allowed are pu, bpu, jakon, pmi",
                    typed_text(raw).map(|c| c.to_string()).unwrap_or_default()
                ),
            ));
        }
        Raw::Json(other) => {
            return Err(ContractError::at(
                ErrorCode::InvalidType,
                path("category"),
                format!(
                    "participant.category must be a string, not {}",
                    other.kind()
                ),
            ));
        }
    };
    Category::from_code(text).ok_or_else(|| {
        ContractError::at(
            ErrorCode::InvalidValue,
            path("category"),
            format!(
                "unknown category \"{text}\": allowed are {}",
                Category::CODES.join(", ")
            ),
        )
    })
}

/// Step 5: every present field (`present`, a bit set of field positions) must
/// apply to the category (CONTRACT.md §1); the first that does not, in the
/// contract's table order, is reported.
pub(crate) fn applicable(category: Category, present: u32) -> Result<(), ContractError> {
    let applies = APPLIES.get(category.index()).copied().unwrap_or(0);
    let stray = positions(present & !applies)
        .next()
        .and_then(|index| PARTICIPANT_FIELDS.get(index));
    match stray {
        None => Ok(()),
        Some(spec) => Err(ContractError::at(
            ErrorCode::FieldNotApplicable,
            path(spec.name),
            format!(
                "participant.{} does not apply to category {}: a {} participant has {}",
                spec.name,
                category.code(),
                category.code(),
                fields_of(category)
            ),
        )),
    }
}

/// Steps 5 (Jakon's method fields) to 10, once the present fields are known:
/// types, required fields, options (`options` runs only when the earlier
/// steps pass), period range, amounts and values.
pub(crate) fn decode_fields(
    period: Period,
    category: Category,
    fields: &mut Fields<'_>,
    options: impl FnOnce() -> Result<CaseOptions, ContractError>,
) -> Result<Case, ContractError> {
    if category == Category::Jakon {
        jakon_method_fields(fields)?;
    }

    // 6. Field types. Checked kind by kind first: the same check field
    // after field, which the processor predicts (a check chosen per field
    // by its kind was a mispredicted jump on most fields of a batch). Only
    // when one fails are they checked again in the contract's table order,
    // so that the first failing field is the one reported.
    let by_kind = KIND_SETS.iter().try_for_each(|set| {
        positions(fields.present() & set).try_for_each(|index| check_field(fields, index))
    });
    if by_kind.is_err() {
        for index in positions(fields.present()) {
            check_field(fields, index)?;
        }
    }

    // 7. Required fields.
    let required: &[F] = match category {
        Category::Pu => &[F::BirthDate, F::Wage, F::RiskClass, F::Scale],
        Category::Bpu => &[F::Income],
        Category::Jakon => match text(fields, F::Method) {
            Some("wage") => &[F::Method, F::Wage],
            Some("contract") => &[F::Method, F::ContractValue],
            _ => &[F::Method],
        },
        Category::Pmi => &[F::Channel, F::ContractMonths],
    };
    if let Some(field) = required
        .iter()
        .find(|f| fields.present() & (1 << **f as usize) == 0)
    {
        let name = name(*field);
        return Err(ContractError::at(
            ErrorCode::MissingField,
            path(name),
            format!(
                "participant.{name} is required for category {}{}: {}",
                category.code(),
                match (category, field) {
                    (Category::Jakon, F::Wage) => " with method wage (D-23)",
                    (Category::Jakon, F::ContractValue) => " with method contract (D-23)",
                    _ => "",
                },
                expected(*field)
            ),
        ));
    }

    // 8. Options.
    let options = options()?;

    // 9. Period range.
    if period < jamsos_rules::PROGRAMS_START {
        return Err(ContractError::at(
            ErrorCode::PeriodOutOfRange,
            "period",
            format!(
                "period {period} is before {}, when the current programs began (D-6)",
                jamsos_rules::PROGRAMS_START
            ),
        ));
    }

    // 10. Amounts and values.
    let participant = match category {
        Category::Pu => Participant::Pu(decode_pu(fields)?),
        Category::Bpu => Participant::Bpu(decode_bpu(fields)?),
        Category::Jakon => Participant::Jakon(decode_jakon(fields)?),
        Category::Pmi => Participant::Pmi(decode_pmi(fields)?),
    };
    // 11. The NIK, last of all (D-37); its error waits in the case until the
    // assessment has passed too.
    let (nik, nik_error) = match text(fields, F::Nik) {
        None => (None, None),
        Some(given) => match Nik::parse_for(given, date(fields, F::BirthDate)) {
            Ok(nik) => (Some(nik), None),
            Err(e) => (None, Some(nik_error(given, e))),
        },
    };
    Ok(Case {
        period,
        participant,
        options,
        nik,
        nik_error,
    })
}

/// Step 6 for the present field at `index`: its type checked, and a cell
/// that passes read as the value it was checked to be from here on, not
/// parsed a second time.
#[inline(always)]
fn check_field(fields: &mut Fields<'_>, index: usize) -> Result<(), ContractError> {
    let (Some(raw), Some(spec)) = (fields.value(index), PARTICIPANT_FIELDS.get(index)) else {
        return Ok(());
    };
    // Text in a text field and a typed value of the field's own kind (a
    // columnar roster's cells) always pass: no call per cell.
    let passes = matches!(
        (spec.kind, raw),
        (Kind::Text | Kind::TextList, Raw::Cell(_))
            | (Kind::Integer, Raw::Integer(_))
            | (Kind::Bool, Raw::Boolean(_))
            | (Kind::Date, Raw::Date(_))
    );
    if !passes {
        let typed = match raw {
            Raw::Cell(cell) => check_cell(spec, cell)?,
            _ => check_raw(spec, raw)?,
        };
        if let Some(typed) = typed {
            fields.set(index, typed);
        }
    }
    Ok(())
}

/// The participant fields of each kind, as bit sets: integers, booleans,
/// dates, text, lists of text.
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
const KIND_SETS: [u32; 5] = {
    const KINDS: [Kind; 5] = [
        Kind::Integer,
        Kind::Bool,
        Kind::Date,
        Kind::Text,
        Kind::TextList,
    ];
    let mut sets = [0u32; 5];
    let mut k = 0;
    while k < KINDS.len() {
        let mut field = 0;
        while field < FIELD_COUNT {
            if PARTICIPANT_FIELDS[field].kind as u8 == KINDS[k] as u8 {
                sets[k] |= 1 << field;
            }
            field += 1;
        }
        k += 1;
    }
    sets
};

/// `invalid_nik`, showing at most the first six characters given (D-37: the
/// region; never the birth date or serial).
fn nik_error(given: &str, e: jamsos_worker::NikError) -> ContractError {
    let shown = nik_prefix(given);
    let shown = if shown.len() < given.len() {
        format!("\"{shown}…\"")
    } else {
        format!("\"{shown}\"")
    };
    ContractError::at(
        ErrorCode::InvalidNik,
        path("nik"),
        format!(
            "participant.nik {shown} is not a valid NIK: {e}; a NIK is 16 digits: province, regency, district, birth date DDMMYY (day + 40 for women), serial (D-37)"
        ),
    )
}

/// A field's name in the contract.
fn name(field: F) -> &'static str {
    PARTICIPANT_FIELDS
        .get(field as usize)
        .map_or("participant", |s| s.name)
}

/// Step 6 for one field: a JSON value's type, or a roster cell's syntax
/// (CONTRACT.md §2: integers are ASCII digits with an optional leading `-`,
/// booleans exactly `true` or `false`, dates exactly `YYYY-MM-DD`). A
/// roster cell that passes comes back as the typed value it holds when that
/// value's text is the cell's (a date, a boolean, an integer written
/// without leading zeros), so that a message quoting it is unchanged.
fn check_raw(spec: &FieldSpec, raw: Raw<'_>) -> Result<Option<Raw<'static>>, ContractError> {
    // The path is only built for an error: a roster row must not allocate.
    let path = || path(spec.name);
    match raw {
        Raw::Json(value) => check_type(&path(), spec.kind, value).map(|()| None),
        // A typed value of the field's own kind passes as its text would;
        // another (which a columnar row decodes from text instead) is
        // checked as its text.
        Raw::Integer(_) if spec.kind == Kind::Integer => Ok(None),
        Raw::Boolean(_) if spec.kind == Kind::Bool => Ok(None),
        Raw::Date(_) if spec.kind == Kind::Date => Ok(None),
        Raw::Integer(_) | Raw::Boolean(_) | Raw::Date(_) => {
            let text = typed_text(raw).map(|c| c.to_string()).unwrap_or_default();
            check_raw(spec, Raw::Cell(&text))
        }
        Raw::Cell(cell) => check_cell(spec, cell),
    }
}

/// [`check_raw`] for a roster cell, the case of almost every field of a
/// batch: small enough to be inlined, so that the value read comes back in
/// registers (returned through memory it stalled every row on the reload),
/// with the errors built out of line.
#[inline(always)]
fn check_cell(spec: &FieldSpec, cell: &str) -> Result<Option<Raw<'static>>, ContractError> {
    match spec.kind {
        Kind::Integer if is_integer_cell(cell) => Ok(canonical_integer(cell).map(Raw::Integer)),
        Kind::Bool if cell == "true" => Ok(Some(Raw::Boolean(true))),
        Kind::Bool if cell == "false" => Ok(Some(Raw::Boolean(false))),
        Kind::Date => match parse_date(cell) {
            Ok(date) => Ok(Some(Raw::Date(date))),
            Err(_) => Err(cell_error(spec, cell)),
        },
        Kind::Text | Kind::TextList => Ok(None),
        Kind::Integer | Kind::Bool => Err(cell_error(spec, cell)),
    }
}

/// Why a roster cell fails [`check_cell`].
#[cold]
#[inline(never)]
fn cell_error(spec: &FieldSpec, cell: &str) -> ContractError {
    let path = path(spec.name);
    let wrong = |expected: &str| {
        ContractError::at(
            ErrorCode::InvalidType,
            &path,
            format!("{path} must be {expected}, not \"{cell}\""),
        )
    };
    match spec.kind {
        Kind::Integer => wrong("an integer (ASCII digits, optional leading -)"),
        Kind::Bool => wrong("true or false"),
        _ => ContractError::at(
            ErrorCode::InvalidDate,
            &path,
            format!("{path} \"{cell}\" is not a real date YYYY-MM-DD"),
        ),
    }
}

/// The value of an integer cell (already `-?[0-9]+`) whose text is exactly
/// that value's decimal form: no leading zero, no `-0`, within `i64`. Any
/// other cell (`007`, `-0`, beyond 64 bits) stays text and is read as
/// before ([`integer`] saturates), so every message shows what was given.
fn canonical_integer(cell: &str) -> Option<i64> {
    let (negative, digits) = match cell.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, cell),
    };
    if digits.starts_with('0') && (negative || digits.len() > 1) {
        return None;
    }
    let mut n: i64 = 0;
    for b in digits.bytes() {
        n = n
            .checked_mul(10)?
            .checked_add(i64::from(b.wrapping_sub(b'0')))?;
    }
    Some(if negative { -n } else { n })
}

/// `-?[0-9]+`: the roster's integer syntax.
fn is_integer_cell(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn decode_options(
    members: &[(String, Value)],
    category: Category,
    read_months: bool,
) -> Result<CaseOptions, ContractError> {
    let mut options = CaseOptions::default();
    if let Some(v) = member(members, "jp_for_foreigners") {
        let Value::Bool(b) = v else {
            return Err(ContractError::at(
                ErrorCode::InvalidType,
                "options.jp_for_foreigners",
                format!(
                    "options.jp_for_foreigners must be true or false, not {}",
                    v.kind()
                ),
            ));
        };
        options.jp_for_foreigners = *b;
    }
    if let Some(v) = member(members, "months").filter(|_| read_months) {
        let months = match v {
            Value::Number(n) if is_integer_literal(n) => n.parse::<i64>().unwrap_or(i64::MAX),
            other => {
                return Err(ContractError::at(
                    ErrorCode::InvalidType,
                    "options.months",
                    format!(
                        "options.months must be a JSON integer, not {}",
                        other.kind()
                    ),
                ));
            }
        };
        let prepay = Prepay::try_from(months)
            .ok()
            .filter(|p| category == Category::Bpu || *p == Prepay::One);
        let Some(prepay) = prepay else {
            let message = if category == Category::Bpu {
                format!(
                    "options.months {months} is not allowed: prepay 1, 3, 6 or 12 months (D-19)"
                )
            } else {
                format!(
                    "options.months {months} is not allowed: only BPU may prepay; {} cases cover 1 month",
                    category.code()
                )
            };
            return Err(ContractError::at(
                ErrorCode::InvalidMonths,
                "options.months",
                message,
            ));
        };
        options.prepay = prepay;
    }
    if let Some(v) = member(members, "holidays") {
        let Value::Array(items) = v else {
            return Err(ContractError::at(
                ErrorCode::InvalidType,
                "options.holidays",
                format!(
                    "options.holidays must be an array of dates, not {}",
                    v.kind()
                ),
            ));
        };
        for (i, item) in items.iter().enumerate() {
            options.holidays.push(holiday("options.holidays", i, item)?);
        }
    }
    Ok(options)
}

/// One item of a holiday list (D-28): a real date, or `invalid_date` naming
/// the item and its value.
pub(super) fn holiday(field: &str, index: usize, item: &Value) -> Result<NaiveDate, ContractError> {
    let date = match item {
        Value::String(s) => parse_date(s).ok(),
        _ => None,
    };
    date.ok_or_else(|| {
        let shown = match item {
            Value::String(s) => format!("\"{s}\""),
            other => other.kind().to_owned(),
        };
        ContractError::at(
            ErrorCode::InvalidDate,
            field,
            format!(
                "{field}[{index}] {shown} is not a real date: {field} must hold dates YYYY-MM-DD"
            ),
        )
    })
}

/// An integer field's value; digits beyond `i64` saturate (and then fail the
/// range checks with a clear message).
fn integer(fields: &Fields<'_>, field: F) -> Option<i64> {
    let digits = match fields.get(field)? {
        Raw::Json(Value::Number(n)) => n.as_str(),
        Raw::Cell(s) => s,
        Raw::Integer(n) => return Some(n),
        Raw::Json(_) | Raw::Boolean(_) | Raw::Date(_) => return None,
    };
    Some(digits.parse::<i64>().unwrap_or(if digits.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    }))
}

fn text<'a>(fields: &Fields<'a>, field: F) -> Option<&'a str> {
    match fields.get(field)? {
        Raw::Json(Value::String(s)) => Some(s),
        Raw::Cell(s) => Some(s),
        Raw::Json(_) | Raw::Integer(_) | Raw::Boolean(_) | Raw::Date(_) => None,
    }
}

fn boolean(fields: &Fields<'_>, field: F) -> Option<bool> {
    match fields.get(field)? {
        Raw::Json(Value::Bool(b)) => Some(*b),
        Raw::Cell(s) => Some(s == "true"),
        Raw::Boolean(b) => Some(b),
        Raw::Json(_) | Raw::Integer(_) | Raw::Date(_) => None,
    }
}

fn date(fields: &Fields<'_>, field: F) -> Option<NaiveDate> {
    match fields.get(field)? {
        Raw::Date(d) => Some(d),
        _ => text(fields, field).and_then(|s| parse_date(s).ok()),
    }
}

/// A closed set of names (a vocabulary's `from_code` and `CODES`), or
/// `invalid_value` listing the codes.
fn enumerated<T>(
    fields: &Fields<'_>,
    field: F,
    from_code: fn(&str) -> Option<T>,
    codes: &[&str],
) -> Result<Option<T>, ContractError> {
    let name = name(field);
    text(fields, field)
        .map(|s| {
            from_code(s).ok_or_else(|| {
                ContractError::at(
                    ErrorCode::InvalidValue,
                    path(name),
                    format!(
                        "participant.{name} \"{s}\" is not allowed: use one of {}",
                        codes.join(", ")
                    ),
                )
            })
        })
        .transpose()
}

/// An integer field's text as given (JSON literal or cell), so that an
/// error about a number beyond 64 bits shows the number given, not the
/// saturated value it was read as. A typed integer is written out only when
/// the message is.
fn literal<'a>(fields: &Fields<'a>, field: F) -> Literal<'a> {
    Literal(fields.get(field))
}

/// See [`literal`].
struct Literal<'a>(Option<Raw<'a>>);

impl core::fmt::Display for Literal<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.0 {
            Some(Raw::Json(Value::Number(n))) => f.write_str(n),
            Some(Raw::Cell(s)) => f.write_str(s),
            Some(Raw::Integer(n)) => write!(f, "{n}"),
            _ => Ok(()),
        }
    }
}

/// A money field's D-4 error; `amount` is the value as given.
fn money_error(name: &str, e: WorkerError, amount: Literal<'_>) -> ContractError {
    match e {
        WorkerError::AmountTooLarge { limit, .. } => ContractError::at(
            ErrorCode::AmountOutOfRange,
            path(name),
            format!(
                "participant.{name} {amount} is above the limit of {limit} rupiah: allowed are whole rupiah from 1 to {limit} (D-4)"
            ),
        ),
        WorkerError::AmountNotPositive(_) => ContractError::at(
            ErrorCode::InvalidAmount,
            path(name),
            format!(
                "participant.{name} {amount} is not allowed: money amounts are whole rupiah of at least 1 (D-4)"
            ),
        ),
        other => ContractError::at(
            ErrorCode::InvalidAmount,
            path(name),
            format!("participant.{name}: {other}"),
        ),
    }
}

fn missing(name: &str) -> ContractError {
    ContractError::at(
        ErrorCode::MissingField,
        path(name),
        format!("participant.{name} is required"),
    )
}

/// Jakon: `wage` belongs to the wage method and `contract_value` to the
/// contract method (D-23); the other one would be silently ignored, so it is
/// `field_not_applicable`, like a field of another category.
fn jakon_method_fields(fields: &Fields<'_>) -> Result<(), ContractError> {
    let (other, field) = match text(fields, F::Method) {
        Some("wage") => ("contract_value", F::ContractValue),
        Some("contract") => ("wage", F::Wage),
        _ => return Ok(()),
    };
    match fields.get(field) {
        Some(_) => Err(ContractError::at(
            ErrorCode::FieldNotApplicable,
            path(other),
            format!(
                "participant.{other} does not apply to method {} (D-23): method wage takes wage, method contract takes contract_value",
                text(fields, F::Method).unwrap_or_default()
            ),
        )),
        None => Ok(()),
    }
}

fn nationality(fields: &Fields<'_>) -> Result<Nationality, ContractError> {
    Ok(enumerated(
        fields,
        F::Nationality,
        Nationality::from_code,
        &Nationality::CODES,
    )?
    .unwrap_or_default())
}

fn decode_bpu(fields: &Fields<'_>) -> Result<BpuWorker, ContractError> {
    let income = Income::try_from(integer(fields, F::Income).ok_or_else(|| missing("income"))?)
        .map_err(|e| money_error("income", e, literal(fields, F::Income)))?;
    let mut worker = BpuWorker::new(income);
    worker.birth_date = date(fields, F::BirthDate);
    worker.nationality = nationality(fields)?;
    worker.sector =
        enumerated(fields, F::Sector, Sector::from_code, &Sector::CODES)?.unwrap_or_default();
    worker.subsidised = boolean(fields, F::Subsidised).unwrap_or(false);
    worker.opt_in = opt_in(fields)?;
    worker.paid_through_2020_07 = boolean(fields, F::PaidThrough2020_07).unwrap_or(true);
    Ok(worker)
}

fn decode_jakon(fields: &Fields<'_>) -> Result<JakonProject, ContractError> {
    let method = match text(fields, F::Method) {
        Some("wage") => JakonMethod::Wage(
            Wage::try_from(integer(fields, F::Wage).ok_or_else(|| missing("wage"))?)
                .map_err(|e| money_error("wage", e, literal(fields, F::Wage)))?,
        ),
        Some("contract") => JakonMethod::Contract(
            ContractValue::try_from(
                integer(fields, F::ContractValue).ok_or_else(|| missing("contract_value"))?,
            )
            .map_err(|e| money_error("contract_value", e, literal(fields, F::ContractValue)))?,
        ),
        Some(other) => {
            return Err(ContractError::at(
                ErrorCode::InvalidValue,
                path("method"),
                format!("participant.method \"{other}\" is not allowed: use one of wage, contract"),
            ));
        }
        None => return Err(missing("method")),
    };
    let mut project = JakonProject::new(method);
    project.birth_date = date(fields, F::BirthDate);
    project.nationality = nationality(fields)?;
    project.paid_through_2020_07 = boolean(fields, F::PaidThrough2020_07).unwrap_or(true);
    Ok(project)
}

/// The contract lengths the latest PMI regime prices, as words ("6, 12 or
/// 24"), and the month that regime began: read from the rules table (D-25)
/// so that the messages follow an amendment.
fn pmi_package_lengths() -> (String, Period) {
    use jamsos_rules::permenaker_4_2023::{PMI_CONTRIBUTION, Package};
    let Some(latest) = PMI_CONTRIBUTION.latest() else {
        return (String::new(), jamsos_rules::PROGRAMS_START);
    };
    let lengths: Vec<String> = match latest.value.package {
        Package::ByLength(prices) => prices.iter().map(|(m, _)| m.to_string()).collect(),
        Package::Flat { months, .. } => vec![format!("{} to {}", months.0, months.1)],
    };
    let words = match lengths.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => lengths.concat(),
    };
    (words, latest.from)
}

fn decode_pmi(fields: &Fields<'_>) -> Result<PmiWorker, ContractError> {
    let channel = enumerated(fields, F::Channel, Channel::from_code, &Channel::CODES)?
        .ok_or_else(|| missing("channel"))?;
    let months = integer(fields, F::ContractMonths).ok_or_else(|| missing("contract_months"))?;
    let mut worker = PmiWorker::new(channel, months).map_err(|_| {
        let (lengths, since) = pmi_package_lengths();
        ContractError::at(
            ErrorCode::InvalidContractMonths,
            path("contract_months"),
            format!(
                "participant.contract_months {months} is not allowed: a contract is 1 to {MAX_CONTRACT_MONTHS} months (D-4), and {lengths} from {since} (D-25)"
            ),
        )
    })?;
    if let Some(n) = integer(fields, F::ExtensionMonths) {
        worker.extension_months = PmiWorker::extension_months(n).map_err(|_| {
            ContractError::at(
                ErrorCode::InvalidValue,
                path("extension_months"),
                format!(
                    "participant.extension_months {n} is not allowed: 0 to {MAX_EXTENSION_MONTHS} months (D-4)"
                ),
            )
        })?;
    }
    if let Some(n) = integer(fields, F::JhtMonthly) {
        worker.jht_monthly = PmiWorker::jht_monthly(n).map_err(|_| jht_monthly_error(n))?;
    }
    worker.birth_date = date(fields, F::BirthDate);
    Ok(worker)
}

/// The error for a PMI JHT amount that is not offered (D-27).
pub(super) fn jht_monthly_error(amount: impl core::fmt::Display) -> ContractError {
    ContractError::at(
        ErrorCode::InvalidJhtMonthly,
        path("jht_monthly"),
        format!(
            "participant.jht_monthly {amount} is not offered: choose 50000, 100000, 200000, 300000, 400000, 500000 or 600000, or 0 for none (D-27)"
        ),
    )
}

fn decode_pu(fields: &Fields<'_>) -> Result<PuWorker, ContractError> {
    let wage = Wage::try_from(integer(fields, F::Wage).ok_or_else(|| missing("wage"))?)
        .map_err(|e| money_error("wage", e, literal(fields, F::Wage)))?;
    let risk_class =
        RiskClass::try_from(integer(fields, F::RiskClass).ok_or_else(|| missing("risk_class"))?)
            .map_err(|_| {
                ContractError::at(
                    ErrorCode::InvalidRiskClass,
                    path("risk_class"),
                    format!(
                        "risk class {} is not a JKK risk group: allowed {RISK_GROUPS}",
                        literal(fields, F::RiskClass)
                    ),
                )
            })?;
    let scale = enumerated(fields, F::Scale, Scale::from_code, &Scale::CODES)?
        .ok_or_else(|| missing("scale"))?;
    let birth_date = date(fields, F::BirthDate).ok_or_else(|| missing("birth_date"))?;
    let mut worker = PuWorker::new(birth_date, wage, risk_class, scale);
    worker.nationality = nationality(fields)?;
    worker.industry = enumerated(fields, F::Industry, Industry::from_code, &Industry::CODES)?;
    worker.active_workers = integer(fields, F::ActiveWorkers)
        .map(|n| {
            PuWorker::active_workers_count(n).map_err(|e| {
                ContractError::at(
                    ErrorCode::InvalidValue,
                    path("active_workers"),
                    format!("participant.active_workers: {e}"),
                )
            })
        })
        .transpose()?;
    worker.opt_in = opt_in(fields)?;
    worker.registered_on = date(fields, F::RegisteredOn);
    worker.jkn_member = boolean(fields, F::JknMember).unwrap_or(false);
    worker.paid_jkk_through_2025_01 = boolean(fields, F::PaidJkkThrough2025_01).unwrap_or(true);
    worker.paid_through_2020_07 = boolean(fields, F::PaidThrough2020_07).unwrap_or(true);
    Ok(worker)
}

/// `opt_in`: program names; `jkk_jkm` or an unknown name is an error, JKP
/// (never joined by choice) is ignored (CONTRACT.md §1).
fn opt_in(fields: &Fields<'_>) -> Result<ProgramSet, ContractError> {
    let mut set = ProgramSet::EMPTY;
    let names: &mut dyn Iterator<Item = &str> = match fields.get(F::OptIn) {
        Some(Raw::Json(Value::Array(items))) => &mut items.iter().filter_map(|i| match i {
            Value::String(s) => Some(s.as_str()),
            _ => None,
        }),
        // A roster cell: programs separated by `;`, trimmed, empty items dropped.
        Some(Raw::Cell(cell)) => &mut cell.split(';').map(str::trim).filter(|s| !s.is_empty()),
        _ => &mut core::iter::empty(),
    };
    for name in names {
        let program = Program::from_code(name).ok_or_else(|| {
            ContractError::at(
                ErrorCode::InvalidValue,
                path("opt_in"),
                format!("participant.opt_in holds \"{name}\": allowed are jkk, jkm, jht, jp, jkp"),
            )
        })?;
        set = set.with(program);
    }
    Ok(set)
}
