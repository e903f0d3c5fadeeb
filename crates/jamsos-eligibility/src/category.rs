//! Informal workers (BPU), construction projects (Jakon) and migrant workers
//! (PMI): a fixed set of mandatory programs, optional ones joined by choice,
//! and the rest not available to the category (D-18, D-23, D-25 … D-27).
//! JP and JKP are never open to these categories.

use chrono::NaiveDate;
use jamsos_core::{Period, Program, ProgramSet};
use jamsos_rules::permenaker_4_2023::PMI_CONTRIBUTION;
use jamsos_rules::perpres_109_2013::JAKON_PROGRAMS;
use jamsos_rules::pp_44_2015::BPU_PROGRAMS;
use jamsos_rules::{Programs, Table};
use jamsos_worker::{BpuWorker, JakonProject, PmiWorker};

use crate::{EligibilityError, ProgramStatus, Reason, Reasons, Status, Statuses};

/// The statuses for a category's `programs` when the case opts into `opt_in`:
/// mandatory ones are joined; optional ones are `optional` (reason
/// `optional_program`) and joined when opted into; every other program is
/// `not_eligible` with `category_not_covered`. Opting into a program the
/// category cannot join changes nothing (CONTRACT.md §1).
#[must_use]
pub fn statuses(programs: &Programs, opt_in: ProgramSet) -> Statuses {
    let mut joined = ProgramSet::EMPTY;
    let programs = Program::ALL.map(|program| {
        if programs.mandatory.contains(program) {
            joined = joined.with(program);
            ProgramStatus {
                program,
                status: Status::Mandatory,
                reasons: Reasons::NONE,
            }
        } else if programs.optional.contains(program) {
            if opt_in.contains(program) {
                joined = joined.with(program);
            }
            ProgramStatus {
                program,
                status: Status::Optional,
                reasons: Reasons::NONE.with(Reason::OptionalProgram),
            }
        } else {
            ProgramStatus {
                program,
                status: Status::NotEligible,
                reasons: Reasons::NONE.with(Reason::CategoryNotCovered),
            }
        }
    });
    Statuses { programs, joined }
}

fn in_force(
    table: &'static Table<Programs>,
    period: Period,
) -> Result<&'static Programs, EligibilityError> {
    table
        .at(period)
        .map(|e| &e.value)
        .ok_or(EligibilityError::NoRuleInForce {
            table: table.name,
            period,
        })
}

/// D-7a: a birth date after the last day of the period cannot be true.
fn check_birth(birth_date: Option<NaiveDate>, period: Period) -> Result<(), EligibilityError> {
    match birth_date {
        Some(birth_date) if birth_date > period.last_day() => {
            Err(EligibilityError::BornAfterPeriod { birth_date, period })
        }
        _ => Ok(()),
    }
}

/// An informal worker's programs in `period` (D-18): JKK and JKM mandatory,
/// JHT optional, JP and JKP not available.
///
/// Errors: a period before 2015-07 (D-6), a birth date after the period (D-7a).
pub fn bpu(worker: &BpuWorker, period: Period) -> Result<Statuses, EligibilityError> {
    check_birth(worker.birth_date, period)?;
    Ok(statuses(in_force(&BPU_PROGRAMS, period)?, worker.opt_in))
}

/// A construction project's programs in `period` (D-23): JKK and JKM
/// mandatory, nothing else available.
///
/// Errors: a period before 2015-07 (D-6), a birth date after the period (D-7a).
pub fn jakon(project: &JakonProject, period: Period) -> Result<Statuses, EligibilityError> {
    check_birth(project.birth_date, period)?;
    Ok(statuses(
        in_force(&JAKON_PROGRAMS, period)?,
        ProgramSet::EMPTY,
    ))
}

/// A migrant worker's programs in `period` (D-25, D-27): JKK and JKM
/// mandatory, JHT optional (joined with a monthly amount), JP and JKP not
/// available.
///
/// Errors: a period before 2019-01, the first PMI regime encoded (D-25), a
/// birth date after the period (D-7a).
pub fn pmi(worker: &PmiWorker, period: Period) -> Result<Statuses, EligibilityError> {
    check_birth(worker.birth_date, period)?;
    let regime = PMI_CONTRIBUTION
        .at(period)
        .ok_or(EligibilityError::NoRuleInForce {
            table: PMI_CONTRIBUTION.name,
            period,
        })?;
    let opt_in = match worker.jht_monthly {
        Some(_) => ProgramSet::of(&[Program::Jht]),
        None => ProgramSet::EMPTY,
    };
    Ok(statuses(&regime.value.programs, opt_in))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jamsos_worker::{Channel, ContractValue, Income, JakonMethod};

    fn period(s: &str) -> Period {
        s.parse().unwrap_or_else(|_| unreachable!())
    }

    #[test]
    fn bpu_d18() {
        let mut worker = BpuWorker::new(Income::new(1_000_000).unwrap_or_else(|_| unreachable!()));
        worker.opt_in = ProgramSet::of(&[Program::Jht, Program::Jp]);
        let s = bpu(&worker, period("2026-04")).unwrap_or_else(|_| unreachable!());
        assert_eq!(s.get(Program::Jkk).status, Status::Mandatory);
        assert_eq!(s.get(Program::Jht).status, Status::Optional);
        assert!(
            s.get(Program::Jht)
                .reasons
                .contains(Reason::OptionalProgram)
        );
        // JP opted into is ignored and keeps its status (CONTRACT.md §1).
        assert_eq!(s.get(Program::Jp).status, Status::NotEligible);
        assert!(
            s.get(Program::Jp)
                .reasons
                .contains(Reason::CategoryNotCovered)
        );
        assert_eq!(
            s.joined,
            ProgramSet::of(&[Program::Jkk, Program::Jkm, Program::Jht])
        );
        assert!(bpu(&worker, period("2015-06")).is_err());
    }

    #[test]
    fn jakon_d23_and_pmi_d25() {
        let value = ContractValue::new(1).unwrap_or_else(|_| unreachable!());
        let project = JakonProject::new(JakonMethod::Contract(value));
        let s = jakon(&project, period("2015-07")).unwrap_or_else(|_| unreachable!());
        assert_eq!(s.get(Program::Jht).status, Status::NotEligible);
        assert_eq!(s.joined, ProgramSet::of(&[Program::Jkk, Program::Jkm]));

        let worker = PmiWorker::new(Channel::Agency, 24).unwrap_or_else(|_| unreachable!());
        assert!(pmi(&worker, period("2018-12")).is_err());
        let s = pmi(&worker, period("2019-01")).unwrap_or_else(|_| unreachable!());
        assert_eq!(s.get(Program::Jht).status, Status::Optional);
        assert!(!s.joined.contains(Program::Jht));
    }
}
