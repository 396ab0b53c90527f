#!/usr/bin/env python3
"""Writes the link order of pyheap's functions: the ones real programs run, packed together.

Usage: Scripts/function-order.py PYHEAP OUTPUT PROGRAM_DIR...

Runs `PYHEAP -c pass` and every `*.py` under the PROGRAM_DIRs (the project's own program
tests and the conformance corpus, not the benchmarks) under valgrind's callgrind, collects
the symbols of every function each run executed, and writes them to OUTPUT one per line,
those that more programs run first (then by name, so the file is stable). Linked with
`--symbol-ordering-file=OUTPUT` (Scripts/build-release.sh), the code a typical run
touches sits in a few hundred contiguous KiB instead of being spread over the 12 MiB of
text, so the kernel maps far fewer pages of the binary: it faults text in 64 KiB windows,
and every page mapped counts in the resident set.

PYHEAP should be a release build linked the same way (its symbols are what the order
names); functions the training runs never reach keep the linker's order after these.

Only whole input sections can be moved. A function that shares a big section with others
(the Swift standard library's main `.text` holds 1.5 MiB of code, and many of its
`.text.*` sections hold dozens of functions) would drag the whole section into the hot
region, so functions from shared sections of more than 64 KiB in the static libraries
are left out of the order.
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

DEFINITION = re.compile(r"^c?fn=\(\d+\) (.+?)(?:'\d+)?$")
SHARED_SECTION_LIMIT = 64 * 1024


def static_libraries():
    """The archives a static pyheap links beside its own code."""
    swift = subprocess.run(["which", "swift"], capture_output=True, text=True).stdout.strip()
    toolchain = os.path.dirname(os.path.dirname(os.path.realpath(swift))) if swift else "/opt/swift/usr"
    static = os.path.join(toolchain, "lib", "swift_static", "linux")
    archives = [os.path.join(static, name) for name in sorted(os.listdir(static)) if name.endswith(".a")] \
        if os.path.isdir(static) else []
    for name in ("libc.a", "libm.a", "libstdc++.a"):
        found = subprocess.run(["g++", "-print-file-name=" + name], capture_output=True, text=True).stdout.strip()
        if os.path.isabs(found) and os.path.exists(found):
            archives.append(found)
    return archives


def functions_in_shared_sections(archives):
    """Functions whose input section holds other code too and is over the limit."""
    shared = set()
    for archive in archives:
        listing = subprocess.run(["objdump", "-h", "-t", archive], capture_output=True, text=True).stdout
        sizes, members = {}, {}

        def flush():
            for section, names in members.items():
                if sizes.get(section, 0) > SHARED_SECTION_LIMIT and (len(names) > 1 or section == ".text"):
                    shared.update(names)
            sizes.clear()
            members.clear()

        for line in listing.splitlines():
            if line.startswith("In archive") or re.match(r"^\S+:\s+file format ", line):
                flush()
                continue
            fields = line.split()
            if len(fields) >= 3 and fields[0].isdigit() and fields[1].startswith(".text"):
                sizes[fields[1]] = int(fields[2], 16)
            elif "F" in fields[1:4]:
                section = fields[fields.index("F", 1) + 1]
                if section.startswith(".text"):
                    members.setdefault(section, []).append(fields[-1])
        flush()
    return shared


def executed_functions(pyheap, arguments, cwd):
    with tempfile.NamedTemporaryFile(suffix=".cg") as out:
        command = ["valgrind", "--tool=callgrind", "--demangle=no", "--callgrind-out-file=" + out.name,
                   pyheap] + arguments
        try:
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           stdin=subprocess.DEVNULL, timeout=600)
        except subprocess.TimeoutExpired:
            return set()
        names = set()
        with open(out.name, errors="replace") as profile:
            for line in profile:
                match = DEFINITION.match(line)
                if match:
                    names.add(match.group(1))
        return names


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    pyheap, output, directories = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    runs = [(["-c", "pass"], None)]
    for directory in directories:
        for root, _, files in os.walk(directory):
            for name in sorted(files):
                if name.endswith(".py"):
                    runs.append(([name], root))
    counts = collections.Counter()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for index, names in enumerate(pool.map(lambda run: executed_functions(pyheap, *run), runs)):
            counts.update(names)
            if index % 25 == 0:
                print(f"{index + 1}/{len(runs)} runs, {len(counts)} functions", file=sys.stderr)
    shared = functions_in_shared_sections(static_libraries())
    ordered = sorted((name for name in counts if name not in shared), key=lambda name: (-counts[name], name))
    print(f"{len(counts) - len(ordered)} functions left out: they share a big section", file=sys.stderr)
    with open(output, "w") as file:
        file.write("\n".join(ordered) + "\n")
    print(f"{len(ordered)} functions from {len(runs)} runs -> {output}", file=sys.stderr)


main()
