//! SE BPJS Ketenagakerjaan B/12/012023: the minimum reported wage for wage
//! earners from 2023-01 (DECISIONS.md D-8).

use jamsos_core::{Rupiah, Source};

use crate::lit::period;
use crate::{Entry, Table};

/// The wage limits in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageFloor {
    /// Below this the wage is rejected (absolute floor).
    pub floor: Rupiah,
    /// Below this (the lowest provincial minimum wage, UMP) the wage is valid
    /// but needs BPJS approval: warning `wage_below_minimum`.
    pub lowest_minimum_wage: Rupiah,
}

/// The wage floor by period: none before 2023-01; Rp1,000,000 floor and
/// Rp1,968,169 lowest UMP from 2023-01, kept until a newer figure is added
/// (REGULATIONS.md U17).
pub static WAGE_FLOOR: Table<WageFloor> = Table {
    name: "se_bpjs_b_12_012023::WAGE_FLOOR",
    entries: &[Entry {
        from: period(2023, 1),
        value: WageFloor {
            floor: Rupiah::new(1_000_000),
            lowest_minimum_wage: Rupiah::new(1_968_169),
        },
        source: Source::new("SE BPJS B/12/012023", ""),
    }],
};
