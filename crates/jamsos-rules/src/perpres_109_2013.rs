//! Perpres 109/2013 Pasal 6: which programs a wage earner's employer must join,
//! by business scale, from 2015-07-01 (DECISIONS.md D-9).

use jamsos_core::{Program, ProgramSet, Source};

use crate::lit::period;
use crate::{Entry, Programs, Table};

/// Mandatory programs by scale; every other of JKK, JKM, JHT and JP is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgramsByScale {
    /// Micro (mikro) enterprises.
    pub micro: ProgramSet,
    /// Small (kecil) enterprises.
    pub small: ProgramSet,
    /// Medium (menengah) enterprises.
    pub medium: ProgramSet,
    /// Large (besar) enterprises.
    pub large: ProgramSet,
}

const BASE: ProgramSet = ProgramSet::of(&[Program::Jkk, Program::Jkm]);

/// The mandatory sets: large and medium JKK, JKM, JHT, JP; small JKK, JKM, JHT;
/// micro JKK, JKM.
pub static PROGRAMS_BY_SCALE: Table<ProgramsByScale> = Table {
    name: "perpres_109_2013::PROGRAMS_BY_SCALE",
    entries: &[Entry {
        from: period(2015, 7),
        value: ProgramsByScale {
            micro: BASE,
            small: BASE.with(Program::Jht),
            medium: BASE.with(Program::Jht).with(Program::Jp),
            large: BASE.with(Program::Jht).with(Program::Jp),
        },
        source: Source::new("Perpres 109/2013", "Pasal 6"),
    }],
};

/// The programs a wage earner may join at all (JKP is not joined by choice).
pub const PU_PROGRAMS: ProgramSet =
    ProgramSet::of(&[Program::Jkk, Program::Jkm, Program::Jht, Program::Jp]);

/// Construction projects (Jakon): the project owner and the contractor must
/// register every project worker in JKK and JKM (Pasal 6 ayat (4);
/// REGULATIONS.md §3.4). Nothing else is open to them (D-23).
pub static JAKON_PROGRAMS: Table<Programs> = Table {
    name: "perpres_109_2013::JAKON_PROGRAMS",
    entries: &[Entry {
        from: period(2015, 7),
        value: Programs {
            mandatory: BASE,
            optional: ProgramSet::EMPTY,
        },
        source: Source::new("Perpres 109/2013", "Pasal 6 ayat (4)"),
    }],
};
