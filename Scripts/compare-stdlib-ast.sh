#!/usr/bin/env bash
# Parses every file of CPython's standard library with `pyheap --dump-ast` and with
# CPython's own `ast.parse` + `ast.dump`, and compares: the dump for files that parse,
# the printed SyntaxError (type, message, line, caret) for files that do not.
# Usage: Scripts/compare-stdlib-ast.sh [PYHEAP_BINARY]   (default .build/release/pyheap)
# Prints `N passed, M failed` and exits non-zero if any file differs.
set -uo pipefail
pyheap="${1:-.build/release/pyheap}"
[[ -x "$pyheap" ]] || { echo "compare-stdlib-ast: no binary at $pyheap (swift build -c release)" >&2; exit 2; }
expected=$(mktemp -d)
trap 'rm -rf "$expected"' EXIT
python3 - "$expected" <<'PY'
import ast, os, sys, sysconfig, traceback, io
out = sys.argv[1]
root = sysconfig.get_paths()["stdlib"]
files = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
    for name in sorted(filenames):
        if name.endswith(".py"):
            files.append(os.path.join(dirpath, name))
with open(os.path.join(out, "files"), "w") as listing:
    for index, path in enumerate(files):
        listing.write(f"{index}\t{path}\n")
        with open(path, "rb") as f:
            source = f.read()
        try:
            text = ast.dump(ast.parse(source)) + "\n"
            kind = "ok"
        except SyntaxError as e:
            text = "".join(traceback.format_exception_only(type(e), e))
            kind = "err"
        with open(os.path.join(out, f"{index}.{kind}"), "w") as f:
            f.write(text)
print(f"compare-stdlib-ast: {len(files)} files from {root}", file=sys.stderr)
PY
passed=0; failed=0
while IFS=$'\t' read -r index path; do
  if [[ -f "$expected/$index.ok" ]]; then
    if "$pyheap" --dump-ast "$path" 2>/dev/null | cmp -s - "$expected/$index.ok"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAIL (dump) $path"
    fi
  else
    # The file name differs (CPython's ast.parse reports "<unknown>"): compare the rest.
    actual=$("$pyheap" --dump-ast "$path" 2>&1 >/dev/null | sed -E 's/^  File "[^"]*", line/  File, line/')
    want=$(sed -E 's/^  File "[^"]*", line/  File, line/' "$expected/$index.err")
    if [[ "$actual" == "$want" ]]; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1)); echo "FAIL (error) $path: got '$actual', want '$want'"
    fi
  fi
done < "$expected/files"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
