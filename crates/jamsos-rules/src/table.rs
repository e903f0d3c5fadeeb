use jamsos_core::{Period, Source};

/// One row of a dated table: `value` is in force from `from` until the next row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry<T: 'static, K: 'static = Period> {
    /// The first period (or date) the value governs.
    pub from: K,
    /// The rate, cap, age or regime.
    pub value: T,
    /// The instrument and article it comes from (D-34).
    pub source: Source,
}

/// A dated, append-only table: rows sorted by `from`, no two rows on one key.
#[derive(Debug)]
pub struct Table<T: 'static, K: 'static = Period> {
    /// A stable name, used in errors (`pp_45_2015::JP_WAGE_CEILING`).
    pub name: &'static str,
    /// The rows, oldest first.
    pub entries: &'static [Entry<T, K>],
}

impl<T, K: Ord + Copy> Table<T, K> {
    /// The row in force at `key`: the last row whose `from` is not after it.
    /// `None` before the first row (fail closed, DECISIONS.md D-6).
    #[must_use]
    #[inline]
    pub fn at(&self, key: K) -> Option<&'static Entry<T, K>> {
        let after = self.entries.partition_point(|e| e.from <= key);
        self.entries.get(after.checked_sub(1)?)
    }

    /// The newest row.
    #[must_use]
    pub fn latest(&self) -> Option<&'static Entry<T, K>> {
        self.entries.last()
    }
}

/// What an audit can ask of any table, whatever its value type.
pub trait Audit {
    /// The table's name.
    fn name(&self) -> &'static str;
    /// Whether the rows are strictly increasing in `from` (sorted, no duplicates).
    fn is_strictly_sorted(&self) -> bool;
    /// The number of rows.
    fn len(&self) -> usize;
    /// Whether the table has no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The source of row `i`.
    fn source(&self, i: usize) -> Option<Source>;
}

impl<T, K: Ord + Copy> Audit for Table<T, K> {
    fn name(&self) -> &'static str {
        self.name
    }
    fn is_strictly_sorted(&self) -> bool {
        self.entries
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.from < b.from))
    }
    fn len(&self) -> usize {
        self.entries.len()
    }
    fn source(&self, i: usize) -> Option<Source> {
        self.entries.get(i).map(|e| e.source)
    }
}
