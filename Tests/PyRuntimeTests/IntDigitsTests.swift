import Testing
@testable import PyRuntime

/// The digit algorithms checked against each other at sizes the differential tests reach
/// only rarely: Karatsuba (balanced and lopsided) against schoolbook, division against
/// `q·b + r == a`, decimal text against parsing, and the one-rounding double conversion.
struct IntDigitsTests {
  static func randomDigits(_ count: Int, _ random: inout NumberRandom) -> [UInt32] {
    var digits = (0..<count).map { _ in UInt32(random.below(1 << 30)) }
    if count > 0 {
      if random.chance(30) { for index in 0..<count where random.chance(70) { digits[index] = IntDigits.mask } }
      if digits[count - 1] == 0 { digits[count - 1] = 1 }
    }
    return digits
  }

  @Test func karatsubaAgreesWithSchoolbook() {
    var random = NumberRandom(seed: 5)
    let shapes = [(70, 70), (71, 90), (100, 139), (140, 141), (70, 400), (150, 1100), (333, 666), (700, 1400)]
    for (na, nb) in shapes {
      let a = Self.randomDigits(na, &random), b = Self.randomDigits(nb, &random)
      var fast = [UInt32](repeating: 7, count: na + nb), slow = [UInt32](repeating: 9, count: na + nb)
      a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
          fast.withUnsafeMutableBufferPointer { IntDigits.multiply(pa.baseAddress!, na, pb.baseAddress!, nb, into: $0.baseAddress!) }
          slow.withUnsafeMutableBufferPointer { IntDigits.schoolbook(pa.baseAddress!, na, pb.baseAddress!, nb, into: $0.baseAddress!) }
        }
      }
      #expect(fast == slow, "\(na) × \(nb) digits")
    }
  }

  /// divmod(a, b) = (q, r) with q·b + r == a and r between 0 and b (sign of b), for big
  /// operands of every sign.
  @Test func divisionSatisfiesTheIdentity() {
    let runtime = Runtime()
    let rt = runtime.ref
    var random = NumberRandom(seed: 6)
    for (na, nb) in [(2, 2), (3, 2), (40, 3), (300, 150), (600, 599), (1000, 30), (900, 450)] {
      let da = Self.randomDigits(na, &random), db = Self.randomDigits(nb, &random)
      for signs in [(false, false), (true, false), (false, true), (true, true)] {
        let a = da.withUnsafeBufferPointer { rt.newInt(digits: $0.baseAddress!, count: na, negative: signs.0)! }
        let b = db.withUnsafeBufferPointer { rt.newInt(digits: $0.baseAddress!, count: nb, negative: signs.1)! }
        let (q, r) = rt.intDivmod(a, b)!
        let product = rt.intMultiply(q, b)!, back = rt.intAdd(product, r)!
        #expect(rt.intCompare(back, a) == 0, "\(na)/\(nb) digits, signs \(signs)")
        let absR = rt.intAbsolute(r)!, absB = rt.intAbsolute(b)!
        #expect(rt.intCompare(absR, absB) < 0)
        #expect(r.size == 0 || (r.size < 0) == signs.1)
        for object in [a, b, q, r, product, back, absR, absB] { rt.decref(object) }
      }
    }
  }

  @Test func decimalTextRoundTrips() {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.setIntMaxStrDigits(0)
    var random = NumberRandom(seed: 8)
    for count in [1, 2, 3, 10, 100, 700] {
      let digits = Self.randomDigits(count, &random)
      let a = digits.withUnsafeBufferPointer { rt.newInt(digits: $0.baseAddress!, count: count, negative: count % 2 == 0)! }
      let text = rt.intToDecimalString(a)!
      let back = rt.newInt(parsing: text)!
      #expect(rt.intCompare(a, back) == 0, "\(count) digits")
      let hex = rt.intToString(a, base: 16)!
      let fromHex = rt.newInt(parsing: hex, base: 0)!
      #expect(rt.intCompare(a, fromHex) == 0)
      for object in [a, back, fromHex] { rt.decref(object) }
    }
  }

  @Test func roundedDoubleRoundsOnceIncludingSubnormals() {
    let tiny = Double.leastNonzeroMagnitude
    #expect(IntDigits.roundedDouble(1, exponent: -1074) == tiny)
    #expect(IntDigits.roundedDouble(1, exponent: -1075) == 0)                 // half: ties to even (0)
    #expect(IntDigits.roundedDouble(3, exponent: -1075) == 2 * tiny)          // 1.5 ulp: ties to even (2)
    #expect(IntDigits.roundedDouble(3, exponent: -1076) == tiny)              // 0.75 ulp
    #expect(IntDigits.roundedDouble(1, exponent: -1076) == 0)
    #expect(IntDigits.roundedDouble((1 << 53) | 1, exponent: 0) == 0x1p53)    // tie to even
    #expect(IntDigits.roundedDouble((1 << 53) | 3, exponent: 0) == 0x1p53 + 4)
    #expect(IntDigits.roundedDouble((1 << 54) - 1, exponent: 970) == .infinity)
    #expect(IntDigits.roundedDouble((1 << 53) - 1, exponent: 971) == .greatestFiniteMagnitude)
    #expect(IntDigits.roundedDouble(1 << 62, exponent: -62 - 1022) == .leastNormalMagnitude)
  }
}
