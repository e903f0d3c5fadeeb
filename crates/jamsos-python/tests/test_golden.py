"""Every golden case of testdata/ through jamsos.<command>() equals the command line.

The result is the command line's JSON document as a dict, with the same
types (amounts are int, never float) and the same key order; invalid input
raises jamsos.InvalidInput with the command line's code, field and message.
The cases' own expectations, each citing its rule, are checked for the error
codes and the scalar values they give.
"""

from __future__ import annotations

import json

import pytest

import jamsos
from conftest import cli, golden_cases

CASES = golden_cases()


def strict(value):
    """The value with its types made visible (1 == 1.0 == True in Python)."""
    if isinstance(value, dict):
        return {k: strict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [strict(v) for v in value]
    return (type(value).__name__, value)


def test_every_command_has_golden_cases():
    assert {c["command"] for c in CASES} == {
        "contribution", "eligibility", "benefit", "fine", "projection"
    }
    assert len(CASES) >= 600


@pytest.mark.parametrize("case", CASES, ids=[f'{c["file"]}:{c["name"]}' for c in CASES])
def test_golden_case_equals_the_command_line(bin_path, case):
    command = case["command"]
    text = json.dumps(case["input"])
    run = cli([command], text.encode())
    assert run.returncode in (0, 2), run.stderr
    expected = json.loads(run.stdout)
    function = getattr(jamsos, command)
    for doc in (case["input"], text, text.encode()):
        if run.returncode == 2:
            with pytest.raises(jamsos.InvalidInput) as raised:
                function(doc)
            error = expected["error"]
            assert isinstance(raised.value, ValueError)
            assert (raised.value.code, raised.value.field, raised.value.message) == (
                error["code"],
                error["field"],
                error["message"],
            )
            assert str(raised.value) == error["message"]
        else:
            got = function(doc)
            assert strict(got) == strict(expected)
            # Same keys in the same order: the very document.
            assert json.dumps(got, ensure_ascii=False, separators=(",", ":")) == run.stdout.decode().rstrip("\n")

    want = case["expect"]
    if "error" in want:
        assert expected["error"]["code"] == want["error"]["code"]
        if "field" in want["error"]:
            assert expected["error"]["field"] == want["error"]["field"]
        return
    for key in ("due_date", "fine", "months_late", "total", "eligible", "earliest_claim_date",
                "pension_age_reached_on", "last_jp_period", "jkp_participant"):
        if key in want:
            assert strict(expected[key]) == strict(want[key]), key
    for payer, amount in want.get("totals", {}).items():
        assert strict(expected["totals"][payer]) == strict(amount), payer
