//! jamsos: Indonesia's workforce social-security law (BPJS Ketenagakerjaan) as
//! exact, dated, cited computations.
//!
//! This facade re-exports the domain crates and adds the JSON interchange
//! contract, version 1 ([`contract`]), which the `jamsos` command line and every
//! binding speak, and a readable breakdown for people ([`pretty`]).
//!
//! ```
//! use jamsos::contribution::{assess_pu, Options};
//! use jamsos::core::{parse_date, Payer, Program, Rupiah};
//! use jamsos::worker::{PuWorker, RiskClass, Scale, Wage};
//!
//! // A textile factory worker in May 2025: PP 7/2025 halves the JKK rate.
//! let birth = parse_date("1995-01-20").ok_or("date")?;
//! let mut worker = PuWorker::new(birth, Wage::new(4_500_000)?, RiskClass::try_from(3u8)?, Scale::Large);
//! worker.industry = Some(jamsos::worker::Industry::TextileApparel);
//! worker.active_workers = Some(1_200);
//! let a = assess_pu(&worker, "2025-05".parse()?, &Options::default())?;
//! let jkk = a.line(Program::Jkk, Payer::Employer).ok_or("JKK")?;
//! assert_eq!(jkk.rate.map(|r| r.to_string()).as_deref(), Some("0.445%"));
//! assert_eq!(jkk.amount, Rupiah::new(20_025)); // 4,500,000 × 0.445%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The same through the contract:
//!
//! ```
//! let case = r#"{"period": "2025-04", "participant": {"category": "pu",
//!   "birth_date": "1990-05-17", "wage": 10000000, "risk_class": 3, "scale": "medium"}}"#;
//! let result = jamsos::contract::contribution(case)?;
//! println!("{}", serde_json::to_string_pretty(&result).map_err(|e| e.to_string())?);
//! print!("{}", jamsos::pretty::contribution(&result, jamsos::pretty::Lang::Id));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod contract;
mod json;
pub mod pretty;
pub mod projection;

/// Contribution lines, totals, due dates.
pub use jamsos_contribution as contribution;
/// Money, rates, periods, dates, programs, payers, citations.
pub use jamsos_core as core;
/// Program status and pension age.
pub use jamsos_eligibility as eligibility;
/// The dated, cited tables of the law.
pub use jamsos_rules as rules;
/// Worker categories, scale, risk group, the validated PU record.
pub use jamsos_worker as worker;
