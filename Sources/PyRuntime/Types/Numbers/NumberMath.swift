#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The runtime's only door to the C math library. `pow` must be the platform's, bit for
/// bit, because CPython's `float.__pow__` calls it and programs print its results; the
/// standard library has no `pow` for `Double`. Everything else the numeric types need
/// (`fmod`, `floor`, `frexp`, `ldexp`) is exact and comes from the standard library
/// (`truncatingRemainder`, `rounded(.down)`, `exponent`, `Double(sign:exponent:significand:)`).
enum NumberMath {
  /// C's `pow(x, y)`: the caller has handled the special cases Python defines itself.
  @inline(__always)
  static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}
