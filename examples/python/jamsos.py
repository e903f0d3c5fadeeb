"""Calling jamsos from Python through its C ABI, with ctypes only.

Build the library, then run this file (from the repository root):

    cargo build --release -p jamsos-ffi
    python3 examples/python/jamsos.py                      # a short demonstration
    python3 examples/python/jamsos.py contribution examples/data/pmi-agency.json

The library is found through --lib PATH, else the JAMSOS_LIB environment
variable, else target/release (then target/debug) of this repository. With a
command and a file (or standard input when the file is omitted or "-") the
script behaves like `jamsos COMMAND`: it prints the JSON document exactly as
the library returns it and exits with its status (0, 1 or 2).

In your own code:

    from jamsos import Jamsos
    lib = Jamsos("target/release/libjamsos_ffi.so")
    status, result = lib.contribution({"period": "2026-10",
        "participant": {"category": "bpu", "income": 1000000}})

The memory rules (docs/FFI.md): the input is only borrowed by the library;
the document it returns is the library's and must be given back with
jamsos_free, which `Jamsos.respond` does before it returns. Run by
`cargo test -p jamsos-ffi --test examples`.
"""

import ctypes
import json
import os
import sys

# The status codes of include/jamsos.h.
OK = 0
INTERNAL = 1
INVALID_INPUT = 2
ERR_NULL_POINTER = -1
ERR_UNKNOWN_COMMAND = -2
ERR_INVALID_GRID = -3
ERR_PANIC = -4

_REFUSALS = {
    ERR_NULL_POINTER: "a required pointer was NULL",
    ERR_UNKNOWN_COMMAND: "unknown command",
    ERR_INVALID_GRID: "the income grid is not a valid grid",
    ERR_PANIC: "jamsos panicked (a bug)",
}


class JamsosError(Exception):
    """The library refused a call (a negative status): no document."""

    def __init__(self, status):
        super().__init__(f"{_REFUSALS.get(status, 'refused')} (status {status})")
        self.status = status


def _library_name():
    if sys.platform == "darwin":
        return "libjamsos_ffi.dylib"
    if sys.platform == "win32":
        return "jamsos_ffi.dll"
    return "libjamsos_ffi.so"


class Jamsos:
    """The jamsos library, loaded from `path` (a libjamsos_ffi shared library).

    `income_grid`: the official BPU income grid as CSV text (header
    from,to,nominal; the command line's --income-grid), or None for the
    built-in provisional grid.
    """

    def __init__(self, path, income_grid=None):
        lib = ctypes.CDLL(path)
        # The output is received as a void pointer, not c_char_p: ctypes
        # would copy a c_char_p into bytes and drop the pointer, leaving
        # nothing to hand back to jamsos_free.
        lib.jamsos_respond_with_grid.argtypes = [
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.POINTER(ctypes.c_void_p),
            ctypes.POINTER(ctypes.c_size_t),
        ]
        lib.jamsos_respond_with_grid.restype = ctypes.c_int32
        lib.jamsos_free.argtypes = [ctypes.c_void_p]
        lib.jamsos_free.restype = None
        lib.jamsos_version.argtypes = []
        lib.jamsos_version.restype = ctypes.c_char_p
        lib.jamsos_contract_version.argtypes = []
        lib.jamsos_contract_version.restype = ctypes.c_uint32
        self._lib = lib
        self._grid = None if income_grid is None else income_grid.encode("utf-8")

    @property
    def version(self):
        """The library's version, e.g. "0.1.0" (a static string: not freed)."""
        return self._lib.jamsos_version().decode("utf-8")

    @property
    def contract_version(self):
        """The JSON contract version the library speaks (1)."""
        return self._lib.jamsos_contract_version()

    def respond(self, command, document):
        """Answers `document` (str or bytes of JSON) with `command`.

        Returns (status, text): status 0 (a result), 1 (internal) or 2
        (invalid input, the contract's error document), and the JSON text.
        Raises JamsosError when the library refuses the call.
        """
        if isinstance(document, str):
            document = document.encode("utf-8")
        grid = self._grid
        out = ctypes.c_void_p()
        out_len = ctypes.c_size_t()
        status = self._lib.jamsos_respond_with_grid(
            command.encode("utf-8"),
            document,
            len(document),
            grid,
            0 if grid is None else len(grid),
            ctypes.byref(out),
            ctypes.byref(out_len),
        )
        if status < 0:
            # A refusal never returns a buffer: there is nothing to free.
            raise JamsosError(status)
        try:
            text = ctypes.string_at(out.value, out_len.value).decode("utf-8")
        finally:
            # The buffer is the library's: give it back exactly once.
            self._lib.jamsos_free(out)
        return status, text

    def _call(self, command, case):
        document = case if isinstance(case, (str, bytes)) else json.dumps(case)
        status, text = self.respond(command, document)
        return status, json.loads(text)

    def contribution(self, case):
        """What each party pays: (status, result or {"error": ...})."""
        return self._call("contribution", case)

    def eligibility(self, case):
        """The programs and their status: (status, result or {"error": ...})."""
        return self._call("eligibility", case)

    def benefit(self, claim):
        """What a worker can claim: (status, result or {"error": ...})."""
        return self._call("benefit", claim)

    def fine(self, payment):
        """The late-payment fine: (status, result or {"error": ...})."""
        return self._call("fine", payment)


