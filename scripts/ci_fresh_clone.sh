#!/usr/bin/env bash
# CI: the first run on a fresh machine, in a fresh clone of this repository's HEAD.
#  1. `bash scripts/demo.sh` twice: exit 0, no warning and no traceback in stdout+stderr, the
#     output ends with the store's summary, and the second run installs nothing and stores no
#     duplicates (same event count).
#  2. `bash scripts/test.sh` twice: the first adds the dev lock on top of the demo's runtime
#     lock (without reinstalling it) and runs the whole suite; the second must install nothing,
#     so it runs a cheap selection only (extra arguments go to pytest, default
#     `-x tests/test_docs.py`) to keep CI time low.
#  3. `bash scripts/demo.sh` once more: after the test set-up it still installs nothing.
# Usage: bash scripts/ci_fresh_clone.sh [pytest arguments for the second test run]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
second=("$@")
[ ${#second[@]} -gt 0 ] || second=(-x tests/test_docs.py)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/eventwire"
# The tests and benchmarks read the shared reference data next to the repository (../shared).
if [ -d "$repo/../shared" ]; then
  ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"
fi
cd "$work/eventwire"

fail() { echo "ci_fresh_clone: $*" >&2; exit 1; }
stamps() { stat -c '%n %y' .venv/.eventwire-stamps/* 2>/dev/null || true; }
run() {  # log name, command...: run it, log stdout+stderr, fail on a non-zero exit
  local log="$work/$1.log" start=$SECONDS
  shift
  "$@" > "$log" 2>&1 || { cat "$log" >&2; fail "'$*' exited non-zero"; }
  echo "ci_fresh_clone: '$*' took $((SECONDS - start)) s"
}
clean() {  # log name: no warning, no traceback
  if grep -n -i -E 'warning|traceback' "$work/$1.log" >&2; then
    fail "$1: the output above has a warning or a traceback"
  fi
}
demo() {  # log name: run the demo and check its output ends with the store's summary
  run "$1" bash scripts/demo.sh
  clean "$1"
  .venv/bin/eventwire summary --db eventwire-demo.duckdb > "$work/summary.txt"
  local n
  n=$(wc -l < "$work/summary.txt")
  tail -n "$n" "$work/$1.log" | cmp -s - "$work/summary.txt" \
    || fail "$1: the demo's output does not end with the store's summary"
  grep -E '^eventwire-demo\.duckdb: [0-9]+ articles, [0-9]+ events' "$work/summary.txt" \
    > "$work/$1.count" || fail "$1: no event count in the summary"
}

demo demo1
installed=$(stamps)
[ -n "$installed" ] || fail "demo1: setup wrote no stamp"
demo demo2
[ "$(stamps)" = "$installed" ] || fail "demo2: the second demo run installed again"
cmp -s "$work/demo1.count" "$work/demo2.count" \
  || fail "demo2: the event count changed: $(cat "$work/demo1.count") -> $(cat "$work/demo2.count")"

run test1 bash scripts/test.sh
runtime_stamp=$(grep 'stamps/runtime ' <<< "$(stamps)" || true)
[ "$runtime_stamp" = "$(grep 'stamps/runtime ' <<< "$installed")" ] \
  || fail "test1: the test set-up reinstalled the runtime lock"
installed=$(stamps)
run test2 bash scripts/test.sh "${second[@]}"
[ "$(stamps)" = "$installed" ] || fail "test2: the second test run installed again"
demo demo3
[ "$(stamps)" = "$installed" ] || fail "demo3: the demo after the tests installed again"
echo "ci_fresh_clone: ok ($(cat "$work/demo2.count"); .venv $(du -sh .venv | cut -f1))"
