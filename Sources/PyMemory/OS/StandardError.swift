#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to file descriptor 2, as CPython's fatal-error and `_debugmallocstats`
/// paths do: no buffering that a crash could lose, and no allocation from any heap.
public enum StandardError {
  /// Writes `text` to file descriptor 2.
  public static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }
}
