use chrono::NaiveDate;
use jamsos_rules::pp_44_2015::IncomeGrid;

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
}
