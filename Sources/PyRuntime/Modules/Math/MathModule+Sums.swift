import PyCompiler

/// Sums and norms: `fsum` (exact), `hypot` and `dist` (an accurately rounded Euclidean
/// norm), `prod`, and `isclose`. CPython: Modules/mathmodule.c, `math_fsum`, `vector_norm`,
/// `math_hypot`, `math_dist_impl`, `math_prod_impl`, `math_isclose_impl`.
extension MathModule {
  /// `fsum(iterable)`: the correctly rounded sum, by Shewchuk's method: the running sum is
  /// kept exactly as a list of non-overlapping partials (each addition split into its
  /// rounded sum and the exact error), and only the final total is rounded — half-even even
  /// when the rounding decision depends on partials below the top two.
  ///
  /// Infinities and NaNs are summed apart ("-inf + inf in fsum" when both infinities
  /// occur); an infinite partial from finite inputs is "intermediate overflow in fsum".
  static func exactSum(_ rt: RuntimeRef, _ iterable: PyRef) -> Double? {
    var partials: [Double] = []
    partials.reserveCapacity(32)
    var specialSum = 0.0, infinitySum = 0.0
    var overflowed = false
    let completed = rt.forEach(iterable) { item in
      guard let value = rt.asDouble(item) else { return false }
      var x = value
      var kept = 0
      for index in partials.indices {
        var y = partials[index]
        if abs(x) < abs(y) { swap(&x, &y) }
        let high = x + y
        let low = y - (high - x)
        if low != 0 {
          partials[kept] = low
          kept += 1
        }
        x = high
      }
      partials.removeSubrange(kept...)
      if x != 0 {
        if !x.isFinite {
          if value.isFinite {
            overflowed = true
            return false
          }
          if value.isInfinite { infinitySum += value }
          specialSum += value
          partials.removeAll(keepingCapacity: true)
        } else {
          partials.append(x)
        }
      }
      return true
    }
    if overflowed {
      rt.raise("OverflowError", "intermediate overflow in fsum")
      return nil
    }
    guard completed else { return nil }
    if specialSum != 0 {
      if infinitySum.isNaN {
        rt.raise("ValueError", "-inf + inf in fsum")
        return nil
      }
      return specialSum
    }
    guard var index = partials.indices.last else { return 0 }
    var high = partials[index]
    var low = 0.0
    // Add the partials from the largest down while the sum stays exact.
    while index > 0 {
      index -= 1
      let x = high, y = partials[index]
      high = x + y
      low = y - (high - x)
      if low != 0 { break }
    }
    // The rounding of `high + low` was half-even on the top two partials only: if the next
    // partial pushes in the same direction as `low`, round away instead.
    if index > 0 && ((low < 0 && partials[index - 1] < 0) || (low > 0 && partials[index - 1] > 0)) {
      let doubled = low * 2
      let x = high + doubled
      if doubled == x - high { high = x }
    }
    return high
  }

  /// The Euclidean norm of `values` (all finite, non-negative magnitudes, the largest
  /// `maximum`), accurate to within one rounding: the values are scaled by a power of two
  /// so the largest lies in [0.5, 1), their squares are summed exactly as a double-length
  /// number (each square split by a fused multiply-add, each addition by Fast2Sum), and the
  /// square root gets one Newton correction from the exact residual.
  static func vectorNorm(_ values: UnsafeMutableBufferPointer<Double>, maximum: Double, foundNaN: Bool) -> Double {
    if maximum.isInfinite { return maximum }
    if foundNaN { return .nan }
    if maximum == 0 || values.count <= 1 { return maximum }
    let maxExponent = LibM.frexp(maximum).exponent
    if maxExponent < -1023 {
      // 2^-maxExponent would overflow: bring the subnormals into the normal range first.
      let smallest = Double.leastNormalMagnitude
      for index in values.indices { values[index] /= smallest }
      return smallest * vectorNorm(values, maximum: maximum / smallest, foundNaN: false)
    }
    let scale = LibM.ldexp(1.0, Int32(-maxExponent))
    var sum = 1.0, lowSquares = 0.0, lowSums = 0.0
    for value in values {
      let x = value * scale
      let square = x * x
      lowSquares += (-square).addingProduct(x, x)
      let total = sum + square
      lowSums += square - (total - sum)
      sum = total
    }
    var h = (sum - 1 + (lowSquares + lowSums)).squareRoot()
    // The residual sum - h², exactly as a double-length number.
    let negativeSquare = -h * h
    lowSquares += (-negativeSquare).addingProduct(-h, h)
    let total = sum + negativeSquare
    lowSums += negativeSquare - (total - sum)
    sum = total
    let residual = sum - 1 + (lowSquares + lowSums)
    h += residual / (2 * h)
    return h / scale
  }

