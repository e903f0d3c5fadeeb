//! A BPJS field officer's registration booth at a market (the "Kerja Keras
//! Bebas Cemas" campaign): for one informal worker (BPU), the packages on
//! offer, JKK+JKM and JKK+JKM with each optional program, each prepaid for
//! 1, 3, 6 or 12 months, with the discount of the months it covers and the due
//! date, on a screen 40 columns wide.
//!
//! No rule lives here: every amount, discount, due date and warning comes
//! from the library (DECISIONS.md D-17 … D-22). This program reads the values,
//! asks the library, and lays out the answer.
//!
//! ```text
//! cargo run -p jamsos --example booth -- --birth-date 1985-03-12 \
//!     --sector other --income 1000000 --period 2026-04 \
//!     [--subsidised] [--lang en] [--json]
//! ```
//!
//! Without any of the four values it asks for them on standard input. Bad
//! input prints a message and exits with code 2.

use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use jamsos::contribution::{BpuAssessment, ContributionError, Line, Options, Warning, assess_bpu};
use jamsos::core::{Date, Payer, Period, Program, ProgramSet, Rupiah, Source, parse_date};
use jamsos::eligibility::{EligibilityError, Status};
use jamsos::worker::{BpuWorker, Income, Prepay, Sector};
use jamsos_contract::pretty::{Lang, rupiah};
use serde::Serialize;
use serde_json::json;

/// The widest line the text layout writes (a small phone or handheld terminal).
pub(crate) const WIDTH: usize = 40;

/// The rule between sections, kept short of [`WIDTH`] so that a terminal of
/// exactly that width does not wrap it.
const RULE_WIDTH: usize = 36;

// ---------------------------------------------------------------------------
// The computation.

/// One of the four values the officer types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    /// `--birth-date`.
    BirthDate,
    /// `--sector`.
    Sector,
    /// `--income`.
    Income,
    /// `--period`.
    Period,
}

impl Field {
    /// All four, in the order they are asked for.
    const ALL: [Field; 4] = [
        Field::BirthDate,
        Field::Sector,
        Field::Income,
        Field::Period,
    ];

    /// The command-line flag.
    pub(crate) const fn flag(self) -> &'static str {
        match self {
            Field::BirthDate => "--birth-date",
            Field::Sector => "--sector",
            Field::Income => "--income",
            Field::Period => "--period",
        }
    }

    /// The question asked on standard input.
    const fn question(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::BirthDate, Lang::Id) => "Tanggal lahir (YYYY-MM-DD): ",
            (Field::BirthDate, Lang::En) => "Birth date (YYYY-MM-DD): ",
            (Field::Sector, Lang::Id) => "Sektor (transport/other): ",
            (Field::Sector, Lang::En) => "Sector (transport/other): ",
            (Field::Income, Lang::Id) => "Penghasilan sebulan (Rp): ",
            (Field::Income, Lang::En) => "Monthly income (Rp): ",
            (Field::Period, Lang::Id) => "Mulai bulan (YYYY-MM): ",
            (Field::Period, Lang::En) => "First month (YYYY-MM): ",
        }
    }
}

/// Input the library cannot compute with, and the value at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputError {
    /// The value at fault, when one is.
    pub(crate) field: Option<Field>,
    /// What is wrong and what is allowed, in English (the library's words).
    pub(crate) message: String,
}

