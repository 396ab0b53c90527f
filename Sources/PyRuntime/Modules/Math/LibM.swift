#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `math` module's door to the platform's C math library. CPython's `math` calls libm
/// for most functions (Modules/mathmodule.c, `FUNC1`), so programs print libm's results bit
/// for bit. The wrappers keep the C names out of the rest of the module, where they would
/// collide with the runtime's own methods (`round`, `log`, …).
enum LibM {
  static func ldexp(_ x: Double, _ exponent: Int32) -> Double { c_ldexp(x, exponent) }
  /// `frexp(x)`: x = fraction · 2^exponent with |fraction| in [0.5, 1).
  static func frexp(_ x: Double) -> (fraction: Double, exponent: Int) {
    var exponent: Int32 = 0
    let fraction = c_frexp(x, &exponent)
    return (fraction, Int(exponent))
  }
  static func sqrt(_ x: Double) -> Double { c_sqrt(x) }
  static func cbrt(_ x: Double) -> Double { c_cbrt(x) }
  static func exp(_ x: Double) -> Double { c_exp(x) }
  static func exp2(_ x: Double) -> Double { c_exp2(x) }
  static func expm1(_ x: Double) -> Double { c_expm1(x) }
  static func log(_ x: Double) -> Double { c_log(x) }
  static func log2(_ x: Double) -> Double { c_log2(x) }
  static func log10(_ x: Double) -> Double { c_log10(x) }
  static func log1p(_ x: Double) -> Double { c_log1p(x) }
  static func sin(_ x: Double) -> Double { c_sin(x) }
  static func cos(_ x: Double) -> Double { c_cos(x) }
  static func tan(_ x: Double) -> Double { c_tan(x) }
  static func asin(_ x: Double) -> Double { c_asin(x) }
  static func acos(_ x: Double) -> Double { c_acos(x) }
  static func atan(_ x: Double) -> Double { c_atan(x) }
  static func sinh(_ x: Double) -> Double { c_sinh(x) }
  static func cosh(_ x: Double) -> Double { c_cosh(x) }
  static func tanh(_ x: Double) -> Double { c_tanh(x) }
  static func asinh(_ x: Double) -> Double { c_asinh(x) }
  static func acosh(_ x: Double) -> Double { c_acosh(x) }
  static func atanh(_ x: Double) -> Double { c_atanh(x) }
  static func erf(_ x: Double) -> Double { c_erf(x) }
  static func erfc(_ x: Double) -> Double { c_erfc(x) }
  static func pow(_ x: Double, _ y: Double) -> Double { c_pow(x, y) }
  static func atan2(_ x: Double, _ y: Double) -> Double { c_atan2(x, y) }
  static func fmod(_ x: Double, _ y: Double) -> Double { c_fmod(x, y) }
  static func remainder(_ x: Double, _ y: Double) -> Double { c_remainder(x, y) }
  static func nextafter(_ x: Double, _ y: Double) -> Double { c_nextafter(x, y) }
}

// At file scope the C names are not shadowed by LibM's members.
@inline(__always) private func c_sqrt(_ x: Double) -> Double { sqrt(x) }
@inline(__always) private func c_cbrt(_ x: Double) -> Double { cbrt(x) }
@inline(__always) private func c_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func c_exp2(_ x: Double) -> Double { exp2(x) }
@inline(__always) private func c_expm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func c_log(_ x: Double) -> Double { log(x) }
@inline(__always) private func c_log2(_ x: Double) -> Double { log2(x) }
@inline(__always) private func c_log10(_ x: Double) -> Double { log10(x) }
@inline(__always) private func c_log1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func c_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func c_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func c_tan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func c_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) private func c_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) private func c_atan(_ x: Double) -> Double { atan(x) }
@inline(__always) private func c_sinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) private func c_cosh(_ x: Double) -> Double { cosh(x) }
@inline(__always) private func c_tanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func c_asinh(_ x: Double) -> Double { asinh(x) }
@inline(__always) private func c_acosh(_ x: Double) -> Double { acosh(x) }
@inline(__always) private func c_atanh(_ x: Double) -> Double { atanh(x) }
@inline(__always) private func c_erf(_ x: Double) -> Double { erf(x) }
@inline(__always) private func c_erfc(_ x: Double) -> Double { erfc(x) }
@inline(__always) private func c_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func c_atan2(_ x: Double, _ y: Double) -> Double { atan2(x, y) }
@inline(__always) private func c_fmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
@inline(__always) private func c_remainder(_ x: Double, _ y: Double) -> Double { remainder(x, y) }
@inline(__always) private func c_nextafter(_ x: Double, _ y: Double) -> Double { nextafter(x, y) }
@inline(__always) private func c_ldexp(_ x: Double, _ exponent: Int32) -> Double { ldexp(x, exponent) }
@inline(__always) private func c_frexp(_ x: Double, _ exponent: inout Int32) -> Double { frexp(x, &exponent) }
