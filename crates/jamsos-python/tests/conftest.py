"""Shared by the tests: the repository, the `jamsos` command line, the golden cases."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def jamsos_bin() -> str:
    """The command line the package is compared with (JAMSOS_BIN, default target/release/jamsos)."""
    return os.environ.get("JAMSOS_BIN", str(REPO / "target" / "release" / "jamsos"))


def cli(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([jamsos_bin(), *args], input=stdin, capture_output=True, check=False)


def golden_cases() -> list[dict]:
    """Every case of testdata/*/*.json with its file, in a stable order."""
    cases = []
    for path in sorted((REPO / "testdata").rglob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            case["file"] = str(path.relative_to(REPO))
            cases.append(case)
    return cases


@pytest.fixture(scope="session")
def bin_path() -> str:
    path = jamsos_bin()
    if not Path(path).is_file():
        pytest.fail(f"the jamsos command line is not built: {path} (cargo build --release -p jamsos-cli)")
    return path
