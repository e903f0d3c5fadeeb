"""The package's own surface: versions, the error class, money as int, the income grid."""

from __future__ import annotations

import pickle
import tomllib
from pathlib import Path

import pytest

import jamsos
from conftest import REPO, cli

# CONTRACT.md §1: BPU, income Rp1,000,000 in 2026-10; PP 50/2025 halves JKK
# (1% → 0.5% = 5,000) and JKM (6,800 → 3,400), 8,400 in all (D-21).
BPU = {"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}}


def test_versions():
    workspace = tomllib.loads((REPO / "Cargo.toml").read_text())
    assert jamsos.__version__ == workspace["workspace"]["package"]["version"]
    assert jamsos.CONTRACT_VERSION == 1
    assert jamsos.contribution(BPU)["version"] == jamsos.CONTRACT_VERSION


def test_amounts_are_int():
    result = jamsos.contribution(BPU)
    assert result["totals"]["participant"] == 8400
    assert all(type(line["amount"]) is int for line in result["lines"])
    assert {line["amount"] for line in result["lines"]} == {5000, 3400}


def test_invalid_input_is_a_value_error_naming_the_field():
    # D-4: a declared income is at least Rp1.
    with pytest.raises(jamsos.InvalidInput) as raised:
        jamsos.contribution({"period": "2026-10", "participant": {"category": "bpu", "income": 0}})
    e = raised.value
    assert isinstance(e, ValueError)
    assert (e.code, e.field) == ("invalid_amount", "participant.income")
    assert pickle.loads(pickle.dumps(e)).field == "participant.income"
    # A float is not whole rupiah (CONTRACT.md: 5000000.0 is a type error).
    with pytest.raises(jamsos.InvalidInput) as raised:
        jamsos.contribution({"period": "2026-10", "participant": {"category": "bpu", "income": 1000000.0}})
    assert (raised.value.code, raised.value.field) == ("invalid_type", "participant.income")
    with pytest.raises(jamsos.InvalidInput) as raised:
        jamsos.fine("{")
    assert (raised.value.code, raised.value.field) == ("invalid_json", None)
    with pytest.raises(TypeError):
        jamsos.fine(42)


def test_an_amount_past_2_to_the_64_is_out_of_range_not_rounded():
    late = {"category": "pu", "period": "2025-01", "amount": 2**64, "paid_on": "2025-03-10"}
    with pytest.raises(jamsos.InvalidInput) as raised:
        jamsos.fine(late)
    assert raised.value.field == "amount"


def test_income_grid_as_the_command_line(bin_path, tmp_path: Path):
    # D-17: with a caller's official grid, Rp5,000,000 pays on its row's
    # nominal (here 1,200,000) and the result has no provisional_table warning.
    grid = "from,to,nominal\n1,1099999,1000000\n1100000,999999999,1200000\n"
    path = tmp_path / "grid.csv"
    path.write_text(grid)
    case = {"period": "2025-04", "participant": {"category": "bpu", "income": 5000000}}
    import json

    run = cli(["contribution", "--income-grid", str(path)], json.dumps(case).encode())
    assert run.returncode == 0, run.stderr
    expected = json.loads(run.stdout)
    assert jamsos.contribution(case, income_grid=grid) == expected
    assert jamsos.contribution(case, income_grid=path) == expected
    assert {line["base"] for line in expected["lines"] if "base" in line} == {1200000}
    assert "provisional_table" not in {w["code"] for w in expected["warnings"]}
    with pytest.raises(ValueError):
        jamsos.contribution(case, income_grid="from,to,nominal\n5,4,1\n")
