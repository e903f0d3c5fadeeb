//! Construction projects (Jakon): DECISIONS.md D-16, D-23, D-24, D-28.

use jamsos_core::{ExactAmount, Payer, Period, Program, Rate, Rupiah};
use jamsos_eligibility::category;
use jamsos_rules::pp_44_2015::{ContractTier, JAKON_CONTRACT, JAKON_WAGE};
use jamsos_rules::pp_49_2020::{JKK_JKM_SOURCE, RELIEF};
use jamsos_worker::{JakonMethod, JakonProject};

use crate::bill::{Bill, scaled};
use crate::pu::in_force;
use crate::{
    Component, ContributionError, JakonAssessment, Line, List, Options, Part, PuRules, Totals,
    Warnings, due_date_pu,
};

/// The rule ids of one program's lines and tiers.
struct Rules {
    program: Program,
    wage: &'static str,
    wage_relief: &'static str,
    contract: &'static str,
    contract_relief: &'static str,
    tiers: [&'static str; 5],
}

const JKK: Rules = Rules {
    program: Program::Jkk,
    wage: "jakon.jkk.wage",
    wage_relief: "jakon.jkk.wage.relief_pp49_2020",
    contract: "jakon.jkk.contract",
    contract_relief: "jakon.jkk.contract.relief_pp49_2020",
    tiers: [
        "jakon.jkk.contract.tier_1",
        "jakon.jkk.contract.tier_2",
        "jakon.jkk.contract.tier_3",
        "jakon.jkk.contract.tier_4",
        "jakon.jkk.contract.tier_5",
    ],
};

const JKM: Rules = Rules {
    program: Program::Jkm,
    wage: "jakon.jkm.wage",
    wage_relief: "jakon.jkm.wage.relief_pp49_2020",
    contract: "jakon.jkm.contract",
    contract_relief: "jakon.jkm.contract.relief_pp49_2020",
    tiers: [
        "jakon.jkm.contract.tier_1",
        "jakon.jkm.contract.tier_2",
        "jakon.jkm.contract.tier_3",
        "jakon.jkm.contract.tier_4",
        "jakon.jkm.contract.tier_5",
    ],
};

/// A construction project's JKK and JKM for `period` (D-23), paid by the
/// employer: by wage, 1.74% and 0.30% of the worker's monthly wage; by
/// contract, marginal tiers on the contract value, paid once per contract,
/// each program rounded once (D-24) with its tiers as components. Under
/// PP 49/2020 every rate is 1% of normal (D-16). Due like wage earners'
/// contributions (D-28, D-16).
///
/// ```
/// use jamsos_contribution::{assess_jakon, Options};
/// use jamsos_core::{Payer, Program, Rupiah};
/// use jamsos_worker::{ContractValue, JakonMethod, JakonProject};
///
/// // A Rp1,000,000,000 contract: JKK 210,000 + 680,000 + 650,000.
/// let project = JakonProject::new(JakonMethod::Contract(ContractValue::new(1_000_000_000)?));
/// let a = assess_jakon(&project, "2025-04".parse()?, &Options::default())?;
/// let jkk = a.line(Program::Jkk, Payer::Employer).ok_or("no JKK line")?;
/// assert_eq!(jkk.amount, Rupiah::new(1_540_000));
/// assert_eq!(a.components_of(Program::Jkk).count(), 3);
/// assert_eq!(a.totals.employer, Rupiah::new(1_750_000));
/// # Ok::<(), Box<dyn core::error::Error>>(())
/// ```
///
/// Errors: a period before 2015-07, a birth date after the period (D-7a).
pub fn assess_jakon(
    project: &JakonProject,
    period: Period,
    options: &Options<'_>,
) -> Result<JakonAssessment, ContributionError> {
    let statuses = category::jakon(project, period)?;
    let relief = RELIEF
        .at(period)
        .and_then(|e| e.value)
        .filter(|_| project.paid_through_2020_07)
        .map(|r| r.jkk_jkm_factor);
    let adjusted_by = relief.map(|_| &JKK_JKM_SOURCE);
    let rate = |rate: Rate| match relief {
        Some(factor) => scaled(rate, factor),
        None => rate,
    };

    let (mut lines, mut totals) = (List::<Line, 2>::new(), Totals::default());
    let mut bill = Bill::new(period, &mut lines, &mut totals);
    let mut components = List::new();
    match project.method {
        JakonMethod::Wage(wage) => {
            let rates = in_force(&JAKON_WAGE, period)?;
            for (rules, r) in [(JKK, rates.value.jkk), (JKM, rates.value.jkm)] {
                let rule = if relief.is_some() {
                    rules.wage_relief
                } else {
                    rules.wage
                };
                bill.rated(
                    period,
                    rules.program,
                    Payer::Employer,
                    wage.rupiah(),
                    rate(r),
                    rule,
                    &rates.source,
                    adjusted_by,
                )?;
            }
        }
        JakonMethod::Contract(value) => {
            let tiers = in_force(&JAKON_CONTRACT, period)?;
            let value = value.rupiah();
            for (rules, tier_rate) in [
                (JKK, (|t: &ContractTier| t.jkk) as fn(&ContractTier) -> Rate),
                (JKM, |t: &ContractTier| t.jkm),
            ] {
                let mut exact = ExactAmount::ZERO;
                let mut lower = Rupiah::ZERO;
                for ((number, tier), rule) in (1u8..).zip(&tiers.value).zip(rules.tiers) {
                    let Some(portion) = value.checked_sub(lower).filter(|p| *p > Rupiah::ZERO)
                    else {
                        break;
                    };
                    let portion = match tier.up_to.and_then(|up| up.checked_sub(lower)) {
                        Some(width) => portion.min(width),
                        None => portion,
                    };
                    let r = rate(tier_rate(tier));
                    let part = r.apply_exact(portion);
                    exact = exact.checked_add(part).ok_or(bill.overflow())?;
                    components
                        .push(Component {
                            program: rules.program.into(),
                            part: Part::Tier {
                                number,
                                from: lower,
                                to: tier.up_to,
                                portion,
                                rate: r,
                            },
                            // Every tier below the top one is a whole number
                            // of rupiah (audited), so the parts add up to the
                            // line rounded once (D-24).
                            amount: part.round(),
                            rule,
                            source: &tiers.source,
                            adjusted_by,
                        })
                        .map_err(|_| bill.overflow())?;
                    match tier.up_to {
                        Some(up) => lower = up,
                        None => break,
                    }
                }
                let rule = if relief.is_some() {
                    rules.contract_relief
                } else {
                    rules.contract
                };
                bill.push(Line {
                    program: rules.program.into(),
                    payer: Payer::Employer,
                    period,
                    base: Some(value),
                    rate: None,
                    amount: exact.round(),
                    rule,
                    source: &tiers.source,
                    adjusted_by,
                })?;
            }
        }
    }

    Ok(JakonAssessment {
        period,
        months: 1,
        statuses,
        lines,
        components,
        totals,
        // A bulk run's month rules carry the due date, computed once.
        due_date: Some(match PuRules::for_period(options, period) {
            Some(rules) => rules.due_date(),
            None => due_date_pu(period, options.holidays)?,
        }),
        warnings: Warnings::default(),
    })
}