impl InputError {
    fn at(field: Field, message: impl Into<String>) -> InputError {
        InputError {
            field: Some(field),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}: {}", field.flag(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Names the value a library error is about, as the JSON contract does.
fn domain_error(e: ContributionError) -> InputError {
    let field = match e {
        ContributionError::IncomeOutOfRange { .. } => Some(Field::Income),
        ContributionError::Eligibility(EligibilityError::BornAfterPeriod { .. }) => {
            Some(Field::BirthDate)
        }
        ContributionError::NoRuleInForce { .. }
        | ContributionError::DueAfterCalendarEnd { .. }
        | ContributionError::PeriodAfterCalendarEnd { .. }
        | ContributionError::Eligibility(EligibilityError::NoRuleInForce { .. }) => {
            Some(Field::Period)
        }
        _ => None,
    };
    InputError {
        field,
        message: e.to_string(),
    }
}

fn parse_birth_date(text: &str) -> Result<Date, InputError> {
    parse_date(text).map_err(|_| {
        InputError::at(
            Field::BirthDate,
            format!("\"{text}\" is not a date: write YYYY-MM-DD, e.g. 1985-03-12"),
        )
    })
}

fn parse_sector(text: &str) -> Result<Sector, InputError> {
    Sector::from_code(text).ok_or_else(|| {
        let allowed: Vec<&str> = Sector::ALL.iter().map(|s| s.code()).collect();
        InputError::at(
            Field::Sector,
            format!("\"{text}\" is not a sector: use {}", allowed.join(" or ")),
        )
    })
}

/// Whole rupiah, as digits (`1000000`) or grouped the Indonesian way
/// (`1.000.000`); nothing else is guessed at.
fn parse_income(text: &str) -> Result<Income, InputError> {
    let groups: Vec<&str> = text.split('.').collect();
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        let digits = !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        let size = groups.len() == 1 || (i == 0 && g.len() <= 3) || g.len() == 3;
        digits && size
    });
    if !well_formed {
        return Err(InputError::at(
            Field::Income,
            format!("\"{text}\" is not an amount: write whole rupiah, e.g. 1000000 or 1.000.000"),
        ));
    }
    let amount: u64 = groups
        .concat()
        .parse()
        .map_err(|_| InputError::at(Field::Income, format!("income {text} is too large")))?;
    Income::new(amount).map_err(|e| InputError::at(Field::Income, e.to_string()))
}

fn parse_period(text: &str) -> Result<Period, InputError> {
    text.parse().map_err(|_| {
        InputError::at(
            Field::Period,
            format!("\"{text}\" is not a month: write YYYY-MM, e.g. 2026-04"),
        )
    })
}

/// Checks one typed value on its own (the library checks the combination).
fn check(field: Field, text: &str) -> Result<(), InputError> {
    match field {
        Field::BirthDate => parse_birth_date(text).map(|_| ()),
        Field::Sector => parse_sector(text).map(|_| ()),
        Field::Income => parse_income(text).map(|_| ()),
        Field::Period => parse_period(text).map(|_| ()),
    }
}

/// One contribution month of an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Month {
    /// The period.
    pub(crate) period: Period,
    /// The library's lines for the period: JKK, JKM, and JHT if chosen.
    pub(crate) lines: Vec<Line>,
    /// What the participant pays for the month.
    pub(crate) participant: Rupiah,
    /// What the government pays for the month (subsidised workers).
    pub(crate) government: Rupiah,
    /// The instrument that lowered the month's JKK and JKM, if one did
    /// (PP 50/2025, or the PP 49/2020 relief in 2020).
    pub(crate) adjusted_by: Option<&'static Source>,
}

/// One package prepaid for some months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Offer {
    /// 1, 3, 6 or 12.
    pub(crate) months: u8,
    /// Everything billed, whoever pays it.
    pub(crate) total: Rupiah,
    /// What the participant pays at the booth.
    pub(crate) participant: Rupiah,
    /// What the government pays.
    pub(crate) government: Rupiah,
    /// When the payment is due (the first month's due date, D-19).
    pub(crate) due_date: Option<Date>,
    /// Month by month, in order.
    pub(crate) per_month: Vec<Month>,
}

impl Offer {
    fn new(a: &BpuAssessment) -> Result<Offer, InputError> {
        let mut per_month: Vec<Month> = Vec::new();
        for line in a.lines.iter() {
            // The lines come in period order.
            if per_month.last().map(|m| m.period) != Some(line.period) {
                per_month.push(Month {
                    period: line.period,
                    lines: Vec::new(),
                    participant: Rupiah::ZERO,
                    government: Rupiah::ZERO,
                    adjusted_by: None,
                });
            }
            let Some(month) = per_month.last_mut() else {
                continue;
            };
            // A BPU line is paid by the participant or by the government
            // (D-20); nothing else is billed to anyone at the booth.
            match line.payer {
                Payer::Government => month.government = add(month.government, line.amount)?,
                _ => month.participant = add(month.participant, line.amount)?,
            }
            month.adjusted_by = month.adjusted_by.or(line.adjusted_by);
            month.lines.push(*line);
        }
        let total = Payer::ALL
            .iter()
            .try_fold(Rupiah::ZERO, |sum, p| add(sum, a.totals.get(*p)))?;
        Ok(Offer {
            months: a.months,
            total,
            participant: a.totals.participant,
            government: a.totals.government,
            due_date: a.due_date,
            per_month,
        })
    }

