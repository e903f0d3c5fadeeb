//! PP 44/2015: work accident (JKK) and death (JKM) programs, in force
//! 2015-07-01, amended by PP 82/2019 and PP 49/2023. Rates here are for wage
//! earners (Penerima Upah); they are not changed by the JKP recomposition,
//! which only moves money inside BPJS (REGULATIONS.md §3.2).

use jamsos_core::{Program, ProgramSet, Rate, Rupiah, Source};

use crate::lit::{period, rate};
use crate::{Entry, Programs, Table};

/// JKK rates for the five risk groups, employer-paid, uncapped.
///
/// Index 0 is risk group 1 "very low" (sangat rendah) … index 4 is group 5
/// "very high" (sangat tinggi): 0.24%, 0.54%, 0.89%, 1.27%, 1.74%.
pub static JKK_PU: Table<[Rate; 5]> = Table {
    name: "pp_44_2015::JKK_PU",
    entries: &[Entry {
        from: period(2015, 7),
        value: [
            rate(24, 4),
            rate(54, 4),
            rate(89, 4),
            rate(127, 4),
            rate(174, 4),
        ],
        source: Source::new("PP 44/2015", "Lampiran I"),
    }],
};

/// JKM rate for wage earners: 0.30% of the wage, employer-paid, uncapped.
pub static JKM_PU: Table<Rate> = Table {
    name: "pp_44_2015::JKM_PU",
    entries: &[Entry {
        from: period(2015, 7),
        value: rate(3, 3),
        source: Source::new("PP 44/2015", "Pasal 18"),
    }],
};

/// One bracket of the BPU income table (PP 44/2015 Lampiran II): a declared
/// monthly income from `from` up to `to` (inclusive; `None`: no upper end)
/// pays on `nominal`, or on the declared income itself when `nominal` is
/// `None` (possible only in a caller's grid, D-17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomeBracket {
    /// The lowest declared income in the bracket.
    pub from: Rupiah,
    /// The highest declared income in the bracket; `None` for an open-ended
    /// last bracket.
    pub to: Option<Rupiah>,
    /// The income the rates apply to; `None`: the declared income.
    pub nominal: Option<Rupiah>,
}

/// Why a caller-supplied income grid was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IncomeGridError {
    /// The grid has no brackets.
    Empty,
    /// Bracket `index` ends before it starts.
    InvertedBracket {
        /// The bracket's position, from 0.
        index: usize,
    },
    /// Bracket `index` pays on a nominal income of zero (D-4: at least Rp1).
    ZeroNominal {
        /// The bracket's position, from 0.
        index: usize,
    },
    /// Bracket `index` does not start after the previous one ends, or
    /// follows an open-ended bracket.
    Overlap {
        /// The bracket's position, from 0.
        index: usize,
    },
}

impl core::fmt::Display for IncomeGridError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            IncomeGridError::Empty => f.write_str("the income grid has no brackets"),
            IncomeGridError::InvertedBracket { index } => {
                write!(f, "income bracket {index} must end at or after its start")
            }
            IncomeGridError::ZeroNominal { index } => {
                write!(
                    f,
                    "income bracket {index} must pay on a nominal income of at least 1 rupiah"
                )
            }
            IncomeGridError::Overlap { index } => write!(
                f,
                "income bracket {index} must start after the previous bracket ends (sorted, no overlap, only the last one open-ended)"
            ),
        }
    }
}

impl core::error::Error for IncomeGridError {}

/// The BPU income table: sorted, non-overlapping brackets.
///
/// The built-in grid ([`BPU_INCOME_GRID`]) is the 33-row table of PP 44/2015
/// Lampiran II (REGULATIONS.md §4.1): a transcription of BPJS's published
/// 2015 table whose rows 31–33 are reconstructed to its pattern, the annex
/// itself unseen (U1); so it is flagged provisional and every BPU result
/// carries the warning `provisional_table` (D-17). A caller with the official
/// annex supplies it with [`IncomeGrid::official`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomeGrid<'a> {
    brackets: &'a [IncomeBracket],
    provisional: bool,
}

