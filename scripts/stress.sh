#!/usr/bin/env bash
# The browser tests under contention (`make test-stress`; not part of CI): they run
# RUNS times in a row (default 5) while stress-ng keeps every core busy, and each run's
# time and result is printed. Any failed run fails the whole command (after all runs).
# Needs the built sites (`make dist dist-faults`) and stress-ng (scripts/setup.sh --stress).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-5}"
cores="$(nproc)"
cargo test -q -p jinyi-tools --test browser --no-run
stress-ng --cpu "$cores" --timeout 0 --quiet &
load=$!
trap 'kill "$load" 2>/dev/null || true' EXIT
echo "stress: $runs runs of the browser tests while stress-ng --cpu $cores keeps the machine busy"
failed=0
for i in $(seq 1 "$runs"); do
  log="target/stress-run-$i.log"
  start=$(date +%s)
  if cargo test -p jinyi-tools --test browser >"$log" 2>&1; then result=passed; else result=FAILED; failed=$((failed + 1)); fi
  summary="$(grep '^test result:' "$log" | tail -1)"
  echo "run $i: $result in $(( $(date +%s) - start )) s: ${summary:-no result line} (log: $log)"
done
echo "stress: $failed of $runs runs failed"
[ "$failed" -eq 0 ]
