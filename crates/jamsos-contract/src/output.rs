//! The contract's result documents (CONTRACT.md §1 and §3) as serde types.

use jamsos_contribution::{
    Allocation, Assessed, Component as Part, Line, Totals as Sums, Warnings,
};
use jamsos_core::{Billed, Payer, Period, Program, Rupiah};
use jamsos_eligibility::{ProgramStatus, PuEligibility, Status, Statuses};
use jamsos_worker::Category;
use serde::{Deserialize, Serialize};

/// The contract version these types speak.
pub const VERSION: u32 = 1;

/// A `{"code", "message"}` pair: a reason or a warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Stable code.
    pub code: String,
    /// Sentence for people.
    pub message: String,
}

/// One program's status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramEntry {
    /// `jkk`, `jkm`, `jht`, `jp` or `jkp`.
    pub program: Program,
    /// `mandatory`, `optional` or `not_eligible`.
    pub status: Status,
    /// Why it is optional or not eligible.
    pub reasons: Vec<Notice>,
}

/// A part of a line (Jakon tiers, PMI fees).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// For people.
    pub label: String,
    /// Whole rupiah.
    pub amount: u64,
    /// Stable rule id.
    pub rule: String,
    /// Citation.
    pub source: String,
}

/// A billed or deferred line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineEntry {
    /// The program billed (serialized as its code: `jkk` … or `jkk_jkm`).
    pub program: Billed,
    /// Who pays (serialized as its code).
    pub payer: Payer,
    /// `YYYY-MM`.
    pub period: String,
    /// The amount the rate applies to; omitted for flat amounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<u64>,
    /// The rate as a decimal fraction; null for flat amounts.
    pub rate: Option<String>,
    /// Whole rupiah.
    pub amount: u64,
    /// Stable rule id.
    pub rule: String,
    /// Citation.
    pub source: String,
    /// Parts of the amount, where the contract shows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
}

/// Money moved inside BPJS to the JKP fund (never in totals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationEntry {
    /// `jkk` or `jkm`.
    pub from: String,
    /// `jkp`.
    pub to: String,
    /// Wage capped at the JKP cap.
    pub base: u64,
    /// Decimal fraction.
    pub rate: String,
    /// Whole rupiah.
    pub amount: u64,
    /// Stable rule id (an addition within version 1).
    pub rule: String,
    /// Citation (an addition within version 1).
    pub source: String,
}

/// The sum of the lines per payer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    /// Employer.
    pub employer: u64,
    /// Worker.
    pub worker: u64,
    /// Self-paying participant.
    pub participant: u64,
    /// Government.
    pub government: u64,
}

/// The result of `jamsos contribution` (CONTRACT.md §1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContributionResult {
    /// Always 1.
    pub version: u32,
    /// `YYYY-MM`.
    pub period: String,
    /// Category code.
    pub category: Category,
    /// All five programs.
    pub programs: Vec<ProgramEntry>,
    /// Billed lines.
    pub lines: Vec<LineEntry>,
    /// Amounts owed later.
    pub deferred: Vec<LineEntry>,
    /// JKP funding moved out of JKK/JKM.
    pub allocations: Vec<AllocationEntry>,
    /// Sums per payer.
    pub totals: Totals,
    /// `YYYY-MM-DD`, or null for PMI.
    pub due_date: Option<String>,
    /// Things to check.
    pub warnings: Vec<Notice>,
}

/// The result of `jamsos eligibility` (CONTRACT.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EligibilityResult {
    /// Always 1.
    pub version: u32,
    /// `YYYY-MM`.
    pub period: String,
    /// Category code.
    pub category: Category,
    /// All five programs.
    pub programs: Vec<ProgramEntry>,
    /// PU: the date pension age is reached (D-10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pension_age_reached_on: Option<String>,
    /// PU: the last period JP applies to (D-11).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_jp_period: Option<String>,
    /// PU with `registered_on`: JKP participation (D-13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jkp_participant: Option<bool>,
}

fn program_entry(s: &ProgramStatus) -> ProgramEntry {
    ProgramEntry {
        program: s.program,
        status: s.status,
        reasons: s
            .reasons
            .iter()
            .map(|r| Notice {
                code: r.code().to_owned(),
                message: r.message().to_owned(),
            })
            .collect(),
    }
}

pub(crate) fn programs(statuses: &Statuses) -> Vec<ProgramEntry> {
    statuses.programs.iter().map(program_entry).collect()
}

