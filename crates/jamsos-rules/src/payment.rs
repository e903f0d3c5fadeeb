//! When contributions are due (DECISIONS.md D-28): wage earners and
//! construction projects by the 15th of the month after the period, informal
//! workers (BPU) by the 15th of the period itself; a due date on a Saturday,
//! Sunday or holiday moves to the next working day. And what paying late costs
//! (D-29): 2% of the unpaid amount per started month for wage earners, nothing
//! for BPU, construction projects and migrant workers. PP 49/2020 periods have
//! their own due day and fine ([`crate::pp_49_2020::RELIEF`], D-16).

use jamsos_core::{Rate, Source};

use crate::lit::{period, rate};
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

/// Day of the period itself on which BPU contributions are due (D-28): the
/// 15th, moved forward to a working day. REGULATIONS.md §4.2 and §10.2 give
/// the rule from BPJS and news material, not from an article.
pub static BPU_DUE_DAY: Table<u32> = Table {
    name: "payment::BPU_DUE_DAY",
    entries: &[Entry {
        from: period(2015, 7),
        value: 15,
        source: Source::new("PP 44/2015", ""),
    }],
};

/// Late fine for wage earners (D-29): 2% of the unpaid amount for each started
/// month of delay after the due date, simple, no cap (REGULATIONS.md §10.1,
/// U14). It applies to JKK, JKM, JHT and JP alike; the citation names the
/// instrument without an article, as the sources do. PP 49/2020 periods use
/// [`crate::pp_49_2020::Relief::fine_per_month`] instead.
pub static PU_FINE: Table<Rate> = Table {
    name: "payment::PU_FINE",
    entries: &[Entry {
        from: period(2015, 7),
        value: rate(2, 2),
        source: Source::new("PP 44/2015", ""),
    }],
};

/// Late fine for informal workers (BPU): none (REGULATIONS.md §4.2, §10.2;
/// D-29). Arrears make the membership lapse instead.
pub static BPU_FINE: Table<Rate> = Table {
    name: "payment::BPU_FINE",
    entries: &[Entry {
        from: period(2015, 7),
        value: Rate::ZERO,
        source: Source::new("PP 44/2015", ""),
    }],
};

/// Late fine for construction projects (Jakon): none (D-29). The due date is
/// the wage earners' ([`PU_DUE_DAY`]).
pub static JAKON_FINE: Table<Rate> = Table {
    name: "payment::JAKON_FINE",
    entries: &[Entry {
        from: period(2015, 7),
        value: Rate::ZERO,
        source: Source::new("PP 44/2015", ""),
    }],
};

/// Late fine for migrant workers (PMI): none, and no due date, since the
/// package is paid once before departure (D-25, D-29). The rows follow the PMI
/// regimes of D-25; periods before 2019-01 are not encoded (fail closed).
pub static PMI_FINE: Table<Rate> = Table {
    name: "payment::PMI_FINE",
    entries: &[
        Entry {
            from: period(2019, 1),
            value: Rate::ZERO,
            source: Source::new("Permenaker 18/2018", ""),
        },
        Entry {
            from: period(2023, 3),
            value: Rate::ZERO,
            source: Source::new("Permenaker 4/2023", "Pasal 18"),
        },
    ],
};
