/// `gamma` and `lgamma`. CPython computes both itself rather than trusting libm's
/// `tgamma`/`lgamma` (Modules/mathmodule.c, `m_tgamma`, `m_lgamma`, `lanczos_sum`,
/// `m_sinpi`): Lanczos' approximation with g = 6.024680040776729583740234375 and 13 terms
/// (the coefficients Boost publishes), exact values for the small integers, and the
/// reflection formula for negative arguments. Programs print these values, so this module
/// evaluates the same approximation in the same order of operations.
extension MathModule {
  static let lanczosG = 6.024680040776729583740234375
  static let lanczosGMinusHalf = 5.524680040776729583740234375

  /// The numerator of the Lanczos sum as a polynomial in x, lowest power first.
  static let lanczosNumerator: [Double] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
  ]

  /// The denominator: x(x+1)…(x+11) expanded, lowest power first.
  static let lanczosDenominator: [Double] = [
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
    32670.0, 1925.0, 66.0, 1.0,
  ]

  /// Γ(n) for n = 1…23, exact in a double.
  static let gammaOfIntegers: [Double] = {
    var values: [Double] = [1]
    for n in 1..<23 { values.append(values[n - 1] * Double(n)) }
    return values
  }()

  static let logPi = 1.144729885849400174143427351353058711647

  /// The rational function of the Lanczos approximation, for x > 0. Below 5 it is evaluated
  /// by Horner's rule in x; above, in 1/x (numerator and denominator both divided by
  /// x^12), which avoids overflow and is more accurate there.
  static func lanczosSum(_ x: Double) -> Double {
    var numerator = 0.0, denominator = 0.0
    let terms = lanczosNumerator.count
    if x < 5 {
      for index in stride(from: terms - 1, through: 0, by: -1) {
        numerator = numerator * x + lanczosNumerator[index]
        denominator = denominator * x + lanczosDenominator[index]
      }
    } else {
      for index in 0..<terms {
        numerator = numerator / x + lanczosNumerator[index]
        denominator = denominator / x + lanczosDenominator[index]
      }
    }
    return numerator / denominator
  }

  /// sin(πx), computed so that it is exactly zero at the integers: the argument is reduced
  /// to [0, 2) and each half-quadrant uses the sine or cosine that is accurate there.
  static func sinPi(_ x: Double) -> Double {
    let y = LibM.fmod(abs(x), 2)
    let quadrant = Int((2 * y).rounded(.toNearestOrAwayFromZero))
    let r: Double
    switch quadrant {
    case 0: r = LibM.sin(pi * y)
    case 1: r = LibM.cos(pi * (y - 0.5))
    case 2: r = LibM.sin(pi * (1 - y))  // not -sin(π(y-1)), which is -0.0 at y = 1
    case 3: r = -LibM.cos(pi * (y - 1.5))
    default: r = LibM.sin(pi * (y - 2))
    }
    return Double(signOf: x, magnitudeOf: 1) * r
  }

  enum GammaOutcome {
    case value(Double)
    case domain
    case range
  }

  /// Γ(x).
  static func gamma(_ x: Double) -> GammaOutcome {
    if !x.isFinite {
      return x.isNaN || x > 0 ? .value(x) : .domain
    }
    if x == 0 { return .domain }
    if x == x.rounded(.down) {
      if x < 0 { return .domain }
      if x <= Double(gammaOfIntegers.count) { return .value(gammaOfIntegers[Int(x) - 1]) }
    }
    let absX = abs(x)
    if absX < 1e-20 {
      let r = 1 / x
      return r.isInfinite ? .range : .value(r)
    }
    if absX > 200 {
      return x < 0 ? .value(0.0 / sinPi(x)) : .range
    }
    let y = absX + lanczosGMinusHalf
    // z is the rounding error of y, scaled: the correction term of the approximation.
    var z: Double
    if absX > lanczosGMinusHalf {
      let q = y - absX
      z = q - lanczosGMinusHalf
    } else {
      let q = y - lanczosGMinusHalf
      z = q - absX
    }
    z = z * lanczosG / y
    var r: Double
    if x < 0 {
      r = -pi / sinPi(absX) / absX * LibM.exp(y) / lanczosSum(absX)
      r -= z * r
      if absX < 140 {
        r /= LibM.pow(y, absX - 0.5)
      } else {
        let root = LibM.pow(y, absX / 2 - 0.25)
        r /= root
        r /= root
      }
    } else {
      r = lanczosSum(absX) / LibM.exp(y)
      r += z * r
      if absX < 140 {
        r *= LibM.pow(y, absX - 0.5)
      } else {
        let root = LibM.pow(y, absX / 2 - 0.25)
        r *= root
        r *= root
      }
    }
    return r.isInfinite ? .range : .value(r)
  }

  /// log|Γ(x)|.
  static func logGamma(_ x: Double) -> GammaOutcome {
    if !x.isFinite { return .value(x.isNaN ? x : .infinity) }
    if x == x.rounded(.down) && x <= 2 {
      return x <= 0 ? .domain : .value(0)
    }
    let absX = abs(x)
    if absX < 1e-20 { return .value(-LibM.log(absX)) }
    var r = LibM.log(lanczosSum(absX)) - lanczosG
    r += (absX - 0.5) * (LibM.log(absX + lanczosG - 0.5) - 1)
    if x < 0 {
      // The reflection formula: Γ(x)Γ(1-x) = π / sin(πx).
      r = logPi - LibM.log(abs(sinPi(absX))) - LibM.log(absX) - r
    }
    return r.isInfinite ? .range : .value(r)
  }

  static func gammaResult(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                          _ names: UnsafeMutableRawPointer?, _ qualified: StaticString,
                          _ function: (Double) -> GammaOutcome) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard single(a, qualified), let x = a.rt.asDouble(a[0]) else { return nil }
    switch function(x) {
    case .value(let r): return float(a.rt, r)
    case .domain: return domainError(a.rt)
    case .range: return rangeError(a.rt)
    }
  }

  static let gammaFunctions: [BuiltinFunction] = [
    BuiltinFunction("gamma") { gammaResult($4, $1, $2, $3, "math.gamma", gamma) },
    BuiltinFunction("lgamma") { gammaResult($4, $1, $2, $3, "math.lgamma", logGamma) },
  ]
}
