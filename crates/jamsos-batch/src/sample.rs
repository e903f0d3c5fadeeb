//! A deterministic sample roster for benchmarks, tests and the README.
//!
//! [`write_roster`] writes a CSV roster in the format of CONTRACT.md §2 with a
//! population mixed roughly like the national membership of BPJS
//! Ketenagakerjaan:
//!
//! | share | category | what the rows look like |
//! |---|---|---|
//! | ~62% | `pu` | all four scales, risk classes 1–5, wages mostly Rp2,000,000–20,000,000 and a tail up to Rp100,000,000 (a few between the Rp1,000,000 floor and the minimum wage, D-8); ~15% registered and JKN members (JKP participants, D-13); micro and small firms sometimes opting in to JHT and JP (D-9); labour-intensive industries, some with 50 or more active workers (D-15); a few foreign nationals |
//! | ~22% | `bpu` | declared income Rp500,000–20,700,000, mostly low, some under Rp1,000,000 (row 1 of the income table, D-17); ~35% transport sector (D-21); ~10% subsidised (D-20); ~25% opted in to JHT (D-18) |
//! | ~12% | `jakon` | half by wage, half by contract value Rp10,000,000–50,000,000,000 (D-23) |
//! | ~4% | `pmi` | ~75% through an agency (D-26), contracts of 6, 12 or 24 months with 0–6 extension months (D-25), optional JHT of Rp50,000–600,000 a month (D-27) |
//!
//! Every row is valid for every period from 2023-03 to 2030-12: PU wages are
//! at least the Rp1,000,000 floor, PMI contracts are 6, 12 or 24 months (the
//! only lengths Permenaker 4/2023 allows), birth dates lie in 1960…2005 for
//! wage earners and registration dates fall after the birth date, before age
//! 54 and before 2023. About 1% of the rows carry their own `period` between
//! 2024-01 and 2026-12; the others leave it to `--period`. The amounts are
//! sample data chosen to exercise the rules, not rules themselves.
//!
//! The output depends only on `(rows, seed)`: a SplitMix64 generator drives
//! every choice and only integer arithmetic is used, so the same arguments
//! give byte-identical output on every platform. Rows are formatted by hand
//! into one reusable buffer, with no heap allocation per row, so ten million
//! rows (about a gigabyte) take seconds.

use std::io::{self, Write};

/// The roster header: the columns of CONTRACT.md §2 in a fixed order.
pub const HEADER: &str = "id,category,birth_date,nationality,wage,risk_class,scale,\
registered_on,jkn_member,opt_in,industry,active_workers,paid_jkk_through_2025_01,\
paid_through_2020_07,income,sector,subsidised,method,contract_value,channel,\
contract_months,extension_months,jht_monthly,period";

/// Bytes gathered before one `write_all` to the caller's writer, so an
/// unbuffered writer (a file, a pipe) sees few large writes.
const CHUNK: usize = 64 * 1024;

/// Writes a roster of `rows` data rows after the header, LF line ends, the
/// same bytes for the same `(rows, seed)`.
///
/// ```
/// let mut csv = Vec::new();
/// jamsos_batch::sample::write_roster(&mut csv, 3, 42)?;
/// let text = String::from_utf8(csv).unwrap_or_default();
/// assert_eq!(text.lines().count(), 4);
/// assert!(text.starts_with("id,category,birth_date,"));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
///
/// Whatever error `out` returns; the roster is then incomplete.
pub fn write_roster<W: Write>(out: &mut W, rows: u64, seed: u64) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(CHUNK + 1024);
    buf.extend_from_slice(HEADER.as_bytes());
    buf.push(b'\n');
    let mut rng = SplitMix64::new(seed);
    for index in 0..rows {
        let fields = Fields::generate(&mut rng);
        fields.write(index, &mut buf);
        if buf.len() >= CHUNK {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    out.flush()
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast and good enough to
/// spread sample values; not for anything secret. The workspace's one
/// deterministic generator: the sample rosters, the benchmarks' cases and the
/// tests' random rosters all draw from it, so a sequence depends on its seed
/// alone.
///
/// ```
/// use jamsos_batch::sample::SplitMix64;
///
/// let mut a = SplitMix64::new(7);
/// let mut b = SplitMix64::new(7);
/// assert_eq!(a.next_u64(), b.next_u64());
/// assert!(a.below(10) < 10);
/// assert_eq!(a.below(0), 0);
/// ```
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `0..n` (`0` when `n` is 0), by the multiply-high method,
    /// which needs no division and has negligible bias for small `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        let wide = u128::from(self.next_u64()) * u128::from(n);
        u64::try_from(wide >> 64).unwrap_or(0)
    }

    /// A value in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo).saturating_add(1))
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `choices`, each with its weight; the first one if all weights
    /// are zero.
    fn pick<T: Copy>(&mut self, choices: &[(T, u64)], fallback: T) -> T {
        let total: u64 = choices.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for &(value, weight) in choices {
            if roll < weight {
                return value;
            }
            roll -= weight;
        }
        choices.first().map_or(fallback, |&(value, _)| value)
    }

    /// A value in `lo..=hi` leaning towards `lo`: the smaller of two draws.
    fn low_between(&mut self, lo: u64, hi: u64) -> u64 {
        self.between(lo, hi).min(self.between(lo, hi))
    }
}

