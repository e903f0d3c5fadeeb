//! PP 50/2025: a 50% discount on the JKK and JKM of informal workers (BPU),
//! never on JHT and never for workers whose contributions the state budget
//! (APBN/APBD) pays (DECISIONS.md D-20, D-21; REGULATIONS.md §4.3).
//! Promulgated 2025-12-22; applied automatically.

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
use crate::{Entry, Table};

/// The discount's terms while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BpuDiscount {
    /// The factor on the JKK rate and the flat JKM amount (D-3): 50%.
    pub factor: Rate,
}

const HALF: Option<BpuDiscount> = Some(BpuDiscount { factor: rate(5, 1) });

/// Transport-sector BPU (ojek and other drivers, couriers): periods
/// 2026-01 … 2027-03.
pub static TRANSPORT: Table<Option<BpuDiscount>> = Table {
    name: "pp_50_2025::TRANSPORT",
    entries: &[
        Entry {
            from: period(2026, 1),
            value: HALF,
            source: Source::new("PP 50/2025", "Pasal 4"),
        },
        Entry {
            from: period(2027, 4),
            value: None,
            source: Source::new("PP 50/2025", "Pasal 4"),
        },
    ],
};

/// Every other BPU: periods 2026-04 … 2026-12.
pub static OTHER: Table<Option<BpuDiscount>> = Table {
    name: "pp_50_2025::OTHER",
    entries: &[
        Entry {
            from: period(2026, 4),
            value: HALF,
            source: Source::new("PP 50/2025", "Pasal 4"),
        },
        Entry {
            from: period(2027, 1),
            value: None,
            source: Source::new("PP 50/2025", "Pasal 4"),
        },
    ],
};
