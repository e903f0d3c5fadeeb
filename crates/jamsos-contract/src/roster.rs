//! Roster rows (CONTRACT.md §2): the header resolved once, each row's cells
//! decoded with the same checks, in the same order, as a JSON case (§1).

use core::fmt;

use jamsos_core::Period;

use super::case::{
    CATEGORY_FIELD, Case, CaseOptions, Cell, Fields, Raw, applicable, category, decode_fields,
    field_index,
};
use super::error::{ContractError, ErrorCode};

/// What a roster column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    /// The row's identifier.
    Id,
    /// A period overriding `--period` for the row.
    Period,
    /// A participant field, by its position in the contract's table.
    Field(usize),
    /// A column that is not part of the contract (`--allow-extra-columns`).
    Extra,
}

/// Why a header cannot be used: the batch stops (exit 1).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum HeaderError {
    /// There is no `id` column (an empty input has no header at all).
    MissingId,
    /// Columns that are not contract columns.
    Unknown(Vec<String>),
    /// Columns named more than once.
    Duplicate(Vec<String>),
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeaderError::MissingId => {
                f.write_str("the roster has no id column (the first line must be a header naming the columns, id among them)")
            }
            HeaderError::Unknown(names) => write!(
                f,
                "unknown column(s) {}: use the contract's column names (CONTRACT.md §2) or --allow-extra-columns",
                quoted(names)
            ),
            HeaderError::Duplicate(names) => {
                write!(f, "duplicate column(s) {}", quoted(names))
            }
        }
    }
}

impl std::error::Error for HeaderError {}

/// `"a", "b"`: quoted, so an empty name shows.
fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A roster's columns, resolved once from its header.
#[derive(Debug, Clone)]
pub struct Roster {
    columns: Vec<Column>,
    names: Vec<String>,
}

