"""jamsos.spark.assess in a Spark local[2] session equals `jamsos batch` row
for row on a generated roster with defective rows."""

from __future__ import annotations

import os
import sys

import pytest

import jamsos
import jamsos.spark
from rosters import TEXT_DEFECTS, TYPED_DEFECTS, batch, write_roster

PERIOD = "2026-04"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The executors' Python is this one, which has the wheel installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("jamsos-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_assess_equals_the_command_line(spark, tmp_path, bin_path):
    # No empty ids: in Spark a row has no line number (jamsos.spark's doc).
    path = tmp_path / "roster.csv"
    write_roster(path, 30_000, 20260403, TYPED_DEFECTS + TEXT_DEFECTS)
    expected = batch(path, PERIOD)

    roster = spark.read.csv(str(path), header=True).repartition(3)
    result = jamsos.spark.assess(roster, PERIOD)
    assert result.schema == jamsos.spark.schema()
    rows = [r.asDict() for r in result.collect()]
    assert len(rows) == len(expected)
    got = sorted(({k: "" if v is None else str(v) for k, v in r.items()} for r in rows),
                 key=lambda r: r["id"])
    want = sorted(expected, key=lambda r: r["id"])
    assert len({r["id"] for r in want}) == len(want)
    for g, w in zip(got, want):
        assert g == w, w["id"]
    assert sum(r["status"] == "error" for r in got) > 300


def test_spark_typed_columns(spark):
    from datetime import date

    # CONTRACT.md §1's example: PU Rp10,000,000, risk class 3 (0.89%, D-7),
    # medium, 2025-04: JKK employer 89,000.
    df = spark.createDataFrame(
        [("A-1", "pu", date(1990, 5, 17), 10000000, 3, "medium", "2025-04")],
        "id string, category string, birth_date date, wage bigint, risk_class int, scale string, period string",
    )
    row = jamsos.spark.assess(df, PERIOD).collect()[0]
    assert row["status"] == "ok"
    assert row["jkk_employer"] == 89000
    assert row["jkk"] == "mandatory"
