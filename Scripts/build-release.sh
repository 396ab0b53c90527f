#!/usr/bin/env bash
# Builds the release interpreter as it is measured and shipped: .build/release/pyheap.
#
#   bash Scripts/build-release.sh [extra swift build arguments]
#
# - `--static-swift-stdlib -static-executable`: one static binary. No shared libc,
#   libstdc++ or libm is mapped, which takes about 3 MiB off every run's resident set.
# - `-function-sections` and lld with `--symbol-ordering-file=Scripts/function-order.txt`:
#   the functions real programs run are laid out together (Scripts/function-order.py
#   writes the file), so a run faults in far fewer pages of the binary's text.
#
# The order file is an optimization only: a symbol it names that no longer exists is
# ignored, and a function it misses is placed after the others. Re-run
# Scripts/function-order.py after large changes to keep the layout tight.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
order="$PWD/Scripts/function-order.txt"
flags=(-c release --static-swift-stdlib
  -Xswiftc -static-executable
  -Xswiftc -Xfrontend -Xswiftc -function-sections
  -Xswiftc -use-ld=lld)
if [[ -s "$order" ]]; then
  flags+=(-Xlinker "--symbol-ordering-file=$order" -Xlinker --no-warn-symbol-ordering)
fi
swift build "${flags[@]}" --product pyheap "$@"
