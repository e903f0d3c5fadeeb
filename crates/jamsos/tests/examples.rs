//! Runs the programs in `examples/` so they never rot.
#![allow(clippy::unwrap_used, reason = "tests")]

#[path = "../../../examples/payslip.rs"]
mod payslip;

#[test]
fn payslip() {
    // JHT 2% of 7,250,000 = 145,000; JP 1% of 7,250,000 (below the 2026-03
    // ceiling of 11,086,300) = 72,500 (PP 46/2015, PP 45/2015).
    assert_eq!(payslip::slip().unwrap(), 145_000 + 72_500);
}

#[path = "../../../examples/booth.rs"]
mod booth;

use booth::{Field, Offer, Offers};
use jamsos_contract::pretty::Lang;

/// The command line as `main` runs it: parse the arguments, answer.
fn booth_run(args: &[&str]) -> Result<String, String> {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    booth::respond(&booth::parse_args(&args)?)
}

/// The offer of `months` months in the package labelled `label`.
fn offer<'a>(o: &'a Offers, label: &str, months: u8) -> &'a Offer {
    let package = o.packages.iter().find(|p| p.label() == label).unwrap();
    package.offers.iter().find(|x| x.months == months).unwrap()
}

fn per_month(offer: &Offer) -> Vec<(String, u64)> {
    offer
        .per_month
        .iter()
        .map(|m| (m.period.to_string(), m.participant.get()))
        .collect()
}

fn trader() -> Offers {
    booth::offers("1985-03-12", "other", "1000000", "2026-04", false).unwrap()
}

#[test]
fn booth_trader_from_2026_04() {
    let o = trader();
    let labels: Vec<String> = o.packages.iter().map(booth::Package::label).collect();
    assert_eq!(labels, ["JKK+JKM", "JKK+JKM+JHT"]);

    // JKK 1% of 1,000,000 = 10,000 and JKM 6,800 (D-17), both halved by
    // PP 50/2025 for other BPU in 2026-04 … 2026-12 (D-21): 5,000 + 3,400.
    let one = offer(&o, "JKK+JKM", 1);
    assert_eq!(one.participant.get(), 8_400);
    assert_eq!(one.discounted_months(), 1);
    let jkk = one.per_month[0]
        .lines
        .iter()
        .find(|l| l.program == jamsos::core::Program::Jkk);
    assert!(jkk.unwrap().rule.ends_with("discount_pp50_2025"));
    assert_eq!(one.due_date.unwrap().to_string(), "2026-04-15");

    // Each prepaid month is its own period (D-19): 9 discounted months
    // (2026-04 … 2026-12) and 3 full ones (2027-01 … 2027-03).
    let year = offer(&o, "JKK+JKM", 12);
    assert_eq!(year.participant.get(), 9 * 8_400 + 3 * 16_800);
    assert_eq!(year.participant.get(), 126_000);
    assert_eq!(year.total, year.participant);
    assert_eq!(year.discounted_months(), 9);
    let months = per_month(year);
    assert_eq!(months[8], ("2026-12".to_owned(), 8_400));
    assert_eq!(months[9], ("2027-01".to_owned(), 16_800));
    // The due date is the first month's (D-19).
    assert_eq!(year.due_date, one.due_date);

    for (months, total) in [(1, 8_400), (3, 25_200), (6, 50_400), (12, 126_000)] {
        assert_eq!(offer(&o, "JKK+JKM", months).participant.get(), total);
        // JHT 2% of 1,000,000 = 20,000 a month, never discounted (D-17, D-21).
        let with_jht = offer(&o, "JKK+JKM+JHT", months);
        assert_eq!(
            with_jht.participant.get(),
            total + u64::from(months) * 20_000
        );
    }

    // The built-in income grid is provisional (D-17); an adult, no under_18.
    let codes: Vec<&str> = o.warnings.iter().map(|w| w.code()).collect();
    assert_eq!(codes, ["provisional_table"]);
}

