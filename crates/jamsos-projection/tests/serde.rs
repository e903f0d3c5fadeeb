//! A projection's assumptions and who is projected round-trip, and its result
//! serializes with whole-rupiah integers (feature `serde`).
#![cfg(feature = "serde")]
#![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

use jamsos_contribution::Options;
use jamsos_core::{Rate, Rupiah, parse_date};
use jamsos_projection::{JhtProjection, Projected, project_jht};
use jamsos_worker::{BpuWorker, Income, PuWorker, RiskClass, Scale, Wage};

#[test]
fn assumptions_and_participants_round_trip() {
    let pu = Projected::Pu(PuWorker::new(
        parse_date("1995-03-01").unwrap(),
        Wage::new(5_000_000).unwrap(),
        RiskClass::try_from(2u8).unwrap(),
        Scale::Large,
    ));
    let bpu = Projected::Bpu(BpuWorker::new(Income::new(2_000_000).unwrap()));
    for (who, category) in [(pu, "pu"), (bpu, "bpu")] {
        let value = serde_json::to_value(who).unwrap();
        assert_eq!(value["category"], category, "{value}");
        assert_eq!(serde_json::from_value::<Projected>(value).unwrap(), who);
    }
    let p = JhtProjection {
        start: "2026-01".parse().unwrap(),
        months: 24,
        opening_balance: Rupiah::new(3_000_000),
        wage_growth: "0.05".parse().unwrap(),
        yield_rate: "0.06".parse().unwrap(),
    };
    let value = serde_json::to_value(p).unwrap();
    assert_eq!(value["start"], "2026-01");
    assert_eq!(value["opening_balance"], 3_000_000);
    assert_eq!(serde_json::from_value::<JhtProjection>(value).unwrap(), p);
}

#[test]
fn a_projection_serializes_its_years() {
    let worker = PuWorker::new(
        parse_date("1995-03-01").unwrap(),
        Wage::new(5_000_000).unwrap(),
        RiskClass::try_from(2u8).unwrap(),
        Scale::Large,
    );
    let p = JhtProjection {
        start: "2026-01".parse().unwrap(),
        months: 12,
        opening_balance: Rupiah::ZERO,
        wage_growth: Rate::ZERO,
        yield_rate: Rate::ZERO,
    };
    let projection = project_jht(&Projected::Pu(worker), &p, &Options::default()).unwrap();
    let value = serde_json::to_value(&projection).unwrap();
    // JHT 3.7% employer + 2% worker of Rp5,000,000 = Rp285,000 a month
    // (PP 46/2015), twelve months, no yield.
    assert_eq!(value["contributions"], 12 * 285_000);
    assert_eq!(value["balance"], 3_420_000);
    assert_eq!(value["end"], "2026-12");
    assert_eq!(value["years"][0]["through"], "2026-12");
    assert_eq!(value["years"][0]["balance"], 3_420_000);
}
