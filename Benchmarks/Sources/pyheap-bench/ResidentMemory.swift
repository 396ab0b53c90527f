#if canImport(Glibc)
import Glibc
#endif

/// Resident memory of this process, read from procfs (Linux only).
enum ResidentMemory {
  /// Resident bytes now: `/proc/self/statm`, field 2 (resident pages) × page size. Cheap
  /// enough to read in the middle of a run, outside the timed parts.
  static func current() -> Int {
    guard let text = readProcFile("/proc/self/statm") else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// The process's high-water mark of resident bytes: `VmHWM` in `/proc/self/status`.
  static func highWaterMark() -> Int {
    guard let text = readProcFile("/proc/self/status") else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let number = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
      if let number, let kilobytes = Int(number) { return kilobytes * 1024 }
    }
    return 0
  }

  /// Reads a small procfs file with plain `open`/`read` (no Foundation, no stdio buffers).
  private static func readProcFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
