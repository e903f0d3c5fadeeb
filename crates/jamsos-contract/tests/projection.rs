//! JHT projections (CONTRACT.md §6, D-36) against an independent computation:
//! exact rationals for the wage growth and the yield, the JHT of each month as
//! PP 46/2015's two rates (3.7% employer, 2% worker) rounded line by line
//! (D-2), and the contract's sums.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use jamsos_contract::{IncomeBracket, IncomeGrid, Settings, parse_income_grid, projection};
use num_bigint::BigUint;
use serde_json::{Value, json};

/// `round_half_up(n / d)` for big integers.
fn round(n: &BigUint, d: &BigUint) -> u64 {
    let q: BigUint = (n * 2u8 + d) / (d * 2u8);
    u64::try_from(&q).unwrap()
}

/// The month-by-month projection of a PU worker at a large employer, written
/// from D-36 without the library: wage `w × (num/den)^(k div 12)`, JHT
/// `round(wage × 37/1000) + round(wage × 2/100)`, interest
/// `round(balance × yield_num / (yield_den × 12))`.
fn by_hand(
    wage: u64,
    growth: (u64, u64),
    yield_: (u64, u64),
    months: u32,
    opening: u64,
) -> (Vec<(u64, u64, u64)>, u64) {
    let mut balance = opening;
    let mut years = Vec::new();
    let (mut c, mut r) = (0u64, 0u64);
    for k in 0..months {
        let n = k / 12;
        let w = round(
            &(BigUint::from(wage) * BigUint::from(growth.0).pow(n)),
            &BigUint::from(growth.1).pow(n),
        );
        let jht = round(&BigUint::from(w * 37), &BigUint::from(1000u32))
            + round(&BigUint::from(w * 2), &BigUint::from(100u32));
        let interest = round(
            &(BigUint::from(balance) * yield_.0),
            &BigUint::from(yield_.1 * 12),
        );
        balance += interest + jht;
        c += jht;
        r += interest;
        if k % 12 == 11 || k + 1 == months {
            years.push((c, r, balance));
            c = 0;
            r = 0;
        }
    }
    (years, balance)
}

fn run(doc: &Value, settings: &Settings<'_>) -> Value {
    serde_json::to_value(projection(&doc.to_string(), settings).unwrap()).unwrap()
}

#[test]
fn forty_years_agree_with_the_independent_computation() {
    // Rp5,000,000 from 2026-01, 5% growth, 6% yield, opening Rp2,500,000,
    // 40 years and 5 months; a wage kept below the JP ceiling does not matter
    // here: only JHT is summed.
    for (wage, growth, yield_, months, opening) in [
        (
            5_000_000u64,
            ("0.05", (105, 100)),
            ("0.06", (6, 100)),
            485u32,
            2_500_000u64,
        ),
        (
            4_321_987,
            ("0.0375", (10375, 10000)),
            ("0.0725", (725, 10000)),
            120,
            0,
        ),
        (12_000_000, ("0", (1, 1)), ("0.1", (1, 10)), 600, 0),
        (2_000_000, ("1", (2, 1)), ("1", (1, 1)), 60, 1),
    ] {
        let doc = json!({"projection": "jht", "start": "2026-01", "months": months,
            "opening_balance": opening, "wage_growth": growth.0, "yield": yield_.0,
            "participant": {"category": "pu", "birth_date": "2000-01-01", "wage": wage,
                            "risk_class": 1, "scale": "large"}});
        let got = run(&doc, &Settings::default());
        let (years, balance) = by_hand(wage, growth.1, yield_.1, months, opening);
        assert_eq!(got["balance"], json!(balance), "{doc}");
        let got_years: Vec<(u64, u64, u64)> = got["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| {
                (
                    y["contributions"].as_u64().unwrap(),
                    y["returns"].as_u64().unwrap(),
                    y["balance"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got_years, years, "{doc}");
        // CONTRACT.md §6: balance = opening + contributions + returns, and
        // the totals are the years' sums.
        let c: u64 = years.iter().map(|y| y.0).sum();
        let r: u64 = years.iter().map(|y| y.1).sum();
        assert_eq!(got["contributions"], json!(c));
        assert_eq!(got["returns"], json!(r));
        assert_eq!(balance, opening + c + r);
        assert_eq!(
            got["years"].as_array().unwrap().len(),
            months.div_ceil(12) as usize
        );
    }
}

/// D-36 with D-17: each month's assessment uses the income table in force, so
/// a caller's official grid applies too. 2,150,000 lies in [2,100,000,
/// 2,300,000), whose nominal base is 2,200,000: JHT 2% = 44,000 a month.
#[test]
fn a_bpu_projection_pays_on_the_grid_rows_nominal_base() {
    let brackets: Vec<IncomeBracket> = parse_income_grid(
        "from,to,nominal\n1,2099999,2000000\n2100000,2299999,2200000\n2300000,2499999,2400000\n",
    )
    .unwrap();
    let settings = Settings {
        income_grid: Some(IncomeGrid::official(&brackets).unwrap()),
    };
    let doc = json!({"projection": "jht", "start": "2026-01", "months": 6, "wage_growth": "0", "yield": "0",
        "participant": {"category": "bpu", "income": 2150000}});
    let got = run(&doc, &settings);
    assert_eq!(got["contributions"], json!(6 * 44_000));
    // The official grid carries no provisional_table warning.
    assert_eq!(got["warnings"], json!([]));
}

#[test]
fn a_growing_wage_past_the_d4_limit_is_an_error_naming_wage_growth() {
    // 10^12 × 2 after 12 months passes the D-4 limit.
    let doc = json!({"projection": "jht", "start": "2026-01", "months": 13, "wage_growth": "1", "yield": "0",
        "participant": {"category": "pu", "birth_date": "2000-01-01", "wage": 1_000_000_000_000u64,
                        "risk_class": 1, "scale": "large"}});
    let e = projection(&doc.to_string(), &Settings::default()).unwrap_err();
    assert_eq!(e.code.code(), "amount_out_of_range");
    assert_eq!(e.field.as_deref(), Some("wage_growth"));
    assert!(e.message.contains("2027-01"), "{}", e.message);
}
