#if canImport(Glibc)
import Glibc
#endif

/// Runs this same executable again as a child process, to measure something in a fresh
/// address space (the resident-set peak of one implementation, unpolluted by the other).
///
/// The child is spawned with `posix_spawn` from `/proc/self/exe`, so it is exactly this
/// binary; its stdout comes back through a pipe and its stderr is shared with ours.
enum ChildProcess {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Runs `/proc/self/exe arguments…` and returns what it wrote to stdout.
  /// - Throws: ``Failure`` if the child cannot be started or does not exit with status 0.
  static func runSelf(_ arguments: [String]) throws(Failure) -> String {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw Failure(description: "pipe failed (errno \(errno))") }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    let argv: [UnsafeMutablePointer<CChar>?] = ([CommandLine.arguments[0]] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { Glibc.free(pointer) } }

    var pid: pid_t = 0
    let status = posix_spawn(&pid, "/proc/self/exe", &actions, nil, argv, environ)
    close(writeEnd)
    guard status == 0 else {
      close(readEnd)
      throw Failure(description: "posix_spawn failed (error \(status))")
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
      throw Failure(description: "child `\(arguments.joined(separator: " "))` \(how)")
    }
    return String(decoding: output, as: UTF8.self)
  }
}