def find_library(path=None):
    """The library's path: `path`, $JAMSOS_LIB, or this repository's target/."""
    if path:
        return path
    if os.environ.get("JAMSOS_LIB"):
        return os.environ["JAMSOS_LIB"]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
    for profile in ("release", "debug"):
        candidate = os.path.join(target, profile, _library_name())
        if os.path.exists(candidate):
            return candidate
    sys.exit("jamsos.py: build the library first (cargo build --release -p jamsos-ffi) "
             "or give --lib PATH")


def demo(lib):
    print(f"jamsos {lib.version}, contract version {lib.contract_version}")

    # A market trader at the minimum declared income, October 2026.
    status, result = lib.contribution(
        {"period": "2026-10", "participant": {"category": "bpu", "income": 1000000}})
    print(f"contribution: status {status}, participant pays {result['totals']['participant']}")

    # Risk class 6 does not exist (classes are 1 to 5): the error document.
    status, result = lib.contribution({
        "period": "2025-04",
        "participant": {"category": "pu", "birth_date": "1990-05-17", "wage": 10000000,
                        "risk_class": 6, "scale": "medium"},
    })
    error = result["error"]
    print(f"invalid case: status {status}, {error['code']} at {error['field']}")

    # A late payment (CONTRACT.md section 5's example).
    status, result = lib.fine(
        {"category": "pu", "period": "2025-01", "amount": 1000000, "paid_on": "2025-03-10"})
    print(f"fine: status {status}, due {result['due_date']}, fine {result['fine']}")

    # A command the library does not know: refused, no document.
    try:
        lib.respond("contributions", "{}")
    except JamsosError as e:
        print(f"unknown command: {e}")


def main(argv):
    args = list(argv[1:])
    path = None
    if len(args) >= 2 and args[0] == "--lib":
        path = args[1]
        args = args[2:]
    lib = Jamsos(find_library(path))
    if not args:
        demo(lib)
        return 0
    if len(args) > 2:
        sys.exit("usage: jamsos.py [--lib PATH] [COMMAND [FILE]]")
    command = args[0]
    if len(args) == 1 or args[1] == "-":
        document = sys.stdin.buffer.read()
    else:
        with open(args[1], "rb") as f:
            document = f.read()
    try:
        status, text = lib.respond(command, document)
    except JamsosError as e:
        print(f"jamsos.py: {e}", file=sys.stderr)
        return 3
    # Bytes, not text: the document is UTF-8 whatever the terminal's locale.
    sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