    /// How many of the months are discounted.
    pub(crate) fn discounted_months(&self) -> usize {
        self.per_month
            .iter()
            .filter(|m| m.adjusted_by.is_some())
            .count()
    }
}

fn add(a: Rupiah, b: Rupiah) -> Result<Rupiah, InputError> {
    a.checked_add(b).map_err(|_| overflow())
}

fn overflow() -> InputError {
    InputError {
        field: None,
        message: String::from("the amounts are too large to add up"),
    }
}

/// A package: the mandatory programs and possibly one optional program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Package {
    /// The programs billed, in the library's order.
    pub(crate) programs: Vec<Program>,
    /// Prepaid for 1, 3, 6 and 12 months.
    pub(crate) offers: Vec<Offer>,
}

impl Package {
    /// `JKK+JKM`.
    pub(crate) fn label(&self) -> String {
        let codes: Vec<String> = self
            .programs
            .iter()
            .map(|p| p.code().to_uppercase())
            .collect();
        codes.join("+")
    }

    /// The longest prepayment: its months show the price of every month.
    fn longest(&self) -> Option<&Offer> {
        self.offers.iter().max_by_key(|o| o.months)
    }
}

/// Everything the booth shows for one worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Offers {
    /// Date of birth.
    pub(crate) birth_date: Date,
    /// Occupation sector.
    pub(crate) sector: Sector,
    /// Declared monthly income.
    pub(crate) income: Income,
    /// The first month paid.
    pub(crate) period: Period,
    /// JKK and JKM paid from the state or a regional budget.
    pub(crate) subsidised: bool,
    /// The base package, then one per optional program.
    pub(crate) packages: Vec<Package>,
    /// Every warning of every offer, once each.
    pub(crate) warnings: Vec<Warning>,
}

/// The packages and prepayments a worker can choose from `period`.
///
/// The packages are the mandatory programs, then the mandatory programs with
/// each program the library calls optional (for BPU: JHT, D-18).
pub(crate) fn offers(
    birth_date: &str,
    sector: &str,
    income: &str,
    period: &str,
    subsidised: bool,
) -> Result<Offers, InputError> {
    let birth_date = parse_birth_date(birth_date)?;
    let sector = parse_sector(sector)?;
    let income = parse_income(income)?;
    let period = parse_period(period)?;

    let mut worker = BpuWorker::new(income);
    worker.birth_date = Some(birth_date);
    worker.sector = sector;
    worker.subsidised = subsidised;
    let options = Options::default();

    let base = assess_bpu(&worker, period, Prepay::One, &options).map_err(domain_error)?;
    let mut choices = vec![ProgramSet::EMPTY];
    choices.extend(
        base.statuses
            .programs
            .iter()
            .filter(|s| s.status == Status::Optional)
            .map(|s| ProgramSet::EMPTY.with(s.program)),
    );

    let mut packages = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    for opt_in in choices {
        worker.opt_in = opt_in;
        let mut offers = Vec::new();
        let mut billed = ProgramSet::EMPTY;
        for prepay in Prepay::ALL {
            let a = assess_bpu(&worker, period, prepay, &options).map_err(domain_error)?;
            for w in a.warnings.iter() {
                if !warnings.contains(&w) {
                    warnings.push(w);
                }
            }
            for line in a.lines.iter() {
                if let Some(p) = Program::ALL.into_iter().find(|p| line.program == *p) {
                    billed = billed.with(p);
                }
            }
            offers.push(Offer::new(&a)?);
        }
        packages.push(Package {
            programs: billed.iter().collect(),
            offers,
        });
    }
    Ok(Offers {
        birth_date,
        sector,
        income,
        period,
        subsidised,
        packages,
        warnings,
    })
}

