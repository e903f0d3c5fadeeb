#!/usr/bin/env python3
"""Rewrites the expected BPU amounts of the golden cases from the income table
of PP 44/2015 Lampiran II (docs/REGULATIONS.md §4.1, DECISIONS.md D-17), and
writes testdata/bpu/table.json: both edges of every one of the 33 rows.

The table below is typed in from the regulation text, not read from the Rust
code, so the golden cases stay an independent check. Integer arithmetic only
(D-1, D-2): a rate is a decimal string turned into a fraction.

Run from the repository root: python3 testdata/tools/bpu_table.py
"""
import json
from fractions import Fraction
from pathlib import Path

# (row, income from, nominal base): docs/REGULATIONS.md §4.1, half-open rows.
ROWS = [
    (1, 0, 1_000_000), (2, 1_100_000, 1_200_000), (3, 1_300_000, 1_400_000),
    (4, 1_500_000, 1_600_000), (5, 1_700_000, 1_800_000), (6, 1_900_000, 2_000_000),
    (7, 2_100_000, 2_200_000), (8, 2_300_000, 2_400_000), (9, 2_500_000, 2_600_000),
    (10, 2_700_000, 2_950_000), (11, 3_200_000, 3_450_000), (12, 3_700_000, 3_950_000),
    (13, 4_200_000, 4_450_000), (14, 4_700_000, 4_950_000), (15, 5_200_000, 5_450_000),
    (16, 5_700_000, 5_950_000), (17, 6_200_000, 6_450_000), (18, 6_700_000, 6_950_000),
    (19, 7_200_000, 7_450_000), (20, 7_700_000, 7_950_000), (21, 8_200_000, 8_700_000),
    (22, 9_200_000, 9_700_000), (23, 10_200_000, 10_700_000), (24, 11_200_000, 11_700_000),
    (25, 12_200_000, 12_700_000), (26, 13_200_000, 13_700_000), (27, 14_200_000, 14_700_000),
    (28, 15_200_000, 15_700_000), (29, 16_200_000, 16_700_000), (30, 17_200_000, 17_700_000),
    (31, 18_200_000, 18_700_000), (32, 19_200_000, 19_700_000), (33, 20_200_000, 20_700_000),
]


def row_of(income):
    """The row holding a declared income: from <= income < next from."""
    held = [r for r in ROWS if r[1] <= income]
    return held[-1]


def round_half_up(x):
    """D-2: half away from zero, for the non-negative amounts here."""
    return int((x * 2 + 1) // 2)


def rewrite(case):
    p = case["input"]["participant"]
    expect = case["expect"]
    if "lines" not in expect:
        return False
    row, _, base = row_of(p["income"])
    changed = False
    for line in expect["lines"]:
        if line.get("base") is None or line["program"] not in ("jkk", "jht"):
            continue
        amount = round_half_up(Fraction(base) * Fraction(line["rate"]))
        if (line["base"], line["amount"]) != (base, amount):
            line["base"], line["amount"] = base, amount
            changed = True
    if changed:
        totals = {k: 0 for k in expect["totals"]}
        for line in expect["lines"]:
            totals[line["payer"]] += line["amount"]
        expect["totals"] = totals
        note = f"table row {row}: income {p['income']:,} pays on {base:,} (D-17, REGULATIONS 4.1)"
        if "table row" not in case["source"]:
            case["source"] = f"{case['source']}; {note}"
    return changed


def edge_cases():
    """Both edges of every row, in a month with no discount or relief."""
    cases = []
    for i, (row, start, base) in enumerate(ROWS):
        ends = [start, ROWS[i + 1][1] - 1] if i + 1 < len(ROWS) else [start, 1_000_000_000_000]
        if row == 1:
            ends[0] = 1  # D-4: a declared income is at least Rp1.
        for edge, income in zip(("low", "high"), ends):
            jkk = round_half_up(Fraction(base) / 100)
            jht = round_half_up(Fraction(base) * 2 / 100)
            cases.append({
                "name": f"bpu-table-row-{row}-{edge}-edge-{income}",
                "source": f"D-17; REGULATIONS 4.1 table row {row} ({edge} edge): income {income:,} pays on {base:,}",
                "command": "contribution",
                "input": {"period": "2025-07", "participant": {
                    "category": "bpu", "birth_date": "1985-03-12", "income": income, "opt_in": ["jht"]}},
                "expect": {
                    "lines": [
                        {"program": "jkk", "payer": "participant", "period": "2025-07",
                         "base": base, "rate": "0.01", "amount": jkk},
                        {"program": "jkm", "payer": "participant", "period": "2025-07",
                         "rate": None, "amount": 6800},
                        {"program": "jht", "payer": "participant", "period": "2025-07",
                         "base": base, "rate": "0.02", "amount": jht},
                    ],
                    "totals": {"employer": 0, "worker": 0, "participant": jkk + 6800 + jht,
                               "government": 0},
                    "warnings": ["provisional_table"],
                    "due_date": "2025-07-15",
                },
            })
    return cases


def main():
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "bpu").glob("*.json")):
        if path.name == "table.json":
            continue
        cases = json.loads(path.read_text())
        n = sum(rewrite(c) for c in cases
                if c.get("command") in ("contribution", None)
                and isinstance(c["input"].get("participant"), dict)
                and c["input"]["participant"].get("category") == "bpu")
        if n:
            path.write_text(json.dumps(cases, indent=2, ensure_ascii=False) + "\n")
            print(f"{path.name}: {n} cases rewritten")
    (root / "bpu" / "table.json").write_text(json.dumps(edge_cases(), indent=2) + "\n")
    print("table.json: 66 edge cases")


if __name__ == "__main__":
    main()
