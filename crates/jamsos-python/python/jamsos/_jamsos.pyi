"""The native module (Rust, PyO3): use the functions of ``jamsos`` instead."""

from typing import Any, Optional, Tuple

__version__: str
CONTRACT_VERSION: int

def respond(command: str, document: str, income_grid: Optional[str] = None) -> Tuple[int, str]: ...
def assess(roster: Any, period: str, income_grid: Optional[str] = None) -> Any: ...
def result_schema() -> Any: ...
