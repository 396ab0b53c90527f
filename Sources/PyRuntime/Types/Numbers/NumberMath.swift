#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The runtime's only door to the C math library. `pow` must be the platform's, bit for
/// bit, because CPython's `float.__pow__` calls it and programs print its results; the
/// standard library has no `pow` for `Double`. The same holds for the functions complex
/// powers and `abs()` are built from (`hypot`, `atan2`, `exp`, `log`, `sin`, `cos`).
/// Everything else the numeric types need (`fmod`, `floor`, `frexp`, `ldexp`) is exact and
/// comes from the standard library (`truncatingRemainder`, `rounded(.down)`, `exponent`,
/// `Double(sign:exponent:significand:)`).
enum NumberMath {
  /// C's `pow(x, y)`: the caller has handled the special cases Python defines itself.
  @inline(__always)
  static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

  static func hypotenuse(_ x: Double, _ y: Double) -> Double { hypot(x, y) }
  static func arcTangent(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
  static func exponential(_ x: Double) -> Double { exp(x) }
  static func logarithm(_ x: Double) -> Double { log(x) }
  static func sine(_ x: Double) -> Double { sin(x) }
  static func cosine(_ x: Double) -> Double { cos(x) }
}
