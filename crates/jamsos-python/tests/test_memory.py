"""A million calls do not grow memory: results, errors and the GIL released
and taken back a million times leave the resident set where it was after
the first hundred thousand. Measured in a fresh interpreter, so that memory
the other tests left to the allocator (100,000-row Arrow tables) does not
move the figure."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import jamsos

# CONTRACT.md §1's case: PU Rp10,000,000, risk class 3, medium, 2025-04.
PU = {"period": "2025-04", "participant": {"category": "pu", "birth_date": "1990-05-17",
      "wage": 10000000, "risk_class": 3, "scale": "medium"}}
# D-4: income 0 is invalid (raises InvalidInput).
BAD = {"period": "2026-10", "participant": {"category": "bpu", "income": 0}}
LATE = '{"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"}'


def resident_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def calls(n: int) -> int:
    errors = 0
    for i in range(n):
        kind = i % 4
        if kind == 0:
            assert jamsos.contribution(PU)["totals"]["employer"] > 0
        elif kind == 1:
            jamsos.eligibility(PU)
        elif kind == 2:
            # D-29: one month late at 2% of Rp1,000,000.
            assert jamsos.fine(LATE)["fine"] == 20000
        else:
            try:
                jamsos.contribution(BAD)
            except jamsos.InvalidInput:
                errors += 1
    return errors


def measure() -> None:
    """Run in a fresh interpreter: prints the growth in KiB after each of
    three blocks of 300,000 calls, and the number of errors raised."""
    calls(100_000)
    gc.collect()
    before = resident_kib()
    errors = 0
    growth = []
    for _ in range(3):
        errors += calls(300_000)
        gc.collect()
        growth.append(resident_kib() - before)
    print(errors, *growth)


def test_a_million_calls_do_not_grow_memory():
    run = subprocess.run(
        [sys.executable, "-c", "import test_memory; test_memory.measure()"],
        cwd=Path(__file__).parent, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    errors, *growth = (int(x) for x in run.stdout.split())
    assert errors == 225_000
    # A leak of even 4 bytes a call would be 3.4 MiB here; the resident set
    # may move by a page or two.
    assert growth[-1] < 1024, f"resident set grew {growth} KiB after 300,000, 600,000, 900,000 calls"
