#!/usr/bin/env bash
# Runs the programs under the given folders of Tests/ProgramTests/Programs with a pyheap
# binary and compares them with CPython's recorded output (NAME.out, and for a non-zero
# exit NAME.exit and the last stderr line NAME.err), as ProgramTests does, without a
# Swift test build. With PYHEAP_FROZEN_PATH set, edited frozen modules are tried
# without rebuilding the binary.
#   bash Scripts/run-programs.sh .build/release/pyheap Tests/ProgramTests/Programs/modules/weakref ...
set -uo pipefail
pyheap=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); shift
passed=0; failed=0
for dir in "$@"; do
  for program in "$dir"/*.py; do
    base=${program%.py}
    out=$(cd "$dir" && timeout 60 "$pyheap" "$(basename "$program")" 2>/tmp/run-programs-err.$$ </dev/null)
    status=$?
    expected_status=0; [ -f "$base.exit" ] && expected_status=$(cat "$base.exit")
    ok=1
    [ "$out" == "$(cat "$base.out")" ] || ok=0
    [ "$status" == "$expected_status" ] || ok=0
    if [ -f "$base.err" ]; then
      last=$(awk 'NF { last = $0 } END { print last }' /tmp/run-programs-err.$$)
      [ "$last" == "$(cat "$base.err")" ] || ok=0
    fi
    if [ $ok = 1 ]; then passed=$((passed + 1)); else
      failed=$((failed + 1)); echo "FAIL $program (exit $status, expected $expected_status)"
      diff <(echo "$out") "$base.out" | head -10
      tail -3 /tmp/run-programs-err.$$
    fi
  done
done
rm -f /tmp/run-programs-err.$$
echo "$passed passed, $failed failed"
[ $failed = 0 ]
