//! Every participant value round-trips through JSON unchanged (feature
//! `serde`), in the contract's shapes: money as integers, dates as
//! `YYYY-MM-DD`, codes as the contract spells them; and values the domain
//! refuses (D-4 limits, risk groups 1…5, prepayments 1/3/6/12) are refused
//! when read too, never repaired.
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use chrono::NaiveDate;
use jamsos_core::{Period, Program, ProgramSet, Rate, Rupiah};
use jamsos_worker::{
    BpuWorker, Category, Channel, ContractValue, Income, Industry, JakonMethod, JakonProject,
    Nationality, PmiWorker, Prepay, PuWorker, RiskClass, Scale, Sector, Wage,
};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + core::fmt::Debug>(value: &T) {
    let text = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(&back, value, "{text}");
}

fn a_date() -> impl Strategy<Value = NaiveDate> {
    (1940i32..=2030, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn programs() -> impl Strategy<Value = ProgramSet> {
    any::<[bool; 5]>().prop_map(|bits| {
        Program::ALL
            .into_iter()
            .zip(bits)
            .filter(|(_, on)| *on)
            .fold(ProgramSet::EMPTY, |set, (p, _)| set.with(p))
    })
}

fn a_pu_worker() -> impl Strategy<Value = PuWorker> {
    (
        a_date(),
        1i64..=1_000_000_000_000,
        1i64..=5,
        prop::sample::select(Scale::ALL.to_vec()),
        prop::option::of(a_date()),
        any::<bool>(),
        programs(),
        prop::option::of(prop::sample::select(Industry::ALL.to_vec())),
        prop::option::of(0u32..=10_000_000),
        any::<[bool; 3]>(),
    )
        .prop_map(
            |(birth, wage, risk, scale, registered, jkn, opt_in, industry, workers, flags)| {
                let mut w = PuWorker::new(
                    birth,
                    Wage::try_from(wage).unwrap(),
                    RiskClass::try_from(risk).unwrap(),
                    scale,
                );
                w.nationality = if flags[0] {
                    Nationality::Wna
                } else {
                    Nationality::Wni
                };
                w.registered_on = registered;
                w.jkn_member = jkn;
                w.opt_in = opt_in;
                w.industry = industry;
                w.active_workers = workers;
                w.paid_jkk_through_2025_01 = flags[1];
                w.paid_through_2020_07 = flags[2];
                w
            },
        )
}

proptest! {
    #[test]
    fn pu_workers_round_trip(w in a_pu_worker()) {
        round_trip(&w);
    }

    #[test]
    fn bpu_workers_round_trip(
        birth in prop::option::of(a_date()),
        income in 1i64..=1_000_000_000_000,
        transport in any::<bool>(),
        subsidised in any::<bool>(),
        opt_in in programs(),
    ) {
        let mut w = BpuWorker::new(Income::try_from(income).unwrap());
        w.birth_date = birth;
        w.sector = if transport { Sector::Transport } else { Sector::Other };
        w.subsidised = subsidised;
        w.opt_in = opt_in;
        round_trip(&w);
    }

    #[test]
    fn jakon_projects_and_pmi_workers_round_trip(
        by_wage in any::<bool>(),
        amount in 1i64..=1_000_000_000_000,
        months in prop::sample::select(vec![6i64, 12, 24]),
        extension in 0u8..=60,
        jht in prop::option::of(prop::sample::select(vec![50_000u64, 600_000])),
    ) {
        let method = if by_wage {
            JakonMethod::Wage(Wage::try_from(amount).unwrap())
        } else {
            JakonMethod::Contract(ContractValue::try_from(amount).unwrap())
        };
        round_trip(&JakonProject::new(method));
        let mut pmi = PmiWorker::new(Channel::Agency, months).unwrap();
        pmi.extension_months = extension;
        pmi.jht_monthly = jht.map(Rupiah::new);
        round_trip(&pmi);
    }

    #[test]
    fn money_rates_and_periods_round_trip(
        amount in any::<u64>(),
        units in 0u64..=100_000_000,
        year in 1u16..=9999,
        month in 1u8..=12,
    ) {
        round_trip(&Rupiah::new(amount));
        round_trip(&Rate::from_parts(units, 8).unwrap());
        round_trip(&Period::new(year, month).unwrap());
    }
}

/// The vocabulary serializes as the contract's codes, and only those read.
#[test]
fn codes_are_the_contract_names() {
    for c in Category::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), json!(c.code()));
        round_trip(&c);
    }
    for p in Prepay::ALL {
        round_trip(&p);
    }
    assert_eq!(
        serde_json::to_value(Scale::Medium).unwrap(),
        json!("medium")
    );
    assert_eq!(
        serde_json::to_value(ProgramSet::of(&[Program::Jp, Program::Jht])).unwrap(),
        json!(["jht", "jp"])
    );
    assert_eq!(
        serde_json::to_value(Rate::from_parts(89, 4).unwrap()).unwrap(),
        json!("0.0089")
    );
    assert_eq!(serde_json::to_value(Prepay::Twelve).unwrap(), json!(12));
    assert!(serde_json::from_value::<Scale>(json!("Medium")).is_err());
    assert!(serde_json::from_value::<ProgramSet>(json!(["jkk_jkm"])).is_err());
}

/// Values the domain refuses are refused when read (D-4, D-19; risk groups
/// 1…5 of PP 44/2015 Lampiran I): never a default, never a repair.
#[test]
fn invalid_values_are_refused() {
    for bad in [
        json!(0),
        json!(-1),
        json!(1_000_000_000_001u64),
        json!("5000000"),
    ] {
        assert!(
            serde_json::from_value::<Wage>(bad.clone()).is_err(),
            "{bad}"
        );
        assert!(serde_json::from_value::<Income>(bad).is_err());
    }
    assert!(serde_json::from_value::<ContractValue>(json!(100_000_000_000_001u64)).is_err());
    for bad in [0, 6] {
        assert!(serde_json::from_value::<RiskClass>(json!(bad)).is_err());
    }
    assert!(serde_json::from_value::<Prepay>(json!(2)).is_err());
    let pmi = serde_json::to_value(PmiWorker::new(Channel::Individual, 24).unwrap()).unwrap();
    for (field, bad) in [
        ("contract_months", 0),
        ("contract_months", 61),
        ("extension_months", 61),
    ] {
        let mut doc = pmi.clone();
        doc[field] = json!(bad);
        assert!(
            serde_json::from_value::<PmiWorker>(doc).is_err(),
            "{field} {bad}"
        );
    }
    let pu = PuWorker::new(
        NaiveDate::from_ymd_opt(1990, 5, 17).unwrap(),
        Wage::new(5_000_000).unwrap(),
        RiskClass::try_from(3i64).unwrap(),
        Scale::Large,
    );
    let mut doc = serde_json::to_value(pu).unwrap();
    doc["active_workers"] = json!(10_000_001);
    assert!(
        serde_json::from_value::<PuWorker>(doc).is_err(),
        "D-4 active_workers"
    );
    assert!(serde_json::from_value::<Rate>(json!("1.5")).is_err());
    assert!(serde_json::from_value::<Period>(json!("2025-13")).is_err());
    let mut doc = serde_json::to_value(BpuWorker::new(Income::new(1).unwrap())).unwrap();
    doc["salary"] = json!(1);
    assert!(
        serde_json::from_value::<BpuWorker>(doc).is_err(),
        "unknown fields are errors"
    );
}
