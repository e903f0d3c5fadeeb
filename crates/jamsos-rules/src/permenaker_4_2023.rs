//! Contributions of Indonesian migrant workers (Pekerja Migran Indonesia, PMI):
//! Permenaker 4/2023 Pasal 18 for periods from 2023-03, and the regulation it
//! replaced, Permenaker 18/2018, for periods 2019-01 … 2023-02 (DECISIONS.md
//! D-25 … D-27; REGULATIONS.md §6). Earlier periods are not encoded: lookups
//! fail closed.

use jamsos_core::{Program, ProgramSet, Rupiah, Source};

use crate::lit::period;
use crate::{Entry, Programs, Table};

/// The JKK and JKM package for the time during and after work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    /// One amount whatever the contract's length, for any length the range
    /// allows (Permenaker 18/2018).
    Flat {
        /// The amount.
        amount: Rupiah,
        /// Contract lengths accepted, in months.
        months: (u8, u8),
    },
    /// One amount per contract length; other lengths are not offered
    /// (Permenaker 4/2023 Pasal 18 ayat (1) and (2)).
    ByLength(&'static [(u8, Rupiah)]),
}

impl Package {
    /// The package for a contract of `months`, or `None` when not offered.
    #[must_use]
    pub fn for_months(&self, months: u8) -> Option<Rupiah> {
        match *self {
            Package::Flat {
                amount,
                months: (low, high),
            } => (low..=high).contains(&months).then_some(amount),
            Package::ByLength(lengths) => lengths
                .iter()
                .find(|(m, _)| *m == months)
                .map(|(_, amount)| *amount),
        }
    }
}

/// A PMI regime: what a migrant worker pays, once, for the whole placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PmiRegime {
    /// Paid before work, only by workers placed through an agency (D-26).
    pub before_work_via_agency: Rupiah,
    /// The package for the contract.
    pub package: Package,
    /// The fee for each month beyond the contract; `None` when extension
    /// months are not charged (Permenaker 18/2018: warning
    /// `extension_not_charged`, D-25).
    pub per_extension_month: Option<Rupiah>,
    /// The monthly JHT amounts a worker may choose (D-27).
    pub jht_monthly: &'static [Rupiah],
    /// JKK and JKM are mandatory, JHT optional (REGULATIONS.md §3.5).
    pub programs: Programs,
}

const JHT_CHOICES: &[Rupiah] = &[
    Rupiah::new(50_000),
    Rupiah::new(100_000),
    Rupiah::new(200_000),
    Rupiah::new(300_000),
    Rupiah::new(400_000),
    Rupiah::new(500_000),
    Rupiah::new(600_000),
];

const PROGRAMS: Programs = Programs {
    mandatory: ProgramSet::of(&[Program::Jkk, Program::Jkm]),
    optional: ProgramSet::of(&[Program::Jht]),
};

/// The regimes by payment period (D-25). The JHT choices of 50,000 …
/// 600,000 are the majority reading (REGULATIONS.md U9); D-27 applies them to
/// both regimes.
pub static PMI_CONTRIBUTION: Table<PmiRegime> = Table {
    name: "permenaker_4_2023::PMI_CONTRIBUTION",
    entries: &[
        Entry {
            from: period(2019, 1),
            value: PmiRegime {
                before_work_via_agency: Rupiah::new(37_500),
                package: Package::Flat {
                    amount: Rupiah::new(332_500),
                    months: (1, 60),
                },
                per_extension_month: None,
                jht_monthly: JHT_CHOICES,
                programs: PROGRAMS,
            },
            source: Source::new("Permenaker 18/2018", ""),
        },
        Entry {
            from: period(2023, 3),
            value: PmiRegime {
                before_work_via_agency: Rupiah::new(37_500),
                package: Package::ByLength(&[
                    (6, Rupiah::new(108_000)),
                    (12, Rupiah::new(189_000)),
                    (24, Rupiah::new(332_500)),
                ]),
                per_extension_month: Some(Rupiah::new(13_500)),
                jht_monthly: JHT_CHOICES,
                programs: PROGRAMS,
            },
            source: Source::new("Permenaker 4/2023", "Pasal 18"),
        },
    ],
};
