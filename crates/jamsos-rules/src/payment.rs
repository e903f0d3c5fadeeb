//! When contributions are due (DECISIONS.md D-28): wage earners and
//! construction projects by the 15th of the month after the period; a due date
//! on a Saturday, Sunday or holiday moves to the next working day.

use jamsos_core::Source;

use crate::lit::period;
use crate::{Entry, Table};

/// Day of the month after the period on which PU contributions are due.
pub static PU_DUE_DAY: Table<u32> = Table {
    name: "payment::PU_DUE_DAY",
    entries: &[Entry {
        from: period(2015, 7),
        value: 15,
        source: Source::new("PP 44/2015", ""),
    }],
};
