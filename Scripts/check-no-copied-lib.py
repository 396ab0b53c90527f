#!/usr/bin/env python3
"""Fails when a frozen module in Sources/PyRuntime/Lib repeats CPython's Lib.

Our standard is that every line is written here. This check compares each
`Lib/<name>.py` with CPython's module of the same name (`<name>.py`, or every
file of the package `<name>/`) and reports runs of identical lines: a run of
`MIN_RUN` or more consecutive matching lines, counting only lines long enough
(after stripping) that two independent authors would rarely write them the
same way. Short lines (`return self`, `pass`, `else:`) never count, and
neither do docstrings-only lines shorter than the threshold.

Usage: python3 Scripts/check-no-copied-lib.py [--report]
  --report  print every file's share of copied lines, not only failures.
"""
import difflib
import pathlib
import sys
import sysconfig

MIN_LINE = 26      # a stripped line must be this long to count
MIN_RUN = 4        # this many counted lines in a row is a copied run
MAX_SHARE = 0.03   # and no file may share more than this fraction of its counted lines

root = pathlib.Path(__file__).resolve().parent.parent
ours_dir = root / "Sources" / "PyRuntime" / "Lib"
stdlib = pathlib.Path(sysconfig.get_paths()["stdlib"])


def counted_lines(path):
    lines = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = " ".join(raw.split())
        if len(line) >= MIN_LINE:
            lines.append(line)
    return lines


def cpython_files(name):
    single = stdlib / f"{name}.py"
    if single.exists():
        yield single
    package = stdlib / name
    if package.is_dir():
        yield from sorted(package.glob("*.py"))


def copied_runs(ours, theirs):
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    return [block for block in matcher.get_matching_blocks() if block.size >= MIN_RUN]


def main():
    report = "--report" in sys.argv
    failures = 0
    for path in sorted(ours_dir.glob("*.py")):
        ours = counted_lines(path)
        if not ours:
            continue
        copied = set()
        worst = []
        for other in cpython_files(path.stem):
            for block in copied_runs(ours, counted_lines(other)):
                copied.update(range(block.a, block.a + block.size))
                worst.append((block.size, block.a, other.name))
        share = len(copied) / len(ours)
        bad = bool(worst) or share > MAX_SHARE
        if bad:
            failures += 1
        if bad or report:
            print(f"{'FAIL' if bad else 'ok  '} {path.name}: {share:.0%} of {len(ours)} counted lines match CPython")
            for size, start, other in sorted(worst, reverse=True)[:5]:
                print(f"       run of {size} lines from our counted line {start + 1} (CPython {other}): {ours[start][:70]}")
    if failures:
        print(f"{failures} frozen module(s) repeat CPython's Lib; rewrite them from the documented behaviour")
        return 1
    print("frozen modules: no runs copied from CPython's Lib")
    return 0


if __name__ == "__main__":
    sys.exit(main())
