//! Wage earners (PU): DECISIONS.md D-8 … D-16.

use chrono::NaiveDate;
use jamsos_core::{Payer, Period, Program, Rate, Rupiah, Source};
use jamsos_eligibility::{EligibilityError, pu as pu_eligibility};
use jamsos_rules::perpres_109_2013::PROGRAMS_BY_SCALE;
use jamsos_rules::pp_7_2025::{JKK_DISCOUNT, JkkDiscount};
use jamsos_rules::pp_45_2015::{CEILING_STALE_AFTER_MONTHS, JP_SHARES, JP_WAGE_CEILING};
use jamsos_rules::pp_49_2020::{JKK_JKM_SOURCE, JP_DEFERRAL_SOURCE, RELIEF, Relief};
use jamsos_rules::se_bpjs_b_12_012023::{WAGE_FLOOR, WageFloor};
use jamsos_rules::{Entry, Table, pp_44_2015, pp_46_2015};
use jamsos_worker::{PuWorker, Scale};

use crate::bill::{Bill, scaled};
use crate::{
    Allocation, Assessment, ContributionError, Line, List, Options, Totals, Warning, Warnings,
    due_date_bpu, due_date_pu,
};

/// The row of `table` in force for `period`, or the fail-closed error (D-6).
pub(crate) fn in_force<T>(
    table: &'static Table<T>,
    period: Period,
) -> Result<&'static Entry<T>, ContributionError> {
    table.at(period).ok_or(ContributionError::NoRuleInForce {
        table: table.name,
        period,
    })
}

/// The law in force for one period, resolved once (every table lookup and the
/// due date), so that a roster of workers in the same month pays for the
/// lookups once rather than per worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PuRules {
    period: Period,
    jp_for_foreigners: bool,
    jkk: &'static Entry<[Rate; 5]>,
    jkm: &'static Entry<Rate>,
    jht: &'static Entry<pp_46_2015::Shares>,
    jp_shares: &'static Entry<pp_46_2015::Shares>,
    jp_ceiling: &'static Entry<Rupiah>,
    wage_floor: Option<WageFloor>,
    relief: Option<Relief>,
    discount: Option<(JkkDiscount, &'static Source)>,
    due_date: NaiveDate,
    /// An informal worker's due date in the same period with the same
    /// holidays (D-28), for the BPU cases of a bulk run; `None` when it
    /// cannot be computed (its error then comes from computing it afresh).
    bpu_due_date: Option<NaiveDate>,
}

impl PuRules {
    /// Resolves the rules for `period`. Fails closed before 2015-07 (D-6).
    pub fn new(period: Period, options: &Options<'_>) -> Result<PuRules, ContributionError> {
        // Checked first so that an early period reports the same error as
        // eligibility does.
        if PROGRAMS_BY_SCALE.at(period).is_none() {
            return Err(EligibilityError::NoRuleInForce {
                table: PROGRAMS_BY_SCALE.name,
                period,
            }
            .into());
        }
        Ok(PuRules {
            period,
            jp_for_foreigners: options.jp_for_foreigners,
            jkk: in_force(&pp_44_2015::JKK_PU, period)?,
            jkm: in_force(&pp_44_2015::JKM_PU, period)?,
            jht: in_force(&pp_46_2015::JHT_PU, period)?,
            jp_shares: in_force(&JP_SHARES, period)?,
            jp_ceiling: in_force(&JP_WAGE_CEILING, period)?,
            wage_floor: WAGE_FLOOR.at(period).map(|e| e.value),
            relief: RELIEF.at(period).and_then(|e| e.value),
            discount: JKK_DISCOUNT
                .at(period)
                .and_then(|e| e.value.map(|terms| (terms, &e.source))),
            due_date: due_date_pu(period, options.holidays)?,
            bpu_due_date: due_date_bpu(period, options.holidays).ok(),
        })
    }