/// A calendar date; only built valid by [`Date::random`] and kin.
#[derive(Clone, Copy)]
struct Date {
    year: u64,
    month: u64,
    day: u64,
}

impl Date {
    fn random(rng: &mut SplitMix64, first_year: u64, last_year: u64) -> Self {
        let year = rng.between(first_year, last_year);
        let month = rng.between(1, 12);
        let day = rng.between(1, days_in_month(year, month));
        Self { year, month, day }
    }
}

const fn days_in_month(year: u64, month: u64) -> u64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// One row's cells; `None` is an empty cell (absent).
#[derive(Default)]
struct Fields {
    category: &'static str,
    birth_date: Option<Date>,
    nationality: Option<&'static str>,
    wage: Option<u64>,
    risk_class: Option<u64>,
    scale: Option<&'static str>,
    registered_on: Option<Date>,
    jkn_member: Option<bool>,
    opt_in: Option<&'static str>,
    industry: Option<&'static str>,
    active_workers: Option<u64>,
    paid_jkk_through_2025_01: Option<bool>,
    paid_through_2020_07: Option<bool>,
    income: Option<u64>,
    sector: Option<&'static str>,
    subsidised: Option<bool>,
    method: Option<&'static str>,
    contract_value: Option<u64>,
    channel: Option<&'static str>,
    contract_months: Option<u64>,
    extension_months: Option<u64>,
    jht_monthly: Option<u64>,
    /// `(year, month)`.
    period: Option<(u64, u64)>,
}

/// The D-15 labour-intensive industries.
const LABOUR_INTENSIVE: &[(&str, u64)] = &[
    ("food_beverage_tobacco", 30),
    ("textile_apparel", 30),
    ("leather", 5),
    ("footwear", 15),
    ("toys", 5),
    ("furniture", 15),
];

/// The optional PMI JHT amounts a sample worker may choose (D-27).
const PMI_JHT: &[(u64, u64)] = &[
    (50_000, 25),
    (100_000, 30),
    (200_000, 20),
    (300_000, 10),
    (400_000, 5),
    (500_000, 5),
    (600_000, 5),
];

impl Fields {
    fn generate(rng: &mut SplitMix64) -> Self {
        let roll = rng.below(100);
        let mut fields = if roll < 62 {
            Self::pu(rng)
        } else if roll < 84 {
            Self::bpu(rng)
        } else if roll < 96 {
            Self::jakon(rng)
        } else {
            Self::pmi(rng)
        };
        if rng.chance(1) {
            fields.period = Some((rng.between(2024, 2026), rng.between(1, 12)));
        }
        fields
    }

