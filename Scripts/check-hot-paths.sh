#!/usr/bin/env bash
# Checks the machine code of PyHeap's hot paths for Swift runtime calls.
#
# Timings drift; machine code does not. The hot paths must compile to plain loads, stores
# and branches plus calls to their own `@inline(never)` slow paths: no ARC
# (`swift_retain`/`swift_release`), no dynamic exclusivity checks
# (`swift_beginAccess`/`swift_endAccess`), no lazy-global initialisation (`swift_once`), no
# boxing (`swift_allocObject`, `swift_allocError`), no casts (`swift_dynamicCast*`). See
# STYLE.md §5.11 and SWIFT-PERFORMANCE.md §4–§6.
#
# Two kinds of hot path are checked:
#
# 1. Inlinable fast paths (`Heap.allocate`, `Heap.free`, `PyRef.incref`, `RuntimeRef.decref`,
#    `RuntimeRef.allocateObject`/`freeObject`, and what they inline). They are
#    `@inlinable @inline(__always)` and have no symbol of their own, so the benchmark package
#    has a tiny executable, `hot-path-probe`, whose `probe…` functions are `@inline(never)`
#    wrappers around one fast-path use each, compiled in release exactly as a client module
#    compiles them. Every `probe…` function is disassembled; a forbidden call fails. The
#    script also looks one level into the functions the probes call: a global's addressor
#    reached from a fast path is reported (and fails with --strict, or always if it runs
#    `swift_once`); runtime calls inside slow paths are reported as notes.
# 2. The cycle collector's inner loops (`updateRefs`, `subtractRefs`, `updateAndSubtractRefs`,
#    `updateAndSubtractYoungRefs`,
#    `moveUnreachable`, `walkMarkingAlive`, the collector's visit procs and the built-in types' traverse procs). They are internal to
#    PyRuntime, so they cannot be probed; PyRuntime is compiled (in release, whole-module)
#    into `pyheap-bench`, whose gc suite runs them, and the script finds them there by
#    demangled name. Every symbol matching one (specialised clones and the C-convention
#    thunks of the closures included) is disassembled; a forbidden call fails, and so does
#    a function with no symbol at all (renamed, or inlined into its caller: the check would
#    silently cover nothing).
#
# Usage: Scripts/check-hot-paths.sh [--strict] [--no-build]
#   --strict    also fail when a fast path calls a global's addressor
#   --no-build  use the existing release builds of Benchmarks/ (hot-path-probe, pyheap-bench)
# Exit status: 0 clean, 1 violation found, 2 build or tooling failure.
# Needs: swift (build, demangle), nm and objdump (binutils), on Linux x86-64 or arm64.

set -euo pipefail

strict=0
build=1
for argument in "$@"; do
  case "$argument" in
    --strict) strict=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-hot-paths: unknown argument: $argument" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$repo/Benchmarks"
probe_sources="$bench/Sources/hot-path-probe"
product="hot-path-probe"
# Runtime entry points that must not appear in a fast path (prefixes: swift_retain also
# covers swift_retain_n, swift_dynamicCast covers swift_dynamicCastClass and the rest).
forbidden='^swift_(retain|release|bridgeObjectRetain|bridgeObjectRelease|unknownObjectRetain|unknownObjectRelease|nonatomic_retain|nonatomic_release|beginAccess|endAccess|allocObject|allocError|dynamicCast|once)'
forbidden_list="swift_retain* swift_release* swift_bridgeObject{Retain,Release}* swift_unknownObject{Retain,Release}* swift_nonatomic_{retain,release}* swift_beginAccess swift_endAccess swift_allocObject swift_allocError swift_dynamicCast* swift_once"

for tool in swift nm objdump; do
  command -v "$tool" >/dev/null || { echo "check-hot-paths: $tool not found" >&2; exit 2; }
done

say() { echo "check-hot-paths: $*"; }

collector_product="pyheap-bench"
if [[ $build == 1 ]]; then
  log="$(mktemp)"
  trap 'rm -f "$log"' EXIT
  for target in "$product" "$collector_product"; do
    say "building $target (release) in ${bench#"$repo"/}/"
    if ! swift build -c release --package-path "$bench" --product "$target" >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      say "build failed" >&2
      exit 2
    fi
  done