    /// The due date of a wage earner's (and a construction project's)
    /// contribution in these rules' period (D-28).
    #[must_use]
    pub const fn due_date(&self) -> NaiveDate {
        self.due_date
    }

    /// The rules in `options` when they govern `period` (a bulk run resolves
    /// each month once and passes them with every case of the month).
    pub(crate) fn for_period<'a>(options: &Options<'a>, period: Period) -> Option<&'a PuRules> {
        options.pu_rules.filter(|rules| rules.period == period)
    }

    /// An informal worker's due date in these rules' period, when it could
    /// be computed with them.
    pub(crate) const fn bpu_due_date(&self) -> Option<NaiveDate> {
        self.bpu_due_date
    }

    /// The period these rules govern.
    #[must_use]
    pub const fn period(&self) -> Period {
        self.period
    }

    /// A wage earner's contributions in this period (D-8 … D-16, D-28).
    ///
    /// Errors: impossible dates (D-7a), a wage below the floor in force (D-8).
    pub fn assess(&self, worker: &PuWorker) -> Result<Assessment, ContributionError> {
        assess_with(self, worker, |a| *a)
    }

    /// [`PuRules::assess`], read by `read` where it was built: returning
    /// the assessment was a copy per case that a bulk run, which reads a few
    /// amounts of it, does not need (`assess_ref`).
    pub(crate) fn assess_ref<R>(
        &self,
        worker: &PuWorker,
        read: impl FnOnce(&Assessment) -> R,
    ) -> Result<R, ContributionError> {
        assess_with(self, worker, read)
    }
}

/// A wage earner's contributions for `period` (D-8 … D-16, D-28).
///
/// Errors: a period before 2015-07, impossible dates (D-7a), a wage below the
/// floor in force (D-8). To assess many workers in one period, resolve
/// [`PuRules`] once and call [`PuRules::assess`]: the results are identical.
pub fn assess_pu(
    worker: &PuWorker,
    period: Period,
    options: &Options<'_>,
) -> Result<Assessment, ContributionError> {
    PuRules::new(period, options)?.assess(worker)
}

