//! PP 44/2015: work accident (JKK) and death (JKM) programs, in force
//! 2015-07-01, amended by PP 82/2019 and PP 49/2023. Rates here are for wage
//! earners (Penerima Upah); they are not changed by the JKP recomposition,
//! which only moves money inside BPJS (REGULATIONS.md §3.2).

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
use crate::{Entry, Table};

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
