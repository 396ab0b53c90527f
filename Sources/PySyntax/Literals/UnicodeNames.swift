/// Character names for `\N{…}` escapes.
///
/// The Swift standard library knows every character's name (`Unicode.Scalar.Properties.name`
/// and the correction aliases in `nameAlias`) but offers no lookup by name. The first `\N`
/// escape builds that index once: about 50,000 names, 0.1 s in a release build (0.3 s in a
/// debug build). Names spelled from the code point (`CJK UNIFIED IDEOGRAPH-4E00`, Khitan,
/// Nüshu) are not stored but parsed; Tangut ideographs have no name in Python 3.11. The control-character aliases Python also accepts (`NULL`,
/// `LINE FEED`, `LF`, `ESC`, `NBSP`, `BOM`…), which have no `name`, come from a small table.
///
/// Known gap: the names are those of the Swift runtime's Unicode version, not Python 3.11's
/// (Unicode 14), so characters added later are accepted here.
///
/// CPython: Modules/unicodedata.c, `_getcode()` (case-insensitive, with aliases, without
/// named sequences).
enum UnicodeNames {
  /// The code point named `name` (ASCII, any case), or nil.
  static func lookup(_ name: ArraySlice<UInt8>) -> UInt32? {
    guard name.count <= 128, name.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
    let upper = String(decoding: name.map { $0 &- UInt8(ascii: "a") < 26 ? $0 - 32 : $0 }, as: UTF8.self)
    if let value = algorithmic(upper) { return value }
    return table[upper] ?? controlAliases[upper]
  }

  /// Names of the form `PREFIX-HEX` whose prefix marks a range named by code point.
  private static func algorithmic(_ name: String) -> UInt32? {
    // Python 3.11 gives Tangut ideographs no names, so neither does this.
    let prefixes = ["CJK UNIFIED IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-"]
    for prefix in prefixes where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count)
      guard (4...5).contains(digits.count), let value = UInt32(digits, radix: 16),
        let scalar = Unicode.Scalar(value), scalar.properties.name == name
      else { return nil }
      return value
    }
    return nil
  }

  /// Code points whose names are computed from the code point; left out of ``table``.
  private static func isAlgorithmicallyNamed(_ value: UInt32) -> Bool {
    switch value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x17000...0x187FF, 0x18B00...0x18CFF,
      0x1B170...0x1B2FF, 0x20000...0x3FFFF:
      return true
    default:
      return false
    }
  }

  /// Every other name and correction alias, built on first use.
  private static let table: [String: UInt32] = {
    var names: [String: UInt32] = [:]
    names.reserveCapacity(60_000)
    var value: UInt32 = 0
    while value <= 0x10FFFF {
      defer { value += 1 }
      if value == 0x40000 { value = 0xE0000 }
      guard !isAlgorithmicallyNamed(value), let scalar = Unicode.Scalar(value) else { continue }
      if let name = scalar.properties.name { names[name] = value }
      if let alias = scalar.properties.nameAlias { names[alias] = value }
    }
    return names
  }()

  /// Aliases of control and format characters (Unicode NameAliases.txt, types control and
  /// abbreviation), which Python's `\N{}` accepts.
  private static let controlAliases: [String: UInt32] = {
    let c0 = [
      "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
      "ENQUIRY", "ACKNOWLEDGE", "ALERT", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
      "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
      "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
      "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
      "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
      "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
      "INFORMATION SEPARATOR ONE",
    ]
    let c0Abbreviations = [
      "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
      "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EOM", "SUB",
      "ESC", "FS", "GS", "RS", "US",
    ]
    var aliases: [String: UInt32] = [:]
    for (index, name) in c0.enumerated() { aliases[name] = UInt32(index) }
    for (index, name) in c0Abbreviations.enumerated() { aliases[name] = UInt32(index) }
    let others: [(String, UInt32)] = [
      ("TAB", 0x09), ("NEW LINE", 0x0A), ("END OF LINE", 0x0A), ("NL", 0x0A), ("EOL", 0x0A),
      ("VERTICAL TABULATION", 0x0B), ("FILE SEPARATOR", 0x1C), ("GROUP SEPARATOR", 0x1D),
      ("RECORD SEPARATOR", 0x1E), ("UNIT SEPARATOR", 0x1F), ("SP", 0x20), ("DELETE", 0x7F),
      ("DEL", 0x7F), ("NEXT LINE", 0x85), ("NEL", 0x85), ("NBSP", 0xA0), ("SHY", 0xAD),
      ("ZWSP", 0x200B), ("ZWNJ", 0x200C), ("ZWJ", 0x200D), ("LRM", 0x200E), ("RLM", 0x200F),
      ("WJ", 0x2060), ("BYTE ORDER MARK", 0xFEFF), ("BOM", 0xFEFF), ("ZWNBSP", 0xFEFF),
    ]
    for (name, value) in others { aliases[name] = value }
    return aliases
  }()
}