// ---------------------------------------------------------------------------
// The JSON document.

// Field order is the reading order; amounts are whole rupiah, as in the
// JSON contract.

#[derive(Serialize)]
struct LineDoc {
    program: &'static str,
    payer: &'static str,
    amount: u64,
    rule: &'static str,
    source: String,
}

#[derive(Serialize)]
struct MonthDoc {
    period: String,
    participant: u64,
    government: u64,
    discounted: bool,
    adjusted_by: Option<String>,
    lines: Vec<LineDoc>,
}

#[derive(Serialize)]
struct OfferDoc {
    months: u8,
    total: u64,
    participant: u64,
    government: u64,
    discounted_months: usize,
    due_date: Option<String>,
    per_month: Vec<MonthDoc>,
}

#[derive(Serialize)]
struct PackageDoc {
    package: String,
    programs: Vec<&'static str>,
    offers: Vec<OfferDoc>,
}

#[derive(Serialize)]
struct WarningDoc {
    code: &'static str,
    message: &'static str,
}

#[derive(Serialize)]
struct Document {
    birth_date: String,
    sector: &'static str,
    income: u64,
    period: String,
    subsidised: bool,
    packages: Vec<PackageDoc>,
    warnings: Vec<WarningDoc>,
}

fn month_doc(m: &Month) -> MonthDoc {
    MonthDoc {
        period: m.period.to_string(),
        participant: m.participant.get(),
        government: m.government.get(),
        discounted: m.adjusted_by.is_some(),
        adjusted_by: m.adjusted_by.map(ToString::to_string),
        lines: m
            .lines
            .iter()
            .map(|l| LineDoc {
                program: l.program.code(),
                payer: l.payer.code(),
                amount: l.amount.get(),
                rule: l.rule,
                source: l.citation().to_string(),
            })
            .collect(),
    }
}

fn offer_doc(o: &Offer) -> OfferDoc {
    OfferDoc {
        months: o.months,
        total: o.total.get(),
        participant: o.participant.get(),
        government: o.government.get(),
        discounted_months: o.discounted_months(),
        due_date: o.due_date.map(|d| d.to_string()),
        per_month: o.per_month.iter().map(month_doc).collect(),
    }
}

/// The offers as one JSON document: the worker's values, then per package
/// and prepayment the months, amounts by payer, discounted months, due date
/// and every month's lines with their rule and citation; then the warnings.
pub(crate) fn to_json(o: &Offers) -> String {
    let document = Document {
        birth_date: o.birth_date.to_string(),
        sector: o.sector.code(),
        income: o.income.rupiah().get(),
        period: o.period.to_string(),
        subsidised: o.subsidised,
        packages: o
            .packages
            .iter()
            .map(|p| PackageDoc {
                package: p.label().to_lowercase(),
                programs: p.programs.iter().map(|p| p.code()).collect(),
                offers: p.offers.iter().map(offer_doc).collect(),
            })
            .collect(),
        warnings: o
            .warnings
            .iter()
            .map(|w| WarningDoc {
                code: w.code(),
                message: w.message(),
            })
            .collect(),
    };
    // These types always serialize; should that ever change, say so rather
    // than print nothing.
    match serde_json::to_string_pretty(&document) {
        Ok(text) => format!("{text}\n"),
        Err(e) => format!(
            "{}\n",
            json!({"error": {"field": null, "message": e.to_string()}})
        ),
    }
}

// ---------------------------------------------------------------------------
// The text for people.

const fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

fn sector_name(sector: Sector, lang: Lang) -> &'static str {
    match sector {
        Sector::Transport => pick(lang, "transportasi", "transport"),
        Sector::Other => pick(lang, "lainnya", "other"),
    }
}

/// A warning in a few words; the JSON carries the library's full sentence.
fn warning_text(w: Warning, lang: Lang) -> &'static str {
    match w {
        Warning::ProvisionalTable => pick(
            lang,
            "tabel penghasilan masih sementara; cocokkan dengan tabel resmi (D-17)",
            "the income table is provisional; check it against the official one (D-17)",
        ),
        Warning::Under18 => pick(
            lang,
            "peserta belum 18 tahun; tidak ada batas usia (D-22)",
            "the participant is under 18; no age limit applies (D-22)",
        ),
        other => other.message(),
    }
}

