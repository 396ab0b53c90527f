import Testing
@testable import PyRuntime

/// The character properties against python3's (Unicode 14.0) for every code point.
@Suite struct TextUnicodeTests {
  /// Bit flags per code point, as python3 computes them; compared with ours over all of
  /// Unicode (both sides walk the same 1,114,112 code points). The last two flags probe the
  /// Cased and Case_Ignorable properties through the final-sigma rule of `lower()`.
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func propertiesMatchCPythonForEveryCodePoint() throws {
    let output = try TextOracle.run("""
      import sys
      out = bytearray()
      for c in range(0x110000):
          ch = chr(c)
          v = 0
          if ch.isprintable(): v |= 1
          if ch.isspace(): v |= 2
          if ch.isalpha(): v |= 4
          if ch.isdigit(): v |= 8
          if ch.isidentifier(): v |= 16
          if ('a' + ch).isidentifier(): v |= 32
          if ('A' + ch + chr(0x3a3)).lower()[-1] == chr(0x3c2): v |= 64
          if ('A' + chr(0x3a3) + ch).lower()[1] == chr(0x3c2): v |= 128
          out.append(v)
      sys.stdout.write(out.hex())
      """)
    let hex = Array(output.utf8)
    try #require(hex.count == 0x110000 * 2)
    func nibble(_ byte: UInt8) -> UInt8 { byte <= 0x39 ? byte - 0x30 : byte - 0x57 }
    var mismatches: [String] = []
    for value in 0..<UInt32(0x110000) {
      let flags = nibble(hex[Int(value) * 2]) << 4 | nibble(hex[Int(value) * 2 + 1])
      var mine: UInt8 = 0
      if TextUnicode.isPrintable(value) { mine |= 1 }
      if TextUnicode.isSpace(value) { mine |= 2 }
      if TextUnicode.isAlpha(value) { mine |= 4 }
      if TextUnicode.isDigit(value) { mine |= 8 }
      if TextUnicode.isIdentifierStart(value) { mine |= 16 }
      if TextUnicode.isIdentifierContinue(value) { mine |= 32 }
      // Final sigma: a preceding character counts when cased or skipped (case-ignorable);
      // a following one blocks it when cased and not skipped.
      let cased = TextUnicode.isCased(value), ignorable = TextUnicode.isCaseIgnorable(value)
      if cased || ignorable { mine |= 64 }
      if !(cased && !ignorable) { mine |= 128 }
      if mine != flags && mismatches.count < 20 { mismatches.append("U+\(String(value, radix: 16)): \(mine) ≠ \(flags)") }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }

  /// Case mappings of every character that has one in either implementation.
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func caseMappingsMatchCPython() throws {
    let output = try TextOracle.run("""
      import sys
      for c in range(0x110000):
          ch = chr(c)
          u, l = ch.upper(), ch.lower()
          if u != ch or l != ch:
              print('%x %s %s' % (c, '.'.join('%x' % ord(x) for x in u), '.'.join('%x' % ord(x) for x in l)))
      """)
    var expected: [UInt32: (String, String)] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: " ").map(String.init)
      expected[UInt32(parts[0], radix: 16)!] = (parts[1], parts[2])
    }
    let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: 3)
    defer { buffer.deallocate() }
    func mapped(_ count: Int) -> String { (0..<count).map { String(buffer[$0], radix: 16) }.joined(separator: ".") }
    var mismatches: [String] = []
    for value in 0..<UInt32(0x110000) {
      let upper = mapped(TextUnicode.upper(value, into: buffer))
      let lower = mapped(TextUnicode.lower(value, into: buffer))
      let identity = String(value, radix: 16)
      let (pythonUpper, pythonLower) = expected[value] ?? (identity, identity)
      if (upper, lower) != (pythonUpper, pythonLower) && mismatches.count < 20 {
        mismatches.append("U+\(identity): \(upper)/\(lower) ≠ \(pythonUpper)/\(pythonLower)")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }
}
