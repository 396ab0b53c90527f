import Testing
@testable import PyRuntime

/// The case mappings and character classes of every code point against python3:
/// `casefold`, `title`, `capitalize`, `swapcase`, `isupper`, `islower`, `istitle`,
/// `isnumeric`, `isdecimal` (a line for each code point where any of them is not trivial).
/// The code points are everything but the big uniform blocks (CJK ideographs, Hangul
/// syllables, private use, planes 2 and up), plus the ideographs whose properties changed.
@Suite struct StrCaseTests {
  static let ranges: [Range<UInt32>] = [0..<0x3400, 0x4DC0..<0x4E30, 0xA000..<0xAC00, 0xD7B0..<0xD800, 0xF900..<0x20000]
  static let extra: [UInt32] = [0x4E5D, 0x4E8C, 0x4EAC, 0x4FE9, 0x5006, 0x5341, 0x62D0, 0x6D1E, 0x7695, 0x79ED, 0x920E,
                                0x94A9, 0x20001, 0x20064, 0xE0041, 0xE0100, 0x10FFFF]
  static var codePoints: [UInt32] { ranges.flatMap { Array($0) } + extra }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func codePoints() throws {
    let expected = try TextOracle.run(TextOracle.prelude + """
      out = []
      for cp in [int(x, 16) for x in sys.stdin.read().split()]:
          c = chr(cp)
          f = (c.isupper(), c.islower(), c.istitle(), c.isnumeric(), c.isdecimal(), c.isalnum())
          if c.casefold() != c or c.title() != c or c.swapcase() != c or any(f):
              out.append('%x:%s:%s:%s:%s' % (cp, H(c.casefold()), H(c.title()), H(c.swapcase()), ''.join('1' if x else '0' for x in f)))
      print('\\n'.join(out))
      """, input: Self.codePoints.map { String($0, radix: 16) }.joined(separator: " "))
    let runtime = textRuntime()
    let rt = runtime.ref
    var lines: [String] = []
    func hex(_ object: PyRef?) -> String {
      let text = TextCodec.hex(StrObject.codePoints(object!))
      rt.decref(object!)
      return text
    }
    for cp in Self.codePoints {
      let c = rt.newCharacter(cp)!
      defer { rt.decref(c) }
      let flags = [rt.strIsUpper(c), rt.strIsLower(c), rt.strIsTitle(c), rt.strIsNumeric(c), rt.strIsDecimal(c),
                   rt.strIsAlnum(c)]
      let folded = hex(rt.strCaseFold(c)), titled = hex(rt.strTitle(c)), swapped = hex(rt.strSwapCase(c))
      let same = TextCodec.hex([cp])
      if folded != same || titled != same || swapped != same || flags.contains(true) {
        lines.append("\(String(cp, radix: 16)):\(folded):\(titled):\(swapped):" + flags.map { $0 ? "1" : "0" }.joined())
      }
    }
    let want = expected.split(separator: "\n").map(String.init)
    #expect(lines.count == want.count)
    var mismatches = 0
    for (got, wanted) in zip(lines, want) where got != wanted {
      mismatches += 1
      if mismatches <= 60 { Issue.record("got \(got), python3 \(wanted)") }
    }
    #expect(mismatches == 0)
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func wordLevel() throws {
    try TextDifferential.check([
      "'hello wORLD'.title()", "\"they're bill's friends\".title()", "'ǆemal ǈ'.title()", "'ΣΑΣ ΟΔΟΣ'.lower()",
      "'ΣΑΣ ΟΔΟΣ'.title()", "'ΑΣ.'.capitalize()", "'ßtraße'.capitalize()", "'ﬁne'.title()", "'ŉ'.capitalize()",
      "'Hello World'.swapcase()", "'ΣΑΣ'.swapcase()", "'İstanbul'.casefold()", "'Straße'.casefold()",
      "'ᏸᏹ'.casefold()", "'ꭰ'.casefold()", "'ı'.casefold()", "'ΜΆΪΟΣ'.casefold()", "'Hello'.istitle()",
      "'Hello World'.istitle()", "'HeLLo'.istitle()", "'1A'.istitle()", "'ǅ'.istitle()", "''.istitle()",
      "'ABC1'.isupper()", "'abc1'.islower()", "'1'.isupper()", "'ǅ'.isupper()", "'Ⅻ'.isnumeric()", "'½'.isdecimal()",
      "'٣'.isdecimal()", "'²'.isdigit()", "'²'.isdecimal()", "'a1'.isalnum()", "'a_'.isalnum()", "''.isalnum()",
      "'abc'.isascii()", "'é'.isascii()", "''.isascii()", "'x'.upper(1)", "'x'.lower(x=1)",
    ])
  }
}
