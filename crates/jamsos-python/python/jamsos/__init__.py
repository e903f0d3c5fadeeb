"""jamsos: Indonesia's BPJS Ketenagakerjaan law as exact Rust, from Python.

One document at a time, exactly the JSON contract v1 (docs/CONTRACT.md) that
the ``jamsos`` command line speaks::

    import jamsos
    result = jamsos.contribution({"period": "2026-10",
                                  "participant": {"category": "bpu", "income": 1000000}})
    result["totals"]["participant"]    # 8400, a Python int

Whole rosters as Arrow tables (pyarrow, polars, DuckDB, pandas through
``pyarrow.Table.from_pandas``)::

    table = jamsos.assess(roster, "2026-04")    # a pyarrow.Table

and on Spark with ``jamsos.spark.assess(df, "2026-04")``.

Money is whole rupiah as Python ``int`` both ways: a document is written as
JSON by the standard library (an ``int`` keeps every digit) and the answer is
read back by it (every JSON integer becomes an ``int``); no amount passes
through a float. A float where the contract wants an integer is invalid input
(``invalid_type``), as on the command line.
"""

from __future__ import annotations

import json
import os
from typing import Any, Mapping, Optional, Union

from . import _jamsos

__all__ = [
    "CONTRACT_VERSION",
    "InvalidInput",
    "__version__",
    "assess",
    "benefit",
    "contribution",
    "eligibility",
    "fine",
    "projection",
    "result_schema",
]

#: The package version (the Rust workspace's).
__version__: str = _jamsos.__version__
#: The contract version these functions speak (every result's ``version``).
CONTRACT_VERSION: int = _jamsos.CONTRACT_VERSION

Document = Union[Mapping[str, Any], str, bytes]
IncomeGrid = Union[str, "os.PathLike[str]", None]


class InvalidInput(ValueError):
    """Invalid input: the contract's error object (CONTRACT.md §1, docs/ERRORS.md).

    ``code`` is the error code (``missing_field``, ``invalid_amount``, ...),
    ``field`` the offending field as a dotted path (``participant.wage``) or
    ``None``, ``message`` an English sentence.
    """

    code: str
    field: Optional[str]
    message: str

    def __init__(self, code: str, message: str, field: Optional[str] = None) -> None:
        super().__init__(message)
        self.code = code
        self.field = field
        self.message = message

    def __repr__(self) -> str:
        return f"InvalidInput(code={self.code!r}, field={self.field!r}, message={self.message!r})"

    def __reduce__(self):  # picklable across processes (Spark, multiprocessing)
        return (InvalidInput, (self.code, self.message, self.field))


def _grid_text(income_grid: IncomeGrid) -> Optional[str]:
    """The CSV text of a caller's income grid: a path, or the text itself."""
    if income_grid is None:
        return None
    if isinstance(income_grid, os.PathLike):
        with open(income_grid, encoding="utf-8") as f:
            return f.read()
    if isinstance(income_grid, str):
        if income_grid.lstrip().startswith("from,to,nominal"):
            return income_grid
        with open(income_grid, encoding="utf-8") as f:
            return f.read()
    raise TypeError("income_grid is the CSV text (from,to,nominal) or a path to it")


def _text(doc: Document) -> str:
    if isinstance(doc, str):
        return doc
    if isinstance(doc, (bytes, bytearray)):
        try:
            return bytes(doc).decode("utf-8")
        except UnicodeDecodeError as e:
            raise InvalidInput("invalid_json", f"input is not UTF-8 (byte {e.start})") from None
    if isinstance(doc, Mapping):
        # The standard library writes an int with every digit and a float
        # with its decimal point, which the contract refuses (invalid_type).
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    raise TypeError(f"a document is a dict or its JSON text, not {type(doc).__name__}")


def _answer(command: str, doc: Document, income_grid: IncomeGrid = None) -> dict:
    status, out = _jamsos.respond(command, _text(doc), _grid_text(income_grid))
    value = json.loads(out)
    if status == 2:
        error = value["error"]
        raise InvalidInput(error["code"], error["message"], error["field"])
    if status != 0:
        raise RuntimeError(value["error"]["message"])
    return value


def contribution(doc: Document, *, income_grid: IncomeGrid = None) -> dict:
    """``jamsos contribution`` (CONTRACT.md §1): what each party pays.

    ``doc`` is the case as a dict or its JSON text; the result is the command
    line's JSON document as a dict (amounts are ``int``). ``income_grid``:
    the official BPU income grid as CSV text or a path (D-17), as
    ``--income-grid``. Raises :class:`InvalidInput`.
    """
    return _answer("contribution", doc, income_grid)


def eligibility(doc: Document, *, income_grid: IncomeGrid = None) -> dict:
    """``jamsos eligibility`` (CONTRACT.md §3): the programs and their status."""
    return _answer("eligibility", doc, income_grid)


def benefit(doc: Document) -> dict:
    """``jamsos benefit`` (CONTRACT.md §4): what a claim pays."""
    return _answer("benefit", doc)


def fine(doc: Document) -> dict:
    """``jamsos fine`` (CONTRACT.md §5): the due date and the late fine."""
    return _answer("fine", doc)


def projection(doc: Document) -> dict:
    """``jamsos projection`` (CONTRACT.md §6, D-36): the JHT balance year by
    year under the stated wage growth and yield, an estimate."""
    return _answer("projection", doc)


def assess(roster: Any, period: str, *, income_grid: IncomeGrid = None):
    """Assesses a roster (CONTRACT.md §2) like ``jamsos batch``: a ``pyarrow.Table``.

    ``roster`` is anything with ``__arrow_c_stream__`` (a pyarrow Table or
    RecordBatchReader, a polars DataFrame, a DuckDB relation; pandas through
    ``pyarrow.Table.from_pandas``) whose columns are the contract's, as
    strings or typed (integers, booleans, dates). One output row per input
    row, in order: ``id``, ``status``, ``error_code``, ``error_message``, the
    amount columns as ``int64`` (null in an error row) and the five program
    statuses. The GIL is released while it computes, on every core.
    """
    return _jamsos.assess(roster, period, _grid_text(income_grid))


def result_schema():
    """The ``pyarrow.Schema`` of :func:`assess`'s result (fixed)."""
    return _jamsos.result_schema()
