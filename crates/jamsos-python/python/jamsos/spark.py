"""jamsos on Apache Spark: a roster DataFrame in, the assessed DataFrame out.

::

    import jamsos.spark
    roster = spark.read.parquet("roster.parquet")
    result = jamsos.spark.assess(roster, "2026-04")
    result.write.parquet("result.parquet")

Each partition's Arrow batches go through :func:`jamsos.assess` on the
executor (``DataFrame.mapInArrow``), so the wheel must be installed on every
executor (docs/PYTHON.md). The output schema is fixed (:data:`SCHEMA`):
``id``, ``status``, ``error_code``, ``error_message``, the amounts as
``bigint`` (whole rupiah, null in an error row) and the five program
statuses. Rows keep their order within a partition; a row without an id is
named by its position in its Arrow batch (as ``jamsos.assess`` does), not by
a line of a file, since a Spark partition has none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

import jamsos

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["SCHEMA", "assess", "schema"]

#: The amount columns, in the contract's order (CONTRACT.md §2).
AMOUNT_COLUMNS = (
    "jkk_employer", "jkk_participant", "jkk_government",
    "jkm_employer", "jkm_participant", "jkm_government",
    "jht_employer", "jht_worker", "jht_participant",
    "jp_employer", "jp_worker", "jp_deferred",
    "jkp_government", "jkk_jkm_participant",
    "total_employer", "total_worker", "total_participant", "total_government",
)
#: The program status columns.
STATUS_COLUMNS = ("jkk", "jkm", "jht", "jp", "jkp")

#: The output schema as a Spark DDL string.
SCHEMA = ", ".join(
    ["id string", "status string", "error_code string", "error_message string"]
    + [f"{c} bigint" for c in AMOUNT_COLUMNS]
    + [f"{c} string" for c in STATUS_COLUMNS]
)


def schema() -> "StructType":
    """The output schema as a ``pyspark.sql.types.StructType``."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    fields = [StructField(c, StringType(), True) for c in ("id", "status", "error_code", "error_message")]
    fields += [StructField(c, LongType(), True) for c in AMOUNT_COLUMNS]
    fields += [StructField(c, StringType(), True) for c in STATUS_COLUMNS]
    return StructType(fields)


def _arrow_schema() -> "pyarrow.Schema":
    import pyarrow as pa

    return pa.schema(
        [pa.field(c, pa.string()) for c in ("id", "status", "error_code", "error_message")]
        + [pa.field(c, pa.int64()) for c in AMOUNT_COLUMNS]
        + [pa.field(c, pa.string()) for c in STATUS_COLUMNS]
    )


def assess(df: "DataFrame", period: str, *, income_grid: Optional[str] = None) -> "DataFrame":
    """Assesses a roster DataFrame like ``jamsos batch --period period``.

    The columns are the contract's (CONTRACT.md §2), as strings or typed
    (integers, booleans, dates); a column the contract does not know stops
    the job, as on the command line. ``income_grid``: the official BPU
    income grid as CSV text or a path readable on the driver (D-17).
    """
    grid = jamsos._grid_text(income_grid)
    target = _arrow_schema()

    def run(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        import jamsos as executor_jamsos

        for batch in batches:
            if batch.num_rows == 0:
                continue
            result = executor_jamsos.assess(pa.Table.from_batches([batch]), period, income_grid=grid)
            yield from result.cast(target).to_batches()

    return df.mapInArrow(run, schema())
