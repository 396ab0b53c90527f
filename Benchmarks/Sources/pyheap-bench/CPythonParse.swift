#if canImport(Glibc)
import Glibc
#endif

/// The CPython side of the parse suite: a script, written to a temporary file and run with
/// `python3 SCRIPT FILE_LIST REPETITIONS`, that reads every file of the list as bytes, then
/// passes over them with `ast.parse`, one warm-up pass and then the measured ones, and prints
/// a ``ParseRuns`` line.
///
/// `ast.parse(source)` is `compile(source, '<unknown>', 'exec', ast.PyCF_ONLY_AST)`: CPython's
/// tokenizer and PEG parser build the C AST in an arena, which is then converted to Python
/// `ast` objects. The collector stays on, as in any program that calls `ast.parse`; warnings
/// (invalid escape sequences in old files) are ignored so that none is printed. Memory is
/// `resource.getrusage(RUSAGE_SELF).ru_maxrss`, the process's resident high-water mark, as
/// `VmHWM` is for the pyheap child.
enum CPythonParse {
  static func measure(listFile: String, repetitions: Int, python: String) throws -> ParseRuns {
    let scriptPath = try TemporaryFile.write(script, name: "pyheap-bench-parse-XXXXXX.py")
    defer { unlink(scriptPath) }
    let output = try ChildProcess.run(python, [scriptPath, listFile, String(repetitions)])
    return try ParseRuns(childOutput: output, from: python)
  }

  static let script = #"""
    # pyheap-bench parse, the CPython side (written by pyheap-bench; see CPythonParse.swift).
    # Usage: python3 SCRIPT FILE_LIST REPETITIONS
    import ast
    import json
    import resource
    import sys
    import time
    import warnings


    def peak_rss():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


    def one_pass(sources):
        failures = 0
        start = time.thread_time_ns()
        for source in sources:
            try:
                ast.parse(source)
            except SyntaxError:
                failures += 1
        return time.thread_time_ns() - start, failures


    def main():
        list_file, repetitions = sys.argv[1], int(sys.argv[2])
        with open(list_file, 'rb') as f:
            paths = [line for line in f.read().split(b'\n') if line]
        sources = []
        for path in paths:
            with open(path, 'rb') as f:
                sources.append(f.read())
        warnings.simplefilter('ignore')
        rss_before = peak_rss()
        warm_up, failures = one_pass(sources)
        runs = []
        for _ in range(repetitions):
            elapsed, again = one_pass(sources)
            if again != failures:
                sys.exit('pyheap-bench parse (python): parse results changed between passes')
            runs.append(elapsed)
        print(json.dumps({
            'impl': 'cpython', 'version': sys.version.split()[0], 'files': len(sources),
            'bytes': sum(map(len, sources)), 'failures': failures,
            'rss_before': rss_before, 'peak_rss': peak_rss(),
            'warmup_ns': warm_up, 'runs_ns': runs}))


    main()
    """#
}
