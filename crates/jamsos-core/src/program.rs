use core::fmt;

crate::vocabulary! {
    /// The five BPJS Ketenagakerjaan programs.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[repr(u8)]
    pub enum Program {
        /// Work accident insurance (PP 44/2015).
        #[doc(alias = "Jaminan Kecelakaan Kerja")]
        Jkk => "jkk",
        /// Death benefit for deaths not caused by work (PP 44/2015).
        #[doc(alias = "Jaminan Kematian")]
        Jkm => "jkm",
        /// Old-age savings (PP 46/2015).
        #[doc(alias = "Jaminan Hari Tua")]
        Jht => "jht",
        /// Pension (PP 45/2015).
        #[doc(alias = "Jaminan Pensiun")]
        Jp => "jp",
        /// Job-loss benefit (PP 37/2021, PP 6/2025).
        #[doc(alias = "Jaminan Kehilangan Pekerjaan")]
        Jkp => "jkp",
    }
}

/// What a result line bills: one program, or the PMI package that bundles JKK
/// and JKM and is not split by law (the contract's `jkk_jkm`).
///
/// Compares equal to a [`Program`] when it bills exactly that program, so
/// `line.program == Program::Jkk` reads naturally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Billed {
    /// One program.
    Program(Program),
    /// JKK and JKM as one package (Permenaker 18/2018, Permenaker 4/2023).
    JkkJkm,
}

impl Billed {
    /// The contract's name: a program's code, or `jkk_jkm`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Billed::Program(p) => p.code(),
            Billed::JkkJkm => "jkk_jkm",
        }
    }

    /// Whether the line pays (at least in part) for `program`.
    #[must_use]
    pub const fn covers(self, program: Program) -> bool {
        match self {
            Billed::Program(p) => p as u8 == program as u8,
            Billed::JkkJkm => matches!(program, Program::Jkk | Program::Jkm),
        }
    }
}

impl From<Program> for Billed {
    fn from(program: Program) -> Billed {
        Billed::Program(program)
    }
}

impl PartialEq<Program> for Billed {
    fn eq(&self, other: &Program) -> bool {
        *self == Billed::Program(*other)
    }
}

impl fmt::Display for Billed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl Billed {
    /// What a line with the contract's name `code` bills: a program's code,
    /// or `jkk_jkm`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Billed> {
        match code {
            "jkk_jkm" => Some(Billed::JkkJkm),
            code => Program::from_code(code).map(Billed::Program),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Billed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Billed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Billed, D::Error> {
        crate::__serde_support::deserialize_code(
            deserializer,
            Billed::from_code,
            &["jkk", "jkm", "jht", "jp", "jkp", "jkk_jkm"],
        )
    }
}

crate::bit_set! {
    /// A set of programs (a bit set; `Copy`, no allocation).
    pub struct ProgramSet(u8) of Program;
}

impl ProgramSet {
    /// No programs (the same as [`ProgramSet::NONE`]).
    pub const EMPTY: ProgramSet = ProgramSet::NONE;

    /// A set of the given programs.
    #[must_use]
    pub const fn of(programs: &[Program]) -> ProgramSet {
        let mut bits = 0u8;
        let mut rest = programs;
        while let [first, tail @ ..] = rest {
            bits |= 1 << *first as u8;
            rest = tail;
        }
        ProgramSet(bits)
    }

    /// Whether every program of `other` is in `self`.
    #[must_use]
    pub const fn contains_all(self, other: ProgramSet) -> bool {
        self.0 & other.0 == other.0
    }
}

crate::vocabulary! {
    /// Who pays a contribution line.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Payer {
        /// The employer (pemberi kerja).
        #[doc(alias = "pemberi kerja")]
        Employer => "employer",
        /// The worker, by withholding from the wage (PU).
        #[doc(alias = "pekerja")]
        Worker => "worker",
        /// A self-paying participant (BPU, PMI).
        #[doc(alias = "peserta")]
        Participant => "participant",
        /// The central or a regional government (JKP funding, subsidised BPU).
        #[doc(alias = "pemerintah")]
        Government => "government",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for p in Program::ALL {
            assert_eq!(Program::from_code(p.code()), Some(p));
        }
        assert_eq!(Program::from_code("jkk_jkm"), None);
        assert_eq!(Billed::JkkJkm.code(), "jkk_jkm");
        assert!(Billed::JkkJkm.covers(Program::Jkm) && !Billed::JkkJkm.covers(Program::Jht));
        assert_eq!(Billed::from(Program::Jht), Program::Jht);
        assert_ne!(Billed::JkkJkm, Program::Jkk);
    }

    #[test]
    fn sets() {
        let s = ProgramSet::of(&[Program::Jkk, Program::Jp]);
        assert!(s.contains(Program::Jp) && !s.contains(Program::Jht));
        assert!(
            s.with(Program::Jht)
                .contains_all(ProgramSet::of(&[Program::Jht, Program::Jkk]))
        );
        assert_eq!(s.iter().count(), 2);
    }
}
