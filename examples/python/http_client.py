"""Calling the jamsos HTTP service from Python with the standard library only
(urllib, json): no packages.

Start the service, then run this file (from the repository root):

    cargo run --release -p jamsos-cli -- serve --port 8080 &
    python3 examples/python/http_client.py http://127.0.0.1:8080/

It checks the service is up, asks for one contribution (a result, 200) and
one invalid case (the contract's error document, 422), lists the rules in
force in April 2026, and streams examples/data/roster.csv through /v1/batch,
reading the result rows as they arrive. Money stays exact: amounts are JSON
integers, which Python reads as int; rates are decimal strings, read with
decimal.Decimal. Run by `cargo test -p jamsos-server --test python_client`.

In your own code:

    from http_client import Jamsos
    api = Jamsos("http://127.0.0.1:8080/")
    status, result = api.call("contribution", {"period": "2026-10",
        "participant": {"category": "bpu", "income": 1000000}})
"""

import csv
import decimal
import io
import json
import os
import sys
import urllib.error
import urllib.request


class Jamsos:
    """A client of one jamsos service."""

    def __init__(self, base_url, timeout=30):
        self.base = base_url.rstrip("/")
        self.timeout = timeout

    def _open(self, request):
        """(status, response) for 2xx and error answers alike: every non-2xx
        answer of the service has a JSON body too."""
        try:
            response = urllib.request.urlopen(request, timeout=self.timeout)
            return response.status, response
        except urllib.error.HTTPError as e:
            return e.code, e

    def call(self, command, document):
        """POST /v1/COMMAND: (200, result) or (422, {"error": ...}), the same
        documents `jamsos COMMAND` prints."""
        body = json.dumps(document).encode("utf-8")
        request = urllib.request.Request(
            f"{self.base}/v1/{command}",
            data=body,
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        status, response = self._open(request)
        with response:
            return status, json.loads(response.read())

    def get(self, path):
        status, response = self._open(urllib.request.Request(self.base + path))
        with response:
            return status, json.loads(response.read())

    def batch(self, period, roster_file):
        """POST /v1/batch: streams the roster file up (chunked) and yields
        the result rows as dictionaries while they come back."""
        def chunks():
            while True:
                piece = roster_file.read(64 * 1024)
                if not piece:
                    return
                yield piece

        request = urllib.request.Request(
            f"{self.base}/v1/batch?period={period}",
            data=chunks(),
            headers={"Content-Type": "text/csv"},
            method="POST",
        )
        status, response = self._open(request)
        with response:
            if status != 200:
                raise RuntimeError(json.loads(response.read())["error"]["message"])
            lines = io.TextIOWrapper(response, encoding="utf-8", newline="")
            yield from csv.DictReader(lines)


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080/"
    here = os.path.dirname(os.path.abspath(__file__))
    data = os.path.join(here, "..", "data")
    api = Jamsos(base)

    status, health = api.get("/healthz")
    print(f"healthz: {status} {health['status']}")

    with open(os.path.join(data, "pu-medium-factory.json"), encoding="utf-8") as f:
        case = json.load(f)
    status, result = api.call("contribution", case)
    totals = result["totals"]
    print(
        f"contribution: {status} period {result['period']} employer {totals['employer']}"
        f" worker {totals['worker']} government {totals['government']}"
    )
    jkk = next(line for line in result["lines"] if line["program"] == "jkk")
    # Rates are exact decimal strings; base x rate is exact in Decimal.
    exact = decimal.Decimal(jkk["base"]) * decimal.Decimal(jkk["rate"])
    print(f"jkk: {jkk['base']} x {jkk['rate']} = {exact} -> {jkk['amount']} ({jkk['rule']})")

    status, error = api.call("contribution", {"period": "2025-13"})
    print(f"invalid: {status} {error['error']['code']} {error['error']['field']}")

    status, rules = api.get("/v1/rules?period=2026-04")
    ceiling = next(t for t in rules["tables"] if t["table"] == "pp_45_2015::JP_WAGE_CEILING")
    print(
        f"rules 2026-04: {status} {len(rules['tables'])} tables in force;"
        f" JP wage ceiling {ceiling['value']} from {ceiling['from']}"
        f" ({ceiling['source']['instrument']})"
    )

    rows = ok = errors = employer = 0
    with open(os.path.join(data, "roster.csv"), "rb") as roster:
        for row in api.batch("2026-04", roster):
            rows += 1
            if row["status"] == "ok":
                ok += 1
                employer += int(row["total_employer"])
            else:
                errors += 1
    print(f"batch: {rows} rows, {ok} ok, {errors} errors, employer total {employer}")


if __name__ == "__main__":
    main()
