//! `GET /v1/rules?period=YYYY-MM`: every table of `jamsos_rules::TABLES`
//! with the row in force that month: its value (rates as decimal strings,
//! amounts as whole rupiah), the period or date it applies from, and its
//! source (instrument and provision). Tables keyed by date (benefits, the
//! pension age) are read on the month's first day. A table with no row in
//! force (a relief that had not begun, a benefit not yet encoded) is listed
//! under `not_in_force`, so the answer always names every table.

use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jamsos_core::{Period, Program, ProgramSet, Rate, Rupiah, Source};
use jamsos_rules::permenaker_4_2023::Package;
use jamsos_rules::pp_45_2015::Basis;
use jamsos_rules::{
    Programs, Table, jkp, payment, permenaker_4_2022, permenaker_4_2023, permenaker_5_2021,
    perpres_109_2013, pp_7_2025, pp_44_2015, pp_45_2015, pp_46_2015, pp_49_2020, pp_50_2025,
    pp_82_2019, se_bpjs_b_12_012023,
};
use serde_json::{Map, Value, json};

use crate::batch::{form_pairs, parse_period};
use crate::error::{ApiError, HttpCode, json_response};

fn rate(r: Rate) -> Value {
    Value::String(r.decimal().to_string())
}

fn rupiah(r: Rupiah) -> Value {
    Value::from(r.get())
}

/// An amount, or `null` for none (an open-ended bracket, a fee not charged).
trait Amount {
    fn json(self) -> Value;
}

impl Amount for Rupiah {
    fn json(self) -> Value {
        rupiah(self)
    }
}

impl Amount for Option<Rupiah> {
    fn json(self) -> Value {
        self.map_or(Value::Null, rupiah)
    }
}

fn programs(set: ProgramSet) -> Value {
    Value::Array(set.iter().map(|p: Program| Value::from(p.code())).collect())
}

fn program_split(p: &Programs) -> Value {
    json!({"mandatory": programs(p.mandatory), "optional": programs(p.optional)})
}

fn by_scale(p: &perpres_109_2013::ProgramsByScale) -> Value {
    json!({
        "micro": programs(p.micro),
        "small": programs(p.small),
        "medium": programs(p.medium),
        "large": programs(p.large),
    })
}

fn source(s: Source) -> Value {
    json!({"instrument": s.instrument, "provision": s.provision})
}

fn basis(b: Basis) -> &'static str {
    match b {
        Basis::Published => "published",
        Basis::Derived => "derived",
    }
}

