//! `contract_structured`: documents shaped like the contract's (cases of the
//! four categories, the five benefit claims, fine documents), with values
//! drawn near the tables' edges and the D-4 limits, sometimes of the wrong
//! type, sometimes with a field too many or a key twice, then written as
//! JSON. Raw bytes rarely get past the decoder; these reach the formulas.

use arbitrary::{Result, Unstructured};
use serde_json::{Map, Value, json};

thread_local! {
    /// Whether this document is noisy (wrong types, malformed dates, unknown
    /// values) or clean (every value from its allowed set, so most documents
    /// reach the formulas). Chosen once per document.
    static NOISY: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

thread_local! {
    /// Whether a clean document may prepay several months (BPU only).
    static CLEAN_MONTHS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

fn noisy() -> bool {
    NOISY.with(std::cell::Cell::get)
}

/// Money and counts at the edges that matter: D-4's Rp1 and plausibility
/// limits, the wage floors, the JP ceilings, the BPU income range (D-17),
/// the JKP cap, the Jakon tiers, and integer limits.
const AMOUNTS: &[i128] = &[
    -1,
    0,
    1,
    2,
    999_999,
    1_000_000,
    1_000_001,
    1_800_000,
    2_000_000,
    3_600_000,
    4_999_999,
    5_000_000,
    5_000_001,
    8_754_600,
    9_077_600,
    9_559_600,
    10_042_300,
    10_547_400,
    10_547_401,
    11_086_300,
    20_700_000,
    20_700_001,
    100_000_000,
    500_000_000,
    1_000_000_000,
    5_000_000_000,
    10_000_000_000,
    1_000_000_000_000,
    1_000_000_000_001,
    100_000_000_000_000,
    100_000_000_000_001,
    4_294_967_296,
    i64::MAX as i128,
    u64::MAX as i128,
    u64::MAX as i128 + 1,
    i64::MIN as i128,
];

fn amount(u: &mut Unstructured<'_>) -> Result<Value> {
    if !noisy() {
        return Ok(match u.int_in_range(0u8..=3)? {
            0 => json_int(*u.choose(AMOUNTS)?),
            _ => json!(u.int_in_range(1_000_000u64..=25_000_000)?),
        });
    }
    Ok(match u.int_in_range(0u8..=9)? {
        0..=5 => json_int(*u.choose(AMOUNTS)?),
        6 => json!(u.int_in_range(0u64..=25_000_000)?),
        7 => json!(u.arbitrary::<u64>()?),
        8 => json!(u.arbitrary::<i64>()?),
        _ => wrong_type(u)?,
    })
}

fn json_int(n: i128) -> Value {
    if let Ok(v) = u64::try_from(n) {
        json!(v)
    } else if let Ok(v) = i64::try_from(n) {
        json!(v)
    } else {
        // Beyond u64: a float, which the contract refuses as a type error.
        Value::from(n as f64)
    }
}

/// A small count (months, risk classes, children) near its allowed set.
fn small(u: &mut Unstructured<'_>) -> Result<Value> {
    if !noisy() {
        return Ok(json!(
            *u.choose(&[0u8, 1, 2, 3, 4, 5, 6, 12, 13, 24, 36, 60])?
        ));
    }
    Ok(match u.int_in_range(0u8..=9)? {
        0..=7 => json!(u.int_in_range(-2i64..=70)?),
        8 => json_int(*u.choose(AMOUNTS)?),
        _ => wrong_type(u)?,
    })
}

fn wrong_type(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(match u.int_in_range(0u8..=6)? {
        0 => Value::Null,
        1 => json!("5000000"),
        2 => Value::from(5_000_000.0f64),
        3 => json!(true),
        4 => json!([]),
        5 => json!({}),
        _ => Value::from(0.5f64),
    })
}

/// `YYYY-MM-DD`, mostly real dates near the rules, sometimes impossible or
/// malformed ones (D-7a).
fn date(u: &mut Unstructured<'_>) -> Result<Value> {
    let top = if noisy() { 11 } else { 7 };
    Ok(match u.int_in_range(0u8..=top)? {
        0..=7 => {
            let y = u.int_in_range(1940u32..=2110)?;
            let m = u.int_in_range(1u32..=12)?;
            let d = u.int_in_range(1u32..=if noisy() { 31 } else { 28 })?;
            json!(format!("{y:04}-{m:02}-{d:02}"))
        }
        8 => json!(format!(
            "{:04}-{:02}-{:02}",
            u.int_in_range(0u32..=10000)?,
            u.int_in_range(0u32..=13)?,
            u.int_in_range(0u32..=32)?
        )),
        9 => json!(*u.choose(&[
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            "2025-02-29",
            "2025-1-01",
            "2025-01-01T00:00:00",
            " 2025-01-01",
            "",
            "+2025-01-01",
            "２０２５-01-01",
        ])?),
        10 => json!(u.arbitrary::<String>()?),
        _ => wrong_type(u)?,
    })
}

/// `YYYY-MM`, mostly inside the covered range (2015-07 onward).
fn period(u: &mut Unstructured<'_>) -> Result<Value> {
    let top = if noisy() { 9 } else { 6 };
    Ok(match u.int_in_range(0u8..=top)? {
        0..=6 => json!(format!(
            "{:04}-{:02}",
            u.int_in_range(2014u32..=2031)?,
            u.int_in_range(1u32..=12)?
        )),
        7 => json!(format!(
            "{:04}-{:02}",
            u.int_in_range(0u32..=10000)?,
            u.int_in_range(0u32..=13)?
        )),
        8 => json!(*u.choose(&[
            "2015-07",
            "2015-06",
            "9999-12",
            "0001-01",
            "2025-4",
            "2025-04-01",
            ""
        ])?),
        _ => wrong_type(u)?,
    })
}

fn one_of(u: &mut Unstructured<'_>, values: &[&str]) -> Result<Value> {
    if !noisy() {
        return Ok(json!(*u.choose(values)?));
    }
    Ok(match u.int_in_range(0u8..=11)? {
        0 => json!(u.arbitrary::<String>()?),
        1 => wrong_type(u)?,
        _ => json!(*u.choose(values)?),
    })
}

fn boolean(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(if noisy() && u.ratio(1u8, 12)? {
        wrong_type(u)?
    } else {
        json!(u.arbitrary::<bool>()?)
    })
}

fn programs(u: &mut Unstructured<'_>) -> Result<Value> {
    let n = u.int_in_range(0usize..=4)?;
    let mut list = Vec::with_capacity(n);
    for _ in 0..n {
        if noisy() {
            list.push(one_of(
                u,
                &["jkk", "jkm", "jht", "jp", "jkp", "jkk_jkm", "JHT"],
            )?);
        } else {
            list.push(one_of(u, &["jkk", "jkm", "jht", "jp", "jkp"])?);
        }
    }
    Ok(Value::Array(list))
}

fn dates(u: &mut Unstructured<'_>) -> Result<Value> {
    let n = u.int_in_range(0usize..=4)?;
    let mut list = Vec::with_capacity(n);
    for _ in 0..n {
        list.push(date(u)?);
    }
    Ok(Value::Array(list))
}

type Gen = fn(&mut Unstructured<'_>) -> Result<Value>;

/// Sets each field with probability about 3/4 (required ones more often),
/// so both the defaults and the checks for missing fields are reached.
fn fill(
    u: &mut Unstructured<'_>,
    obj: &mut Map<String, Value>,
    fields: &[(&str, Gen)],
) -> Result<()> {
    let skip = if noisy() { 3 } else { 15 };
    for (name, generate) in fields {
        // An exhausted input gives 0: fields are then present.
        if u.int_in_range(0u8..=skip)? != skip {
            obj.insert((*name).to_owned(), generate(u)?);
        }
    }
    Ok(())
}

fn category_value(u: &mut Unstructured<'_>, category: &str) -> Result<Value> {
    Ok(if noisy() && u.ratio(1u8, 20)? {
        one_of(u, &["PU", "jkk", ""])?
    } else {
        json!(category)
    })
}

fn participant(u: &mut Unstructured<'_>) -> Result<Value> {
    let category = *u.choose(&["pu", "bpu", "jakon", "pmi"])?;
    let mut p = Map::new();
    p.insert("category".into(), category_value(u, category)?);
    // Every category's own fields, and now and then another category's
    // (field_not_applicable).
    let pu: &[(&str, Gen)] = &[
        ("birth_date", date),
        ("nationality", |u| one_of(u, &["wni", "wna"])),
        ("wage", amount),
        ("risk_class", |u| {
            if noisy() {
                small(u)
            } else {
                Ok(json!(u.int_in_range(1u8..=5)?))
            }
        }),
        ("scale", |u| {
            one_of(u, &["micro", "small", "medium", "large"])
        }),
        ("registered_on", date),
        ("jkn_member", boolean),
        ("opt_in", programs),
        ("industry", |u| {
            one_of(
                u,
                &[
                    "food_beverage_tobacco",
                    "textile_apparel",
                    "leather",
                    "footwear",
                    "toys",
                    "furniture",
                    "other",
                ],
            )
        }),
        ("active_workers", amount),
        ("paid_jkk_through_2025_01", boolean),
        ("paid_through_2020_07", boolean),
    ];
    let bpu: &[(&str, Gen)] = &[
        ("birth_date", date),
        ("nationality", |u| one_of(u, &["wni", "wna"])),
        ("income", amount),
        ("opt_in", programs),
        ("sector", |u| one_of(u, &["transport", "other"])),
        ("subsidised", boolean),
        ("paid_through_2020_07", boolean),
    ];
    let jakon: &[(&str, Gen)] = &[
        ("birth_date", date),
        ("nationality", |u| one_of(u, &["wni", "wna"])),
        ("method", |u| one_of(u, &["wage", "contract"])),
        ("wage", amount),
        ("contract_value", amount),
        ("paid_through_2020_07", boolean),
    ];
    let pmi: &[(&str, Gen)] = &[
        ("birth_date", date),
        ("channel", |u| one_of(u, &["agency", "individual"])),
        ("contract_months", small),
        ("extension_months", small),
        ("jht_monthly", |u| {
            Ok(match u.int_in_range(0u8..=3)? {
                0 => amount(u)?,
                _ => json!(*u.choose(&[
                    0u64, 50_000, 100_000, 150_000, 200_000, 250_000, 300_000, 370_000, 600_000, 1
                ])?),
            })
        }),
    ];
    let own = match category {
        "pu" => pu,
        "bpu" => bpu,
        "jakon" => jakon,
        _ => pmi,
    };
    fill(u, &mut p, own)?;
    if !noisy() && category == "jakon" {
        // Clean: only the amount the method asks for (D-23).
        let drop = match p.get("method").and_then(Value::as_str) {
            Some("wage") => "contract_value",
            _ => "wage",
        };
        p.remove(drop);
    }
    if !noisy() && category != "bpu" {
        // Clean: prepayment is for BPU only (D-19).
        CLEAN_MONTHS.with(|m| m.set(false));
    }
    if noisy() && u.ratio(1u8, 16)? {
        let all = [pu, bpu, jakon, pmi];
        let other = *u.choose(&all)?;
        let (name, generate) = *u.choose(other)?;
        p.insert(name.to_owned(), generate(u)?);
    }
    Ok(Value::Object(p))
}

fn case(u: &mut Unstructured<'_>) -> Result<Value> {
    let mut doc = Map::new();
    if u.int_in_range(0u8..=15)? != 15 {
        doc.insert("period".into(), period(u)?);
    }
    if u.int_in_range(0u8..=15)? != 15 {
        doc.insert("participant".into(), participant(u)?);
    }
    if u.arbitrary()? {
        let mut options = Map::new();
        fill(
            u,
            &mut options,
            &[
                ("months", |u| {
                    if !noisy() {
                        let several = CLEAN_MONTHS.with(std::cell::Cell::get);
                        return Ok(json!(if several {
                            *u.choose(&[1u8, 3, 6, 12])?
                        } else {
                            1
                        }));
                    }
                    Ok(if u.ratio(3u8, 4)? {
                        json!(*u.choose(&[1u8, 3, 6, 12, 2, 0, 24])?)
                    } else {
                        small(u)?
                    })
                }),
                ("jp_for_foreigners", boolean),
                ("holidays", dates),
            ],
        )?;
        if noisy() && u.ratio(1u8, 10)? {
            options.insert("prepay".into(), json!(3));
        }
        doc.insert("options".into(), Value::Object(options));
    }
    Ok(Value::Object(doc))
}

fn claim(u: &mut Unstructured<'_>) -> Result<Value> {
    let benefit = *u.choose(&["jht", "jp", "jkp", "jkm", "jkk"])?;
    let mut doc = Map::new();
    doc.insert("benefit".into(), category_value(u, benefit)?);
    doc.insert("claim_date".into(), date(u)?);
    let fields: &[(&str, Gen)] = match benefit {
        "jht" => &[
            ("trigger", |u| {
                one_of(
                    u,
                    &[
                        "pension_age",
                        "resignation",
                        "dismissal",
                        "contract_end",
                        "leaving_indonesia",
                        "total_disability",
                        "death",
                        "partial",
                    ],
                )
            }),
            ("event_date", date),
            ("membership_start", date),
            ("balance", amount),
            ("purpose", |u| {
                one_of(u, &["housing", "retirement_preparation"])
            }),
            ("previous_partial", boolean),
            ("birth_date", date),
        ],
        "jp" => &[
            ("birth_date", date),
            ("contribution_months", small),
            ("average_wage", amount),
            ("lump_sum", amount),
        ],
        "jkp" => &[
            ("dismissal_date", date),
            ("reason", |u| {
                one_of(
                    u,
                    &[
                        "dismissal",
                        "resignation",
                        "retirement",
                        "death",
                        "total_disability",
                        "contract_end_at_term",
                    ],
                )
            }),
            ("wage", amount),
            ("months_paid_last_24", small),
            ("consecutive_months_before_dismissal", small),
        ],
        "jkm" => &[
            ("death_date", date),
            ("contribution_months", small),
            ("children", small),
        ],
        _ => &[
            ("event", |u| {
                one_of(u, &["death", "total_disability", "temporary_inability"])
            }),
            ("event_date", date),
            ("wage", amount),
            ("months", small),
        ],
    };
    fill(u, &mut doc, fields)?;
    Ok(Value::Object(doc))
}

fn fine(u: &mut Unstructured<'_>) -> Result<Value> {
    let mut doc = Map::new();
    fill(
        u,
        &mut doc,
        &[
            ("category", |u| one_of(u, &["pu", "bpu", "jakon", "pmi"])),
            ("period", period),
            ("amount", amount),
            ("paid_on", date),
            ("holidays", dates),
        ],
    )?;
    Ok(Value::Object(doc))
}

/// A document from `data`: JSON text, sometimes with a known key repeated,
/// an unknown key, or cut short.
pub fn document(data: &[u8]) -> Option<String> {
    let mut u = Unstructured::new(data);
    let mut build = || -> Result<String> {
        let noise = u.ratio(1u8, 2)?;
        NOISY.with(|n| n.set(noise));
        CLEAN_MONTHS.with(|m| m.set(true));
        let mut v = match u.int_in_range(0u8..=5)? {
            0..=2 => case(&mut u)?,
            3 | 4 => claim(&mut u)?,
            _ => fine(&mut u)?,
        };
        if noise
            && u.ratio(1u8, 20)?
            && let Value::Object(o) = &mut v
        {
            o.insert(u.arbitrary::<String>()?, json!(1));
        }
        let mut text = serde_json::to_string(&v).ok().unwrap_or_default();
        match if noise { u.int_in_range(0u8..=31)? } else { 31 } {
            // A duplicate key (invalid_json) at the top or in `participant`.
            0 => text = text.replacen('{', "{\"period\":\"2025-01\",", 1),
            1 => text = text.replacen("\"participant\":{", "\"participant\":{\"wage\":1,", 1),
            // Cut short.
            2 => {
                let cut = u.int_in_range(0usize..=text.len())?;
                text.truncate(
                    (0..=cut)
                        .rev()
                        .find(|i| text.is_char_boundary(*i))
                        .unwrap_or(0),
                );
            }
            // Pretty-printed, with a BOM-less leading space and trailing newline.
            3 => {
                text = format!(
                    " {}\n",
                    serde_json::to_string_pretty(&v).ok().unwrap_or_default()
                )
            }
            _ => {}
        }
        Ok(text)
    };
    build().ok()
}
