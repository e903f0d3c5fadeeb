//! Wage earners (PU): program status by scale (D-9), pension age and JP
//! (D-10, D-11), JKP participation (D-13).

use chrono::NaiveDate;
use jamsos_core::{Period, Program, ProgramSet, age_on};
use jamsos_rules::Entry;
use jamsos_rules::jkp::{JKP_REGIME, JkpRegime};
use jamsos_rules::perpres_109_2013::{PROGRAMS_BY_SCALE, PU_PROGRAMS, ProgramsByScale};
use jamsos_worker::{Nationality, PuWorker, Scale};

use crate::{
    EligibilityError, ProgramStatus, Reason, Reasons, Status, Statuses, pension_age_reached_on,
};

/// Choices the caller may change per call (DECISIONS.md, *configurable*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Open JP to foreign nationals (REGULATIONS.md U3; default off, D-9).
    pub jp_for_foreigners: bool,
}

/// A wage earner's eligibility in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct PuEligibility {
    /// The period answered.
    pub period: Period,
    /// Status and reasons for each program, and the programs joined.
    pub statuses: Statuses,
    /// The date the worker reaches pension age (D-10).
    pub pension_age_reached_on: Option<NaiveDate>,
    /// The last period JP applies to (D-11).
    pub last_jp_period: Option<Period>,
    /// Whether the worker takes part in JKP (D-13), or `None` when the
    /// registration date is unknown.
    pub jkp_participant: Option<bool>,
    /// The JKP funding regime in force, for participants only (a rule
    /// table's row, not serialized: its rates show in the assessment's lines).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub jkp_regime: Option<&'static Entry<JkpRegime>>,
}

impl PuEligibility {
    /// The answer for `program`.
    #[must_use]
    pub fn status(&self, program: Program) -> &ProgramStatus {
        self.statuses.get(program)
    }
}

const fn for_scale(table: &ProgramsByScale, scale: Scale) -> ProgramSet {
    match scale {
        Scale::Micro => table.micro,
        Scale::Small => table.small,
        Scale::Medium => table.medium,
        Scale::Large => table.large,
    }
}

/// Program status of a wage earner for `period`.
///
/// Errors: a period before 2015-07 (D-6), a birth date after the period, or a
/// registration date before the birth date (D-7a).
pub fn pu(
    worker: &PuWorker,
    period: Period,
    options: &Options,
) -> Result<PuEligibility, EligibilityError> {
    let by_scale = PROGRAMS_BY_SCALE
        .at(period)
        .ok_or(EligibilityError::NoRuleInForce {
            table: PROGRAMS_BY_SCALE.name,
            period,
        })?;
    let last_day = period.last_day();
    if worker.birth_date > last_day {
        return Err(EligibilityError::BornAfterPeriod {
            birth_date: worker.birth_date,
            period,
        });
    }
    if let Some(registered_on) = worker.registered_on.filter(|r| *r < worker.birth_date) {
        return Err(EligibilityError::RegisteredBeforeBirth {
            registered_on,
            birth_date: worker.birth_date,
        });
    }

    let mandatory = for_scale(&by_scale.value, worker.scale);
    let reached_on = pension_age_reached_on(worker.birth_date);
    // D-11: JP applies while pension age has not been reached by the period's last day.
    let past_pension_age = reached_on.is_some_and(|d| d <= last_day);

    let mut programs = [ProgramStatus {
        program: Program::Jkk,
        status: Status::Mandatory,
        reasons: Reasons::NONE,
    }; 5];
    let mut joined = ProgramSet::EMPTY;
    for (entry, program) in programs.iter_mut().zip(Program::ALL) {
        if !PU_PROGRAMS.contains(program) {
            continue; // JKP: decided below, once the others are known.
        }
        let mut blocked = Reasons::NONE;
        if program == Program::Jp {
            if worker.nationality == Nationality::Wna && !options.jp_for_foreigners {
                blocked = blocked.with(Reason::ForeignNational);
            }
            if past_pension_age {
                blocked = blocked.with(Reason::PensionAgeReached);
            }
        }
        *entry = if !blocked.is_empty() {
            ProgramStatus {
                program,
                status: Status::NotEligible,
                reasons: blocked,
            }
        } else if mandatory.contains(program) {
            joined = joined.with(program);
            ProgramStatus {
                program,
                status: Status::Mandatory,
                reasons: Reasons::NONE,
            }
        } else {
            if worker.opt_in.contains(program) {
                joined = joined.with(program);
            }
            ProgramStatus {
                program,
                status: Status::Optional,
                reasons: Reasons::NONE.with(Reason::OptionalForScale),
            }
        };
    }

    let regime = JKP_REGIME.at(period);
    let jkp_reasons = match regime {
        None => Reasons::NONE.with(Reason::NotInForce),
        Some(regime) => jkp_reasons(worker, &regime.value, joined),
    };
    let jkp_participant = jkp_reasons.is_empty();
    if jkp_participant {
        joined = joined.with(Program::Jkp);
    }
    if let Some(last) = programs.last_mut() {
        *last = ProgramStatus {
            program: Program::Jkp,
            status: if jkp_participant {
                Status::Mandatory
            } else {
                Status::NotEligible
            },
            reasons: jkp_reasons,
        };
    }

    Ok(PuEligibility {
        period,
        statuses: Statuses { programs, joined },
        pension_age_reached_on: reached_on,
        last_jp_period: reached_on.map(|d| Period::of(d).prev()),
        jkp_participant: worker.registered_on.map(|_| jkp_participant),
        jkp_regime: regime.filter(|_| jkp_participant),
    })
}

/// Every JKP condition of D-13 the worker fails (empty: a participant).
fn jkp_reasons(worker: &PuWorker, regime: &JkpRegime, joined: ProgramSet) -> Reasons {
    let mut reasons = Reasons::NONE;
    if worker.nationality != Nationality::Wni {
        reasons = reasons.with(Reason::NotWni);
    }
    match worker.registered_on {
        None => reasons = reasons.with(Reason::RegistrationDateUnknown),
        Some(on) if age_on(worker.birth_date, on) >= regime.max_age_at_registration => {
            reasons = reasons.with(Reason::AgeAtRegistration);
        }
        Some(_) => {}
    }
    if !worker.jkn_member {
        reasons = reasons.with(Reason::JknNotMember);
    }
    if !joined.contains_all(for_scale(&regime.required, worker.scale)) {
        reasons = reasons.with(Reason::RequiredProgramMissing);
    }
    reasons
}
