#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few operating-system services the command needs, straight from the C library.
/// The command does not import Foundation: its shared objects (with the ICU data) were
/// mapped and touched by every run, about half of `pyheap -c pass`'s resident memory.
enum SystemIO {
  /// The whole file, or nil when it cannot be opened or read.
  static func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// The working directory (`os.getcwd()`).
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func absolutePath(_ path: String) -> String {
    path.hasPrefix("/") ? path : currentDirectory() + "/" + path
  }

  /// The directory holding the file at `path`, as an absolute path (what CPython puts
  /// first on `sys.path` for a script).
  static func directory(of path: String) -> String {
    let absolute = absolutePath(path)
    guard let slash = absolute.lastIndex(of: "/") else { return absolute }
    let directory = String(absolute[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  static func writeError(_ text: String) { writeAll(to: 2, text) }

  static func writeOutput(_ text: String) {
    fflush(nil)
    writeAll(to: 1, text)
  }

  /// Writes the whole file (created or truncated, mode 0644); false when that fails.
  static func writeFile(_ path: String, _ text: String) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return writeAll(to: descriptor, text)
  }

  @discardableResult
  private static func writeAll(to descriptor: Int32, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }

  /// Flushes the C library's standard output and ends the process.
  static func exit(_ status: Int32) -> Never {
    fflush(nil)
    processExit(status)
  }
}

/// The C library's `exit`, under a name `SystemIO.exit` does not shadow.
private func processExit(_ status: Int32) -> Never { exit(status) }
