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

  /// Runs `/proc/self/exe arguments…`, exactly this binary, and returns what it wrote to
  /// stdout.
  /// - Throws: ``Failure`` if the child cannot be started or does not exit with status 0.
  static func runSelf(_ arguments: [String]) throws(Failure) -> String {
    try run("/proc/self/exe", argv0: CommandLine.arguments[0], arguments, searchPath: false)
  }

  /// Runs `program arguments…` (looked up in `PATH` when it has no slash) and returns what
  /// it wrote to stdout.
  /// - Throws: ``Failure`` if the program cannot be started or does not exit with status 0.
  static func run(_ program: String, _ arguments: [String]) throws(Failure) -> String {
    try run(program, argv0: program, arguments, searchPath: !program.contains("/"))
  }

  private static func run(_ path: String, argv0: String, _ arguments: [String], searchPath: Bool)
    throws(Failure) -> String
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

    var pid: pid_t = 0
    let status = searchPath
      ? posix_spawnp(&pid, path, &actions, nil, argv, environ)
      : posix_spawn(&pid, path, &actions, nil, argv, environ)
    close(writeEnd)
    guard status == 0 else {
      close(readEnd)
      throw Failure(description: "cannot start \(path): posix_spawn failed (error \(status))")
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
    while waitpid(pid, &waitStatus, 0) < 0 {
      guard errno == EINTR else { throw Failure(description: "waitpid failed (errno \(errno))") }
    }
    // The WIFEXITED / WEXITSTATUS macros are not imported; these are their glibc definitions.
    let signal = waitStatus & 0x7F
    let exitCode = (waitStatus >> 8) & 0xFF
    guard signal == 0, exitCode == 0 else {
      let how = signal != 0 ? "was killed by signal \(signal)" : "exited with status \(exitCode)"
      throw Failure(description: "child `\(([argv0] + arguments).joined(separator: " "))` \(how)")
    }
    return String(decoding: output, as: UTF8.self)
  }
}