    fn pu(rng: &mut SplitMix64) -> Self {
        let birth = Date::random(rng, 1960, 2005);
        let scale = rng.pick(
            &[("micro", 15), ("small", 20), ("medium", 25), ("large", 40)],
            "large",
        );
        let foreign = rng.chance(3);
        let nationality = if foreign {
            Some("wna")
        } else if rng.chance(20) {
            Some("wni")
        } else {
            None
        };
        // Wages rounded to whole thousands, as payrolls mostly report them.
        let wage = match rng.below(100) {
            0..=2 => rng.between(1_000, 1_999),
            3..=92 => rng.low_between(2_000, 20_000),
            _ => rng.low_between(20_001, 100_000),
        } * 1_000;
        let risk_class = rng.pick(&[(1, 30), (2, 30), (3, 20), (4, 12), (5, 8)], 1);

        // Registration: after age 17, before age 54 (D-13) and before 2023,
        // so the row stays valid from the first period it is used for.
        let mut registered_on = None;
        let mut jkn_member = None;
        let registration_roll = rng.below(100);
        if registration_roll < 17 {
            let first = birth.year + 17;
            let last = (birth.year + 53).min(2022);
            if first <= last {
                let date = Date::random(rng, first, last);
                registered_on = Some(date);
                // ~15% are registered JKN members; ~2% registered but not in JKN.
                jkn_member = Some(registration_roll < 15);
            }
        } else if registration_roll < 27 {
            jkn_member = Some(rng.chance(50));
        }

        let opt_in = match scale {
            "micro" => rng.pick(&[(Some("jht;jp"), 30), (Some("jht"), 15), (None, 55)], None),
            "small" => rng.pick(&[(Some("jht;jp"), 15), (Some("jp"), 15), (None, 70)], None),
            _ => None,
        };

        let (mut industry, mut active_workers, mut paid_jkk) = (None, None, None);
        let with_industry = match scale {
            "large" | "medium" => rng.chance(35),
            "small" => rng.chance(15),
            _ => false,
        };
        if with_industry {
            industry = Some(if rng.chance(70) {
                rng.pick(LABOUR_INTENSIVE, "textile_apparel")
            } else {
                "other"
            });
            active_workers = Some(match scale {
                "large" => rng.low_between(100, 5_000),
                "medium" => rng.between(20, 299),
                _ => rng.between(5, 49),
            });
            if rng.chance(10) {
                paid_jkk = Some(rng.chance(20));
            }
        }

        Self {
            category: "pu",
            birth_date: Some(birth),
            nationality,
            wage: Some(wage),
            risk_class: Some(risk_class),
            scale: Some(scale),
            registered_on,
            jkn_member,
            opt_in,
            industry,
            active_workers,
            paid_jkk_through_2025_01: paid_jkk,
            paid_through_2020_07: Self::relief_flag(rng),
            ..Self::default()
        }
    }

    fn bpu(rng: &mut SplitMix64) -> Self {
        let birth_date = rng.chance(80).then(|| Date::random(rng, 1955, 2007));
        // Declared incomes in steps of Rp50,000, mostly near the bottom,
        // some under Rp1,000,000 (market traders; row 1 of the income table).
        let income = match rng.below(100) {
            0..=49 => rng.low_between(10, 50),
            50..=79 => rng.between(50, 100),
            80..=94 => rng.between(100, 200),
            _ => rng.between(200, 414),
        } * 50_000;
        let sector = rng.pick(
            &[(Some("transport"), 35), (Some("other"), 25), (None, 40)],
            None,
        );
        let subsidised = rng.pick(&[(Some(true), 10), (Some(false), 15), (None, 75)], None);
        Self {
            category: "bpu",
            birth_date,
            nationality: rng.chance(5).then_some("wni"),
            income: Some(income),
            sector,
            subsidised,
            opt_in: rng.chance(25).then_some("jht"),
            paid_through_2020_07: Self::relief_flag(rng),
            ..Self::default()
        }
    }

    fn jakon(rng: &mut SplitMix64) -> Self {
        let birth_date = rng.chance(50).then(|| Date::random(rng, 1965, 2005));
        let mut fields = Self {
            category: "jakon",
            birth_date,
            nationality: rng.chance(5).then_some("wni"),
            paid_through_2020_07: Self::relief_flag(rng),
            ..Self::default()
        };
        if rng.chance(50) {
            fields.method = Some("wage");
            fields.wage = Some(rng.low_between(1_500, 15_000) * 1_000);
        } else {
            fields.method = Some("contract");
            // Contract values spread over four orders of magnitude, in whole
            // millions: 10 million … 50 billion rupiah.
            let millions = match rng.below(100) {
                0..=29 => rng.between(10, 99),
                30..=64 => rng.between(100, 999),
                65..=89 => rng.between(1_000, 9_999),
                _ => rng.between(10_000, 50_000),
            };
            fields.contract_value = Some(millions * 1_000_000);
        }
        fields
    }

