#if canImport(Glibc)
import Glibc
#endif

/// Files in `$TMPDIR` (or /tmp) that the benchmarks hand to child processes: scripts for
/// `python3`, lists of input files. The caller unlinks them.
enum TemporaryFile {
  /// Writes `text` to a new file and returns its path. `name` is a `mkstemps` template: the
  /// last `XXXXXX` in it becomes a unique string, what follows (`.py`) is kept.
  static func write(_ text: String, name: String) throws(ChildProcess.Failure) -> String {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    let suffixLength = name.utf8.count - (name.utf8.lastIndex(of: UInt8(ascii: "X")).map {
      name.utf8.distance(from: name.utf8.startIndex, to: $0) + 1
    } ?? 0)
    var template = Array("\(directory)/\(name)".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffixLength)) }
    guard fd >= 0 else { throw ChildProcess.Failure(description: "cannot create a temporary file in \(directory)") }
    let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var text = text
    var written = 0
    text.withUTF8 { bytes in
      while written < bytes.count {
        let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
        if count <= 0 { break }
        written += count
      }
    }
    close(fd)
    guard written == text.utf8.count else {
      unlink(path)
      throw ChildProcess.Failure(description: "cannot write \(path)")
    }
    return path
  }
}