fi
bin_path="$(swift build -c release --package-path "$bench" --show-bin-path)"
binary="$bin_path/$product"
collector_binary="$bin_path/$collector_product"
for file in "$binary" "$collector_binary"; do
  [[ -x $file ]] || { say "no binary at $file (run without --no-build)" >&2; exit 2; }
done
say "binaries: $binary, $collector_binary"
say "forbidden calls: $forbidden_list"

# Demangled names of a list of mangled ones, one per line, same order.
demangle() { swift demangle --simplified --compact; }

# The probes the source declares: every one must be in the binary.
mapfile -t declared < <(grep -hoE '^public func probe[A-Za-z0-9_]*' "$probe_sources"/*.swift | sed 's/^public func //' | sort -u)
[[ ${#declared[@]} -gt 0 ]] || { say "no 'public func probe…' in $probe_sources" >&2; exit 2; }

# Every function defined in the binary (to tell our code from the C library and runtime).
declare -A defined=()
while read -r symbol; do defined["$symbol"]=1; done < <(nm --defined-only "$binary" | awk '$2 ~ /^[tTwW]$/ { print $3 }')

# Defined text symbols of the probe module, with their demangled names; keep the probes
# (including any specialised clones the optimizer made of them), sorted by name.
mapfile -t mangled < <(nm --defined-only "$binary" | awk '$2 ~ /^[tT]$/ && $3 ~ /^\$s14hot_path_probe/ { print $3 }')
mapfile -t readable < <(printf '%s\n' "${mangled[@]}" | demangle)
probe_symbols=()
probe_names=()
while IFS=$'\t' read -r readable_name symbol; do
  probe_symbols+=("$symbol")
  probe_names+=("$readable_name")
done < <(for index in "${!mangled[@]}"; do
           if [[ ${readable[$index]} =~ (^|[[:space:]])probe[A-Za-z0-9_]*\( ]]; then
             printf '%s\t%s\n' "${readable[$index]}" "${mangled[$index]}"
           fi
         done | sort)

status=0
for name in "${declared[@]}"; do
  found=0
  for readable_name in "${probe_names[@]}"; do
    [[ $readable_name =~ (^|[[:space:]])$name\( ]] && found=1
  done
  if [[ $found == 0 ]]; then
    say "FAIL: probe $name is declared in ${probe_sources#"$repo"/} but not in the binary (inlined or dead-stripped?)" >&2
    status=1
  fi
done

# disassemble SYMBOL [BINARY]: the instructions of one function (in hot-path-probe unless
# BINARY is given).
disassemble() {
  objdump -d --no-show-raw-insn --disassemble="$1" "${2:-$binary}" | grep -E '^[[:space:]]+[0-9a-f]+:[[:space:]]'
}

# call_targets SYMBOL [BINARY]: the functions SYMBOL calls or tail-calls (direct, through the
# PLT, or through the GOT), one per line, without @plt / @GLIBC / +offset; jumps within
# SYMBOL are left out. Indirect calls through a register print "<indirect>".
call_targets() {
  local symbol="$1"
  disassemble "$symbol" "${2:-}" | awk -v self="$symbol" '
    {
      mnemonic = $2
      if (mnemonic !~ /^(call|callq|jmp|jmpq|bl|b|br|blr)$/) next
      if (match($0, /<[^>]+>/)) {
        target = substr($0, RSTART + 1, RLENGTH - 2)
        sub(/@.*/, "", target)
        base = target
        sub(/\+0x[0-9a-f]+$/, "", base)
        if (base == self) next
        print base
      } else if (mnemonic ~ /^(call|callq|blr)$/) {
        print "<indirect>"
      }
    }'
}