/// Appends `text` broken at spaces into lines of at most [`WIDTH`] columns,
/// the first starting with `first` and the others with `rest`; a word too
/// long for a line is cut.
fn wrap(out: &mut String, first: &str, rest: &str, text: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    let room = WIDTH.saturating_sub(rest.chars().count()).max(1);
    let mut words: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        words.extend(chars.chunks(room).map(|c| c.iter().collect::<String>()));
    }
    for word in words {
        let width = line.chars().count() + usize::from(!empty) + word.chars().count();
        if width > WIDTH && !empty {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(&word);
        empty = false;
    }
    out.push_str(&line);
    out.push('\n');
}

/// `2026-04`, or `2026-04 s.d. 2026-12` / `2026-04 to 2026-12`.
fn range(first: Period, last: Period, lang: Lang) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first} {} {last}", pick(lang, "s.d.", "to"))
    }
}

/// Consecutive months with the same amounts and discount, as
/// `(first, last, month)`.
fn runs(months: &[Month]) -> Vec<(Period, Period, &Month)> {
    let mut runs: Vec<(Period, Period, &Month)> = Vec::new();
    for m in months {
        match runs.last_mut() {
            Some((_, last, seen))
                if seen.participant == m.participant
                    && seen.government == m.government
                    && seen.adjusted_by == m.adjusted_by =>
            {
                *last = m.period;
            }
            _ => runs.push((m.period, m.period, m)),
        }
    }
    runs
}

fn write_package(out: &mut String, number: usize, package: &Package, lang: Lang) {
    let _ = writeln!(out, "{}", "-".repeat(RULE_WIDTH));
    let _ = writeln!(
        out,
        "{} {number}: {}",
        pick(lang, "Paket", "Package"),
        package.label()
    );

    let _ = writeln!(
        out,
        "{}",
        pick(
            lang,
            "Iuran peserta per bulan:",
            "Participant pays per month:"
        )
    );
    let months = package.longest().map_or(&[][..], |o| &o.per_month[..]);
    for (first, last, m) in runs(months) {
        let mark = if m.adjusted_by.is_some() { " *" } else { "" };
        let _ = writeln!(
            out,
            " {:<20} {:>11}{mark}",
            range(first, last, lang),
            rupiah(m.participant.get())
        );
        if m.government > Rupiah::ZERO {
            let _ = writeln!(
                out,
                "   + {} {}",
                pick(lang, "pemerintah", "government"),
                rupiah(m.government.get())
            );
        }
    }

    let _ = writeln!(out, "{}", pick(lang, "Bayar di muka:", "Prepay:"));
    let _ = writeln!(
        out,
        "{:>3}  {:>11}  {:>6}  {}",
        pick(lang, "bln", "mo."),
        pick(lang, "bayar", "pay"),
        pick(lang, "diskon", "disc."),
        pick(lang, "jatuh tempo", "due"),
    );
    for o in &package.offers {
        let discounted = match o.discounted_months() {
            0 => String::from("-"),
            n => format!("{n}/{}", o.months),
        };
        let due = o
            .due_date
            .map_or_else(|| String::from("-"), |d| d.to_string());
        let _ = writeln!(
            out,
            "{:>3}  {:>11}  {:>6}  {due}",
            o.months,
            rupiah(o.participant.get()),
            discounted
        );
    }
}

