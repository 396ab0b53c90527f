import Testing
@testable import PyRuntime

/// `int(text, base)` against python3 on random literals built from the pieces the rules
/// are about: whitespace (ASCII and not), signs, prefixes, underscores, non-ASCII digits,
/// quotes and unprintable characters (for the repr in the error message).
@Suite(.enabled(if: NumberOracle.isAvailable, NumberOracle.unavailable))
struct IntParseTests {
  static let script = """
  import sys
  for line in sys.stdin:
      text, base = line.split()
      s = bytes.fromhex(text[1:]).decode()
      try:
          r = hex(int(s, int(base)))
      except Exception as e:
          r = 'Error: %s: %s' % (type(e).__name__, e)
      print(r)
  """

  static let pieces: [String] = [
    " ", "\t", "\n", "\u{0B}", "\u{1C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "+", "-", "0x", "0X", "0o", "0O",
    "0b", "0B", "0", "0", "1", "7", "9", "12", "a", "f", "F", "z", "Z", "g", "_", "__", "٣", "１", "߁", "é", "😀",
    "\u{200B}", "\u{AD}", "\u{E000}", "'", "\"", "\\", "\u{0}", "\u{7F}", "\r", "x", "e5", ".", "1_000", "0_0",
  ]

  static func hexUTF8(_ text: String) -> String {
    text.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  static func compare(_ cases: [(String, Int)], seed: UInt64) throws {
    let runtime = Runtime()
    let rt = runtime.ref
    let lines = cases.map { "h\(hexUTF8($0.0)) \($0.1)" }
    let swift = cases.map { rt.outcome(rt.newInt(parsing: $0.0, base: $0.1)) }
    let python = try NumberOracle.run(script: script, lines: lines)
    let readable = cases.map { "int(\(NumberText.repr($0.0)), \($0.1))" }
    expectSameOutcomes(readable, swift: swift, python: python, seed: seed)
  }

  @Test(arguments: [51, 52, 53] as [UInt64])
  func randomLiterals(seed: UInt64) throws {
    var random = NumberRandom(seed: seed)
    let bases = [0, 0, 0, 10, 10, 2, 8, 16, 16, 36, 3, 7, 12, 35, 1, 37]
    var cases: [(String, Int)] = []
    for _ in 0..<1500 {
      let base = bases[random.below(bases.count)]
      let digitBase = base == 0 ? 10 : min(max(base, 2), 36)
      var text = random.chance(20) ? Self.pieces[random.below(8)] : ""
      if random.chance(20) { text += random.chance(50) ? "-" : "+" }
      if base == 0 || base == 16, random.chance(30) { text += base == 0 ? ["0x", "0o", "0b"][random.below(3)] : "0X" }
      let style = random.below(3)
      for _ in 0..<(random.below(4) + 1) {
        if style == 0 {
          text += Self.pieces[random.below(Self.pieces.count)]
        } else {
          // Mostly well-formed: digits of the base with single underscores, now and then a
          // stray piece.
          for _ in 0..<(random.below(12) + 1) { text += String(random.below(digitBase), radix: digitBase) }
          if random.chance(style == 1 ? 10 : 40) { text += random.chance(70) ? "_" : Self.pieces[random.below(Self.pieces.count)] }
        }
      }
      cases.append((text, base))
    }
    try Self.compare(cases, seed: seed)
  }

  @Test func fixedLiterals() throws {
    let cases: [(String, Int)] = [
      ("12_3", 10), ("0x_1f", 0), ("01", 0), ("00", 0), ("0_0", 0), (" -0b101 ", 0), ("0b101", 16), ("0x", 16),
      ("0x1_", 16), ("1__0", 10), ("_1", 10), ("+ 1", 10), ("٣٤", 10), ("\u{2003} 12", 10), ("12\u{1C}", 10),
      ("z", 36), ("Z", 36), ("0o17", 0), ("017", 8), ("-0", 0), ("0X1F", 0), ("\"'", 10), ("'", 10), ("", 10),
      (String(repeating: "x", count: 300), 10), (String(repeating: "é", count: 300), 10), ("1", 37), ("1", 1),
      (String(repeating: "1", count: 5000) + "x", 10), ("x" + String(repeating: "1", count: 5000), 10),
      (String(repeating: "1", count: 5000) + "_", 10), (String(repeating: "7", count: 4300), 10),
      (String(repeating: "1", count: 5000), 16), (String(repeating: "1", count: 4301), 5),
      ("  " + String(repeating: "9", count: 600) + "  ", 0), ("-" + String(repeating: "z", count: 400), 36),
    ]
    try Self.compare(cases, seed: 0)
  }
}