impl Roster {
    /// Every column name the contract reads (CONTRACT.md §2): `id`,
    /// `period`, then the participant fields, from the decoder's own table.
    pub fn contract_columns() -> impl Iterator<Item = &'static str> {
        ["id", "period"]
            .into_iter()
            .chain(super::case::PARTICIPANT_FIELDS.iter().map(|spec| spec.name))
    }

    /// Resolves a header: `id` required, every other name a participant
    /// field or `period`; unknown names are an error unless `allow_extra`
    /// (then ignored, but still usable for grouping); a duplicate is always
    /// an error.
    pub fn new(header: &[&str], allow_extra: bool) -> Result<Roster, HeaderError> {
        let mut duplicates: Vec<String> = Vec::new();
        for (i, name) in header.iter().enumerate() {
            if header.iter().take(i).any(|n| n == name) && !duplicates.iter().any(|d| d == name) {
                duplicates.push((*name).to_owned());
            }
        }
        if !duplicates.is_empty() {
            return Err(HeaderError::Duplicate(duplicates));
        }
        let columns: Vec<Column> = header
            .iter()
            .map(|name| match *name {
                "id" => Column::Id,
                "period" => Column::Period,
                other => field_index(other).map_or(Column::Extra, Column::Field),
            })
            .collect();
        if !columns.contains(&Column::Id) {
            return Err(HeaderError::MissingId);
        }
        let unknown: Vec<String> = header
            .iter()
            .zip(&columns)
            .filter(|(_, c)| **c == Column::Extra)
            .map(|(n, _)| (*n).to_owned())
            .collect();
        if !unknown.is_empty() && !allow_extra {
            return Err(HeaderError::Unknown(unknown));
        }
        Ok(Roster {
            columns,
            names: header.iter().map(|n| (*n).to_owned()).collect(),
        })
    }

    /// The number of columns every record must have.
    #[must_use]
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// The position of the `id` column.
    #[must_use]
    pub fn id_column(&self) -> usize {
        self.columns
            .iter()
            .position(|c| *c == Column::Id)
            .unwrap_or_default()
    }

    /// The position of the column named `name`, contract or extra.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// Decodes one row's cells (as many as [`Roster::width`]; an empty cell is
    /// absent) into a case for `period`, unless the row's `period` cell says
    /// otherwise. An empty `id` is `missing_field` before anything else is
    /// read; then the checks and their order are those of a JSON case.
    pub fn decode(&self, cells: &[&str], period: Period) -> Result<Case, ContractError> {
        self.decode_with(cells.iter().map(|c| Ok(*c)), period)
    }

    /// [`Roster::decode`] for cells read as they are decoded, in column
    /// order: a cell that cannot be read (its error) stops the row before
    /// any check of the cells (a batch reads each cell's text from its input
    /// here, with no list of cells built first).
    pub fn decode_with<'c>(
        &self,
        cells: impl IntoIterator<Item = Result<&'c str, ContractError>>,
        period: Period,
    ) -> Result<Case, ContractError> {
        let mut fields = Fields::new();
        let mut row_period = None;
        let mut category_cell = None;
        let mut has_id = false;
        for (column, cell) in self.columns.iter().zip(cells) {
            let cell = cell?;
            if cell.is_empty() {
                continue;
            }
            match column {
                Column::Period => row_period = Some(cell),
                Column::Field(i) if *i == CATEGORY_FIELD => category_cell = Some(Raw::Cell(cell)),
                Column::Field(i) => fields.set(*i, Raw::Cell(cell)),
                Column::Id => has_id = true,
                Column::Extra => {}
            }
        }
        decoded(has_id, row_period, category_cell, &mut fields, period)
    }

    /// Decodes one row of a columnar roster (as many cells as
    /// [`Roster::width`]; `None`, a null, or empty text is absent) exactly as
    /// [`Roster::decode`] decodes the CSV text of the same values: the same
    /// checks, in the same order, with the same messages. An integer,
    /// boolean or date in a field of that kind is read as it is, never
    /// written out as text (a message that quotes it writes it); a row with
    /// a typed cell anywhere else (an integer in a date field, a date in the
    /// `period` column), which a typed roster does not have, is decoded
    /// from its cells' text.
    pub fn decode_cells(
        &self,
        cells: &[Option<Cell<'_>>],
        period: Period,
    ) -> Result<Case, ContractError> {
        let mut row = RowCells::new();
        for (column, cell) in cells.iter().enumerate() {
            if let Some(cell) = *cell {
                self.put(&mut row, column, cell);
            }
        }
        if row.needs_text() {
            return self.decode_text(cells, period);
        }
        self.decode_row(&mut row, period)
    }

    /// Puts the present cell of column `column` into `row`: for a caller
    /// that reads a columnar roster column by column, visiting only the
    /// cells that are there (a null is simply not put). Empty text is
    /// absent, as in [`Roster::decode_cells`]; a typed cell in a column of
    /// another kind marks the row as one to decode from its text
    /// ([`RowCells::needs_text`]).
    #[inline]
    pub fn put<'a>(&self, row: &mut RowCells<'a>, column: usize, cell: Cell<'a>) {
        if cell == Cell::Text("") {
            return;
        }
        match (self.columns.get(column), cell) {
            (Some(Column::Id), _) => row.has_id = true,
            (Some(Column::Extra) | None, _) => {}
            (Some(Column::Period), Cell::Text(text)) => row.period = Some(text),
            (Some(Column::Field(i)), _) => match super::case::cell_raw(cell, *i) {
                Some(raw) if *i == CATEGORY_FIELD => row.category = Some(raw),
                Some(raw) => row.fields.set(*i, raw),
                None => row.needs_text = true,
            },
            (Some(Column::Period), _) => row.needs_text = true,
        }
    }

    /// Decodes a row whose cells were put with [`Roster::put`] as
    /// [`Roster::decode_cells`] decodes the same cells. A row that
    /// [`RowCells::needs_text`] has cells this does not read (it would be
    /// decoded as if they were absent): decode it from its cells' text with
    /// [`Roster::decode`] instead, as [`Roster::decode_cells`] does.
    pub fn decode_row(
        &self,
        row: &mut RowCells<'_>,
        period: Period,
    ) -> Result<Case, ContractError> {
        decoded(
            row.has_id,
            row.period,
            row.category,
            &mut row.fields,
            period,
        )
    }

    /// A columnar row decoded from its cells' CSV text (the rare row with a
    /// typed cell in a column of another kind).
    fn decode_text(
        &self,
        cells: &[Option<Cell<'_>>],
        period: Period,
    ) -> Result<Case, ContractError> {
        let texts: Vec<String> = cells
            .iter()
            .map(|c| c.map(|c| c.to_string()).unwrap_or_default())
            .collect();
        let cells: Vec<&str> = texts.iter().map(String::as_str).collect();
        self.decode(&cells, period)
    }
}

