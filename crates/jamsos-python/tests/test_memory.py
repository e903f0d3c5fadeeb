"""A million calls do not grow memory: results, errors and the GIL released
and taken back a million times leave the resident set where it was after
the first hundred thousand."""

from __future__ import annotations

import gc

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


def test_a_million_calls_do_not_grow_memory():
    calls(100_000)
    gc.collect()
    before = resident_kib()
    errors = calls(900_000)
    gc.collect()
    after = resident_kib()
    assert errors == 225_000
    # A leak of even 16 bytes a call would be 14 MiB here.
    assert after - before < 8 * 1024, f"resident set grew {after - before} KiB over 900,000 calls"
