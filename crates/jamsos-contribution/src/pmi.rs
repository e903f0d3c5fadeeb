//! Migrant workers (PMI): DECISIONS.md D-25 … D-27.

use jamsos_core::{Billed, Payer, Period, Program, Rupiah};
use jamsos_eligibility::category;
use jamsos_rules::permenaker_4_2023::{PMI_CONTRIBUTION, Package};
use jamsos_worker::{Channel, PmiWorker};

use crate::bill::Bill;
use crate::pu::in_force;
use crate::{
    Component, ContributionError, Line, List, Part, PmiAssessment, Totals, Warning, Warnings,
};

/// A migrant worker's contributions, paid once for the placement (D-25): one
/// `jkk_jkm` package line (the law does not split it) whose components are
/// the before-work contribution for agency placements (D-26), the package
/// for the contract's length and the fee for extension months; and a JHT
/// line of the chosen monthly amount (D-27). Paid by the participant; no due
/// date and no PP 49/2020 relief.
///
/// ```
/// use jamsos_contribution::assess_pmi;
/// use jamsos_core::{Billed, Payer, Rupiah};
/// use jamsos_worker::{Channel, PmiWorker};
///
/// // 24 months through an agency under Permenaker 4/2023: 37,500 + 332,500.
/// let worker = PmiWorker::new(Channel::Agency, 24)?;
/// let a = assess_pmi(&worker, "2025-04".parse()?)?;
/// let package = a.line(Billed::JkkJkm, Payer::Participant).ok_or("no package")?;
/// assert_eq!(package.amount, Rupiah::new(370_000));
/// assert_eq!(a.due_date, None);
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// Errors: a period before 2019-01 (D-25), a birth date after the period
/// (D-7a), a contract length the regime does not offer (D-25), a JHT amount
/// it does not offer (D-27).
pub fn assess_pmi(worker: &PmiWorker, period: Period) -> Result<PmiAssessment, ContributionError> {
    let statuses = category::pmi(worker, period)?;
    let regime = in_force(&PMI_CONTRIBUTION, period)?;
    let terms = &regime.value;
    let source = &regime.source;
    let package = terms.package.for_months(worker.contract_months).ok_or(
        ContributionError::ContractMonthsNotOffered {
            months: worker.contract_months,
            period,
            allowed: match terms.package {
                Package::Flat { .. } => "allowed are 1 to 60 months",
                Package::ByLength(_) => "allowed are 6, 12 or 24 months",
            },
        },
    )?;
    if let Some(amount) = worker.jht_monthly {
        if !terms.jht_monthly.contains(&amount) {
            return Err(ContributionError::JhtMonthlyNotOffered { amount });
        }
    }

    let (mut lines, mut totals) = (List::<Line, 2>::new(), Totals::default());
    let mut bill = Bill::new(period, &mut lines, &mut totals);
    let mut components = List::<Component, 10>::new();
    let mut warnings = Warnings::default();
    let mut part = |part: Part, amount: Rupiah, rule: &'static str| {
        components.push(Component {
            program: Billed::JkkJkm,
            part,
            amount,
            rule,
            source,
            adjusted_by: None,
        })
    };
    let overflow = ContributionError::Capacity { period };
    let mut total = Rupiah::ZERO;
    if worker.channel == Channel::Agency {
        let fee = terms.before_work_via_agency;
        part(Part::BeforeWork, fee, "pmi.before_work").map_err(|_| overflow)?;
        total = total.checked_add(fee).map_err(|_| overflow)?;
    }
    part(
        Part::Package {
            months: worker.contract_months,
        },
        package,
        "pmi.package",
    )
    .map_err(|_| overflow)?;
    total = total.checked_add(package).map_err(|_| overflow)?;
    if worker.extension_months > 0 {
        match terms.per_extension_month {
            Some(per_month) => {
                let fee = per_month
                    .checked_mul(u64::from(worker.extension_months))
                    .map_err(|_| overflow)?;
                part(
                    Part::Extension {
                        months: worker.extension_months,
                        per_month,
                    },
                    fee,
                    "pmi.extension",
                )
                .map_err(|_| overflow)?;
                total = total.checked_add(fee).map_err(|_| overflow)?;
            }
            None => warnings = warnings.with(Warning::ExtensionNotCharged),
        }
    }
    bill.flat(
        period,
        Billed::JkkJkm,
        Payer::Participant,
        total,
        "pmi.jkk_jkm",
        source,
        None,
    )?;
    if let Some(amount) = worker.jht_monthly {
        bill.flat(
            period,
            Program::Jht,
            Payer::Participant,
            amount,
            "pmi.jht.monthly",
            source,
            None,
        )?;
    }

    Ok(PmiAssessment {
        period,
        months: 1,
        statuses,
        lines,
        components,
        totals,
        due_date: None,
        warnings,
    })
}
