#if canImport(Glibc)
import Glibc
#endif

/// Child processes: this same executable again, to measure something in a fresh address
/// space (the resident-set peak of one implementation, unpolluted by the other), or another
/// program (`python3` for the gc suite's CPython side).
///
/// Children are spawned with `posix_spawn` (or `fork` + `exec` when measured); their stdout
/// comes back through a pipe and their stderr is shared with ours, except under ``attempt``,
/// which captures it for the report.
enum ChildProcess {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// A child that ran to completion: its stdout and what it cost.
  struct Finished {
    /// What the child wrote to stdout.
    var output: String
    /// Wall-clock time from just before the child is started to `wait4`'s return (`CLOCK_MONOTONIC`).
    var wallNanoseconds: UInt64
    /// The child's own resource usage from `wait4`: user and system CPU time, and
    /// `ru_maxrss`, its resident high-water mark.
    var usage: rusage

    var userSeconds: Double { Self.seconds(usage.ru_utime) }
    var systemSeconds: Double { Self.seconds(usage.ru_stime) }
    /// `ru_maxrss` in bytes (Linux reports kilobytes).
    var peakRSSBytes: Int { Int(usage.ru_maxrss) * 1024 }

    private static func seconds(_ time: timeval) -> Double {
      Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }
  }

  /// Runs `/proc/self/exe arguments…`, exactly this binary, and returns what it wrote to
  /// stdout.
  /// - Throws: ``Failure`` if the child cannot be started or does not exit with status 0.
  static func runSelf(_ arguments: [String]) throws(Failure) -> String {
    try run("/proc/self/exe", argv0: CommandLine.arguments[0], arguments, searchPath: false).output
  }

  /// Runs `program arguments…` (looked up in `PATH` when it has no slash) and returns what
  /// it wrote to stdout.
  /// - Throws: ``Failure`` if the program cannot be started or does not exit with status 0.
  static func run(_ program: String, _ arguments: [String]) throws(Failure) -> String {
    try run(program, argv0: program, arguments, searchPath: !program.contains("/")).output
  }

  /// Runs `program arguments…` like ``run(_:_:)`` and also returns its wall time, CPU time
  /// and peak resident set.
  ///
  /// The child is started with `fork` and `execvp`, not `posix_spawn`: glibc's `posix_spawn`
  /// is a `vfork` (the child borrows this process's address space until it execs), and at the
  /// exec Linux folds the borrowed space's high-water mark, this whole process's (13 MB, mostly
  /// the Swift libraries), into the child's `ru_maxrss`. After a `fork` the folded mark is
  /// only the copy's: the anonymous pages this process has touched (`/bin/true` measures
  /// 3 MB this way, against 13.6 MB through `posix_spawn`). If the program cannot be
  /// executed, the child exits with status 127.
  static func measure(_ program: String, _ arguments: [String]) throws(Failure) -> Finished {
    let attempt = try run(program, argv0: program, arguments, searchPath: !program.contains("/"), fork: true)
    if let failure = attempt.failure { throw Failure(description: failure) }
    return attempt.finished
  }

  /// A child run that may have failed: what ``measure(_:_:)`` measures, plus the child's
  /// stderr and, if it did not exit with status 0, why.
  struct Attempt {
    var finished: Finished
    /// What the child wrote to stderr (only when captured; empty otherwise).
    var errorOutput: String
    /// nil if the child exited with status 0; otherwise "exited with status 1", "was killed
    /// by signal 11", "timed out after 600 s".
    var failure: String?