/// One row of a columnar roster, its present cells put in column by column
/// ([`Roster::put`]) and then decoded ([`Roster::decode_row`]). Made once
/// and emptied ([`RowCells::clear`]) for each row: emptying it does not
/// rewrite its slots, so a caller reading a block of rows column by column
/// pays only for the cells a row has.
#[derive(Clone, Copy)]
pub struct RowCells<'a> {
    fields: Fields<'a>,
    has_id: bool,
    period: Option<&'a str>,
    category: Option<Raw<'a>>,
    needs_text: bool,
}

impl Default for RowCells<'_> {
    fn default() -> Self {
        RowCells::new()
    }
}

impl fmt::Debug for RowCells<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The cells are a participant's personal data: only their shape.
        f.debug_struct("RowCells")
            .field("fields", &self.fields.present().count_ones())
            .field("has_id", &self.has_id)
            .field("needs_text", &self.needs_text)
            .finish_non_exhaustive()
    }
}

impl<'a> RowCells<'a> {
    /// A row with no cell.
    #[must_use]
    pub const fn new() -> RowCells<'a> {
        RowCells {
            fields: Fields::new(),
            has_id: false,
            period: None,
            category: None,
            needs_text: false,
        }
    }

    /// Empties the row for the next one.
    pub fn clear(&mut self) {
        self.fields.clear();
        self.has_id = false;
        self.period = None;
        self.category = None;
        self.needs_text = false;
    }

    /// Whether the row has a typed cell in a column of another kind (an
    /// integer in a date column, a date in the `period` column): such a
    /// row is decoded from its cells' text, with [`Roster::decode`].
    #[must_use]
    pub const fn needs_text(&self) -> bool {
        self.needs_text
    }
}

/// A roster row's checks once its cells are sorted by column (CONTRACT.md
/// §2), whether they came as CSV text or as typed cells.
fn decoded(
    has_id: bool,
    row_period: Option<&str>,
    category_cell: Option<Raw<'_>>,
    fields: &mut Fields<'_>,
    period: Period,
) -> Result<Case, ContractError> {
    // 2. The row's own top-level field: without an id, a result could
    // not be told from another row's (it would be labelled with its line
    // number, which may equal a real id), so the row is an error row
    // (CONTRACT.md §2).
    if !has_id {
        return Err(ContractError::at(
            ErrorCode::MissingField,
            "id",
            "the row has no id: every roster row needs a non-empty id".to_owned(),
        ));
    }
    // 3. Period syntax.
    let period = match row_period {
        None => period,
        Some(text) => text.parse().map_err(|_| {
            ContractError::at(
                ErrorCode::InvalidPeriod,
                "period",
                format!("period \"{text}\" is not YYYY-MM with a month 01 to 12"),
            )
        })?,
    };
    // 4. Category; 5. not applicable fields.
    let category = category(category_cell)?;
    applicable(category, fields.present())?;
    // 6 … 10; BPU prepayment is not available in a roster (one month per row).
    decode_fields(period, category, fields, || Ok(CaseOptions::default()))
}
