#if canImport(Glibc)
import Glibc
#endif

/// Child processes: this same executable again, to measure something in a fresh address
/// space (the resident-set peak of one implementation, unpolluted by the other), or another
/// program (`python3` for the gc suite's CPython side).
///
/// Children are spawned with `posix_spawn`; their stdout comes back through a pipe and their
/// stderr is shared with ours.
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
    try run(program, argv0: program, arguments, searchPath: !program.contains("/"), fork: true)
  }

  private static func run(_ path: String, argv0: String, _ arguments: [String], searchPath: Bool, fork useFork: Bool = false)
    throws(Failure) -> Finished
  {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed (errno \(errno))") }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

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

    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
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
    // The WIFEXITED / WEXITSTATUS macros are not imported; these are their glibc definitions.
    let signal = waitStatus & 0x7F
    let exitCode = (waitStatus >> 8) & 0xFF
    guard signal == 0, exitCode == 0 else {
      let how = signal != 0 ? "was killed by signal \(signal)" : "exited with status \(exitCode)"
      throw Failure(description: "child `\(([argv0] + arguments).joined(separator: " "))` \(how)")
    }
    return Finished(output: String(decoding: output, as: UTF8.self), wallNanoseconds: wallNanoseconds, usage: usage)
  }

  private static func monotonicNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
  }
}
