#!/usr/bin/env bash
# Runs the conformance corpus (../shared/conformance) under pyheap, on the categories the
# resolved issues promise, and checks the result against Tests/conformance-expected-failures.txt:
#
#   Scripts/conformance.sh PYHEAP [CATEGORY ...]      (default category: language)
#
# Fails when a case fails that the file does not list, or when a listed case passes (then
# the file must shrink). Each line of the file is "category/name: reason"; a line that starts
# with "[MODE] " applies only to a stress mode (CONFORMANCE_MODE=MODE, set by
# Scripts/stress-conformance.sh), on top of the plain lines.
set -uo pipefail
cd "$(dirname "$0")/.."
pyheap=${1:?usage: conformance.sh PYHEAP [CATEGORY ...]}
shift
categories=("$@")
[ ${#categories[@]} -eq 0 ] && categories=(language)
corpus=../shared/conformance
[ -d "$corpus" ] || { echo "conformance: $corpus not found" >&2; exit 2; }
expected_file=Tests/conformance-expected-failures.txt
mode=${CONFORMANCE_MODE:-}
expected=$(mktemp)
trap 'rm -f "$expected"' EXIT
# The plain lines, plus this mode's lines without their "[MODE] " prefix.
grep -v '^#' "$expected_file" | grep -v '^$' | grep -v '^\[' >"$expected" || true
if [ -n "$mode" ]; then
  grep "^\[$mode\] " "$expected_file" | sed "s/^\[$mode\] //" >>"$expected" || true
fi
status=0
for category in "${categories[@]}"; do
  output=$("$corpus/run" "$pyheap" "$corpus/cases/$category" 2>&1)
  echo "$output" | grep -v '^/' | sed "s/^/[$category] /"
  failing=$(echo "$output" | sed -n 's/^FAIL \([^:]*\):.*/\1/p')
  for name in $failing; do
    if ! grep -q "^$category/$name:" "$expected"; then
      echo "conformance: $category/$name fails and is not in $expected_file${mode:+ (mode $mode)}" >&2
      status=1
    fi
  done
  while IFS= read -r line; do
    name=${line%%:*}
    [[ "$name" == "$category/"* ]] || continue
    case_name=${name#"$category/"}
    if ! echo "$failing" | grep -qx "$case_name"; then
      echo "conformance: $name passes now; remove it from $expected_file${mode:+ (mode $mode)}" >&2
      status=1
    fi
  done <"$expected"
done
exit $status