    fn pmi(rng: &mut SplitMix64) -> Self {
        let birth_date = rng.chance(70).then(|| Date::random(rng, 1975, 2003));
        let channel = if rng.chance(75) {
            "agency"
        } else {
            "individual"
        };
        let contract_months = rng.pick(&[(6, 15), (12, 35), (24, 50)], 24);
        let extension_months = match rng.below(100) {
            0..=59 => None,
            60..=74 => Some(0),
            _ => Some(rng.between(1, 6)),
        };
        let jht_monthly = match rng.below(100) {
            0..=69 => None,
            70..=74 => Some(0),
            _ => Some(rng.pick(PMI_JHT, 100_000)),
        };
        Self {
            category: "pmi",
            birth_date,
            channel: Some(channel),
            contract_months: Some(contract_months),
            extension_months,
            jht_monthly,
            ..Self::default()
        }
    }

    /// The D-16 flag: mostly absent (default `true`), sometimes stated.
    fn relief_flag(rng: &mut SplitMix64) -> Option<bool> {
        match rng.below(100) {
            0..=1 => Some(false),
            2..=4 => Some(true),
            _ => None,
        }
    }

    /// Appends the row, 24 cells and a line feed, to `buf`.
    fn write(&self, index: u64, buf: &mut Vec<u8>) {
        buf.push(b'W');
        push_padded(buf, index, 9);
        text(buf, Some(self.category));
        date(buf, self.birth_date);
        text(buf, self.nationality);
        int(buf, self.wage);
        int(buf, self.risk_class);
        text(buf, self.scale);
        date(buf, self.registered_on);
        boolean(buf, self.jkn_member);
        text(buf, self.opt_in);
        text(buf, self.industry);
        int(buf, self.active_workers);
        boolean(buf, self.paid_jkk_through_2025_01);
        boolean(buf, self.paid_through_2020_07);
        int(buf, self.income);
        text(buf, self.sector);
        boolean(buf, self.subsidised);
        text(buf, self.method);
        int(buf, self.contract_value);
        text(buf, self.channel);
        int(buf, self.contract_months);
        int(buf, self.extension_months);
        int(buf, self.jht_monthly);
        buf.push(b',');
        if let Some((year, month)) = self.period {
            push_padded(buf, year, 4);
            buf.push(b'-');
            push_padded(buf, month, 2);
        }
        buf.push(b'\n');
    }
}

/// A comma, then the text if present.
fn text(buf: &mut Vec<u8>, value: Option<&str>) {
    buf.push(b',');
    if let Some(value) = value {
        buf.extend_from_slice(value.as_bytes());
    }
}

/// A comma, then the integer if present.
fn int(buf: &mut Vec<u8>, value: Option<u64>) {
    buf.push(b',');
    if let Some(value) = value {
        push_padded(buf, value, 1);
    }
}

/// A comma, then `true` or `false` if present.
fn boolean(buf: &mut Vec<u8>, value: Option<bool>) {
    text(buf, value.map(|v| if v { "true" } else { "false" }));
}

/// A comma, then `YYYY-MM-DD` if present.
fn date(buf: &mut Vec<u8>, value: Option<Date>) {
    buf.push(b',');
    if let Some(d) = value {
        push_padded(buf, d.year, 4);
        buf.push(b'-');
        push_padded(buf, d.month, 2);
        buf.push(b'-');
        push_padded(buf, d.day, 2);
    }
}