/// The offers as a booth screen, at most [`WIDTH`] columns wide.
pub(crate) fn render(o: &Offers, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        pick(
            lang,
            "BPJS Ketenagakerjaan: peserta BPU",
            "BPJS Ketenagakerjaan: informal (BPU)"
        )
    );
    let _ = writeln!(out, "\"Kerja Keras Bebas Cemas\"");
    let _ = writeln!(out, "{:<12}{}", pick(lang, "Lahir", "Born"), o.birth_date);
    let _ = writeln!(
        out,
        "{:<12}{}",
        pick(lang, "Sektor", "Sector"),
        sector_name(o.sector, lang)
    );
    let _ = writeln!(
        out,
        "{:<12}{}{}",
        pick(lang, "Penghasilan", "Income"),
        rupiah(o.income.rupiah().get()),
        pick(lang, "/bulan", "/month")
    );
    let _ = writeln!(out, "{:<12}{}", pick(lang, "Mulai", "From"), o.period);
    if o.subsidised {
        let _ = writeln!(
            out,
            "{:<12}{}",
            pick(lang, "Subsidi", "Subsidised"),
            pick(lang, "ya (APBN/APBD)", "yes (state budget)")
        );
    }

    for (i, package) in o.packages.iter().enumerate() {
        write_package(&mut out, i.saturating_add(1), package, lang);
    }
    let _ = writeln!(out, "{}", "-".repeat(RULE_WIDTH));

    let mut sources: Vec<&Source> = Vec::new();
    let all_months = o
        .packages
        .iter()
        .flat_map(|p| p.offers.iter())
        .flat_map(|offer| offer.per_month.iter());
    for source in all_months.filter_map(|m| m.adjusted_by) {
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    for source in sources {
        wrap(
            &mut out,
            "* ",
            "  ",
            &format!("{} {source}", pick(lang, "diskon", "discount")),
        );
    }
    if !o.warnings.is_empty() {
        let _ = writeln!(out, "{}", pick(lang, "Perhatian:", "Note:"));
        for w in &o.warnings {
            wrap(
                &mut out,
                "! ",
                "  ",
                &format!("{}: {}", w.code(), warning_text(*w, lang)),
            );
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The command line.

/// What the command line asked for (parsed by clap; the help text is the
/// booth's own, in the officer's language, so clap's is switched off).
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Parser)]
#[command(name = "booth", disable_help_flag = true, disable_version_flag = true)]
pub(crate) struct Request {
    /// Date of birth, YYYY-MM-DD.
    #[arg(long)]
    birth_date: Option<String>,
    /// `transport` or `other` (D-21).
    #[arg(long)]
    sector: Option<String>,
    /// Declared monthly income in rupiah.
    #[arg(long)]
    income: Option<String>,
    /// The first month, YYYY-MM.
    #[arg(long)]
    period: Option<String>,
    /// JKK and JKM paid from the state or a regional budget (D-20).
    #[arg(long)]
    subsidised: bool,
    /// `id` (default) or `en`.
    #[arg(long, default_value = "id", value_parser = lang)]
    lang: Lang,
    /// The offers as one JSON document.
    #[arg(long)]
    json: bool,
    /// The usage, in the chosen language.
    #[arg(long, short)]
    help: bool,
}

fn lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| "use id or en".to_owned())
}

impl Request {
    fn value(&self, field: Field) -> Option<&str> {
        match field {
            Field::BirthDate => self.birth_date.as_deref(),
            Field::Sector => self.sector.as_deref(),
            Field::Income => self.income.as_deref(),
            Field::Period => self.period.as_deref(),
        }
    }

    fn slot(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::BirthDate => &mut self.birth_date,
            Field::Sector => &mut self.sector,
            Field::Income => &mut self.income,
            Field::Period => &mut self.period,
        }
    }

    /// No value was given: ask for them.
    pub(crate) fn is_blank(&self) -> bool {
        !self.help && Field::ALL.iter().all(|f| self.value(*f).is_none())
    }
}

/// Reads the arguments (without the program name). Errors name the flag.
pub(crate) fn parse_args(args: &[String]) -> Result<Request, String> {
    use clap::Parser as _;
    Request::try_parse_from(std::iter::once("booth").chain(args.iter().map(String::as_str)))
        .map_err(|e| e.to_string().trim_end().to_owned())
}

fn usage(lang: Lang) -> String {
    let about = pick(
        lang,
        "Paket iuran BPU untuk stan pasar.",
        "BPU contribution packages for a booth.",
    );
    let ask = pick(
        lang,
        "Tanpa nilai: ditanyakan satu per satu.",
        "Without values: asks for each.",
    );
    format!(
        "{about}\n\
         booth --birth-date YYYY-MM-DD\n  \
         --sector transport|other\n  \
         --income RUPIAH --period YYYY-MM\n  \
         [--subsidised] [--lang id|en]\n  \
         [--json]\n\
         {ask}\n"
    )
}

