#!/usr/bin/env bash
# Records CPython 3.11's output for every program under Tests/ProgramTests/Programs/language
# (and any folder given): NAME.out (stdout), and for a non-zero exit NAME.exit and NAME.err
# (the last non-empty stderr line), exactly as ../shared/conformance/regen does. Run it after
# adding or editing a program; never edit the .out files by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || { echo "record-program-outputs: needs CPython 3.11 (set PYTHON=)" >&2; exit 1; }
dirs=("$@")
[ ${#dirs[@]} -eq 0 ] && dirs=(Tests/ProgramTests/Programs/language)
for dir in "${dirs[@]}"; do
  for program in "$dir"/*.py; do
    base=${program%.py}
    rm -f "$base.out" "$base.err" "$base.exit"
    set +e
    (cd "$dir" && PYTHONHASHSEED=0 "$python" -I "$(basename "$program")" >"$(basename "$base").out" 2>"/tmp/record-err.$$" </dev/null)
    status=$?
    set -e
    if [ "$status" -ne 0 ]; then
      echo "$status" >"$base.exit"
      awk 'NF { last = $0 } END { print last }' "/tmp/record-err.$$" >"$base.err"
    fi
    rm -f "/tmp/record-err.$$"
    echo "recorded $program (exit $status)"
  done
done
