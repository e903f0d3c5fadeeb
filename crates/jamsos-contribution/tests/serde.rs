//! A [`Participant`] reads and writes the contract's participant object
//! (CONTRACT.md §1), tagged by `category` (feature `serde`).
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests"
)]

use jamsos_contribution::{Options, Participant, assess};
use jamsos_core::{Billed, Payer, Program, Rupiah, parse_date};
use jamsos_worker::{BpuWorker, Channel, Income, PmiWorker, PuWorker, RiskClass, Scale, Wage};
use serde_json::json;

fn round_trip(participant: Participant, category: &str) {
    let value = serde_json::to_value(participant).unwrap();
    assert_eq!(value["category"], category, "{value}");
    let back: Participant = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, participant, "{value}");
}

#[test]
fn each_category_round_trips_under_its_tag() {
    let birth = parse_date("1990-05-17").unwrap();
    let pu = PuWorker::new(
        birth,
        Wage::new(5_000_000).unwrap(),
        RiskClass::try_from(1u8).unwrap(),
        Scale::Small,
    );
    round_trip(pu.into(), "pu");
    round_trip(
        BpuWorker::new(Income::new(2_150_000).unwrap()).into(),
        "bpu",
    );
    round_trip(PmiWorker::new(Channel::Agency, 24).unwrap().into(), "pmi");
}

/// Read from JSON, then assessed: a BPU
/// trader declaring Rp2,150,000 pays JKK 1% on the row's nominal base of
/// Rp2,200,000 (PP 44/2015 Lampiran II, D-17), Rp22,000.
#[test]
fn a_bpu_participant_read_from_json_is_assessed_on_its_row() {
    let mut object = serde_json::to_value(BpuWorker::new(Income::new(2_150_000).unwrap())).unwrap();
    object["category"] = json!("bpu");
    let participant: Participant = serde_json::from_value(object).unwrap();
    let assessed = assess(
        &participant,
        "2025-04".parse().unwrap(),
        &Options::default(),
    )
    .unwrap();
    let jkk = assessed
        .lines()
        .find(|l| l.program == Billed::Program(Program::Jkk))
        .expect("a JKK line");
    assert_eq!(jkk.base, Some(Rupiah::new(2_200_000)));
    assert_eq!(jkk.payer, Payer::Participant);
    assert_eq!(jkk.amount, Rupiah::new(22_000));
}

#[test]
fn an_unknown_category_is_refused() {
    let err = serde_json::from_value::<Participant>(json!({ "category": "xx", "income": 1 }))
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown variant `xx`"), "{err}");
}