    /// The last non-empty line of stderr (a traceback's exception line), if any.
    var lastErrorLine: String? {
      errorOutput.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init)
    }
  }

  /// Like ``measure(_:_:)``, but a child that fails is an answer, not an error: its stderr is
  /// captured (in an unlinked temporary file) rather than shared, and a child still running
  /// after `timeoutSeconds` is killed (`SIGKILL`). For programs that may not work yet.
  /// - Throws: ``Failure`` only if the child cannot be started at all.
  static func attempt(_ program: String, _ arguments: [String], timeoutSeconds: Double) throws(Failure) -> Attempt {
    try run(program, argv0: program, arguments, searchPath: !program.contains("/"), fork: true,
            captureStandardError: true, timeoutSeconds: timeoutSeconds)
  }

  private static func run(_ path: String, argv0: String, _ arguments: [String], searchPath: Bool) throws(Failure) -> Finished {
    let attempt = try run(path, argv0: argv0, arguments, searchPath: searchPath, fork: false)
    if let failure = attempt.failure { throw Failure(description: failure) }
    return attempt.finished
  }

  private static func run(
    _ path: String, argv0: String, _ arguments: [String], searchPath: Bool, fork useFork: Bool,
    captureStandardError: Bool = false, timeoutSeconds: Double? = nil
  ) throws(Failure) -> Attempt {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed (errno \(errno))") }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

    // Captured stderr goes to a temporary file, unlinked at once: no second pipe to drain
    // while the first is read.
    var errorFile: Int32 = -1
    if captureStandardError {
      let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
      var template = Array("\(directory)/pyheap-bench-stderr-XXXXXX".utf8CString)
      errorFile = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard errorFile >= 0 else {
        close(readEnd)
        close(writeEnd)
        throw Failure(description: "cannot create a temporary file in \(directory)")
      }
      template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }
    defer { if errorFile >= 0 { close(errorFile) } }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    let argv: [UnsafeMutablePointer<CChar>?] = ([argv0] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { Glibc.free(pointer) } }
    let pathCString = strdup(path)!
    defer { Glibc.free(pathCString) }

    var pid: pid_t = 0
    let start = monotonicNanoseconds()
    let status: Int32
    if useFork {
      pid = Glibc.fork()
      if pid == 0 {
        // The child: only async-signal-safe calls until the exec.
        dup2(writeEnd, 1)
        if errorFile >= 0 {
          dup2(errorFile, 2)
          close(errorFile)
        }
        close(readEnd)
        close(writeEnd)
        if searchPath { execvp(pathCString, argv) } else { execv(pathCString, argv) }
        _exit(127)
      }
      status = pid < 0 ? errno : 0
    } else {
      status = searchPath
        ? posix_spawnp(&pid, path, &actions, nil, argv, environ)
        : posix_spawn(&pid, path, &actions, nil, argv, environ)
    }
    close(writeEnd)
    guard status == 0 else {
      close(readEnd)
      throw Failure(description: "cannot start \(path): \(useFork ? "fork" : "posix_spawn") failed (error \(status))")
    }

    // Read stdout to its end; with a time limit, wait for data with poll, and when the limit
    // passes kill the child and keep what it wrote so far.
    let deadline = timeoutSeconds.map { start + UInt64($0 * 1e9) }
    var timedOut = false
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      if let deadline, !timedOut {
        let now = monotonicNanoseconds()
        if now >= deadline {
          // Stop reading at once: a grandchild may still hold the pipe open.
          kill(pid, SIGKILL)
          timedOut = true
          break
        } else {
          var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
          let milliseconds = Int32(min((deadline - now) / 1_000_000 + 1, 60_000))
          if poll(&descriptor, 1, milliseconds) == 0 { continue }   // nothing yet: check the clock
        }
      }
      let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      if count > 0 {
        output += buffer[0..<count]
      } else if count == 0 || errno != EINTR {
        break
      }
    }
    close(readEnd)

    var waitStatus: Int32 = 0
    var usage = rusage()
    while wait4(pid, &waitStatus, 0, &usage) < 0 {
      guard errno == EINTR else { throw Failure(description: "wait4 failed (errno \(errno))") }
    }
    let wallNanoseconds = monotonicNanoseconds() - start
    let finished = Finished(output: String(decoding: output, as: UTF8.self), wallNanoseconds: wallNanoseconds, usage: usage)

    var errorOutput = ""
    if errorFile >= 0 {
      var bytes: [UInt8] = []
      lseek(errorFile, 0, SEEK_SET)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(errorFile, $0.baseAddress, $0.count) }
        if count > 0 { bytes += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
      }
      errorOutput = String(decoding: bytes, as: UTF8.self)
    }

    // The WIFEXITED / WEXITSTATUS macros are not imported; these are their glibc definitions.
    let signal = waitStatus & 0x7F
    let exitCode = (waitStatus >> 8) & 0xFF
    var failure: String?
    if timedOut {
      failure = "timed out after \(timeoutSeconds!) s"
    } else if signal != 0 || exitCode != 0 {
      let how = signal != 0 ? "was killed by signal \(signal)" : "exited with status \(exitCode)"
      failure = captureStandardError ? how : "child `\(([argv0] + arguments).joined(separator: " "))` \(how)"
    }
    return Attempt(finished: finished, errorOutput: errorOutput, failure: failure)
  }

  private static func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
  }
}