#[test]
fn booth_transport_driver_spanning_the_discount_start() {
    // Transport-sector discount runs 2026-01 … 2027-03 (D-21): 2025-12 is
    // full price, 2026-01 and 2026-02 are halved.
    let o = booth::offers("1990-07-01", "transport", "1000000", "2025-12", false).unwrap();
    let three = offer(&o, "JKK+JKM", 3);
    assert_eq!(
        per_month(three),
        [
            ("2025-12".to_owned(), 16_800),
            ("2026-01".to_owned(), 8_400),
            ("2026-02".to_owned(), 8_400)
        ]
    );
    assert_eq!(three.participant.get(), 16_800 + 8_400 + 8_400);
    assert_eq!(three.discounted_months(), 2);
    assert_eq!(three.due_date.unwrap().to_string(), "2025-12-15");
    // 12 months from 2025-12 reach 2026-11, all but the first discounted.
    assert_eq!(offer(&o, "JKK+JKM", 12).discounted_months(), 11);
}

#[test]
fn booth_subsidised_worker() {
    // The government pays JKK and JKM, undiscounted (D-20); the participant
    // pays only the JHT they opt into (D-18).
    let o = booth::offers("1985-03-12", "other", "1000000", "2026-04", true).unwrap();
    let year = offer(&o, "JKK+JKM", 12);
    assert_eq!(year.participant.get(), 0);
    assert_eq!(year.government.get(), 12 * 16_800);
    assert_eq!(year.discounted_months(), 0);
    let with_jht = offer(&o, "JKK+JKM+JHT", 12);
    assert_eq!(with_jht.participant.get(), 12 * 20_000);
    assert_eq!(with_jht.government.get(), 12 * 16_800);
    assert_eq!(with_jht.total.get(), 12 * (20_000 + 16_800));
}

#[test]
fn booth_under_18() {
    // 15 on 2026-04-01: warned, not refused (D-22).
    let o = booth::offers("2010-06-01", "other", "1000000", "2026-04", false).unwrap();
    assert!(o.warnings.iter().any(|w| w.code() == "under_18"));
    assert!(booth::render(&o, Lang::Id).contains("under_18"));
}

#[test]
fn booth_screen_fits_40_columns() {
    let cases = [
        booth::offers("1985-03-12", "other", "1000000", "2026-04", false),
        booth::offers("2010-06-01", "transport", "20700000", "2025-12", false),
        booth::offers("1985-03-12", "other", "1.500.000", "2026-04", true),
        booth::offers("1985-03-12", "other", "1000000", "2020-08", false),
    ];
    for o in cases {
        let o = o.unwrap();
        for lang in [Lang::Id, Lang::En] {
            let text = booth::render(&o, lang);
            for line in text.lines() {
                assert!(line.chars().count() <= booth::WIDTH, "too wide: {line:?}");
            }
        }
    }
    let text = booth::render(&trader(), Lang::Id);
    assert!(text.contains("Rp8.400"), "{text}");
    assert!(text.contains("Rp126.000"), "{text}");
    assert!(text.contains("2026-04 s.d. 2026-12"), "{text}");
    assert!(text.contains("diskon PP 50/2025 Pasal 4"), "{text}");
    let text = booth::render(&trader(), Lang::En);
    assert!(text.contains("2027-01 to 2027-03"), "{text}");
    assert!(text.contains("Rp16.800"), "{text}");
}

#[test]
fn booth_json() {
    let out = booth_run(&[
        "--birth-date",
        "1985-03-12",
        "--sector",
        "other",
        "--income",
        "1000000",
        "--period=2026-04",
        "--json",
    ])
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["period"], "2026-04");
    assert_eq!(doc["packages"][0]["package"], "jkk+jkm");
    assert_eq!(
        doc["packages"][1]["programs"],
        serde_json::json!(["jkk", "jkm", "jht"])
    );
    let year = &doc["packages"][0]["offers"][3];
    assert_eq!(year["months"], 12);
    assert_eq!(year["total"], 126_000);
    assert_eq!(year["participant"], 126_000);
    assert_eq!(year["discounted_months"], 9);
    assert_eq!(year["due_date"], "2026-04-15");
    assert_eq!(year["per_month"].as_array().unwrap().len(), 12);
    assert_eq!(year["per_month"][0]["adjusted_by"], "PP 50/2025 Pasal 4");
    assert_eq!(year["per_month"][9]["period"], "2027-01");
    assert_eq!(year["per_month"][9]["participant"], 16_800);
    assert_eq!(year["per_month"][9]["discounted"], false);
    let jht_year = &doc["packages"][1]["offers"][3];
    assert_eq!(jht_year["total"], 126_000 + 12 * 20_000);
    assert_eq!(doc["warnings"][0]["code"], "provisional_table");

    // The text screen is the default, in Bahasa Indonesia.
    let text = booth_run(&[
        "--birth-date",
        "1985-03-12",
        "--sector",
        "other",
        "--income",
        "1000000",
        "--period",
        "2026-04",
    ])
    .unwrap();
    assert!(
        text.contains("Paket 1: JKK+JKM") && text.contains("Rp8.400"),
        "{text}"
    );
}