/// Appends `n` in decimal, left-padded with zeros to at least `width`
/// digits (at most 20, the length of `u64::MAX`).
fn push_padded(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut len = 0;
    for slot in digits.iter_mut().rev() {
        // `n % 10` is below 10, so the cast keeps every bit.
        *slot = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 && len >= width {
            break;
        }
    }
    let start = digits.len().saturating_sub(len);
    buf.extend_from_slice(digits.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, Value};

    fn roster(rows: u64, seed: u64) -> String {
        let mut out = Vec::new();
        write_roster(&mut out, rows, seed).unwrap();
        String::from_utf8(out).unwrap()
    }

    const INTEGERS: &[&str] = &[
        "wage",
        "risk_class",
        "active_workers",
        "income",
        "contract_value",
        "contract_months",
        "extension_months",
        "jht_monthly",
    ];
    const BOOLEANS: &[&str] = &[
        "jkn_member",
        "paid_jkk_through_2025_01",
        "paid_through_2020_07",
        "subsidised",
    ];

    /// The CONTRACT.md §1 case for one roster row.
    fn case(header: &[&str], row: &str, default_period: &str) -> String {
        let mut participant = Map::new();
        let mut period = default_period.to_owned();
        for (name, cell) in header.iter().zip(row.split(',')) {
            if cell.is_empty() || *name == "id" {
                continue;
            }
            let value = if *name == "period" {
                period = cell.to_owned();
                continue;
            } else if INTEGERS.contains(name) {
                Value::from(cell.parse::<u64>().unwrap())
            } else if BOOLEANS.contains(name) {
                Value::from(cell.parse::<bool>().unwrap())
            } else if *name == "opt_in" {
                Value::from(
                    cell.split(';')
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                        .collect::<Vec<_>>(),
                )
            } else {
                Value::from(cell)
            };
            participant.insert((*name).to_owned(), value);
        }
        serde_json::json!({"period": period, "participant": participant}).to_string()
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        assert_eq!(roster(500, 7), roster(500, 7));
        assert_ne!(roster(500, 7), roster(500, 8));
    }

    #[test]
    fn one_line_per_row_after_the_header() {
        for rows in [0, 1, 2, 999, 3_000] {
            let text = roster(rows, 1);
            assert_eq!(text.lines().count() as u64, rows + 1);
            assert!(text.ends_with('\n'));
            assert!(!text.contains('\r'));
        }
    }

    #[test]
    fn header_is_exactly_the_contract_columns() {
        let text = roster(0, 0);
        assert_eq!(
            text,
            "id,category,birth_date,nationality,wage,risk_class,scale,registered_on,\
jkn_member,opt_in,industry,active_workers,paid_jkk_through_2025_01,paid_through_2020_07,\
income,sector,subsidised,method,contract_value,channel,contract_months,extension_months,\
jht_monthly,period\n"
        );
    }

    #[test]
    fn every_row_has_24_cells_and_a_unique_id() {
        let text = roster(5_000, 3);
        let mut ids = std::collections::HashSet::new();
        for line in text.lines() {
            assert_eq!(line.split(',').count(), 24, "{line}");
        }
        for line in text.lines().skip(1) {
            let id = line.split(',').next().unwrap();
            assert_eq!(id.len(), 10);
            assert!(id.starts_with('W'));
            assert!(ids.insert(id.to_owned()), "duplicate {id}");
        }
        assert!(text.lines().nth(124).unwrap().starts_with("W000000123,"));
    }

    #[test]
    fn categories_in_proportion() {
        let text = roster(10_000, 2025);
        let count = |category: &str| {
            text.lines()
                .skip(1)
                .filter(|l| l.split(',').nth(1) == Some(category))
                .count()
        };
        let (pu, bpu, jakon, pmi) = (count("pu"), count("bpu"), count("jakon"), count("pmi"));
        assert_eq!(pu + bpu + jakon + pmi, 10_000);
        assert!((5_900..=6_500).contains(&pu), "pu {pu}");
        assert!((1_950..=2_450).contains(&bpu), "bpu {bpu}");
        assert!((1_000..=1_400).contains(&jakon), "jakon {jakon}");
        assert!((300..=500).contains(&pmi), "pmi {pmi}");
        let with_period = text.lines().skip(1).filter(|l| !l.ends_with(',')).count();
        assert!((50..=160).contains(&with_period), "period {with_period}");
    }

    #[test]
    fn every_row_is_a_valid_case() {
        let text = roster(2_000, 99);
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        for row in lines {
            for period in ["2023-03", "2025-04", "2030-12"] {
                let json = case(&header, row, period);
                if let Err(e) = jamsos_contract::contribution(&json) {
                    panic!("{row}\n{json}\n{}", e.to_json());
                }
            }
        }
    }

    #[test]
    fn row_periods_stay_in_2024_to_2026() {
        let text = roster(20_000, 5);
        for line in text.lines().skip(1) {
            let period = line.rsplit(',').next().unwrap();
            if !period.is_empty() {
                assert!(("2024-01"..="2026-12").contains(&period), "{period}");
                assert_eq!(period.len(), 7);
            }
        }
    }

    #[test]
    fn integers_are_formatted_like_std() {
        for n in [0, 7, 10, 99, 1_000_000, 20_700_000, u64::MAX] {
            let mut buf = Vec::new();
            push_padded(&mut buf, n, 1);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string());
        }
        let mut buf = Vec::new();
        push_padded(&mut buf, 123, 9);
        assert_eq!(buf, b"000000123");
    }
}