impl<'a> IncomeGrid<'a> {
    /// A caller's official grid, checked: at least one bracket, none ending
    /// before it starts, each paying on a nominal income of at least 1 rupiah
    /// (D-4), sorted, with no overlap; only the last may be open-ended. The
    /// first may start at 0. Gaps are allowed: an income in a gap, below the
    /// first bracket or above a closed last one is out of range (D-17).
    pub fn official(brackets: &'a [IncomeBracket]) -> Result<IncomeGrid<'a>, IncomeGridError> {
        if brackets.is_empty() {
            return Err(IncomeGridError::Empty);
        }
        // `Some(None)`: the previous bracket is open-ended.
        let mut previous_end: Option<Option<Rupiah>> = None;
        for (index, b) in brackets.iter().enumerate() {
            if b.to.is_some_and(|to| to < b.from) {
                return Err(IncomeGridError::InvertedBracket { index });
            }
            if b.nominal == Some(Rupiah::ZERO) {
                return Err(IncomeGridError::ZeroNominal { index });
            }
            match previous_end {
                Some(None) => return Err(IncomeGridError::Overlap { index }),
                Some(Some(end)) if b.from <= end => {
                    return Err(IncomeGridError::Overlap { index });
                }
                _ => {}
            }
            previous_end = Some(b.to);
        }
        Ok(IncomeGrid {
            brackets,
            provisional: false,
        })
    }

    /// Whether this is the built-in provisional grid (D-17: results carry the
    /// warning `provisional_table`).
    #[must_use]
    pub const fn is_provisional(&self) -> bool {
        self.provisional
    }

    /// The brackets, lowest first.
    #[must_use]
    pub const fn brackets(&self) -> &'a [IncomeBracket] {
        self.brackets
    }

    /// The lowest declared income the grid accepts and the highest (`None`:
    /// no upper limit).
    #[must_use]
    pub fn range(&self) -> Option<(Rupiah, Option<Rupiah>)> {
        Some((self.brackets.first()?.from, self.brackets.last()?.to))
    }

    /// The bracket that holds a declared `income`, or `None`.
    #[must_use]
    pub fn bracket(&self, income: Rupiah) -> Option<&'a IncomeBracket> {
        let i = self
            .brackets
            .partition_point(|b| b.to.is_some_and(|to| to < income));
        self.brackets.get(i).filter(|b| b.from <= income)
    }

    /// The income the rates apply to for a declared `income`, or `None` when
    /// no bracket holds it.
    #[must_use]
    pub fn nominal(&self, income: Rupiah) -> Option<Rupiah> {
        self.bracket(income).map(|b| b.nominal.unwrap_or(income))
    }
}

/// A row of the built-in table: half-open `[from, next_from)` (D-17), paying
/// on `nominal`.
const fn row(from: u64, next_from: u64, nominal: u64) -> IncomeBracket {
    IncomeBracket {
        from: Rupiah::new(from),
        to: Some(Rupiah::new(next_from - 1)),
        nominal: Some(Rupiah::new(nominal)),
    }
}

/// The 33 rows of PP 44/2015 Lampiran II (REGULATIONS.md §4.1), as the
/// half-open brackets of D-17: row 1 from 0, row 33 open-ended from
/// Rp20,200,000. Rows 2–9 are Rp200,000 wide with the base Rp100,000 above
/// their low end, rows 10–20 Rp500,000 wide with the base Rp250,000 above,
/// rows 21–33 Rp1,000,000 wide with the base Rp500,000 above; row 1 pays on
/// Rp1,000,000. Rows 31 and 32 are reconstructed to that pattern (the
/// transcription's 18,200,000 and 19,200,000 would cap JKK below the
/// Rp207,000 maximum two sources state) and row 33 is added [DERIVED].
const LAMPIRAN_II: [IncomeBracket; 33] = [
    row(0, 1_100_000, 1_000_000),
    row(1_100_000, 1_300_000, 1_200_000),
    row(1_300_000, 1_500_000, 1_400_000),
    row(1_500_000, 1_700_000, 1_600_000),
    row(1_700_000, 1_900_000, 1_800_000),
    row(1_900_000, 2_100_000, 2_000_000),
    row(2_100_000, 2_300_000, 2_200_000),
    row(2_300_000, 2_500_000, 2_400_000),
    row(2_500_000, 2_700_000, 2_600_000),
    row(2_700_000, 3_200_000, 2_950_000),
    row(3_200_000, 3_700_000, 3_450_000),
    row(3_700_000, 4_200_000, 3_950_000),
    row(4_200_000, 4_700_000, 4_450_000),
    row(4_700_000, 5_200_000, 4_950_000),
    row(5_200_000, 5_700_000, 5_450_000),
    row(5_700_000, 6_200_000, 5_950_000),
    row(6_200_000, 6_700_000, 6_450_000),
    row(6_700_000, 7_200_000, 6_950_000),
    row(7_200_000, 7_700_000, 7_450_000),
    row(7_700_000, 8_200_000, 7_950_000),
    row(8_200_000, 9_200_000, 8_700_000),
    row(9_200_000, 10_200_000, 9_700_000),
    row(10_200_000, 11_200_000, 10_700_000),
    row(11_200_000, 12_200_000, 11_700_000),
    row(12_200_000, 13_200_000, 12_700_000),
    row(13_200_000, 14_200_000, 13_700_000),
    row(14_200_000, 15_200_000, 14_700_000),
    row(15_200_000, 16_200_000, 15_700_000),
    row(16_200_000, 17_200_000, 16_700_000),
    row(17_200_000, 18_200_000, 17_700_000),
    row(18_200_000, 19_200_000, 18_700_000),
    row(19_200_000, 20_200_000, 19_700_000),
    IncomeBracket {
        from: Rupiah::new(20_200_000),
        to: None,
        nominal: Some(Rupiah::new(20_700_000)),
    },
];

