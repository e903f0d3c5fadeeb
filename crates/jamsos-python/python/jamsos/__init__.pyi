"""Type stubs of ``jamsos``: the JSON contract v1 (docs/CONTRACT.md) as typed dicts."""

import os
import sys
from typing import Any, List, Literal, Mapping, Optional, Union

if sys.version_info >= (3, 11):
    from typing import NotRequired, TypedDict
else:
    from typing_extensions import NotRequired, TypedDict

import pyarrow

__version__: str
CONTRACT_VERSION: int

Document = Union[Mapping[str, Any], str, bytes]
IncomeGrid = Union[str, os.PathLike[str], None]

Category = Literal["pu", "bpu", "jakon", "pmi"]
Program = Literal["jkk", "jkm", "jht", "jp", "jkp"]
Payer = Literal["employer", "worker", "participant", "government"]
Status = Literal["mandatory", "optional", "not_eligible"]

class InvalidInput(ValueError):
    """Invalid input: the contract's error object."""

    code: str
    field: Optional[str]
    message: str
    def __init__(self, code: str, message: str, field: Optional[str] = None) -> None: ...

class Coded(TypedDict):
    code: str
    message: str

class ProgramEntry(TypedDict):
    program: Program
    status: Status
    reasons: List[Coded]

class Component(TypedDict):
    label: str
    amount: int
    rule: str
    source: str

class Line(TypedDict):
    program: Literal["jkk", "jkm", "jht", "jp", "jkp", "jkk_jkm"]
    payer: Payer
    period: str
    base: NotRequired[int]
    rate: Optional[str]
    amount: int
    rule: str
    source: str
    components: NotRequired[List[Component]]

# `from` is a Python keyword, hence the functional form.
Allocation = TypedDict(
    "Allocation",
    {"from": Literal["jkk", "jkm"], "to": Literal["jkp"], "base": int, "rate": str, "amount": int},
)

class Totals(TypedDict):
    employer: int
    worker: int
    participant: int
    government: int

class ContributionResult(TypedDict):
    version: int
    period: str
    category: Category
    programs: List[ProgramEntry]
    lines: List[Line]
    deferred: List[Line]
    allocations: List[Allocation]
    totals: Totals
    due_date: Optional[str]
    warnings: List[Coded]

class EligibilityResult(TypedDict):
    version: int
    period: str
    category: Category
    programs: List[ProgramEntry]
    pension_age_reached_on: NotRequired[str]
    last_jp_period: NotRequired[str]
    jkp_participant: NotRequired[bool]

class Payment(TypedDict):
    label: str
    kind: Literal["balance", "partial", "monthly", "lump_sum", "periodic", "funeral", "wage_replacement", "maximum"]
    amount: int
    rule: str
    source: str

class BenefitResult(TypedDict):
    version: int
    benefit: Literal["jht", "jp", "jkp", "jkm", "jkk"]
    eligible: bool
    reasons: List[Coded]
    earliest_claim_date: Optional[str]
    payments: List[Payment]
    total: int
    notes: List[Coded]

class FineResult(TypedDict):
    version: int
    due_date: str
    months_late: int
    fine: int
    rule: str
    source: str

def contribution(doc: Document, *, income_grid: IncomeGrid = None) -> ContributionResult: ...
def eligibility(doc: Document, *, income_grid: IncomeGrid = None) -> EligibilityResult: ...
def benefit(doc: Document) -> BenefitResult: ...
def fine(doc: Document) -> FineResult: ...
def projection(doc: Document) -> dict[str, Any]: ...
def assess(roster: Any, period: str, *, income_grid: IncomeGrid = None) -> pyarrow.Table: ...
def result_schema() -> pyarrow.Schema: ...
def _grid_text(income_grid: IncomeGrid) -> Optional[str]: ...
