#!/usr/bin/env bash
# Fuzzes PySyntax's tokenizer and parser with libFuzzer and AddressSanitizer.
#
# What it does:
#   1. builds Fuzz/ParserFuzzer.swift together with Sources/PySyntax in one
#      `swiftc -sanitize=fuzzer,address -O` invocation, into .build/fuzz/parser-fuzzer
#      (skipped when the binary is newer than every source);
#   2. writes seeds to .build/fuzz/seeds: pieces of about 1 KB (at most 4 KB) cut at top-level
#      statements from a fixed sample of the installed standard library (python3's sysconfig "stdlib"),
#      and tricky snippets (f-strings, deep nesting, coding cookies and bad encodings,
#      unterminated strings, indentation errors, …); and a dictionary of Python's keywords
#      and operators;
#   3. runs libFuzzer for SECONDS (default 60) with -max_len=4096 and -timeout=10, keeping
#      what it finds interesting in .build/fuzz/corpus (kept between runs).
#
# The harness also fails an input that takes more CPU time than a linear budget (see the
# harness's comment: PYSYNTAX_FUZZ_BUDGET_MS, PYSYNTAX_FUZZ_BUDGET_US_PER_BYTE).
#
# Exit status: 0 when libFuzzer ran for the whole time without finding anything; 1 on a crash,
# a sanitizer report, a leak, a timeout or a broken harness invariant (the input is saved in
# .build/fuzz/artifacts/, and the command to replay it is printed); 2 when the build failed.
#
# Usage: Scripts/fuzz-parser.sh [SECONDS] [-- LIBFUZZER_OPTIONS…]
#   e.g. Scripts/fuzz-parser.sh 1200
#        Scripts/fuzz-parser.sh 60 -- -jobs=2 -workers=2
# Replay one input: .build/fuzz/parser-fuzzer .build/fuzz/artifacts/crash-…
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-60}"
[[ $# -gt 0 ]] && shift
[[ "${1:-}" == "--" ]] && shift
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: Scripts/fuzz-parser.sh [SECONDS] [-- LIBFUZZER_OPTIONS…]" >&2; exit 2; }

say() { echo "fuzz-parser: $*"; }
dir=.build/fuzz
binary=$dir/parser-fuzzer
mkdir -p "$dir/corpus" "$dir/artifacts"

# 1. Build.
sources=$(find Sources/PySyntax -name '*.swift' | sort)
if [[ ! -x $binary ]] || [[ -n $(find Sources/PySyntax Fuzz "$0" -newer "$binary" -print -quit) ]]; then
  say "building $binary"
  linker=()
  command -v ld.lld >/dev/null && linker=(-use-ld=lld)   # gold warns about ASan's local symbols
  # shellcheck disable=SC2086
  if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g "${linker[@]}" \
      -module-name ParserFuzzer $sources Fuzz/ParserFuzzer.swift -o "$binary"; then
    say "build failed" >&2
    exit 2
  fi
fi

# 2. Seeds and dictionary.
rm -rf "$dir/seeds"
mkdir -p "$dir/seeds"
python3 - "$dir/seeds" "$dir/python.dict" <<'PY'
import keyword, os, random, sys, sysconfig
seeds, dictionary = sys.argv[1], sys.argv[2]
root = sysconfig.get_paths()["stdlib"]
files = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
    files += [os.path.join(dirpath, name) for name in sorted(filenames) if name.endswith(".py")]
random.Random(4).shuffle(files)
count = 0
def seed(data):
    global count
    with open(os.path.join(seeds, f"seed-{count:05}"), "wb") as f:
        f.write(data)
    count += 1
# Top-level statements of 150 files, packed into pieces of about 1 KB: small inputs run
# faster and mutate into more shapes. A statement longer than that is cut at 4 KB.
for path in files[:150]:
    with open(path, "rb") as f:
        lines = f.read().splitlines(keepends=True)
    piece = b""
    for line in lines:
        starts_statement = line[:1] not in (b" ", b"\t", b"\n", b"\r", b"#", b")", b"]", b"}")
        if starts_statement and len(piece) + len(line) > 1024 and piece:
            seed(piece)
            piece = b""
        piece += line
        if len(piece) > 4096:
            seed(piece[:4096])
            piece = b""
    if piece:
        seed(piece)
tricky = [
    b"f'{x!r:>{width}}' f\"{'a' 'b'}\" rf'{x}\\n' f'{{}}' f'{x=}' f'{x = !s:^10}'\n",
    b"f'{f'{x}'}'\n", b"f'{'\n", b"f'{x!z}'\n", b"f'{lambda x: 1}'\n", b"f'{a:{b:{c}}}'\n",
    b"(" * 199 + b")" * 199 + b"\n", b"(" * 201 + b"\n", b"[" * 150 + b"]" * 150 + b"\n",
    b"-" * 3000 + b"x\n", b"not " * 1000 + b"x\n", b"x" + b" ** x" * 1000 + b"\n",
    b"lambda: " * 500 + b"0\n", b"a if b else " * 500 + b"c\n",
    b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n",
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", b"# coding: utf-8\nx = '\xff'\n",
    b"# coding: bogus\nx = 1\n", b"\xef\xbb\xbf# coding: latin-1\n", b"x = '\xc3'\n",
    b"\xef\xbb\xbfx = 1\n", b"x = 1\x00\n", b"# coding: utf-16\n", b"\xed\xa0\x80 = 1\n",
    b"'abc\n", b"'''abc\n", b"\"\"\"\n\n", b"x = 'a\\\n", b"b'\xe9'\n", b"'\\N{LATIN SMALL'\n",
    b"if x:\n  a\n    b\n", b"if x:\n\ta\n        b\n", b"def f(\n", b"x = (1,\n", b"\\\n",
    b"match x:\n case [1, *r, {'k': v, **kw}] | Point(x=0) if r: pass\n case _: pass\n",
    b"async def f():\n    async with a as b, c:\n        await x\n    return [y async for y in z]\n",
    b"try:\n    pass\nexcept* (A, B) as e:\n    raise\nelse:\n    pass\nfinally:\n    pass\n",
    b"def f(a, /, b=1, *args, c, d=2, **kw) -> int: ...\n", b"@d\nclass C(B, metaclass=M): x: int = 1\n",
    b"0x_1 1__0 0b2 1e 1.e5j 09 0o8 1_000_000.000_1e-1_0j\n", b"x = 1if y else 2\n",
    b"print 'hello'\n", b"a = yield = 1\n", b"del f()\n", b"for x in y: break\nelse: continue\n",
    b"x := 1\n", b"(a, b) += 1\n", b"f(**x, *y)\n", b"global x\nx: int\n", b"import a.b as c, .d\n",
]
for snippet in tricky:
    seed(snippet)
print(f"fuzz-parser: {count} seeds ({len(tricky)} snippets) from {root}", file=sys.stderr)
tokens = keyword.kwlist + keyword.softkwlist + [
    "(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">", "=",
    ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=", "/=", "%=",
    "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->", "...", ":=", "<>",
    "'", '"', "'''", '"""', "f'", "rb'", "u'", "\\N{", "\\x", "\\u", "\\\n", "\n", "\r\n",
    "\t", "    ", "# coding: latin-1\n", "0x", "0o", "0b", "1_0", "1e-", "j", "!r", "!s", "=}",
]
with open(dictionary, "w") as f:
    for token in tokens:
        escaped = "".join(c if c.isalnum() or c in " _:.-+*/|&<>=%~^@!{}()[],;'" else f"\\x{ord(c):02x}" for c in token)
        f.write(f'"{escaped}"\n')
PY

# 3. Run.
log=$dir/last-run.log
say "running for $seconds s (log: $log)"
# detect_stack_use_after_return stays off, as in Scripts/asan-tests.sh. Swift's own crash
# handler is off: it trips over ASan's shadow memory and hides libFuzzer's report.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:allocator_may_return_null=1${ASAN_EXTRA_OPTIONS:+:$ASAN_EXTRA_OPTIONS}"
"$binary" -max_len=4096 -timeout=10 -rss_limit_mb=4096 -max_total_time="$seconds" \
  -dict="$dir/python.dict" -artifact_prefix="$dir/artifacts/" -print_final_stats=1 \
  "$@" "$dir/corpus" "$dir/seeds" 2>&1 | tee "$log" | grep -E --line-buffered '^#[0-9]+.*(pulse|DONE|INITED)|ERROR|ParserFuzzer:|Test unit written|SUMMARY|stat::'
status=${PIPESTATUS[0]}
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
if [[ $status -ne 0 ]]; then
  say "FAILED (libFuzzer exit status $status); see $log"
  grep -o "Test unit written to .*" "$log" | sed 's/^Test unit written to /fuzz-parser: replay with: '"${binary//\//\\/}"' /'
  exit 1
fi
say "no crash, timeout, leak or slow input: ${runs:-?} executions in $seconds s"
