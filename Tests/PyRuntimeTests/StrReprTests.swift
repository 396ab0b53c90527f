import Testing
@testable import PyRuntime

/// `repr` of str and bytes, hashes with `PYTHONHASHSEED=0`, and UTF-8 decoding, each against
/// python3 on fixed and seeded random inputs.
@Suite struct StrReprTests {
  /// Tricky fixed cases plus random strings with code points from every plane.
  static func strCases() -> [[UInt32]] {
    var cases: [[UInt32]] = [
      [], [0x27], [0x22], [0x27, 0x22], [0x5C], [0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0x00, 0x1F, 0x7F], [0x80, 0x9F, 0xA0, 0xAD, 0xFF],
      [0x20, 0xA0, 0x2028, 0x2029, 0x200B, 0x200D, 0xFEFF], [0xD800, 0xDFFF], [0xE000, 0xF8FF, 0xFFFE, 0xFFFF],
      [0x1F600, 0x10FFFF, 0xF0000, 0xE0001], [0x31350, 0x2EBF0, 0x1F6DD, 0x1FAE8], Array("it's \"quoted\"".unicodeScalars.map(\.value)),
      [0x0378, 0x0557, 0x0600, 0x061C, 0x115F, 0x1160, 0x3164, 0xFFA0],
    ]
    var random = TextRandom(seed: 0x5EED_0001)
    for _ in 0..<400 {
      cases.append((0..<random.below(12)).map { _ in random.anyCodePoint() })
    }
    return cases
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func strReprMatchesCPython() throws {
    let cases = Self.strCases()
    let expected = try TextOracle.lines(TextOracle.prelude + """
      for line in sys.stdin.read().splitlines():
          print(H(repr(T(line))))
      """, input: cases.map(TextCodec.hex))
    let runtime = textRuntime()
    let rt = runtime.ref
    for (codePoints, repr) in zip(cases, expected) {
      let str = rt.newStr(codePoints: codePoints)!
      let mine = rt.strRepr(str)!
      #expect(TextCodec.hex(StrObject.codePoints(mine)) == repr, "repr of \(TextCodec.hex(codePoints))")
      [str, mine].forEach(rt.decref)
    }
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func bytesReprMatchesCPython() throws {
    var cases: [[UInt8]] = [[], [0x27], [0x22], [0x27, 0x22], Array(0...255), [0x5C, 0x09, 0x0A, 0x0D]]
    var random = TextRandom(seed: 0x5EED_0002)
    for _ in 0..<200 { cases.append((0..<random.below(10)).map { _ in UInt8(random.below(256)) }) }
    let hex = cases.map { $0.map { String($0, radix: 16) }.joined(separator: ".") }
    let expected = try TextOracle.lines(TextOracle.prelude + """
      for line in sys.stdin.read().splitlines():
          print(repr(bytes(int(x, 16) for x in line.split('.') if x)))
      """, input: hex)
    let runtime = textRuntime()
    let rt = runtime.ref
    for (bytes, repr) in zip(cases, expected) {
      let object = rt.newBytes(bytes)!
      #expect(rt.bytesReprString(object) == repr)
      rt.decref(object)
    }
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func hashesMatchCPythonWithSeedZero() throws {
    var cases = Self.strCases()
    for length in 0..<20 { cases.append((0..<length).map { UInt32(0x61 + $0 % 26) }) }
    let expected = try TextOracle.lines(TextOracle.prelude + """
      for line in sys.stdin.read().splitlines():
          s = T(line)
          b = s.encode('utf-8', 'surrogatepass')
          print(hash(s), hash(b))
      """, input: cases.map(TextCodec.hex))
    let runtime = textRuntime()
    let rt = runtime.ref
    for (codePoints, line) in zip(cases, expected) {
      let str = rt.newStr(codePoints: codePoints)!
      let utf8 = Self.utf8(codePoints)
      let bytes = rt.newBytes(utf8)!
      #expect("\(rt.strHash(str)) \(rt.bytesHash(bytes))" == line, "\(TextCodec.hex(codePoints))")
      #expect(rt.hash(str) == rt.strHash(str), "the slot and the cache agree")
      [str, bytes].forEach(rt.decref)
    }
  }

  @Test func hashSeedsChangeTheKey() {
    let zero = Runtime(hashSeed: 0), seeded = Runtime(hashSeed: 42), random = Runtime()
    #expect(zero.ref.state.pointee.text.hashKey == (0, 0))
    #expect(seeded.ref.state.pointee.text.hashKey != (0, 0))
    #expect(random.ref.state.pointee.text.hashKey != seeded.ref.state.pointee.text.hashKey)
    let a = zero.ref.newStr("a")!, b = seeded.ref.newStr("a")!
    #expect(zero.ref.strHash(a) == 4644417185603328019)
    #expect(seeded.ref.strHash(b) != 4644417185603328019)
    let empty = seeded.ref.emptyString()
    #expect(seeded.ref.strHash(empty) == 0)
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func utf8DecodingMatchesCPython() throws {
    var cases: [[UInt8]] = [
      [0xE2, 0x41], [0xE2, 0x82, 0x41], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xC0, 0x80], [0xFF], [0x61, 0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x98, 0x80], [0xE0, 0x9F, 0x80],
    ]
    var random = TextRandom(seed: 0x5EED_0003)
    let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1,
                                0xED, 0xEE, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
    for _ in 0..<300 {
      cases.append((0..<random.below(7)).map { _ in interesting[random.below(interesting.count)] })
    }
    for _ in 0..<100 {
      let valid = (0..<random.below(8)).map { _ in random.anyCodePoint() }.filter { !(0xD800...0xDFFF).contains($0) }
      cases.append(Self.utf8(valid))
    }
    let hex = cases.map { $0.map { String($0, radix: 16) }.joined(separator: ".") }
    let expected = try TextOracle.lines(TextOracle.prelude + """
      for line in sys.stdin.read().splitlines():
          print(run(lambda: bytes(int(x, 16) for x in line.split('.') if x).decode('utf-8')))
      """, input: hex)
    let runtime = textRuntime()
    let rt = runtime.ref
    for (bytes, result) in zip(cases, expected) {
      let mine = TextCodec.encode(rt.newStr(utf8: bytes), rt)
      #expect(mine == result, "\(bytes.map { String($0, radix: 16) })")
    }
  }

  /// UTF-8 with surrogates encoded like any other code point (`surrogatepass`).
  static func utf8(_ codePoints: [UInt32]) -> [UInt8] {
    var bytes: [UInt8] = []
    for value in codePoints {
      switch value {
      case 0..<0x80: bytes.append(UInt8(value))
      case 0x80..<0x800: bytes += [UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F)]
      case 0x800..<0x10000: bytes += [UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F)]
      default: bytes += [UInt8(0xF0 | value >> 18), UInt8(0x80 | value >> 12 & 0x3F), UInt8(0x80 | value >> 6 & 0x3F),
                         UInt8(0x80 | value & 0x3F)]
      }
    }
    return bytes
  }
}
