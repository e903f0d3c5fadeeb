use chrono::NaiveDate;
use jamsos_rules::pp_44_2015::IncomeGrid;
use jamsos_worker::Prepay;

use crate::PuRules;

/// Choices the caller may change per call (DECISIONS.md, *configurable*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options<'a> {
    /// Open JP to foreign nationals (D-9, default off).
    pub jp_for_foreigners: bool,
    /// Dates that are not working days besides weekends (D-28).
    pub holidays: &'a [NaiveDate],
    /// The official BPU income grid, replacing the built-in provisional one
    /// (D-17). `None`: the built-in grid, and the warning `provisional_table`.
    pub income_grid: Option<IncomeGrid<'a>>,
    /// How many months a BPU case pays at once (D-19); ignored for the other
    /// categories.
    pub prepay: Prepay,
    /// Wage-earner rules already resolved for a period with these same
    /// options (a bulk run resolves each month once); used by [`crate::assess`]
    /// when the period matches, resolved afresh otherwise. They also give
    /// BPU and Jakon cases of that period their due dates (D-28).
    pub pu_rules: Option<&'a PuRules>,
}
