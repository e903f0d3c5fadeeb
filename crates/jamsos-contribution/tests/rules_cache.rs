//! `PuRules` (the rules of a month resolved once) gives exactly the results of
//! `assess_pu`, for every period of the tables and a spread of workers.
#![allow(clippy::unwrap_used, reason = "tests")]

use jamsos_contribution::{Options, PuRules, assess_pu};
use jamsos_core::{Period, Program, ProgramSet, parse_date};
use jamsos_worker::{Industry, Nationality, PuWorker, RiskClass, Scale, Wage};

#[test]
fn cached_rules_give_identical_results() {
    let holidays = [parse_date("2025-05-15").unwrap()];
    let options = Options {
        jp_for_foreigners: false,
        holidays: &holidays,
        ..Options::default()
    };
    let mut period = Period::new(2015, 1).unwrap();
    let end = Period::new(2031, 1).unwrap();
    while period < end {
        let rules = PuRules::new(period, &options);
        for (i, scale) in [Scale::Micro, Scale::Small, Scale::Medium, Scale::Large]
            .into_iter()
            .enumerate()
        {
            for wage in [999_999, 3_333_333, 12_000_000] {
                let birth = parse_date(["1964-02-29", "1990-05-17", "1970-01-01", "1999-12-31"][i])
                    .unwrap();
                let mut w = PuWorker::new(
                    birth,
                    Wage::new(wage).unwrap(),
                    RiskClass::try_from(u8::try_from(i + 1).unwrap()).unwrap(),
                    scale,
                );
                w.registered_on = parse_date("2016-01-04").ok();
                w.jkn_member = i != 1;
                w.opt_in = ProgramSet::of(&[Program::Jht]);
                w.industry = Some(Industry::Footwear);
                w.active_workers = Some(60);
                w.nationality = if wage == 12_000_000 && i == 0 {
                    Nationality::Wna
                } else {
                    Nationality::Wni
                };
                let direct = assess_pu(&w, period, &options);
                match &rules {
                    Ok(rules) => assert_eq!(rules.assess(&w), direct, "{period}"),
                    Err(e) => assert_eq!(Err(*e), direct, "{period}"),
                }
            }
        }
        period = period.next();
    }
}

/// A month's `PuRules` passed with BPU and Jakon cases (as a bulk run does)
/// gives them exactly the assessments they get alone, due dates included
/// (D-28: a BPU contribution is due on the 15th of the month itself, a Jakon
/// one on the 15th of the next; D-16 for the PP 49/2020 months), for every
/// period of the tables, with a holiday that moves a due date.
#[test]
fn cached_rules_give_bpu_and_jakon_identical_results() {
    use jamsos_contribution::{assess_bpu, assess_jakon};
    use jamsos_worker::{
        BpuWorker, ContractValue, Income, JakonMethod, JakonProject, Prepay, Sector,
    };
    // 2025-05-15 is a Thursday: the BPU due date of 2025-05 and the Jakon
    // due date of 2025-04 move to the 16th.
    let holidays = [parse_date("2025-05-15").unwrap()];
    let options = Options {
        holidays: &holidays,
        ..Options::default()
    };
    let mut bpu = BpuWorker::new(Income::new(2_150_000).unwrap());
    bpu.sector = Sector::Other;
    let jakon = JakonProject::new(JakonMethod::Contract(
        ContractValue::new(150_000_000).unwrap(),
    ));
    let mut period = Period::new(2015, 1).unwrap();
    let end = Period::new(2031, 1).unwrap();
    let mut compared = 0;
    while period < end {
        if let Ok(rules) = PuRules::new(period, &options) {
            let with_rules = Options {
                pu_rules: Some(&rules),
                ..options
            };
            for prepay in [Prepay::One, Prepay::Twelve] {
                assert_eq!(
                    assess_bpu(&bpu, period, prepay, &with_rules),
                    assess_bpu(&bpu, period, prepay, &options),
                    "{period}"
                );
            }
            assert_eq!(
                assess_jakon(&jakon, period, &with_rules),
                assess_jakon(&jakon, period, &options),
                "{period}"
            );
            compared += 1;
        }
        period = period.next();
    }
    assert!(compared > 180, "{compared}");
    let may = Period::new(2025, 5).unwrap();
    let rules = PuRules::new(may, &options).unwrap();
    let with_rules = Options {
        pu_rules: Some(&rules),
        ..options
    };
    let due = assess_bpu(&bpu, may, Prepay::One, &with_rules)
        .unwrap()
        .due_date;
    assert_eq!(due, parse_date("2025-05-16").ok());
}
