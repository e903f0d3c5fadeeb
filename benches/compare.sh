#!/usr/bin/env bash
# One command for the batch's speed against the bare floor (CONTRACT.md §2,
# docs/DESIGN.md "Batch"): builds both with --release, makes a sample roster if
# it is not there, then runs the floor (benches/src/bin/floor.rs: one thread,
# the csv crate, every record read, a fixed 27-column row written) and
# `jamsos batch` on the same file, alternately, ROUNDS times, CSV to CSV, each
# under /usr/bin/time -v. Prints each run's wall time, rows per second and peak
# memory, and the ratio of the best runs (batch rows/s over floor rows/s).
#
#   benches/compare.sh [ROWS] [ROUNDS]     # defaults: 10000000 2
#
# Environment: ROSTER (the roster file; default /tmp/jamsos-roster-ROWS.csv),
# OUT (where both write; default /dev/null would hide write costs, so a file:
# /tmp/jamsos-compare-out.csv, removed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
rounds=${2:-2}
roster=${ROSTER:-/tmp/jamsos-roster-$rows.csv}
out=${OUT:-/tmp/jamsos-compare-out.csv}

cargo build --quiet --release -p jamsos-cli -p jamsos-benches --bin jamsos --bin floor
bin=target/release
if [ ! -s "$roster" ]; then
  "$bin/jamsos" sample-roster --rows "$rows" --output "$roster"
fi

# time_run NAME CMD...: prints "NAME seconds rows/s peak-KiB"
time_run() {
  local name=$1; shift
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" 2> "$log" > /dev/null
  local wall rss secs
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  secs=$(awk -v t="$wall" 'BEGIN { n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }')
  awk -v n="$name" -v s="$secs" -v r="$rows" -v m="$rss" \
    'BEGIN { printf "%-6s %8.2f s %12d rows/s %8d KiB peak\n", n, s, r / s, m }'
  rm -f "$log"
}

echo "roster: $roster ($rows rows, $(stat -c %s "$roster") bytes); $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(mktemp)
# Each run starts alike: no output file to replace and the page cache's
# dirty pages written back (`sync`), so that neither pays for the other's
# writes.
# (Only a regular file is removed: OUT may be /dev/null.)
# The roster is read once before each run, so that both read it from the
# page cache rather than whichever comes first from the disk.
fresh() { if [ -f "$out" ]; then rm -f "$out"; fi; sync; cat "$roster" > /dev/null; }
for _ in $(seq "$rounds"); do
  fresh
  time_run floor "$bin/floor" "$roster" "$out" | tee -a "$results"
  fresh
  time_run batch "$bin/jamsos" batch --period 2026-04 --input "$roster" --output "$out" | tee -a "$results"
done
fresh
awk '{ if ($4 > best[$1]) best[$1] = $4 }
  END { printf "best: floor %d rows/s, batch %d rows/s, ratio %.2f\n", best["floor"], best["batch"], best["batch"] / best["floor"] }' "$results"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$results"
