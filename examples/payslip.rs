//! A payroll clerk's view: one worker's BPJS Ketenagakerjaan deductions and the
//! employer's cost for a month, straight from the library (no JSON).
//!
//! Run with `cargo run -p jamsos --example payslip`.

use jamsos::contribution::{Options, assess_pu};
use jamsos::core::{Payer, parse_date};
use jamsos::worker::{PuWorker, RiskClass, Scale, Wage};
use jamsos_contract::pretty::rupiah;

/// Prints the slip and returns the worker's deduction, so a test can check it.
pub(crate) fn slip() -> Result<u64, Box<dyn std::error::Error>> {
    let birth = parse_date("1988-11-02")?;
    let mut worker = PuWorker::new(
        birth,
        Wage::new(7_250_000)?,
        RiskClass::try_from(2u8)?,
        Scale::Large,
    );
    worker.registered_on = Some(parse_date("2012-01-09")?);
    worker.jkn_member = true;
    let a = assess_pu(&worker, "2026-03".parse()?, &Options::default())?;

    println!("Slip iuran BPJS Ketenagakerjaan, {}", a.period);
    for line in a.lines.iter() {
        println!(
            "  {:<4} {:<11} {:>14}  ({})",
            line.program,
            line.payer,
            rupiah(line.amount.get()),
            line.citation()
        );
    }
    println!(
        "  potongan gaji pekerja: {}",
        rupiah(a.totals.get(Payer::Worker).get())
    );
    println!(
        "  biaya pemberi kerja:   {}",
        rupiah(a.totals.get(Payer::Employer).get())
    );
    println!("  jatuh tempo:           {}", a.due_date);
    Ok(a.totals.get(Payer::Worker).get())
}

#[allow(
    dead_code,
    reason = "the entry point when run as an example; tests call slip()"
)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    slip().map(|_| ())
}
