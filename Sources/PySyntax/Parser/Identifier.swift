/// Identifiers as CPython stores them: NFKC-normalized.
///
/// Python compares names after NFKC normalization (PEP 3131), so `ｗｉｄｔｈ` (fullwidth)
/// and `width` are the same name, and the AST holds the normalized form. ASCII names are
/// already normalized.
///
/// The Swift standard library has no compatibility normalization, so this applies the
/// compatibility mappings that identifiers meet in practice, then leaves the rest as
/// written:
/// - fullwidth ASCII (U+FF01…U+FF5E) to ASCII;
/// - mathematical alphanumeric symbols (U+1D400…U+1D7FF: bold, italic, fraktur, script,
///   double-struck… letters and digits) and the letterlike symbols that fill their gaps
///   (ℂ ℌ ℎ ℓ ℝ …) to the plain letter or digit, read from the character's Unicode name;
/// - the micro sign to Greek mu, `ſ` to `s`, and the Latin ligatures U+FB00…U+FB06.
///
/// Known gap: other compatibility characters (superscripts, circled letters, ...) and
/// canonical composition of decomposed sequences are not normalized.
///
/// CPython: Parser/pegen.c, `_PyPegen_new_identifier()`.
enum Identifier {
  /// The identifier spelled by the UTF-8 bytes of a NAME token.
  static func normalized(_ bytes: ArraySlice<UInt8>) -> String {
    if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    var result = String.UnicodeScalarView()
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      if let mapped = compatibilityMapping(scalar) {
        result.append(contentsOf: mapped.unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// The NFKC replacement of `scalar` among the mappings listed in the type's comment.
  static func compatibilityMapping(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    switch value {
    case 0xFF01...0xFF5E:
      return String(Character(Unicode.Scalar(value - 0xFEE0)!))
    case 0xB5:
      return "\u{03BC}"
    case 0x17F:
      return "s"
    case 0xFB00: return "ff"
    case 0xFB01: return "fi"
    case 0xFB02: return "fl"
    case 0xFB03: return "ffi"
    case 0xFB04: return "ffl"
    case 0xFB05, 0xFB06: return "st"
    case 0x2100...0x214F, 0x1D400...0x1D7FF:
      return letterFromName(scalar)
    default:
      return nil
    }
  }

  /// `MATHEMATICAL BOLD CAPITAL A` → `A`, `DOUBLE-STRUCK CAPITAL R` → `R`,
  /// `MATHEMATICAL SANS-SERIF DIGIT ONE` → `1`, `MATHEMATICAL ITALIC SMALL ALPHA` → `α`,
  /// `PLANCK CONSTANT` → `h`, `SCRIPT SMALL L` → `l`.
  static func letterFromName(_ scalar: Unicode.Scalar) -> String? {
    guard let name = scalar.properties.name else { return nil }
    if name == "PLANCK CONSTANT" { return "h" }
    let words = name.split(separator: " ")
    guard words.count >= 3, let last = words.last else { return nil }
    let kind = words[words.count - 2]
    if kind == "DIGIT", let digit = digitNames.firstIndex(of: String(last)) {
      return String(digit)
    }
    guard kind == "CAPITAL" || kind == "SMALL" else { return nil }
    let capital = kind == "CAPITAL"
    if last.count == 1, let letter = last.unicodeScalars.first, letter.value >= 0x41, letter.value <= 0x5A {
      return capital ? String(last) : String(last).lowercased()
    }
    guard let index = greekNames.firstIndex(of: String(last)) else { return nil }
    let base: UInt32 = capital ? 0x391 : 0x3B1
    return String(Character(Unicode.Scalar(base + UInt32(index))!))
  }

  static let digitNames = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]

  /// Greek letters in code point order from U+0391 (capital) / U+03B1 (small).
  static let greekNames = [
    "ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA", "IOTA", "KAPPA",
    "LAMDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO", "FINAL SIGMA", "SIGMA", "TAU", "UPSILON",
    "PHI", "CHI", "PSI", "OMEGA",
  ]
}
