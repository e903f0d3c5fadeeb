//! PP 7/2025 (extended by PP 36/2025): a 50% JKK discount for labour-intensive
//! industries (food, beverage and tobacco; textiles and apparel; leather goods;
//! footwear; children's toys; furniture) with at least 50 active workers that
//! paid JKK through January 2025 (DECISIONS.md D-15).

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
use crate::{Entry, Table};

/// The discount's terms while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JkkDiscount {
    /// The factor applied to the JKK rate before rounding (D-3): 50%.
    pub factor: Rate,
    /// The employer needs at least this many active registered workers.
    pub min_active_workers: u32,
}

const TERMS: JkkDiscount = JkkDiscount {
    factor: rate(5, 1),
    min_active_workers: 50,
};

/// The discount by period: PP 7/2025 Pasal 4 for periods 2025-02 … 2025-07,
/// PP 36/2025 Pasal 10A extending it through 2026-01, none from 2026-02.
pub static JKK_DISCOUNT: Table<Option<JkkDiscount>> = Table {
    name: "pp_7_2025::JKK_DISCOUNT",
    entries: &[
        Entry {
            from: period(2025, 2),
            value: Some(TERMS),
            source: Source::new("PP 7/2025", "Pasal 4"),
        },
        Entry {
            from: period(2025, 8),
            value: Some(TERMS),
            source: Source::new("PP 36/2025", "Pasal 10A"),
        },
        Entry {
            from: period(2026, 2),
            value: None,
            source: Source::new("PP 36/2025", "Pasal 10A"),
        },
    ],
};
