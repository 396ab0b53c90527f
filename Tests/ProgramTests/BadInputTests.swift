import Foundation
import Testing

/// Bad input is an error, never a crash: syntax errors, the heap limit, and structures
/// CPython itself cannot free. (Recursion, deep containers, wrong arguments and `__del__`
/// errors are programs in `Programs/language`, checked against CPython.)
@Suite struct BadInputTests {
  static let special = ProgramTests.programsDirectory.appendingPathComponent("special")

  /// Each malformed source gives CPython's SyntaxError report and exit status 1.
  @Test(arguments: [
    "x = (1,\n", "def f(:\n    pass\n", "if True\n    pass\n", "  x = 1\n", "x = 1 +\n", "print 'a'\n",
    "f() = 3\n", "s = 'abc\n", "return 5\n", "x = 0777\n", "for x in 1 2:\n    pass\n",
  ])
  func syntaxErrorsMatchCPython(_ source: String) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyheap-syntax-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bad.py")
    try source.write(to: file, atomically: true, encoding: .utf8)
    let ours = try PyHeapProcess.run([file.path])
    #expect(ours.status == 1)
    guard let cpython = try? PythonRunner.run([file.path]) else { return }   // no python3: ours is checked above
    #expect(ours.stderr == cpython.stderr, "syntax error report for \(source.debugDescription)")
    #expect(ours.stdout == cpython.stdout)
  }

  /// An uncaught error's traceback marks the failing part of the line as CPython 3.11 does:
  /// `~` and `^` under binary operations and subscripts, plain `^` under the rest.
  @Test(arguments: [
    "def f(x, norm):\n    return (x) / norm\nf(1, 0)\n",
    "def f(a, b):\n    return a  //  b + 1\nf(1, 0)\n",
    "d = {'key': {}}\nprint(d['key'] ['other'], 1)\n",
    "items = [1]\nprint(items[5] + 1)\n",
    "def f(x):\n    return x.missing + 1\nf(3)\n",
    "x = 'é' + 'b'\nprint(len(x), x * 'b')\n",
  ])
  func tracebackCaretsMatchCPython(_ source: String) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyheap-carets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("fails.py")
    try source.write(to: file, atomically: true, encoding: .utf8)
    let ours = try PyHeapProcess.run([file.path])
    #expect(ours.status == 1)
    guard let cpython = try? PythonRunner.run([file.path]) else { return }
    #expect(ours.stderr == cpython.stderr, "traceback of \(source.debugDescription)")
  }

  @Test func heapLimitRaisesMemoryErrorAndTheProgramGoesOn() throws {
    let run = try PyHeapProcess.run(["-X", "heaplimit=64000000", Self.special.appendingPathComponent("heap_limit.py").path])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout == """
      MemoryError caught; recovered: True
      still running 1000
      MemoryError for a huge string
      end

      """)
  }

  @Test func millionDeepEnumerateChainIsFreed() throws {
    let run = try PyHeapProcess.run([Self.special.appendingPathComponent("enumerate_chain.py").path])
    #expect(run.status == 0, "stderr: \(run.stderr)")
    #expect(run.stdout == "enumerate chain freed\n")
  }

  @Test func uncaughtExceptionExitsWithOneAndSystemExitWithItsCode() throws {
    let raised = try PyHeapProcess.run(["-c", "raise ValueError('bad')"])
    #expect(raised.status == 1)
    #expect(raised.stderr.hasSuffix("ValueError: bad\n"))
    #expect(raised.stderr.hasPrefix("Traceback (most recent call last):\n"))
    let exited = try PyHeapProcess.run(["-c", "import sys; print('out'); sys.exit(3)"])
    #expect(exited.status == 3)
    #expect(exited.stdout == "out\n")
    let message = try PyHeapProcess.run(["-c", "raise SystemExit('bye')"])
    #expect(message.status == 1)
    #expect(message.stderr == "bye\n")
  }

  @Test func argvAndStandardInput() throws {
    let run = try PyHeapProcess.run(["-c", "import sys; print(sys.argv); print(input('? '))", "a", "-b"], stdin: "typed\n")
    #expect(run.stdout == "['-c', 'a', '-b']\n? typed\n")
  }
}

/// Runs `python3` (CPython 3.11) as the oracle, when it is installed.
enum PythonRunner {
  static func run(_ arguments: [String]) throws -> PyHeapProcess.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return PyHeapProcess.Result(stdout: String(decoding: outData, as: UTF8.self),
                                stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
  }
}