fn line_entry(l: &Line, parts: &[Part]) -> LineEntry {
    let components: Vec<Component> = parts
        .iter()
        .filter(|c| c.program == l.program)
        .map(component)
        .collect();
    LineEntry {
        program: l.program,
        payer: l.payer,
        period: l.period.to_string(),
        base: l.base.map(u64::from),
        rate: l.rate.map(|r| r.decimal().to_string()),
        amount: l.amount.get(),
        rule: l.rule.to_owned(),
        source: l.citation().to_string(),
        components: (!components.is_empty()).then_some(components),
    }
}

/// Digits grouped the English way, for the contract's English labels:
/// `100,000,000`.
fn grouped(amount: Rupiah) -> String {
    let digits = amount.get().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A component's label for people, in English (the contract's `label`).
fn component_label(part: &jamsos_contribution::Part) -> String {
    use jamsos_contribution::Part;
    match *part {
        Part::Tier {
            number,
            from,
            to,
            portion,
            rate,
        } => match to {
            Some(to) => format!(
                "tier {number} (above {} up to {}): {rate} of {}",
                grouped(from),
                grouped(to),
                grouped(portion)
            ),
            None => format!(
                "tier {number} (above {}): {rate} of {}",
                grouped(from),
                grouped(portion)
            ),
        },
        Part::BeforeWork => "before work, via a placement agency".to_owned(),
        Part::Package { months } => format!("package for a {months}-month contract"),
        Part::Extension { months, per_month } => format!(
            "{months} month(s) beyond the contract at {} each",
            grouped(per_month)
        ),
        _ => String::new(),
    }
}

fn component(c: &Part) -> Component {
    Component {
        label: component_label(&c.part),
        amount: c.amount.get(),
        rule: c.rule.to_owned(),
        source: c.citation().to_string(),
    }
}

fn allocation_entry(a: &Allocation) -> AllocationEntry {
    AllocationEntry {
        from: a.from.code().to_owned(),
        to: a.to.code().to_owned(),
        base: a.base.get(),
        rate: a.rate.decimal().to_string(),
        amount: a.amount.get(),
        rule: a.rule.to_owned(),
        source: a.source.to_string(),
    }
}

fn notices(warnings: Warnings) -> Vec<Notice> {
    warnings
        .iter()
        .map(|w| Notice {
            code: w.code().to_owned(),
            message: w.message().to_owned(),
        })
        .collect()
}

fn totals(t: &Sums) -> Totals {
    Totals {
        employer: t.employer.get(),
        worker: t.worker.get(),
        participant: t.participant.get(),
        government: t.government.get(),
    }
}

impl ContributionResult {
    /// The contract document for an assessment of any category.
    #[must_use]
    pub fn from_assessed(a: &Assessed) -> ContributionResult {
        let parts: Vec<Part> = a.components().copied().collect();
        ContributionResult {
            version: VERSION,
            period: a.period().to_string(),
            category: a.category(),
            programs: programs(a.statuses()),
            lines: a.lines().map(|l| line_entry(l, &parts)).collect(),
            deferred: a.deferred().map(|l| line_entry(l, &[])).collect(),
            allocations: a.allocations().map(allocation_entry).collect(),
            totals: totals(&a.totals()),
            due_date: a.due_date().map(|d| d.to_string()),
            warnings: notices(a.warnings()),
        }
    }
}

impl EligibilityResult {
    /// The contract document for a wage earner's eligibility.
    #[must_use]
    pub fn from_pu(e: &PuEligibility) -> EligibilityResult {
        EligibilityResult {
            pension_age_reached_on: e.pension_age_reached_on.map(|d| d.to_string()),
            last_jp_period: e.last_jp_period.map(|p| p.to_string()),
            jkp_participant: e.jkp_participant,
            ..EligibilityResult::from_statuses(Category::Pu, e.period, &e.statuses)
        }
    }

    /// The contract document with the programs only (BPU, Jakon, PMI).
    #[must_use]
    pub fn from_statuses(
        category: Category,
        period: Period,
        statuses: &Statuses,
    ) -> EligibilityResult {
        EligibilityResult {
            version: VERSION,
            period: period.to_string(),
            category,
            programs: programs(statuses),
            pension_age_reached_on: None,
            last_jp_period: None,
            jkp_participant: None,
        }
    }
}