printf '\n%-56s %6s  %s\n' "fast path (probe)" "insns" "calls"
declare -A callees=()
for index in "${!probe_symbols[@]}"; do
  symbol="${probe_symbols[$index]}"
  name="${probe_names[$index]}"
  instructions="$(disassemble "$symbol" | wc -l)"
  mapfile -t targets < <(call_targets "$symbol" | sort -u)
  shown=""
  if [[ ${#targets[@]} -gt 0 && -n ${targets[0]} ]]; then
    shown="$(printf '%s\n' "${targets[@]}" | demangle | paste -sd ',' | sed 's/,/, /g')"
  fi
  printf '%-56s %6s  %s\n' "$name" "$instructions" "${shown:-(none)}"
  for target in "${targets[@]}"; do
    [[ -z $target ]] && continue
    if [[ $target =~ $forbidden ]]; then
      say "FAIL: $name calls $target (a Swift runtime call on a fast path)" >&2
      status=1
    elif [[ $target != "<indirect>" ]]; then
      callees["$target"]+="${name%%(*} "
    fi
  done
done

# One level down: the functions the fast paths call. Findings are printed after the table.
# Most are slow paths, where runtime calls are only noted. But `@inlinable` functions without
# `@inline(__always)` may stay out of line in a client (today `allocateObject` and
# `freeObject` do): their probe then holds just the call, and the fast path itself is the
# callee, so these names are held to the fast-path rule here.
outlined_fast_paths='^RuntimeRef\.(allocateObject|freeObject|decref)\(|^PyRef\.incref\(|^Heap\.(allocate|free)\('

warnings=0
findings=()
if [[ ${#callees[@]} -gt 0 ]]; then
  printf '\n%-56s %6s  %s\n' "called from the fast paths" "insns" "runtime calls inside"
  for target in "${!callees[@]}"; do
    readable_target="$(printf '%s\n' "$target" | demangle)"
    if [[ -z ${defined["$target"]:-} ]]; then
      printf '%-56s %6s  %s\n' "$readable_target" "-" "(external: C library or runtime)"
      continue
    fi
    instructions="$(disassemble "$target" | wc -l)"
    runtime="$(call_targets "$target" | grep -E "$forbidden" | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep=", " }' || true)"
    printf '%-56s %6s  %s\n' "$readable_target" "$instructions" "${runtime:-none}"
    if [[ $readable_target == *unsafeMutableAddressor* ]]; then
      if [[ -n $runtime ]]; then
        findings+=("FAIL: ${callees[$target]% } call $readable_target, which calls $runtime on every call")
        status=1
      else
        message="${callees[$target]% } call $readable_target: an out-of-line call on the fast path, because the global's value does not fold across the module boundary"
        if [[ $strict == 1 ]]; then
          findings+=("FAIL (--strict): $message")
          status=1
        else
          findings+=("warning: $message")
          warnings=$((warnings + 1))
        fi
      fi
    elif [[ -n $runtime && $readable_target =~ $outlined_fast_paths ]]; then
      findings+=("FAIL: ${callees[$target]% } call $readable_target, a fast path the optimizer did not inline, which calls $runtime")
      status=1
    elif [[ -n $runtime ]]; then
      findings+=("note: slow path $readable_target calls $runtime (allowed: not a fast path)")
    fi
  done
fi
if [[ ${#findings[@]} -gt 0 ]]; then
  echo
  for finding in "${findings[@]}"; do
    if [[ $finding == FAIL* ]]; then say "$finding" >&2; else say "$finding"; fi
  done
fi

# --- 2. The collector's inner loops, in pyheap-bench ------------------------------------

# label<TAB>regex over the demangled (--simplified --compact) name. The closures appear twice:
# the Swift closure and its `@objc` (C-convention) thunk; both are checked.
collector_functions=(
  $'updateRefs\t(^|[[:space:]])RuntimeRef\.updateRefs\('
  $'subtractRefs\t(^|[[:space:]])RuntimeRef\.subtractRefs\('
  $'updateAndSubtractRefs\t(^|[[:space:]])RuntimeRef\.updateAndSubtractRefs\('
  $'updateAndSubtractYoungRefs\t(^|[[:space:]])RuntimeRef\.updateAndSubtractYoungRefs\('
  $'moveUnreachable\t(^|[[:space:]])RuntimeRef\.moveUnreachable\('
  $'walkMarkingAlive\t(^|[[:space:]])RuntimeRef\.walkMarkingAlive\('
  $'visitDecref\texpression of visitDecref$'
  $'visitDecrefStartingCounts\texpression of visitDecrefStartingCounts$'
  $'visitDecrefOrKeepAside\texpression of visitDecrefOrKeepAside$'
  $'visitReachable\texpression of visitReachable$'
  $'visitMarkAlive\texpression of visitMarkAlive$'
  $'visitMove\texpression of visitMove$'
  $'InstanceObject.traverse\texpression of static InstanceObject\.traverse$'
  $'ListObject.traverse\texpression of static ListObject\.traverse$'
  $'TupleObject.traverse\texpression of static TupleObject\.traverse$'
  $'DictObject.traverse\texpression of static DictObject\.traverse$'
  $'FunctionObject.traverse\texpression of static FunctionObject\.traverse$'
  $'WeakRefObject.traverse\texpression of static WeakRefObject\.traverse$'
)
# A closure stored in a global or static `let` demangles as "closure #1 in variable
# initialization expression of X" (its C-convention thunk with "@objc " in front): shown as
# "X (closure)" and "X (C thunk)".
short_name() {
  sed -E 's/^@objc closure #[0-9]+ in variable initialization expression of (static )?(.*)$/\2 (C thunk)/;
          s/^closure #[0-9]+ in variable initialization expression of (static )?(.*)$/\2 (closure)/' <<<"$1"
}
mapfile -t runtime_mangled < <(nm --defined-only "$collector_binary" | awk '$2 ~ /^[tT]$/ && $3 ~ /^\$s9PyRuntime/ { print $3 }')
mapfile -t runtime_readable < <(printf '%s\n' "${runtime_mangled[@]}" | demangle)

printf '\n%-56s %6s  %s\n' "collector inner loop (in $collector_product)" "insns" "calls"
collector_checked=0
declare -A collector_callees=()
for entry in "${collector_functions[@]}"; do
  label="${entry%%$'\t'*}"
  pattern="${entry#*$'\t'}"
  matched=0
  for index in "${!runtime_mangled[@]}"; do
    readable_name="${runtime_readable[$index]}"
    [[ $readable_name =~ $pattern ]] || continue
    symbol="${runtime_mangled[$index]}"
    matched=$((matched + 1))
    collector_checked=$((collector_checked + 1))
    instructions="$(disassemble "$symbol" "$collector_binary" | wc -l)"
    mapfile -t targets < <(call_targets "$symbol" "$collector_binary" | sort -u)
    shown=""
    if [[ ${#targets[@]} -gt 0 && -n ${targets[0]} ]]; then
      shown="$(printf '%s\n' "${targets[@]}" | demangle | paste -sd ',' | sed 's/,/, /g')"
    fi
    printf '%-56s %6s  %s\n' "$(short_name "$readable_name")" "$instructions" "${shown:-(none)}"
    for target in "${targets[@]}"; do
      [[ -z $target ]] && continue
      if [[ $target =~ $forbidden ]]; then
        say "FAIL: $readable_name calls $target (a Swift runtime call in the collector's inner loop)" >&2
        status=1
      elif [[ $target != "<indirect>" ]]; then
        collector_callees["$target"]+="$(short_name "$readable_name"); "
      fi
    done
  done
  if [[ $matched == 0 ]]; then
    say "FAIL: no symbol for the collector's $label in $collector_product (renamed, or inlined into its caller?)" >&2
    status=1
  fi
done

# One level down: what the inner loops call directly (list helpers and the like) runs once
# per object too, so the same rule applies.
if [[ ${#collector_callees[@]} -gt 0 ]]; then
  printf '\n%-56s %6s  %s\n' "called from the inner loops" "insns" "runtime calls inside"
  for target in "${!collector_callees[@]}"; do
    readable_target="$(printf '%s\n' "$target" | demangle)"
    # A symbol the binary only imports (a libc or runtime entry point) has no body here.
    instructions="$(disassemble "$target" "$collector_binary" | wc -l || true)"
    runtime="$(call_targets "$target" "$collector_binary" | grep -E "$forbidden" | sort | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep=", " }' || true)"
    printf '%-56s %6s  %s\n' "$(short_name "$readable_target")" "$instructions" "${runtime:-none}"
    if [[ -n $runtime ]]; then
      say "FAIL: ${collector_callees[$target]%; } call $readable_target, which calls $runtime" >&2
      status=1
    fi
  done
fi

echo
if [[ $status != 0 ]]; then
  say "hot paths NOT clean: see FAIL lines above" >&2
  exit 1
fi
say "checked ${#probe_symbols[@]} probe functions (${declared[*]})"
say "checked $collector_checked collector functions (${#collector_functions[@]} inner-loop functions)"
if [[ $warnings -gt 0 ]]; then
  say "hot paths clean ($warnings warning(s) above)"
else
  say "hot paths clean"
fi
