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
/// monthly income in `from..=to` pays on `nominal`, or on the declared income
/// itself when `nominal` is `None` (the provisional reading, D-17).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomeBracket {
    /// The lowest declared income in the bracket.
    pub from: Rupiah,
    /// The highest declared income in the bracket.
    pub to: Rupiah,
    /// The income the rates apply to; `None`: the declared income.
    pub nominal: Option<Rupiah>,
}

/// Why a caller-supplied income grid was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IncomeGridError {
    /// The grid has no brackets.
    Empty,
    /// Bracket `index` ends before it starts, or starts at zero.
    InvertedBracket {
        /// The bracket's position, from 0.
        index: usize,
    },
    /// Bracket `index` pays on a nominal income of zero (D-4: at least Rp1).
    ZeroNominal {
        /// The bracket's position, from 0.
        index: usize,
    },
    /// Bracket `index` does not start after the previous one ends.
    Overlap {
        /// The bracket's position, from 0.
        index: usize,
    },
}

impl core::fmt::Display for IncomeGridError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            IncomeGridError::Empty => f.write_str("the income grid has no brackets"),
            IncomeGridError::InvertedBracket { index } => write!(
                f,
                "income bracket {index} must start at 1 rupiah or more and end at or after its start"
            ),
            IncomeGridError::ZeroNominal { index } => {
                write!(
                    f,
                    "income bracket {index} must pay on a nominal income of at least 1 rupiah"
                )
            }
            IncomeGridError::Overlap { index } => write!(
                f,
                "income bracket {index} must start after the previous bracket ends (sorted, no overlap)"
            ),
        }
    }
}

impl core::error::Error for IncomeGridError {}

/// The BPU income table: sorted, non-overlapping brackets. The official grid
/// of PP 44/2015 Lampiran II (as amended by PP 82/2019 and PP 49/2023) was not
/// found (REGULATIONS.md §4.1, U1), so the built-in grid is provisional: one
/// bracket, Rp1,000,000 … Rp20,700,000, paying on the declared income. A caller
/// with the official grid supplies it with [`IncomeGrid::official`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomeGrid<'a> {
    brackets: &'a [IncomeBracket],
    provisional: bool,
}

impl<'a> IncomeGrid<'a> {
    /// A caller's official grid, checked: at least one bracket, each starting
    /// at 1 rupiah or more, not ending before it starts and paying on a nominal
    /// income of at least 1 rupiah (D-4), sorted, with no overlap. Gaps are allowed: an income in a gap is out of range.
    pub fn official(brackets: &'a [IncomeBracket]) -> Result<IncomeGrid<'a>, IncomeGridError> {
        if brackets.is_empty() {
            return Err(IncomeGridError::Empty);
        }
        let mut previous_end: Option<Rupiah> = None;
        for (index, b) in brackets.iter().enumerate() {
            if b.from == Rupiah::ZERO || b.to < b.from {
                return Err(IncomeGridError::InvertedBracket { index });
            }
            if b.nominal == Some(Rupiah::ZERO) {
                return Err(IncomeGridError::ZeroNominal { index });
            }
            if previous_end.is_some_and(|end| b.from <= end) {
                return Err(IncomeGridError::Overlap { index });
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

    /// The lowest and highest declared income the grid accepts.
    #[must_use]
    pub fn range(&self) -> Option<(Rupiah, Rupiah)> {
        Some((self.brackets.first()?.from, self.brackets.last()?.to))
    }

    /// The income the rates apply to for a declared `income`, or `None` when
    /// no bracket holds it.
    #[must_use]
    pub fn nominal(&self, income: Rupiah) -> Option<Rupiah> {
        let i = self.brackets.partition_point(|b| b.to < income);
        let bracket = self.brackets.get(i).filter(|b| b.from <= income)?;
        Some(bracket.nominal.unwrap_or(income))
    }
}

/// The built-in BPU income grid, provisional (D-17): any declared income from
/// Rp1,000,000 to Rp20,700,000 pays on itself, the endpoints REGULATIONS.md
/// §4.1 confirms (JKK Rp10,000 … Rp207,000).
pub static BPU_INCOME_GRID: Table<IncomeGrid<'static>> = Table {
    name: "pp_44_2015::BPU_INCOME_GRID",
    entries: &[Entry {
        from: period(2015, 7),
        value: IncomeGrid {
            brackets: &[IncomeBracket {
                from: Rupiah::new(1_000_000),
                to: Rupiah::new(20_700_000),
                nominal: None,
            }],
            provisional: true,
        },
        source: Source::new("PP 44/2015", "Lampiran II"),
    }],
};

/// JKK for informal workers (BPU): 1% of the income from the grid.
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
