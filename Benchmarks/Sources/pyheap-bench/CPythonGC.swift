#if canImport(Glibc)
import Glibc
#endif

/// The CPython side of the gc suite: a Python script, written to a temporary file and run
/// with `python3` once per case, that builds the same shape as ``GCLoops`` and times the
/// same operation. It prints one JSON object on stdout with the raw run times; the median
/// and the spread are computed here, with the same code as for PyHeap.
enum CPythonGC {
  /// What one `python3` run reports.
  struct Runs {
    var ops: Int
    var warmUpNanoseconds: Double
    var nanoseconds: [Double]
    var version: String
  }

  /// Runs `testCase` in a fresh `python3` process: one warm-up run, then `repetitions`.
  static func measure(_ testCase: GCCase, repetitions: Int, python: String) throws -> Runs {
    let scriptPath = try TemporaryFile.write(script, name: "pyheap-bench-gc-XXXXXX.py")
    defer { unlink(scriptPath) }
    let output = try ChildProcess.run(python, [
      scriptPath, testCase.shape.rawValue, String(testCase.objects), String(testCase.live),
      String(testCase.garbagePairs), String(testCase.expectedCollected), String(repetitions),
    ])
    guard let line = output.split(separator: "\n").last, let object = FlatJSON.parse(line),
          let ops = object.numbers["ops"], let warmUp = object.numbers["warmup_ns"],
          let runs = object.arrays["runs_ns"], runs.count == repetitions
    else {
      throw ChildProcess.Failure(description: "unexpected output from \(python) for \(testCase.name): \(output)")
    }
    return Runs(ops: Int(ops), warmUpNanoseconds: warmUp, nanoseconds: runs,
                version: object.strings["python"] ?? "?")
  }

  /// The script. Arguments: shape (a ``GCCase/Shape`` raw value), objects, live instances,
  /// garbage pairs, the expected count, repetitions.
  ///
  /// Why `__slots__ = ('a', 'b')` and not a plain class: a `__slots__` instance is a fixed
  /// 48 bytes (16-byte GC header, refcount, type, two slots), and `tp_traverse` visits the
  /// type and the two slots, so CPython handles exactly one object per instance with the same
  /// two edges as PyHeap's. A plain 3.11 class is not stable enough to compare with: measured
  /// here with 3.11.7, instances made in bulk before their attributes are assigned often get
  /// a materialised `__dict__` (e.g. a 1M-instance graph collected 2M objects on tear-down,
  /// and every one of 10k instances built in a loop had a dict), which doubles the objects
  /// and the work. PyHeap's instance is 48 bytes plus a separate 16-byte values array (3.11's
  /// inline-values layout), so it does one more pointer hop per traversal than the
  /// `__slots__` object: the comparison, if anything, favours CPython.
  ///
  /// The interpreter's own objects are frozen (`gc.freeze()`, after a collection) before
  /// anything is built, so `gc.collect()` examines the case's objects only, as PyHeap's
  /// `collect` does; the class object is frozen too (PyHeap's classes are not tracked).
  /// Automatic collection is off throughout (`gc.disable()`); explicit `gc.collect()` works.
  static let script = #"""
    # pyheap-bench gc, the CPython side (written by pyheap-bench; see CPythonGC.swift).
    # Usage: python3 SCRIPT SHAPE OBJECTS LIVE PAIRS EXPECTED REPETITIONS
    # Prints {"python": ..., "ops": OBJECTS, "warmup_ns": N, "runs_ns": [N, ...]}.
    import gc
    import json
    import sys
    import time


    class C:
        __slots__ = ('a', 'b')


    def build_graph(live, pairs):
        # Creation order: the root list, then per pair two live instances and the garbage
        # pair, then the remaining live ones; then the edges i -> i + 1 and i -> 7i + 3.
        root = []
        append = root.append
        for _ in range(pairs):
            append(C())
            append(C())
            x = C()
            y = C()
            x.a = y
            x.b = y
            y.a = x
            y.b = x
        for _ in range(live - 2 * pairs):
            append(C())
        for i in range(live):
            instance = root[i]
            instance.a = root[(i + 1) % live]
            instance.b = root[(7 * i + 3) % live]
        return root


