/// libFuzzer harness for PySyntax: every input is Python source bytes, fed to the tokenizer
/// and to the parser. A crash, a sanitizer report, a leak, a broken invariant below, or an
/// input that takes too long is a finding.
///
/// Not part of the package: `Scripts/fuzz-parser.sh` compiles this file together with the
/// sources of `Sources/PySyntax` in one `swiftc -sanitize=fuzzer,address` invocation (so
/// the harness sees PySyntax's internals as the module's own code) and runs it.
///
/// For each input:
/// 1. **Tokenizer**, file mode (`python3 file.py`), both views (parser tokens, and the
///    `tokenize` module's with COMMENT/NL/ENCODING), each read until ENDMARKER or the first
///    error. Checked: the views agree (same error; the same tokens once trivia is dropped);
///    tokens lie inside the source, in order, without overlap; the stream ends within a number
///    of tokens linear in the input (more would mean the tokenizer loops).
/// 2. **Parser**, as `ast.parse(bytes)` (string mode) and as a script (file mode): on success
///    the tree is dumped with positions (`ast.dump(…, include_attributes=True)`), on failure
///    the SyntaxError is formatted as CPython prints it.
/// 3. **Time**: the whole input must take at most `PYSYNTAX_FUZZ_BUDGET_MS` (default 250) ms
///    plus `PYSYNTAX_FUZZ_BUDGET_US_PER_BYTE` (default 500) µs per byte of thread CPU time.
///    Under AddressSanitizer and coverage instrumentation a typical 4 KB input takes a few
///    milliseconds and the slowest shapes measured (a token per byte: `a,a,a,…`) about 120 µs
///    a byte, steady from 10 KB to 80 KB. The budget catches quadratic paths well before
///    libFuzzer's `-timeout`, and, being CPU time, is not fooled by time spent descheduled on
///    a busy machine.
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
  let started = FuzzClock.threadCPUNanoseconds()

  FuzzTokenizerCheck.run(bytes)
  for mode in [SourceFile.InputMode.string, .file] {
    switch Parser.parseModule(SourceFile(bytes: bytes, filename: "<fuzz>", mode: mode)) {
    case .success(let module):
      // A too-long int literal has no repr; CPython's ast.dump raises ValueError, as here.
      _ = try? module.dump(includeAttributes: true)
    case .failure(let error):
      _ = error.formatted()
    }
  }

  FuzzBudget.check(elapsed: FuzzClock.threadCPUNanoseconds() - started, bytes: size)
  return 0
}

/// The tokenizer checks of step 1.
enum FuzzTokenizerCheck {
  static func run(_ bytes: [UInt8]) {
    let source = SourceFile(bytes: bytes, filename: "<fuzz>", mode: .file)
    let trivia = collect(source, includeTrivia: true)
    let plain = collect(source, includeTrivia: false)
    if trivia.error != plain.error {
      fail("the two views end differently: \(String(describing: trivia.error)) / \(String(describing: plain.error))")
    }
    if trivia.error == nil, trivia.tokens.filter({ !$0.kind.isTrivia }) != plain.tokens {
      fail("the parser view is not the trivia view without its trivia")
    }
    checkPlacement(trivia.tokens, source)
    checkPlacement(plain.tokens, source)
    if let error = trivia.error { _ = error.formatted() }
  }

  /// All tokens up to ENDMARKER or the error. A byte starts at most one token, except that
  /// the end of input closes up to 100 indentation levels (DEDENTs) and adds an implicit
  /// NEWLINE and NL; ENCODING comes first. Past this bound the tokenizer is looping.
  static func collect(_ source: SourceFile, includeTrivia: Bool) -> (tokens: [Token], error: PySyntaxError?) {
    var tokenizer = Tokenizer(source, includeTrivia: includeTrivia)
    var tokens: [Token] = []
    let limit = 2 * source.bytes.count + 110
    while tokens.count <= limit {
      switch tokenizer.next() {
      case .failure(let error):
        return (tokens, error)
      case .success(let token):
        tokens.append(token)
        if token.kind == .endMarker { return (tokens, nil) }
      }
    }
    fail("no ENDMARKER after \(limit) tokens for \(source.bytes.count) bytes")
  }

  /// Tokens lie inside the source, in order, without overlap, on non-decreasing lines.
  static func checkPlacement(_ tokens: [Token], _ source: SourceFile) {
    var previousEnd = 0
    var previousLine = 0
    for token in tokens {
      let range = token.byteRange
      guard range.lowerBound >= previousEnd, range.upperBound <= source.bytes.count,
            token.start.line >= previousLine, token.end.line >= token.start.line
      else { fail("misplaced token \(token) after offset \(previousEnd)") }
      previousEnd = range.upperBound
      previousLine = token.start.line
    }
  }
}

/// The time check of step 3.
enum FuzzBudget {
  static let baseNanoseconds = environment("PYSYNTAX_FUZZ_BUDGET_MS", default: 250) * 1_000_000
  static let perByteNanoseconds = environment("PYSYNTAX_FUZZ_BUDGET_US_PER_BYTE", default: 500) * 1_000

  static func check(elapsed: UInt64, bytes: Int) {
    let budget = baseNanoseconds + perByteNanoseconds * UInt64(bytes)
    if elapsed > budget {
      fail("\(bytes) bytes took \(elapsed / 1_000_000) ms of CPU time (budget \(budget / 1_000_000) ms): not linear?")
    }
  }

  private static func environment(_ name: String, default value: UInt64) -> UInt64 {
    guard let text = getenv(name), let number = UInt64(String(cString: text)) else { return value }
    return number
  }
}

enum FuzzClock {
  static func threadCPUNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}

/// Reports a broken invariant and aborts, which libFuzzer records as a crash with the input.
func fail(_ message: String) -> Never {
  var text = "ParserFuzzer: \(message)\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  abort()
}
