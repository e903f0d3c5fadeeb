use jamsos_core::{Program, ProgramSet};

jamsos_core::vocabulary! {
    /// A program's eligibility class for a worker in a period.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum Status {
        /// Participation is required (or, for JKP, automatic).
        #[doc(alias = "wajib")]
        Mandatory => "mandatory",
        /// The worker may join; billed only when the case opts in.
        #[doc(alias = "sukarela")]
        Optional => "optional",
        /// The worker cannot join; the reasons say why.
        NotEligible => "not_eligible",
    }
}

jamsos_core::vocabulary! {
    /// Why a program is optional or not available.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    #[repr(u8)]
    pub enum Reason {
        /// Perpres 109/2013 Pasal 6 does not require it at this employer scale.
        OptionalForScale => "optional_for_scale",
        /// The category may join it by choice (BPU JHT, PMI JHT).
        OptionalProgram => "optional_program",
        /// JP is not open to foreign nationals by default (D-9).
        ForeignNational => "foreign_national",
        /// The worker reached pension age by the end of the period (D-11).
        PensionAgeReached => "pension_age_reached",
        /// The program does not cover this category.
        CategoryNotCovered => "category_not_covered",
        /// The program did not exist in this period.
        NotInForce => "not_in_force",
        /// JKP is for Indonesian citizens only (D-13).
        NotWni => "not_wni",
        /// JKP needs the first registration date (D-13).
        RegistrationDateUnknown => "registration_date_unknown",
        /// JKP needs the worker to be under 54 at first registration (D-13).
        AgeAtRegistration => "age_at_registration",
        /// JKP needs JKN membership (D-13).
        JknNotMember => "jkn_not_member",
        /// JKP needs every program the employer scale requires (D-13).
        RequiredProgramMissing => "required_program_missing",
    }
}

impl Reason {
    /// A sentence for people, in English.
    #[must_use]
    pub const fn message(self) -> &'static str {
        match self {
            Reason::OptionalForScale => {
                "not mandatory at this employer scale (Perpres 109/2013 Pasal 6); joined only by choice"
            }
            Reason::OptionalProgram => "joined only by the participant's choice",
            Reason::ForeignNational => {
                "JP is not open to foreign nationals unless jp_for_foreigners is set (D-9)"
            }
            Reason::PensionAgeReached => {
                "the worker reached pension age by the end of the period (PP 45/2015 Pasal 15; D-11)"
            }
            Reason::CategoryNotCovered => "the program does not cover this category",
            Reason::NotInForce => "the program was not in force in this period",
            Reason::NotWni => "JKP is for Indonesian citizens (WNI) only (PP 37/2021 Pasal 4)",
            Reason::RegistrationDateUnknown => {
                "registered_on is needed to check the JKP age limit (D-13)"
            }
            Reason::AgeAtRegistration => {
                "the worker was 54 or older at first registration (PP 37/2021 Pasal 4)"
            }
            Reason::JknNotMember => "JKP requires JKN membership (PP 37/2021 Pasal 4)",
            Reason::RequiredProgramMissing => {
                "JKP requires every program the employer scale requires (PP 37/2021 Pasal 4)"
            }
        }
    }
}

jamsos_core::bit_set! {
    /// A set of reasons (a bit set; iterates in a fixed order).
    pub struct Reasons(u16) of Reason;
}

/// One program's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct ProgramStatus {
    /// The program.
    pub program: Program,
    /// Its class.
    pub status: Status,
    /// Why it is optional or not eligible (empty for mandatory).
    pub reasons: Reasons,
}

/// The answer for all five programs, and which of them the case has joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Statuses {
    /// One entry per program, in [`Program::ALL`] order.
    pub programs: [ProgramStatus; 5],
    /// Programs the case takes part in: mandatory ones and opted-in optional ones.
    pub joined: ProgramSet,
}

impl Statuses {
    /// The entry for `program`.
    #[must_use]
    pub fn get(&self, program: Program) -> &ProgramStatus {
        // `programs` is indexed by the enum's discriminant, which is 0…4.
        let [jkk, jkm, jht, jp, jkp] = &self.programs;
        match program {
            Program::Jkk => jkk,
            Program::Jkm => jkm,
            Program::Jht => jht,
            Program::Jp => jp,
            Program::Jkp => jkp,
        }
    }
}

/// A set of reasons serializes as the list of their codes.
#[cfg(feature = "serde")]
impl serde::Serialize for Reasons {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}
