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
