#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes from the operating system's random source (`/dev/urandom`), for seeding without a
/// seed and for `os.urandom`-like needs. CPython: Python/bootstrap_hash.c, `_PyOS_URandom`.
enum OSRandom {
  /// `count` random bytes, or nil when the source cannot be read.
  static func bytes(_ count: Int) -> [UInt8]? {
    var result = [UInt8](repeating: 0, count: count)
    let descriptor = open("/dev/urandom", O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var filled = 0
    while filled < count {
      let got = result.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
      if got <= 0 {
        if got < 0 && errno == EINTR { continue }
        return nil
      }
      filled += got
    }
    return result
  }

  /// A fallback seed when there is no random source: the time and the process id.
  static func timeAndProcess() -> [UInt32] {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return [UInt32(truncatingIfNeeded: now.tv_sec), UInt32(truncatingIfNeeded: now.tv_nsec),
            UInt32(truncatingIfNeeded: getpid()), UInt32(truncatingIfNeeded: Int(now.tv_sec) >> 32)]
  }
}
