//! PP 46/2015 (amended by PP 60/2015): old-age savings (JHT), in force
//! 2015-07-01. No wage cap.

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
use crate::{Entry, Table};

/// A rate split between employer and worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shares {
    /// Paid by the employer.
    pub employer: Rate,
    /// Withheld from the worker's wage by the employer.
    pub worker: Rate,
}

/// JHT for wage earners: 3.7% employer + 2% worker of the uncapped wage.
pub static JHT_PU: Table<Shares> = Table {
    name: "pp_46_2015::JHT_PU",
    entries: &[Entry {
        from: period(2015, 7),
        value: Shares {
            employer: rate(37, 3),
            worker: rate(2, 2),
        },
        source: Source::new("PP 46/2015", "Pasal 16"),
    }],
};

/// JHT for informal workers (BPU), optional: 2% of the income from the grid
/// (REGULATIONS.md §1.2; D-17).
pub static JHT_BPU: Table<Rate> = Table {
    name: "pp_46_2015::JHT_BPU",
    entries: &[Entry {
        from: period(2015, 7),
        value: rate(2, 2),
        source: Source::new("PP 46/2015", ""),
    }],
};
