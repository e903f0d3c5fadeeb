"""Generated rosters with defective rows, and the command line's answer to them.

A roster is `jamsos sample-roster` (every row a valid case) with every 53rd
row made defective in one of the ways below; the expected result is `jamsos
batch` on the same roster as CSV, read as strings (an empty cell is "").
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from conftest import cli

INTEGER_COLUMNS = ("wage", "risk_class", "active_workers", "income", "contract_value",
                   "contract_months", "extension_months", "jht_monthly")
BOOLEAN_COLUMNS = ("jkn_member", "paid_jkk_through_2025_01", "paid_through_2020_07", "subsidised")
DATE_COLUMNS = ("birth_date", "registered_on")

# Defects a typed column can hold (integers, booleans and dates stay valid
# values of their type): each makes an error row, or tests an edge.
TYPED_DEFECTS = [
    {"wage": "-5"},                      # invalid_amount (D-4)
    {"risk_class": "9"},                 # invalid_risk_class
    {"category": "xyz"},                 # unsupported_category / invalid_value
    {"category": ""},                    # missing_field
    {"scale": "huge"},                   # invalid_value
    {"income": "0"},                     # invalid_amount
    {"contract_months": "7"},            # invalid_contract_months (D-25)
    {"period": "2026-13"},               # invalid_period
    {"period": "1999-01"},               # period_out_of_range
    {"opt_in": "jht;jkk_jkm"},           # invalid_value: jkk_jkm is not a program to join
    {"wage": "", "income": ""},          # a required amount missing
    {"birth_date": "2031-01-01"},        # born after the period
    {"jkn_member": "true", "registered_on": "2019-03-01"},  # not applicable outside PU
]
# Defects only text can hold.
TEXT_DEFECTS = [
    {"wage": "12.5"},
    {"wage": "abc"},
    {"income": "1,000,000"},
    {"birth_date": "2025-02-30"},
    {"jkn_member": "yes"},
    {"risk_class": " 3"},
]
# A row without an id is named by its line (CONTRACT.md §2).
EMPTY_ID = {"id": ""}


def write_roster(path: Path, rows: int, seed: int, defects: list[dict]) -> list[dict]:
    """Writes a roster with defects; returns its rows (strings)."""
    run = cli(["sample-roster", "--rows", str(rows), "--seed", str(seed)])
    assert run.returncode == 0, run.stderr
    reader = csv.DictReader(io.StringIO(run.stdout.decode()))
    header = reader.fieldnames
    table = list(reader)
    for i in range(7, len(table), 53):
        table[i].update(defects[(i // 53) % len(defects)])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(table)
    return table


def batch(path: Path, period: str) -> list[dict]:
    """`jamsos batch --period period --input path`, rows as dicts of strings."""
    run = cli(["batch", "--period", period, "--input", str(path)])
    assert run.returncode == 0, run.stderr
    return list(csv.DictReader(io.StringIO(run.stdout.decode())))


def as_strings(table) -> list[dict]:
    """A result table's rows as the CSV output's strings (null is "")."""
    out = []
    for row in table.to_pylist():
        out.append({k: "" if v is None else str(v) for k, v in row.items()})
    return out
