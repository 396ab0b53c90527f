#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte buffer in front of a file descriptor: `sys.stdout` collects output here and
/// writes it in blocks (CPython's stdout is block-buffered when it is not a terminal), and
/// at exit. A limit of 0 writes through (stderr).
struct OutputBuffer {
  let descriptor: Int32
  var limit: Int
  var bytes: [UInt8] = []
  /// Where the bytes go instead of the descriptor (tests and embedding capture output).
  var capture: ((String) -> Void)?

  init(descriptor: Int32, limit: Int) {
    self.descriptor = descriptor
    self.limit = limit
  }

  mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
    if bytes.count > limit { flush() }
  }

  mutating func write(utf8 buffer: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: buffer)
    if bytes.count > limit { flush() }
  }

  mutating func flush() {
    guard !bytes.isEmpty else { return }
    if let capture {
      capture(String(decoding: bytes, as: UTF8.self))
    } else {
      bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
          if written <= 0 { break }
          offset += written
        }
      }
    }
    bytes.removeAll(keepingCapacity: true)
  }
}

extension RuntimeRef {
  /// Writes out buffered `sys.stdout` and `sys.stderr` text.
  public func flushOutput() {
    state.pointee.interpreter.standardOutput.flush()
    state.pointee.interpreter.standardError.flush()
  }

  /// Sends what the program prints to `sys.stdout` (and `sys.stderr`) to `handler` instead
  /// of the file descriptors.
  public func captureOutput(stdout: ((String) -> Void)?, stderr: ((String) -> Void)? = nil) {
    state.pointee.interpreter.standardOutput.capture = stdout
    state.pointee.interpreter.standardError.capture = stderr
  }
}
