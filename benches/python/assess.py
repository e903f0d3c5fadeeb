#!/usr/bin/env python3
"""Benchmark of the Python package (not a timed test): jamsos.assess on a
1,000,000-row in-memory roster, in rows per second, and the ratio to the
vectorised pandas peer (pandas_peer.py) on the same table in the same run;
with --spark, jamsos.spark.assess in a local[2] session on 2,000,000 rows
from Parquet to Parquet, with the time of each stage.

    python benches/python/assess.py [--rows 1000000] [--repeat 3] [--spark]

Needs the wheel installed (docs/PYTHON.md), pandas, numpy, and pyspark for
--spark; the command line (JAMSOS_BIN, default target/release/jamsos)
generates the roster (`jamsos sample-roster`). The machine's conditions
(cores, load average) are printed with the figures: on a shared machine
the numbers move with the other work on it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import jamsos

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pandas_peer import AMOUNTS, assess_pandas  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
PERIOD = "2026-04"


def conditions() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"cores {os.cpu_count()}, load average {load}"


def roster(rows: int, seed: int, tmp: Path) -> pd.DataFrame:
    """`jamsos sample-roster` as typed Parquet, one period, 1% defective rows."""
    binary = os.environ.get("JAMSOS_BIN", str(REPO / "target" / "release" / "jamsos"))
    path = tmp / f"roster-{rows}.parquet"
    subprocess.run([binary, "sample-roster", "--rows", str(rows), "--seed", str(seed),
                    "--output", str(path)], check=True)
    table = pq.read_table(path).drop_columns(["period"])
    df = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get)
    rng = np.random.default_rng(seed)
    bad = rng.choice(rows, size=rows // 100, replace=False)
    kinds = np.arange(len(bad)) % 5
    df.loc[bad[kinds == 0], "category"] = "xyz"              # unsupported_category
    pu = df["category"].to_numpy() == "pu"
    pu_bad = bad[pu[bad]]
    df.loc[pu_bad[: len(pu_bad) // 3], "risk_class"] = 9    # invalid_risk_class
    df.loc[pu_bad[len(pu_bad) // 3: 2 * len(pu_bad) // 3], "wage"] = pd.NA  # missing_field
    df.loc[pu_bad[2 * len(pu_bad) // 3:], "scale"] = "huge"  # invalid_value
    bpu_bad = bad[(df["category"].to_numpy() == "bpu")[bad]]
    df.loc[bpu_bad, "income"] = 0                             # invalid_amount
    return df


def best(fn, repeat: int):
    """The last result, the best and median wall times, and the process's
    CPU time (every thread) of the best run: on a shared machine the wall
    time moves with the other work, the CPU time much less."""
    times = []
    result = None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0, time.process_time() - c0))
    return result, min(times)[0], statistics.median(t for t, _ in times), min(times)[1]


def agreement(ours: pa.Table, peer: pd.DataFrame) -> tuple[int, dict]:
    """Rows on which the peer equals jamsos in status, error code, the 18
    amounts and the 5 statuses; and the columns it differs in most."""
    a = ours.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    same = np.ones(len(a), dtype=bool)
    differs = {}
    for c in ["status", "error_code", *AMOUNTS, "jkk", "jkm", "jht", "jp", "jkp"]:
        x, y = a[c], peer[c]
        eq = ((x == y).fillna(False) | (x.isna() & y.isna())).to_numpy(dtype=bool)
        differs[c] = int((~eq).sum())
        same &= eq
    worst = dict(sorted(((k, v) for k, v in differs.items() if v), key=lambda kv: -kv[1])[:6])
    return int(same.sum()), worst


def bench_memory(rows: int, repeat: int, tmp: Path) -> None:
    df = roster(rows, 20260404, tmp)
    table = pa.Table.from_pandas(df, preserve_index=False)
    print(f"roster: {rows:,} rows, typed columns, 1% defective; {conditions()}")
    ours, t_best, t_med, t_cpu = best(lambda: jamsos.assess(table, PERIOD), repeat)
    print(f"jamsos.assess(pyarrow.Table): best {t_best:.3f} s, median {t_med:.3f} s "
          f"= {rows / t_best:,.0f} rows/s (best), {rows / t_med:,.0f} rows/s (median); "
          f"CPU {t_cpu:.3f} s in the best run (all threads)")
    _, p_best, p_med, p_cpu = best(lambda: jamsos.assess(df, PERIOD), repeat)
    print(f"jamsos.assess(pandas.DataFrame, via its Arrow stream): best {p_best:.3f} s "
          f"= {rows / p_best:,.0f} rows/s; CPU {p_cpu:.3f} s")
    peer, q_best, q_med, q_cpu = best(lambda: assess_pandas(df), repeat)
    print(f"pandas peer (vectorised numpy): best {q_best:.3f} s, median {q_med:.3f} s "
          f"= {rows / q_best:,.0f} rows/s; CPU {q_cpu:.3f} s")
    print(f"ratio jamsos.assess / pandas peer (best times): {q_best / t_best:.1f}x; "
          f"(medians): {q_med / t_med:.1f}x")
    same, worst = agreement(ours, peer)
    print(f"the peer agrees with jamsos on {same:,} of {rows:,} rows ({100 * same / rows:.2f}%) "
          f"in every compared cell; most differing columns: {worst}")
    print(f"conditions after: {conditions()}")


def bench_spark(rows: int, tmp: Path) -> None:
    from pyspark.sql import SparkSession

    import jamsos.spark

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    df = roster(rows, 20260405, tmp)
    source = tmp / "spark-roster.parquet"
    pq.write_table(pa.Table.from_pandas(df, preserve_index=False), source)
    spark = (SparkSession.builder.master("local[2]").appName("jamsos-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "2g")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark {spark.version} local[2], {rows:,} rows Parquet to Parquet; {conditions()}")

    def timed(label, fn):
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        print(f"  {label}: {t:.2f} s = {rows / t:,.0f} rows/s")
        return t

    roster_df = spark.read.parquet(str(source))
    timed("warm-up (JVM, first scan): count()", lambda: roster_df.count())
    t_scan = timed("read Parquet, write Parquet (no Python)",
                   lambda: roster_df.write.mode("overwrite").parquet(str(tmp / "copy.parquet")))

    def identity(batches):
        yield from batches

    t_arrow = timed("read, through Python workers unchanged (mapInArrow identity), write",
                    lambda: roster_df.mapInArrow(identity, roster_df.schema)
                    .write.mode("overwrite").parquet(str(tmp / "identity.parquet")))
    t_full = timed("read, jamsos.spark.assess, write",
                   lambda: jamsos.spark.assess(roster_df, PERIOD)
                   .write.mode("overwrite").parquet(str(tmp / "result.parquet")))
    out = pq.read_table(tmp / "result.parquet")
    assert out.num_rows == rows, out.num_rows
    print(f"  where the time goes: Parquet scan and write {t_scan:.2f} s; moving batches to and "
          f"from Python workers {max(t_arrow - t_scan, 0):.2f} s; assessing {max(t_full - t_arrow, 0):.2f} s")
    print(f"  conditions after: {conditions()}")
    spark.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spark", action="store_true", help="also Spark local[2]")
    parser.add_argument("--spark-rows", type=int, default=2_000_000)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    print(f"jamsos {jamsos.__version__}, Python {sys.version.split()[0]}, pandas {pd.__version__}, "
          f"numpy {np.__version__}, pyarrow {pa.__version__}")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_memory:
            bench_memory(args.rows, args.repeat, Path(tmp))
        if args.spark:
            bench_spark(args.spark_rows, Path(tmp))


if __name__ == "__main__":
    main()
