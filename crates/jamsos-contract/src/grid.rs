//! Reading a caller's official BPU income grid (PP 44/2015 Lampiran II,
//! DECISIONS.md D-17) from CSV text, for `jamsos contribution --income-grid`.

use jamsos_core::Rupiah;
use jamsos_rules::pp_44_2015::{IncomeBracket, IncomeGrid};

use crate::Settings;

/// The BPU income grid a caller assesses with (D-17), read and checked once:
/// the built-in provisional grid, or the official brackets the caller gave
/// (checked by [`IncomeGrid::official`] when read). Every front end holds one
/// and asks it for its [`Settings`], so a grid is never re-checked, and
/// never silently replaced by the built-in one, at each use.
///
/// ```
/// use jamsos_contract::CallerGrid;
///
/// let grid = CallerGrid::parse("from,to,nominal\n0,1099999,1000000\n1100000,,1200000\n")?;
/// assert!(grid.settings().income_grid.is_some());
/// assert!(CallerGrid::BUILT_IN.settings().income_grid.is_none());
/// assert!(CallerGrid::parse("from,to,nominal\n5,4,\n").is_err());
///
/// // The same checks for brackets given as values; none is the built-in grid.
/// use jamsos_contract::IncomeBracket;
/// use jamsos_core::Rupiah;
/// let bracket = |from, to: Option<u64>| IncomeBracket { from: Rupiah::new(from), to: to.map(Rupiah::new), nominal: None };
/// assert!(CallerGrid::from_brackets(vec![bracket(0, Some(999_999)), bracket(1_000_000, None)])?
///     .settings()
///     .income_grid
///     .is_some());
/// assert_eq!(CallerGrid::from_brackets(Vec::new())?, CallerGrid::BUILT_IN);
/// assert!(CallerGrid::from_brackets(vec![bracket(5, Some(4))]).is_err());
/// # Ok::<(), String>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallerGrid {
    /// Checked brackets; none for the built-in grid.
    brackets: Vec<IncomeBracket>,
}

impl CallerGrid {
    /// The built-in provisional grid (and the warning `provisional_table`).
    pub const BUILT_IN: CallerGrid = CallerGrid {
        brackets: Vec::new(),
    };

    /// Reads and checks a grid's CSV text ([`parse_income_grid`]).
    pub fn parse(text: &str) -> Result<CallerGrid, String> {
        parse_income_grid(text).map(|brackets| CallerGrid { brackets })
    }

    /// Checks brackets given as values ([`IncomeGrid::official`]); none is
    /// the built-in grid.
    pub fn from_brackets(brackets: Vec<IncomeBracket>) -> Result<CallerGrid, String> {
        if !brackets.is_empty() {
            IncomeGrid::official(&brackets).map_err(|e| e.to_string())?;
        }
        Ok(CallerGrid { brackets })
    }

    /// The settings that assess with this grid.
    #[must_use]
    pub fn settings(&self) -> Settings<'_> {
        Settings {
            // No brackets: the built-in grid. Brackets were checked when
            // this grid was made, so `official` accepts them again.
            income_grid: if self.brackets.is_empty() {
                None
            } else {
                IncomeGrid::official(&self.brackets).ok()
            },
        }
    }
}

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