/// The built-in BPU income table (D-17): the 33 rows of PP 44/2015
/// Lampiran II, provisional until the annex itself is read (U1).
pub static BPU_INCOME_GRID: Table<IncomeGrid<'static>> = Table {
    name: "pp_44_2015::BPU_INCOME_GRID",
    entries: &[Entry {
        from: period(2015, 7),
        value: IncomeGrid {
            brackets: &LAMPIRAN_II,
            provisional: true,
        },
        source: Source::new("PP 44/2015", "Lampiran II"),
    }],
};

/// JKK for informal workers (BPU): 1% of the nominal base of the declared
/// income's row in the income table (D-17).
pub static JKK_BPU: Table<Rate> = Table {
    name: "pp_44_2015::JKK_BPU",
    entries: &[Entry {
        from: period(2015, 7),
        value: rate(1, 2),
        source: Source::new("PP 44/2015", "Lampiran II"),
    }],
};

/// JKM for informal workers (BPU): Rp6,800 a month, flat.
pub static JKM_BPU: Table<Rupiah> = Table {
    name: "pp_44_2015::JKM_BPU",
    entries: &[Entry {
        from: period(2015, 7),
        value: Rupiah::new(6_800),
        source: Source::new("PP 44/2015", "Pasal 18"),
    }],
};

/// BPU programs (D-18): JKK and JKM together are the minimum package, JHT is
/// optional (PP 46/2015), JP and JKP are not available.
pub static BPU_PROGRAMS: Table<Programs> = Table {
    name: "pp_44_2015::BPU_PROGRAMS",
    entries: &[Entry {
        from: period(2015, 7),
        value: Programs {
            mandatory: ProgramSet::of(&[Program::Jkk, Program::Jkm]),
            optional: ProgramSet::of(&[Program::Jht]),
        },
        source: Source::new("PP 44/2015", ""),
    }],
};

/// JKK and JKM rates of a construction project by the wage method (D-23):
/// 1.74% and 0.30% of each worker's monthly wage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JakonWageRates {
    /// JKK.
    pub jkk: Rate,
    /// JKM.
    pub jkm: Rate,
}

/// Jakon by wage: JKK 1.74%, JKM 0.30% (REGULATIONS.md §5.1).
pub static JAKON_WAGE: Table<JakonWageRates> = Table {
    name: "pp_44_2015::JAKON_WAGE",
    entries: &[Entry {
        from: period(2015, 7),
        value: JakonWageRates {
            jkk: rate(174, 4),
            jkm: rate(3, 3),
        },
        source: Source::new("PP 44/2015", "Lampiran I"),
    }],
};

/// One marginal tier of the contract-value method: the JKK and JKM rates on
/// the part of the contract value above the previous tier's bound and up to
/// `up_to` (`None`: no upper bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractTier {
    /// The tier's upper bound, inclusive; `None` for the last tier.
    pub up_to: Option<Rupiah>,
    /// JKK rate on the part inside the tier.
    pub jkk: Rate,
    /// JKM rate on the part inside the tier.
    pub jkm: Rate,
}

const fn tier(up_to: Option<u64>, jkk: Rate, jkm: Rate) -> ContractTier {
    ContractTier {
        up_to: match up_to {
            Some(v) => Some(Rupiah::new(v)),
            None => None,
        },
        jkk,
        jkm,
    }
}

/// Jakon by contract value (D-23, D-24; REGULATIONS.md §5.2): marginal tiers
/// on the contract value excluding VAT, paid once per contract.
pub static JAKON_CONTRACT: Table<[ContractTier; 5]> = Table {
    name: "pp_44_2015::JAKON_CONTRACT",
    entries: &[Entry {
        from: period(2015, 7),
        value: [
            tier(Some(100_000_000), rate(21, 4), rate(3, 4)),
            tier(Some(500_000_000), rate(17, 4), rate(2, 4)),
            tier(Some(1_000_000_000), rate(13, 4), rate(2, 4)),
            tier(Some(5_000_000_000), rate(11, 4), rate(1, 4)),
            tier(None, rate(9, 4), rate(1, 4)),
        ],
        source: Source::new("PP 44/2015", "Lampiran I"),
    }],
};
