//! Reading a caller's official BPU income grid (PP 44/2015 Lampiran II,
//! DECISIONS.md D-17) from CSV text, for `jamsos contribution --income-grid`.

use jamsos_core::Rupiah;
use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid};

/// Parses a grid: a header `from,to,nominal`, then one bracket per line of
/// whole rupiah (`1100000,1299999,1200000`). `from` may be 0; an empty `to`
/// makes the last bracket open-ended; an empty `nominal` means the declared
/// income itself. Blank lines are skipped. The brackets are checked with
/// [`IncomeGrid::official`] (sorted, no overlap).
///
/// ```
/// use jamsos_contract::{parse_income_grid, IncomeGrid};
///
/// let brackets = parse_income_grid("from,to,nominal\n0,1099999,1000000\n1100000,,1200000\n")?;
/// let grid = IncomeGrid::official(&brackets).map_err(|e| e.to_string())?;
/// assert_eq!(grid.nominal(jamsos_core::Rupiah::new(900_000)).map(|r| r.get()), Some(1_000_000));
/// assert_eq!(grid.nominal(jamsos_core::Rupiah::new(5_000_000)).map(|r| r.get()), Some(1_200_000));
/// # Ok::<(), String>(())
/// ```
pub fn parse_income_grid(text: &str) -> Result<Vec<IncomeBracket>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    match lines.next() {
        Some((_, "from,to,nominal")) => {}
        _ => return Err("the income grid must start with the header from,to,nominal".into()),
    }
    let mut brackets = Vec::new();
    for (number, line) in lines {
        let cells: Vec<&str> = line.split(',').map(str::trim).collect();
        let [from, to, nominal] = cells.as_slice() else {
            return Err(format!(
                "income grid line {number}: expected 3 cells from,to,nominal"
            ));
        };
        let amount = |name: &str, cell: &str, least: u64| {
            cell.parse::<u64>()
                .ok()
                .filter(|a| *a >= least && cell.bytes().all(|b| b.is_ascii_digit()))
                .map(Rupiah::new)
                .ok_or_else(|| {
                    format!("income grid line {number}: {name} \"{cell}\" is not whole rupiah of at least {least}")
                })
        };
        let optional = |name: &str, cell: &str| match cell {
            "" => Ok(None),
            cell => amount(name, cell, 1).map(Some),
        };
        brackets.push(IncomeBracket {
            from: amount("from", from, 0)?,
            to: optional("to", to)?,
            nominal: optional("nominal", nominal)?,
        });
    }
    IncomeGrid::official(&brackets).map_err(|e| e.to_string())?;
    Ok(brackets)
}
