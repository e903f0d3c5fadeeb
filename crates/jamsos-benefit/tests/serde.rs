//! Claims read and write the contract's claim document (CONTRACT.md §4):
//! `benefit` beside the claim's fields, a JHT trigger under `trigger` and a
//! JKK event under `event` beside their own fields; an outcome writes its
//! codes and amounts (feature `serde`).
#![cfg(feature = "serde")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "tests"
)]

use jamsos_benefit::{
    Claim, DismissalReason, JhtClaim, JhtTrigger, JkkClaim, JkkEvent, JkmClaim, JkpClaim, JpClaim,
    PartialPurpose, assess_claim,
};
use jamsos_core::{Rupiah, parse_date};
use jamsos_worker::Wage;
use serde_json::json;

fn round_trip(claim: Claim) -> serde_json::Value {
    let value = serde_json::to_value(claim).unwrap();
    assert_eq!(value["benefit"], claim.benefit().code(), "{value}");
    let back: Claim = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, claim, "{value}");
    value
}

fn jkp() -> JkpClaim {
    JkpClaim {
        claim_date: parse_date("2024-07-01").unwrap(),
        dismissal_date: parse_date("2024-06-10").unwrap(),
        reason: DismissalReason::Dismissal,
        wage: Wage::new(4_000_000).unwrap(),
        months_paid_last_24: 20,
        consecutive_months_before_dismissal: 20,
    }
}

#[test]
fn a_jkp_claim_is_the_contracts_flat_document() {
    let value = round_trip(Claim::Jkp(jkp()));
    assert_eq!(
        value,
        json!({
            "benefit": "jkp",
            "claim_date": "2024-07-01",
            "dismissal_date": "2024-06-10",
            "reason": "dismissal",
            "wage": 4_000_000,
            "months_paid_last_24": 20,
            "consecutive_months_before_dismissal": 20
        })
    );
}

#[test]
fn every_jht_trigger_round_trips_beside_the_claims_fields() {
    let triggers = [
        JhtTrigger::PensionAge {
            birth_date: parse_date("1968-03-01").unwrap(),
        },
        JhtTrigger::Resignation,
        JhtTrigger::Dismissal,
        JhtTrigger::ContractEnd,
        JhtTrigger::LeavingIndonesia,
        JhtTrigger::TotalDisability,
        JhtTrigger::Death,
        JhtTrigger::Partial {
            purpose: PartialPurpose::Housing,
            previous_partial: false,
        },
    ];
    for trigger in triggers {
        let claim = Claim::Jht(JhtClaim {
            claim_date: parse_date("2025-06-01").unwrap(),
            trigger,
            event_date: parse_date("2025-05-01").ok(),
            membership_start: parse_date("2010-01-01").unwrap(),
            balance: Some(Rupiah::new(50_000_000)),
        });
        let value = round_trip(claim);
        assert_eq!(value["trigger"], trigger.code(), "{value}");
        assert!(JhtTrigger::CODES.contains(&trigger.code()));
        assert_eq!(value["balance"], 50_000_000);
    }
    let pension = serde_json::to_value(Claim::Jht(JhtClaim {
        claim_date: parse_date("2025-06-01").unwrap(),
        trigger: triggers[0],
        event_date: None,
        membership_start: parse_date("2010-01-01").unwrap(),
        balance: None,
    }))
    .unwrap();
    assert_eq!(pension["birth_date"], "1968-03-01");
    let partial = serde_json::to_value(Claim::Jht(JhtClaim {
        claim_date: parse_date("2025-06-01").unwrap(),
        trigger: triggers[7],
        event_date: None,
        membership_start: parse_date("2010-01-01").unwrap(),
        balance: None,
    }))
    .unwrap();
    assert_eq!(partial["purpose"], "housing");
    assert_eq!(partial["previous_partial"], false);
}

#[test]
fn jkk_jkm_and_jp_claims_round_trip() {
    for event in [
        JkkEvent::Death,
        JkkEvent::TotalDisability,
        JkkEvent::TemporaryInability { months: 3 },
    ] {
        let value = round_trip(Claim::Jkk(JkkClaim {
            claim_date: parse_date("2025-06-01").unwrap(),
            event,
            event_date: parse_date("2025-05-01").unwrap(),
            wage: Wage::new(6_000_000).unwrap(),
        }));
        assert_eq!(value["event"], event.code());
        assert!(JkkEvent::CODES.contains(&event.code()));
    }
    let inability = serde_json::to_value(JkkEvent::TemporaryInability { months: 3 }).unwrap();
    assert_eq!(
        inability,
        json!({"event": "temporary_inability", "months": 3})
    );
    round_trip(Claim::Jkm(JkmClaim {
        claim_date: parse_date("2025-06-01").unwrap(),
        death_date: parse_date("2025-05-20").unwrap(),
        contribution_months: 40,
        children: 2,
    }));
    round_trip(Claim::Jp(JpClaim {
        claim_date: parse_date("2025-06-01").unwrap(),
        birth_date: parse_date("1966-01-15").unwrap(),
        contribution_months: 200,
        average_wage: Wage::new(8_000_000).unwrap(),
        lump_sum: None,
    }));
}

#[test]
fn a_claim_is_read_back_with_the_same_checks_as_any_input() {
    // An unknown benefit, a wage of 0 (D-4) and an unknown reason are errors,
    // never a default.
    let mut value = serde_json::to_value(Claim::Jkp(jkp())).unwrap();
    value["benefit"] = json!("jkn");
    assert!(serde_json::from_value::<Claim>(value).is_err());
    let mut value = serde_json::to_value(Claim::Jkp(jkp())).unwrap();
    value["wage"] = json!(0);
    assert!(serde_json::from_value::<Claim>(value).is_err());
    let mut value = serde_json::to_value(Claim::Jkp(jkp())).unwrap();
    value["reason"] = json!("fired");
    assert!(serde_json::from_value::<Claim>(value).is_err());
}

#[test]
fn an_outcome_writes_codes_and_amounts() {
    // Dismissed on 2024-06-10, before PP 6/2025: JKP pays 45% of the wage for
    // three months, then 25% for three (PP 37/2021 Pasal 21; D-32).
    let outcome = assess_claim(&Claim::Jkp(jkp())).unwrap();
    let value = serde_json::to_value(outcome).unwrap();
    assert_eq!(value["benefit"], "jkp");
    assert_eq!(value["decision"], "payable");
    assert_eq!(value["total"], 8_400_000);
    assert_eq!(value["payments"].as_array().unwrap().len(), 6);
    assert_eq!(value["payments"][0]["kind"], "monthly");
    assert_eq!(value["payments"][0]["amount"], 1_800_000);
    assert_eq!(value["payments"][3]["amount"], 1_000_000);

    // A resignation is an excluded reason (D-32).
    let resigned = JkpClaim {
        reason: DismissalReason::Resignation,
        ..jkp()
    };
    let value = serde_json::to_value(assess_claim(&Claim::Jkp(resigned)).unwrap()).unwrap();
    assert_eq!(
        value["decision"],
        json!({"not_payable": ["excluded_reason"]})
    );
    assert_eq!(value["total"], 0);
}