    def build_linked_list(nodes):
        # Prepending: the tail is created first; the root list is created last.
        head = None
        for _ in range(nodes):
            node = C()
            if head is not None:
                node.a = head
            head = node
        return [head]


    def build_nested_chain(lists):
        inner = []
        for _ in range(lists - 1):
            outer = []
            outer.append(inner)
            inner = outer
        return inner


    def tracked():
        return len(gc.get_objects())


    def check(condition, message):
        if not condition:
            sys.exit('pyheap-bench gc (python): ' + message)


    def run_once(shape, objects, live, pairs, expected):
        baseline = tracked()
        if shape in ('liveGraph', 'halfGarbage', 'linkedList'):
            if shape == 'linkedList':
                root = build_linked_list(objects)
            else:
                root = build_graph(live, pairs)
            start = time.thread_time_ns()
            collected = gc.collect()
            end = time.thread_time_ns()
            check(collected == expected, f'{shape}: collect returned {collected}, expected {expected}')
            del root
            rest = gc.collect()
            check(rest == (0 if shape == 'linkedList' else live), f'{shape}: tear-down collected {rest}')
        elif shape == 'nestedChain':
            head = build_nested_chain(objects)
            before = tracked()
            start = time.thread_time_ns()
            del head
            end = time.thread_time_ns()
            freed = before - tracked()
            check(freed == expected, f'{shape}: releasing the head freed {freed} lists, expected {expected}')
        else:
            check(False, f'unknown shape {shape}')
        left = tracked() - baseline
        check(left == 0, f'{shape}: {left} more objects tracked after tear-down than before')
        return end - start


    def main():
        shape = sys.argv[1]
        objects, live, pairs, expected, repetitions = (int(a) for a in sys.argv[2:7])
        gc.disable()
        gc.collect()
        gc.freeze()
        warm_up = run_once(shape, objects, live, pairs, expected)
        runs = [run_once(shape, objects, live, pairs, expected) for _ in range(repetitions)]
        print(json.dumps({'python': sys.version.split()[0], 'ops': objects,
                          'warmup_ns': warm_up, 'runs_ns': runs}))


    main()
    """#
}

/// A flat JSON object whose values are strings (without escapes), numbers, or arrays of
/// numbers: what the script prints. Returns nil for anything else.
struct FlatJSON {
  var strings: [String: String] = [:]
  var numbers: [String: Double] = [:]
  var arrays: [String: [Double]] = [:]

  static func parse(_ text: Substring) -> FlatJSON? {
    var result = FlatJSON()
    var rest = text.drop(while: \.isWhitespace)
    func skipSpace() { rest = rest.drop(while: \.isWhitespace) }
    func take(_ character: Character) -> Bool {
      skipSpace()
      guard rest.first == character else { return false }
      rest = rest.dropFirst()
      return true
    }
    func string() -> String? {
      guard take("\""), let end = rest.firstIndex(of: "\"") else { return nil }
      let value = String(rest[..<end])
      rest = rest[rest.index(after: end)...]
      return value
    }
    func number() -> Double? {
      skipSpace()
      let end = rest.firstIndex(where: { !($0.isNumber || "+-.eE".contains($0)) }) ?? rest.endIndex
      guard let value = Double(rest[..<end]) else { return nil }
      rest = rest[end...]
      return value
    }
    guard take("{") else { return nil }
    if take("}") { return result }
    repeat {
      guard let key = string(), take(":") else { return nil }
      skipSpace()
      switch rest.first {
      case "\"":
        guard let value = string() else { return nil }
        result.strings[key] = value
      case "[":
        rest = rest.dropFirst()
        var values: [Double] = []
        if !take("]") {
          repeat {
            guard let value = number() else { return nil }
            values.append(value)
          } while take(",")
          guard take("]") else { return nil }
        }
        result.arrays[key] = values
      default:
        guard let value = number() else { return nil }
        result.numbers[key] = value
      }
    } while take(",")
    return take("}") ? result : nil
  }
}