#[test]
fn booth_bad_input_names_the_flag() {
    let base = [
        "--birth-date",
        "1985-03-12",
        "--sector",
        "other",
        "--income",
        "1000000",
        "--period",
        "2026-04",
    ];
    let with = |flag: &str, value: &str| -> Result<String, String> {
        let mut args = base.to_vec();
        let at = args.iter().position(|a| *a == flag).unwrap();
        args[at + 1] = value;
        booth_run(&args)
    };
    // Each of these is an error (`main` exits with code 2), never a panic,
    // and names the value at fault.
    for (field, value, says) in [
        (Field::Income, "0", "at least 1"), // D-4
        (Field::Income, "1,000,000", "not an amount"),
        (Field::Income, "99999999999999999999999", "too large"),
        (Field::Sector, "farmer", "transport or other"),
        (Field::Period, "2026-4", "YYYY-MM"),
        (Field::Period, "2015-06", "2015-07"), // D-6
        (Field::Period, "9999-12", "past 9999-12"),
        (Field::BirthDate, "1985-02-29", "not a date"),
        (Field::BirthDate, "2027-01-01", "after the end of period"), // D-7a
    ] {
        let error = with(field.flag(), value).unwrap_err();
        assert!(error.contains(field.flag()), "{value}: {error}");
        let mut values = ["1985-03-12", "other", "1000000", "2026-04"];
        let at = [
            Field::BirthDate,
            Field::Sector,
            Field::Income,
            Field::Period,
        ]
        .iter()
        .position(|f| *f == field)
        .unwrap();
        values[at] = value;
        let [birth, sector, income, period] = values;
        let e = booth::offers(birth, sector, income, period, false).unwrap_err();
        assert_eq!(e.field, Some(field), "{value}: {e}");
        assert!(e.message.contains(says), "{value}: {e}");
    }
    for (args, says) in [
        (&["--sector", "other"][..], "missing --birth-date, --income"),
        (&["--colour"][..], "unexpected argument '--colour'"),
        (&["--income"][..], "a value is required for '--income"),
        (&["--lang", "fr"][..], "use id or en"),
        (&["--json=yes"][..], "unexpected value 'yes' for '--json'"),
        (
            &["--period", "2026-04", "--period", "2026-05"][..],
            "cannot be used multiple times",
        ),
    ] {
        let error = booth_run(args).unwrap_err();
        assert!(error.contains(says), "{args:?}: {error}");
    }
    // With --json, the error is a JSON document naming the flag.
    let mut args = base.to_vec();
    args[5] = "0";
    args.push("--json");
    let error: serde_json::Value = serde_json::from_str(&booth_run(&args).unwrap_err()).unwrap();
    assert_eq!(error["error"]["field"], "--income");
}

#[test]
fn booth_asks_on_stdin() {
    let request = booth::parse_args(&["--lang".to_owned(), "en".to_owned()]).unwrap();
    assert!(request.is_blank());
    // A malformed date is asked again at once; a birth date after the
    // period (D-7a) is asked again after the library refuses it. An income
    // under Rp1,000,000 is not refused: it pays on row 1 of the income
    // table, 1,000,000 (D-17): JKK 10,000 + JKM 6,800 a month, halved to
    // 8,400 under PP 50/2025 in 2026-04 … 2026-12 (D-21); 12 months from
    // 2026-04 are 9 x 8,400 + 3 x 16,800 = Rp126.000 (D-19).
    let answers = "12-03-1985\n2027-01-01\nother\n900.000\n2026-04\n1985-03-12\n";
    let mut talk = Vec::new();
    let out = booth::prompt(request.clone(), &mut answers.as_bytes(), &mut talk).unwrap();
    let talk = String::from_utf8(talk).unwrap();
    assert_eq!(talk.matches("Birth date").count(), 3, "{talk}");
    assert_eq!(talk.matches("Monthly income").count(), 1, "{talk}");
    assert!(
        out.contains("Package 1: JKK+JKM") && out.contains("Rp126.000"),
        "{out}"
    );
    // Input that ends is an error, not a loop.
    assert!(booth::prompt(request, &mut "1985-03-12\n".as_bytes(), &mut Vec::new()).is_err());
}
