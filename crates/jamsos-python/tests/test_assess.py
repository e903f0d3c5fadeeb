"""jamsos.assess equals `jamsos batch` cell for cell on a generated
100,000-row roster with defective rows, from pyarrow, polars, pandas and
DuckDB, as strings and as typed columns."""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

import jamsos
from rosters import (BOOLEAN_COLUMNS, DATE_COLUMNS, EMPTY_ID, INTEGER_COLUMNS, TEXT_DEFECTS,
                     TYPED_DEFECTS, as_strings, batch, write_roster)

PERIOD = "2026-04"
ROWS = 100_000


@pytest.fixture(scope="module")
def text_roster(tmp_path_factory, bin_path):
    path = tmp_path_factory.mktemp("rosters") / "text.csv"
    write_roster(path, ROWS, 20260401, TYPED_DEFECTS + TEXT_DEFECTS + [EMPTY_ID])
    return path, batch(path, PERIOD)


@pytest.fixture(scope="module")
def typed_roster(tmp_path_factory, bin_path):
    path = tmp_path_factory.mktemp("rosters") / "typed.csv"
    write_roster(path, ROWS, 20260402, TYPED_DEFECTS + [EMPTY_ID])
    return path, batch(path, PERIOD)


def header(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as f:
        return next(csv.reader(f))


def strings_table(path: Path) -> pa.Table:
    names = header(path)
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False,
        ),
    )


def typed_table(path: Path) -> pa.Table:
    types = {n: pa.string() for n in header(path)}
    types.update({n: pa.int64() for n in INTEGER_COLUMNS})
    types.update({n: pa.bool_() for n in BOOLEAN_COLUMNS})
    types.update({n: pa.date32() for n in DATE_COLUMNS})
    return pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=types))


def check(result: pa.Table, expected: list[dict]):
    assert result.num_rows == len(expected)
    got = as_strings(result)
    assert list(got[0].keys()) == list(expected[0].keys())
    for i, (g, e) in enumerate(zip(got, expected)):
        assert g == e, f"row {i}"
    errors = sum(r["status"] == "error" for r in expected)
    assert 1000 < errors < 3000, errors  # the injected defects


def test_result_schema_is_typed():
    schema = jamsos.result_schema()
    assert schema.field("total_employer").type == pa.int64()
    assert schema.field("status").type == pa.string()
    assert schema.names[:4] == ["id", "status", "error_code", "error_message"]
    assert len(schema) == 27


def test_pyarrow_strings(text_roster):
    path, expected = text_roster
    result = jamsos.assess(strings_table(path), PERIOD)
    assert result.schema.equals(jamsos.result_schema())
    check(result, expected)


def test_pyarrow_record_batch_reader_typed(typed_roster):
    path, expected = typed_roster
    table = typed_table(path)
    assert table.schema.field("wage").type == pa.int64()
    assert table.schema.field("birth_date").type == pa.date32()
    reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches(max_chunksize=7_777))
    check(jamsos.assess(reader, PERIOD), expected)


def test_polars_strings_and_typed(text_roster, typed_roster):
    import polars as pl

    path, expected = text_roster
    df = pl.read_csv(path, infer_schema=False)  # an empty cell is null: absent, as in the CSV
    check(jamsos.assess(df, PERIOD), expected)

    path, expected = typed_roster
    overrides = {n: pl.Int64 for n in INTEGER_COLUMNS}
    overrides.update({n: pl.Boolean for n in BOOLEAN_COLUMNS})
    overrides.update({n: pl.Date for n in DATE_COLUMNS})
    df = pl.read_csv(path, infer_schema=False, schema_overrides=overrides)
    assert df.schema["wage"] == pl.Int64
    check(jamsos.assess(df, PERIOD), expected)


def test_pandas_strings_and_typed(text_roster, typed_roster):
    import pandas as pd

    path, expected = text_roster
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    check(jamsos.assess(pa.Table.from_pandas(df, preserve_index=False), PERIOD), expected)
    check(jamsos.assess(df, PERIOD), expected)

    path, expected = typed_roster
    dtypes = {n: "Int64" for n in INTEGER_COLUMNS}
    dtypes.update({n: "boolean" for n in BOOLEAN_COLUMNS})
    df = pd.read_csv(path, dtype={**{n: str for n in header(path)}, **dtypes}, keep_default_na=False,
                     na_values={n: [""] for n in dtypes})
    assert str(df["wage"].dtype) == "Int64"
    check(jamsos.assess(pa.Table.from_pandas(df, preserve_index=False), PERIOD), expected)


def test_duckdb_relation(typed_roster):
    import duckdb

    path, expected = typed_roster
    con = duckdb.connect()
    relation = con.sql(f"select * from read_csv('{path}', all_varchar = true)")
    # DuckDB reads an empty cell as NULL, an absent cell, as the CSV reader does.
    check(jamsos.assess(relation, PERIOD), expected)


def test_a_column_the_contract_does_not_know_stops_unless_allowed(typed_roster):
    path, expected = typed_roster
    table = strings_table(path).append_column("employer", pa.array(["PT A"] * ROWS))
    with pytest.raises(ValueError, match="employer"):
        jamsos.assess(table, PERIOD)
    result = jamsos._jamsos.assess(table, PERIOD, None, True, ["employer"])
    assert result.column_names[:2] == ["id", "employer"]
    check(result.drop_columns(["employer"]), expected)


def test_floats_are_refused_not_rounded():
    table = pa.table({"id": ["A"], "category": ["bpu"], "income": pa.array([1000000.0])})
    with pytest.raises(ValueError, match="income"):
        jamsos.assess(table, PERIOD)


def test_a_bad_period_and_a_roster_that_is_not_arrow():
    table = pa.table({"id": ["A"], "category": ["bpu"], "income": [1000000]})
    with pytest.raises(ValueError, match="period"):
        jamsos.assess(table, "2026-4")
    with pytest.raises(TypeError):
        jamsos.assess([{"id": "A"}], PERIOD)


def test_empty_roster():
    table = pa.table({"id": pa.array([], pa.string()), "category": pa.array([], pa.string())})
    result = jamsos.assess(table, PERIOD)
    assert result.num_rows == 0
    assert result.schema.equals(jamsos.result_schema())