  static let sumFunctions: [BuiltinFunction] = [
    BuiltinFunction("fsum") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard single(a, "math.fsum"), let sum = exactSum(a.rt, a[0]) else { return nil }
      return float(a.rt, sum)
    },
    BuiltinFunction("hypot") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("math.hypot") else { return nil }
      return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(a.count, 1)) { buffer in
        var maximum = 0.0, foundNaN = false
        for index in 0..<a.count {
          guard let value = a.rt.asDouble(a[index]) else { return nil }
          let x = abs(value)
          buffer[index] = x
          foundNaN = foundNaN || x.isNaN
          if x > maximum { maximum = x }
        }
        let values = UnsafeMutableBufferPointer(rebasing: buffer[0..<a.count])
        return float(a.rt, vectorNorm(values, maximum: maximum, foundNaN: foundNaN))
      }
    },
    BuiltinFunction("dist") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard positional(a, "dist", "math.dist", atLeast: 2, atMost: 2) else { return nil }
      let rt = a.rt
      guard let p = rt.tupleFrom(a[0]) else { return nil }
      defer { rt.decref(p) }
      guard let q = rt.tupleFrom(a[1]) else { return nil }
      defer { rt.decref(q) }
      let n = TupleObject.count(p)
      guard n == TupleObject.count(q) else {
        rt.raise("ValueError", "both points must have the same number of dimensions")
        return nil
      }
      return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(n, 1)) { buffer in
        var maximum = 0.0, foundNaN = false
        for index in 0..<n {
          guard let px = rt.asDouble(TupleObject.item(p, index)!),
                let qx = rt.asDouble(TupleObject.item(q, index)!) else { return nil }
          let x = abs(px - qx)
          buffer[index] = x
          foundNaN = foundNaN || x.isNaN
          if x > maximum { maximum = x }
        }
        let values = UnsafeMutableBufferPointer(rebasing: buffer[0..<n])
        return float(rt, vectorNorm(values, maximum: maximum, foundNaN: foundNaN))
      }
    },
    BuiltinFunction("prod") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.count == 1 else {
        rt.raise("TypeError", "prod() takes exactly 1 positional argument (\(a.count) given)")
        return nil
      }
      var start: PyRef? = nil
      for index in 0..<a.args.keywordCount {
        let (name, value) = a.args.keyword(index)
        guard StrObject.string(name) == "start" else {
          rt.raise("TypeError", "'\(StrObject.string(name))' is an invalid keyword argument for prod()")
          return nil
        }
        start = value
      }
      var product = start ?? rt.smallInt(1)
      if start != nil { product.incref() }
      let multiply = UInt32(BinaryOperator.multiply.rawValue)
      let completed = rt.forEach(a[0]) { item in
        guard let next = rt.binaryOp(product, item, multiply) else { return false }
        rt.decref(product)
        product = next
        return true
      }
      guard completed else {
        rt.decref(product)
        return nil
      }
      return product.raw
    },
    BuiltinFunction("isclose") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.count <= 2 else {
        rt.raise("TypeError", "isclose() takes exactly 2 positional arguments (\(a.count) given)")
        return nil
      }
      guard let bound = a.args.bindClinic("isclose", ["a", "b", "rel_tol", "abs_tol"], required: 2) else { return nil }
      guard let x = rt.asDouble(bound[0]!), let y = rt.asDouble(bound[1]!) else { return nil }
      var relative = 1e-9, absolute = 0.0
      if let given = bound[2] {
        guard let value = rt.asDouble(given) else { return nil }
        relative = value
      }
      if let given = bound[3] {
        guard let value = rt.asDouble(given) else { return nil }
        absolute = value
      }
      guard relative >= 0 && absolute >= 0 else {
        rt.raise("ValueError", "tolerances must be non-negative")
        return nil
      }
      return rt.newBool(areClose(x, y, relative: relative, absolute: absolute)).raw
    },
  ]

  /// `isclose`'s test: equal values (infinities included) are close; otherwise an infinity
  /// is close to nothing; otherwise the difference must be within the relative tolerance of
  /// either value, or within the absolute tolerance.
  static func areClose(_ x: Double, _ y: Double, relative: Double, absolute: Double) -> Bool {
    if x == y { return true }
    if x.isInfinite || y.isInfinite { return false }
    let difference = abs(y - x)
    return difference <= abs(relative * y) || difference <= abs(relative * x) || difference <= absolute
  }
}
