#!/usr/bin/env bash
# Runs the conformance corpus under pyheap's stress modes, each checked like the plain run
# (Scripts/conformance.sh and Tests/conformance-expected-failures.txt):
#
#   Scripts/stress-conformance.sh gcstress     a young collection at every safe point
#   Scripts/stress-conformance.sh verifyheap   the debug allocator (guard bytes), and the heap
#                                              verifier + object check after every collection
#   Scripts/stress-conformance.sh asan         an optimized AddressSanitizer build of pyheap
#
# A mode takes the categories to run after it (default: all but tracemalloc's byte counts,
# which the debug allocator's guard bytes change).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
mode=${1:?usage: stress-conformance.sh gcstress|verifyheap|asan [CATEGORY ...]}
shift
categories=("$@")
[ ${#categories[@]} -eq 0 ] && categories=(language gc weakref finalizers sys refcount interning seeds)
case "$mode" in
  gcstress)
    bash Scripts/build-release.sh >/dev/null
    command=".build/release/pyheap -X gcstress" ;;
  verifyheap)
    bash Scripts/build-release.sh >/dev/null
    command=".build/release/pyheap -X debugalloc -X verifyheap" ;;
  asan)
    # Optimized, as ASan is usually run: the unoptimized build took two cases past the
    # runner's 20 s limit. The unit tests still run under a debug ASan build
    # (Scripts/asan-tests.sh), with the debug invariant checks on.
    swift build -c release --product pyheap --sanitize=address --scratch-path .build/asan-release >/dev/null
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
    command=".build/asan-release/release/pyheap" ;;
  *) echo "stress-conformance: unknown mode $mode" >&2; exit 2 ;;
esac
echo "stress mode $mode: $command"
CONFORMANCE_MODE=$mode bash Scripts/conformance.sh "$command" "${categories[@]}"