/// An error as the user sees it: a line naming the value, then the reason;
/// with `--json`, a JSON document.
fn error_text(e: &InputError, lang: Lang, json: bool) -> String {
    if json {
        let document = json!({"error": {
            "field": e.field.map(Field::flag),
            "message": e.message,
        }});
        return format!("{document}\n");
    }
    let mut out = String::new();
    let lead = pick(lang, "Masukan salah", "Bad input");
    let _ = match e.field {
        Some(field) => writeln!(out, "{lead}: {}", field.flag()),
        None => writeln!(out, "{lead}:"),
    };
    wrap(&mut out, "  ", "  ", &e.message);
    out
}

/// The offers for a complete request.
fn compute(request: &Request) -> Result<Offers, InputError> {
    let missing: Vec<&str> = Field::ALL
        .iter()
        .filter(|f| request.value(**f).is_none())
        .map(|f| f.flag())
        .collect();
    if !missing.is_empty() {
        return Err(InputError {
            field: None,
            message: format!("missing {}; see --help", missing.join(", ")),
        });
    }
    let value = |f: Field| request.value(f).unwrap_or_default();
    offers(
        value(Field::BirthDate),
        value(Field::Sector),
        value(Field::Income),
        value(Field::Period),
        request.subsidised,
    )
}

/// The answer to a request: the screen, the JSON document or the usage, or
/// the error to print (exit code 2). `main` prints what this returns.
pub(crate) fn respond(request: &Request) -> Result<String, String> {
    if request.help {
        return Ok(usage(request.lang));
    }
    let o = compute(request).map_err(|e| error_text(&e, request.lang, request.json))?;
    Ok(if request.json {
        to_json(&o)
    } else {
        render(&o, request.lang)
    })
}

/// Asks on `talk` for each value the request lacks, reading answers from
/// `input`, re-asking after a bad answer, until the library accepts them;
/// then answers as [`respond`]. Errors: the input ends, or the library
/// refuses the values as a whole.
pub(crate) fn prompt(
    mut request: Request,
    input: &mut impl BufRead,
    talk: &mut impl Write,
) -> Result<String, String> {
    let lang = request.lang;
    let io = |e: std::io::Error| e.to_string();
    loop {
        for field in Field::ALL {
            while request.value(field).is_none() {
                write!(talk, "{}", field.question(lang)).map_err(io)?;
                talk.flush().map_err(io)?;
                let mut answer = String::new();
                if input.read_line(&mut answer).map_err(io)? == 0 {
                    return Err(String::from(pick(
                        lang,
                        "\nmasukan berakhir\n",
                        "\ninput ended\n",
                    )));
                }
                let answer = answer.trim();
                match check(field, answer) {
                    Ok(()) => *request.slot(field) = Some(answer.to_owned()),
                    Err(e) => write!(talk, "{}", error_text(&e, lang, false)).map_err(io)?,
                }
            }
        }
        match compute(&request) {
            Ok(o) if request.json => return Ok(to_json(&o)),
            Ok(o) => return Ok(render(&o, lang)),
            // Ask again for the value the library refused.
            Err(InputError {
                field: Some(field),
                message,
            }) => {
                let e = InputError::at(field, message);
                write!(talk, "{}", error_text(&e, lang, false)).map_err(io)?;
                *request.slot(field) = None;
            }
            Err(e) => return Err(error_text(&e, lang, request.json)),
        }
    }
}

#[allow(
    dead_code,
    reason = "the entry point when run as an example; tests call run() and prompt()"
)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let answer = parse_args(&args)
        .map_err(|e| {
            let mut out = String::new();
            wrap(&mut out, "booth:", "  ", &e);
            out
        })
        .and_then(|request| {
            if request.is_blank() {
                prompt(
                    request,
                    &mut std::io::stdin().lock(),
                    &mut std::io::stderr(),
                )
            } else {
                respond(&request)
            }
        });
    match answer {
        Ok(out) => match std::io::stdout().write_all(out.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        },
        Err(message) => {
            let _ = std::io::stderr().write_all(message.as_bytes());
            ExitCode::from(2)
        }
    }
}
