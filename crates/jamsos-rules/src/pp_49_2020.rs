//! PP 49/2020: COVID-19 contribution relief for periods 2020-08 … 2021-01
//! (DECISIONS.md D-16): JKK and JKM at 1% of normal, JP 1% billed and 99%
//! deferred (medium and large employers), due on the 30th of the following
//! month, late fine 0.5% a month.

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
use crate::{Entry, Table};

/// The relief's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relief {
    /// Factor on the JKK and JKM rates (and BPU flat amounts): 1%.
    pub jkk_jkm_factor: Rate,
    /// Share of JP billed now (the rest is deferred): 1%.
    pub jp_billed_factor: Rate,
    /// Day of the following month the contribution is due (Pasal 4).
    pub due_day: u32,
    /// Late fine per month (Pasal 23).
    pub fine_per_month: Rate,
}

/// The relief by period: in force for periods 2020-08 … 2021-01.
pub static RELIEF: Table<Option<Relief>> = Table {
    name: "pp_49_2020::RELIEF",
    entries: &[
        Entry {
            from: period(2020, 8),
            value: Some(Relief {
                jkk_jkm_factor: rate(1, 2),
                jp_billed_factor: rate(1, 2),
                due_day: 30,
                fine_per_month: rate(5, 3),
            }),
            source: Source::new("PP 49/2020", "Pasal 4, 17, 23"),
        },
        Entry {
            from: period(2021, 2),
            value: None,
            source: Source::new("PP 49/2020", "Pasal 4"),
        },
    ],
};

/// Citation of the JKK/JKM relief lines.
pub const JKK_JKM_SOURCE: Source = Source::new("PP 49/2020", "");
/// Citation of the JP deferral (medium and large employers only).
pub const JP_DEFERRAL_SOURCE: Source = Source::new("PP 49/2020", "Pasal 17");
/// Citation of the relief's late fine of 0.5% a month.
pub const FINE_SOURCE: Source = Source::new("PP 49/2020", "Pasal 23");