fn assess_with<R>(
    rules: &PuRules,
    worker: &PuWorker,
    read: impl FnOnce(&Assessment) -> R,
) -> Result<R, ContributionError> {
    let period = rules.period;
    let eligibility = pu_eligibility(
        worker,
        period,
        &jamsos_eligibility::Options {
            jp_for_foreigners: rules.jp_for_foreigners,
        },
    )?;
    let wage = worker.wage.rupiah();
    let mut warnings = Warnings::default();

    // D-8: the absolute floor and the lowest provincial minimum wage.
    if let Some(limits) = rules.wage_floor {
        if wage < limits.floor {
            return Err(ContributionError::WageBelowFloor {
                wage,
                floor: limits.floor,
            });
        }
        if wage < limits.lowest_minimum_wage {
            warnings = warnings.with(Warning::WageBelowMinimum);
        }
    }

    // D-16: PP 49/2020 relief, unless the employer had not paid through July 2020.
    let relief: Option<Relief> = rules.relief.filter(|_| worker.paid_through_2020_07);
    // D-15: PP 7/2025 discount for labour-intensive employers with enough workers.
    let discount = rules.discount.filter(|(terms, _)| {
        worker.industry.is_some_and(|i| i.is_labour_intensive())
            && worker
                .active_workers
                .is_some_and(|n| n >= terms.min_active_workers)
            && worker.paid_jkk_through_2025_01
    });

    let joined = eligibility.statuses.joined;
    let jkp_regime = eligibility.jkp_regime;
    // Built where it is read, and billed into in place.
    let mut assessment = Assessment {
        period,
        eligibility,
        lines: List::new(),
        deferred: List::new(),
        allocations: List::new(),
        totals: Totals::default(),
        due_date: rules.due_date,
        warnings: Warnings::default(),
    };
    let mut bill = Bill::new(period, &mut assessment.lines, &mut assessment.totals);
    let deferred = &mut assessment.deferred;

    // JKK: the employer's risk-group rate on the uncapped wage.
    let jkk = rules.jkk;
    let jkk_rate = jkk
        .value
        .get(worker.risk_class.index())
        .copied()
        .unwrap_or(Rate::ZERO);
    let (jkk_rate, jkk_rule, jkk_adjusted) = match (relief, discount) {
        (Some(r), _) => (
            scaled(jkk_rate, r.jkk_jkm_factor),
            "pu.jkk.relief_pp49_2020",
            Some(&JKK_JKM_SOURCE),
        ),
        (None, Some((terms, source))) => (
            scaled(jkk_rate, terms.factor),
            "pu.jkk.discount_pp7_2025",
            Some(source),
        ),
        (None, None) => (jkk_rate, "pu.jkk.rate", None),
    };
    bill.rated(
        period,
        Program::Jkk,
        Payer::Employer,
        wage,
        jkk_rate,
        jkk_rule,
        &jkk.source,
        jkk_adjusted,
    )?;

    // JKM: flat rate on the uncapped wage.
    let jkm = rules.jkm;
    let (jkm_rate, jkm_rule, jkm_adjusted) = match relief {
        Some(r) => (
            scaled(jkm.value, r.jkk_jkm_factor),
            "pu.jkm.relief_pp49_2020",
            Some(&JKK_JKM_SOURCE),
        ),
        None => (jkm.value, "pu.jkm.rate", None),
    };
    bill.rated(
        period,
        Program::Jkm,
        Payer::Employer,
        wage,
        jkm_rate,
        jkm_rule,
        &jkm.source,
        jkm_adjusted,
    )?;

    // JHT: uncapped, never relieved.
    if joined.contains(Program::Jht) {
        let jht = rules.jht;
        bill.rated(
            period,
            Program::Jht,
            Payer::Employer,
            wage,
            jht.value.employer,
            "pu.jht.employer",
            &jht.source,
            None,
        )?;
        bill.rated(
            period,
            Program::Jht,
            Payer::Worker,
            wage,
            jht.value.worker,
            "pu.jht.worker",
            &jht.source,
            None,
        )?;
    }

    // JP: capped at the ceiling of the period; under PP 49/2020 medium and large
    // employers pay 1% now and owe 99% later.
    if joined.contains(Program::Jp) {
        let shares = rules.jp_shares;
        let ceiling = rules.jp_ceiling;
        if period.months_since(ceiling.from) >= CEILING_STALE_AFTER_MONTHS {
            warnings = warnings.with(Warning::JpCeilingStale);
        }
        let base = wage.min(ceiling.value);
        let deferral = relief.filter(|_| matches!(worker.scale, Scale::Medium | Scale::Large));
        for (payer, rate, rule, relief_rule, deferred_rule) in [
            (
                Payer::Employer,
                shares.value.employer,
                "pu.jp.employer",
                "pu.jp.employer.relief_pp49_2020",
                "pu.jp.employer.deferred_pp49_2020",
            ),
            (
                Payer::Worker,
                shares.value.worker,
                "pu.jp.worker",
                "pu.jp.worker.relief_pp49_2020",
                "pu.jp.worker.deferred_pp49_2020",
            ),
        ] {
            match deferral {
                None => bill.rated(
                    period,
                    Program::Jp,
                    payer,
                    base,
                    rate,
                    rule,
                    &shares.source,
                    None,
                )?,
                Some(r) => {
                    let now = scaled(rate, r.jp_billed_factor);
                    let later = scaled(rate, r.jp_billed_factor.complement());
                    bill.rated(
                        period,
                        Program::Jp,
                        payer,
                        base,
                        now,
                        relief_rule,
                        &shares.source,
                        Some(&JP_DEFERRAL_SOURCE),
                    )?;
                    deferred
                        .push(Line {
                            program: Program::Jp.into(),
                            payer,
                            period,
                            base: Some(base),
                            rate: Some(later),
                            amount: later.apply(base),
                            rule: deferred_rule,
                            source: &shares.source,
                            adjusted_by: Some(&JP_DEFERRAL_SOURCE),
                        })
                        .map_err(|_| bill.overflow())?;
                }
            }
        }
    }

    // JKP (D-14): the government's share is billed; the JKK/JKM recomposition is
    // an allocation inside BPJS, never added to anyone's bill.
    let allocations = &mut assessment.allocations;
    if let Some(regime) = jkp_regime {
        let terms = regime.value;
        let base = wage.min(terms.wage_cap);
        bill.rated(
            period,
            Program::Jkp,
            Payer::Government,
            base,
            terms.government,
            "pu.jkp.government",
            &regime.source,
            None,
        )?;
        let from_jkk = match discount {
            Some((d, _)) => scaled(terms.from_jkk, d.factor),
            None => terms.from_jkk,
        };
        for (from, rate, rule) in [
            (Program::Jkk, from_jkk, "pu.jkp.allocation.jkk"),
            (Program::Jkm, terms.from_jkm, "pu.jkp.allocation.jkm"),
        ] {
            if rate != Rate::ZERO {
                let allocation = Allocation {
                    from,
                    to: Program::Jkp,
                    base,
                    rate,
                    amount: rate.apply(base),
                    rule,
                    source: &regime.value.recomposition_source,
                };
                allocations.push(allocation).map_err(|_| bill.overflow())?;
            }
        }
    }

    assessment.warnings = warnings;
    Ok(read(&assessment))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jamsos_rules::jkp::JKP_REGIME;

    #[test]
    fn factors_are_exact() {
        let mut rates = std::vec::Vec::new();
        for e in pp_44_2015::JKK_PU.entries {
            rates.extend_from_slice(&e.value);
        }
        rates.extend(pp_44_2015::JKM_PU.entries.iter().map(|e| e.value));
        rates.extend(
            JP_SHARES
                .entries
                .iter()
                .flat_map(|e| [e.value.employer, e.value.worker]),
        );
        rates.extend(
            JKP_REGIME
                .entries
                .iter()
                .flat_map(|e| [e.value.from_jkk, e.value.from_jkm]),
        );
        // BPU (D-17, D-21) and Jakon (D-23, D-24) rates take the same factors.
        rates.extend(pp_44_2015::JKK_BPU.entries.iter().map(|e| e.value));
        rates.extend(
            pp_44_2015::JAKON_WAGE
                .entries
                .iter()
                .flat_map(|e| [e.value.jkk, e.value.jkm]),
        );
        rates.extend(
            pp_44_2015::JAKON_CONTRACT
                .entries
                .iter()
                .flat_map(|e| e.value.iter().flat_map(|t| [t.jkk, t.jkm])),
        );
        let mut factors = std::vec::Vec::new();
        for e in RELIEF.entries.iter().filter_map(|e| e.value) {
            factors.extend([
                e.jkk_jkm_factor,
                e.jp_billed_factor,
                e.jp_billed_factor.complement(),
            ]);
        }
        factors.extend(
            JKK_DISCOUNT
                .entries
                .iter()
                .filter_map(|e| e.value)
                .map(|d| d.factor),
        );
        factors.extend(
            [
                &jamsos_rules::pp_50_2025::TRANSPORT,
                &jamsos_rules::pp_50_2025::OTHER,
            ]
            .iter()
            .flat_map(|t| t.entries.iter().filter_map(|e| e.value))
            .map(|d| d.factor),
        );
        assert!(!factors.is_empty());
        for rate in &rates {
            for factor in &factors {
                assert!(
                    rate.checked_mul(*factor).is_some(),
                    "{rate} × {factor} is not exact"
                );
            }
        }
    }
}
