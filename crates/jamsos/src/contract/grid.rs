//! Reading a caller's official BPU income grid (PP 44/2015 Lampiran II,
//! DECISIONS.md D-17) from CSV text, for `jamsos contribution --income-grid`.

use jamsos_core::Rupiah;
use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid};

/// Parses a grid: a header `from,to,nominal`, then one bracket per line of
/// whole rupiah (`1000001,1100000,1100000`). An empty `nominal` means the
/// declared income itself. Blank lines are skipped. The brackets are checked
/// with [`IncomeGrid::official`] (sorted, no overlap).
///
/// ```
/// use jamsos::contract::{parse_income_grid, IncomeGrid};
///
/// let brackets = parse_income_grid("from,to,nominal\n1000000,1000000,1000000\n1000001,1100000,1100000\n")?;
/// let grid = IncomeGrid::official(&brackets).map_err(|e| e.to_string())?;
/// assert_eq!(grid.nominal(jamsos::core::Rupiah::new(1_050_000)).map(|r| r.get()), Some(1_100_000));
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
        let amount = |name: &str, cell: &str| {
            cell.parse::<u64>()
                .ok()
                .filter(|a| *a >= 1 && cell.bytes().all(|b| b.is_ascii_digit()))
                .map(Rupiah::new)
                .ok_or_else(|| {
                    format!("income grid line {number}: {name} \"{cell}\" is not whole rupiah of at least 1")
                })
        };
        brackets.push(IncomeBracket {
            from: amount("from", from)?,
            to: amount("to", to)?,
            nominal: match *nominal {
                "" => None,
                cell => Some(amount("nominal", cell)?),
            },
        });
    }
    IncomeGrid::official(&brackets).map_err(|e| e.to_string())?;
    Ok(brackets)
}