/// What one table says at a key.
enum Row {
    InForce(Value),
    NotInForce(&'static str),
}

/// The row of `table` in force at `key`, its value described by `describe`
/// (`None` for a row that says "nothing in force", such as the end of a
/// relief).
fn row<T, K: Ord + Copy + ToString>(
    table: &Table<T, K>,
    key: K,
    describe: impl Fn(&T) -> Option<Value>,
) -> Row {
    let Some(entry) = table.at(key) else {
        return Row::NotInForce(table.name);
    };
    match describe(&entry.value) {
        Some(value) => Row::InForce(json!({
            "table": table.name,
            "from": entry.from.to_string(),
            "source": source(entry.source),
            "value": value,
        })),
        None => Row::NotInForce(table.name),
    }
}

/// Every table at `period` (and at its first day for tables keyed by date),
/// in the order of `jamsos_rules::TABLES`.
fn rows(period: Period) -> Vec<Row> {
    let day = period.first_day();
    vec![
        row(&pp_44_2015::JKK_PU, period, |r| {
            Some(Value::Array(r.iter().map(|r| rate(*r)).collect()))
        }),
        row(&pp_44_2015::JKM_PU, period, |r| Some(rate(*r))),
        row(&pp_46_2015::JHT_PU, period, |s| {
            Some(json!({"employer": rate(s.employer), "worker": rate(s.worker)}))
        }),
        row(&pp_45_2015::JP_SHARES, period, |s| {
            Some(json!({"employer": rate(s.employer), "worker": rate(s.worker)}))
        }),
        row(&pp_45_2015::JP_WAGE_CEILING, period, |r| Some(rupiah(*r))),
        row(&pp_45_2015::PENSION_AGE, day, |a| Some(Value::from(*a))),
        row(&jkp::JKP_REGIME, period, |j| {
            Some(json!({
                "government": rate(j.government),
                "from_jkk": rate(j.from_jkk),
                "from_jkm": rate(j.from_jkm),
                "wage_cap": rupiah(j.wage_cap),
                "max_age_at_registration": j.max_age_at_registration,
                "required": by_scale(&j.required),
            }))
        }),
        row(&pp_7_2025::JKK_DISCOUNT, period, |d| {
            d.as_ref().map(
                |d| json!({"factor": rate(d.factor), "min_active_workers": d.min_active_workers}),
            )
        }),
        row(&pp_49_2020::RELIEF, period, |r| {
            r.as_ref().map(|r| {
                json!({
                    "jkk_jkm_factor": rate(r.jkk_jkm_factor),
                    "jp_billed_factor": rate(r.jp_billed_factor),
                    "due_day": r.due_day,
                    "fine_per_month": rate(r.fine_per_month),
                })
            })
        }),
        row(&se_bpjs_b_12_012023::WAGE_FLOOR, period, |w| {
            Some(json!({
                "floor": rupiah(w.floor),
                "lowest_minimum_wage": rupiah(w.lowest_minimum_wage),
            }))
        }),
        row(&perpres_109_2013::PROGRAMS_BY_SCALE, period, |p| {
            Some(by_scale(p))
        }),
        row(&payment::PU_DUE_DAY, period, |d| Some(Value::from(*d))),
        row(&payment::BPU_DUE_DAY, period, |d| Some(Value::from(*d))),
        row(&payment::PU_FINE, period, |r| Some(rate(*r))),
        row(&payment::BPU_FINE, period, |r| Some(rate(*r))),
        row(&payment::JAKON_FINE, period, |r| Some(rate(*r))),
        row(&payment::PMI_FINE, period, |r| Some(rate(*r))),
        row(&pp_45_2015::JP_FORMULA, day, |f| {
            Some(json!({
                "accrual_per_year": rate(f.accrual_per_year),
                "min_months_for_monthly": f.min_months_for_monthly,
            }))
        }),
        row(&pp_45_2015::JP_BENEFIT_LIMITS, day, |l| {
            Some(json!({
                "minimum": rupiah(l.minimum),
                "minimum_basis": basis(l.minimum_basis),
                "maximum": rupiah(l.maximum),
                "maximum_basis": basis(l.maximum_basis),
            }))
        }),
        row(&jkp::JKP_BENEFIT, day, |b| {
            Some(json!({
                "monthly": b.monthly.iter().map(|r| rate(*r)).collect::<Vec<_>>(),
                "wage_cap": rupiah(b.wage_cap),
                "min_months_last_24": b.min_months_last_24,
                "min_consecutive_months": b.min_consecutive_months,
                "claim_window_months": b.claim_window_months,
                "rule": b.rule,
            }))
        }),
        row(&pp_82_2019::JKM_BENEFIT, day, |b| {
            Some(json!({
                "lump_sum": rupiah(b.lump_sum),
                "periodic": rupiah(b.periodic),
                "funeral": rupiah(b.funeral),
                "scholarship_min_months": b.scholarship_min_months,
            }))
        }),
        row(&pp_82_2019::JKK_BENEFIT, day, |b| {
            Some(json!({
                "wage_months": b.wage_months,
                "death_share": rate(b.death_share),
                "death_minimum": rupiah(b.death_minimum),
                "disability_share": rate(b.disability_share),
                "funeral": rupiah(b.funeral),
                "periodic": rupiah(b.periodic),
                "stmb_full_months": b.stmb_full_months,
                "stmb_full_share": rate(b.stmb_full_share),
                "stmb_after_share": rate(b.stmb_after_share),
                "claim_deadline_years": b.claim_deadline_years,
            }))
        }),
        row(&permenaker_5_2021::SCHOLARSHIP, day, |s| {
            Some(json!({"per_child": rupiah(s.per_child), "max_children": s.max_children}))
        }),
        row(&permenaker_4_2022::JHT_CLAIM, day, |t| {
            Some(json!({
                "pension_age": t.pension_age,
                "waiting_months": t.waiting_months,
                "partial_min_years": t.partial_min_years,
                "partial_retirement_preparation": rate(t.partial_retirement_preparation),
                "partial_housing": rate(t.partial_housing),
            }))
        }),
        row(&pp_44_2015::BPU_INCOME_GRID, period, |g| {
            Some(json!({
                "provisional": g.is_provisional(),
                "brackets": g.brackets().iter().map(|b| json!({
                    "from": Amount::json(b.from),
                    "to": Amount::json(b.to),
                    "nominal": Amount::json(b.nominal),
                })).collect::<Vec<_>>(),
            }))
        }),
        row(&pp_44_2015::JKK_BPU, period, |r| Some(rate(*r))),
        row(&pp_44_2015::JKM_BPU, period, |r| Some(rupiah(*r))),
        row(&pp_46_2015::JHT_BPU, period, |r| Some(rate(*r))),
        row(&pp_44_2015::BPU_PROGRAMS, period, |p| {
            Some(program_split(p))
        }),
        row(&pp_50_2025::TRANSPORT, period, |d| {
            d.as_ref().map(|d| json!({"factor": rate(d.factor)}))
        }),
        row(&pp_50_2025::OTHER, period, |d| {
            d.as_ref().map(|d| json!({"factor": rate(d.factor)}))
        }),
        row(&pp_44_2015::JAKON_WAGE, period, |r| {
            Some(json!({"jkk": rate(r.jkk), "jkm": rate(r.jkm)}))
        }),
        row(&pp_44_2015::JAKON_CONTRACT, period, |tiers| {
            Some(Value::Array(
                tiers
                    .iter()
                    .map(|t| {
                        json!({"up_to": t.up_to.map(rupiah), "jkk": rate(t.jkk), "jkm": rate(t.jkm)})
                    })
                    .collect(),
            ))
        }),
        row(&perpres_109_2013::JAKON_PROGRAMS, period, |p| {
            Some(program_split(p))
        }),
        row(&permenaker_4_2023::PMI_CONTRIBUTION, period, |p| {
            let package = match &p.package {
                Package::Flat { amount, months } => json!({
                    "amount": rupiah(*amount),
                    "months_from": months.0,
                    "months_to": months.1,
                }),
                Package::ByLength(lengths) => json!({
                    "by_length": lengths.iter().map(|(months, amount)| json!({
                        "months": months,
                        "amount": rupiah(*amount),
                    })).collect::<Vec<_>>(),
                }),
            };
            Some(json!({
                "before_work_via_agency": rupiah(p.before_work_via_agency),
                "package": package,
                "per_extension_month": p.per_extension_month.map(rupiah),
                "jht_monthly": p.jht_monthly.iter().map(|r| rupiah(*r)).collect::<Vec<_>>(),
                "programs": program_split(&p.programs),
            }))
        }),
    ]
}

/// The answer's document for `period`.
pub(crate) fn document(period: Period) -> Value {
    let mut tables = Vec::new();
    let mut not_in_force = Vec::new();
    for row in rows(period) {
        match row {
            Row::InForce(v) => tables.push(v),
            Row::NotInForce(name) => not_in_force.push(Value::from(name)),
        }
    }
    let mut doc = Map::new();
    doc.insert("version".into(), Value::from(1));
    doc.insert("period".into(), Value::from(period.to_string()));
    doc.insert("date".into(), Value::from(period.first_day().to_string()));
    doc.insert("tables".into(), Value::Array(tables));
    doc.insert("not_in_force".into(), Value::Array(not_in_force));
    Value::Object(doc)
}

/// The handler.
pub(crate) async fn in_force(RawQuery(query): RawQuery) -> Response {
    let pairs = match form_pairs(query.as_deref().unwrap_or_default()) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let mut period = None;
    for (name, value) in pairs {
        if name != "period" {
            return ApiError::new(
                HttpCode::InvalidQuery,
                "unknown query parameter: /v1/rules takes period=YYYY-MM only",
            )
            .into_response();
        }
        if period.replace(value).is_some() {
            return ApiError::new(
                HttpCode::InvalidQuery,
                "the query parameter period is given more than once",
            )
            .into_response();
        }
    }
    let Some(period) = period else {
        return ApiError::new(
            HttpCode::InvalidPeriod,
            "the query parameter period=YYYY-MM is required",
        )
        .into_response();
    };
    let period = match parse_period(&period) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    json_response(StatusCode::OK, format!("{}\n", document(period)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;

    /// Every table of `jamsos_rules::TABLES` is answered, in its order, so
    /// a table added to the rules without a line here fails this test.
    #[test]
    fn every_table_is_listed_in_order() {
        let period: Period = "2026-04".parse().unwrap();
        let rows = rows(period);
        let names: Vec<&str> = rows
            .iter()
            .map(|r| match r {
                Row::InForce(v) => v["table"].as_str().unwrap(),
                Row::NotInForce(n) => n,
            })
            .collect();
        let expected: Vec<&str> = jamsos_rules::TABLES.iter().map(|t| t.name()).collect();
        assert_eq!(names, expected);
    }
}
