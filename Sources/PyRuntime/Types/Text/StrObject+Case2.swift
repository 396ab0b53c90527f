/// The other case operations and predicates: capitalize, title, swapcase, casefold,
/// isupper, islower, istitle, isnumeric, isdecimal, isalnum, isascii.
/// CPython: Objects/unicodeobject.c, `do_capitalize`, `do_title`, `do_swapcase`,
/// `do_casefold`, `unicode_isupper_impl`, `unicode_istitle_impl`.
extension RuntimeRef {
  /// `s.capitalize()`: the first character in title case, the rest in lower case.
  public func strCapitalize(_ str: PyRef) -> PyRef? {
    mapCase(str) { view, index, previousCased, output in
      index == 0 ? TextUnicode.title(view[0], into: output) : StrObject.lowerInContext(view, index, into: output)
    }
  }

  /// `s.title()`: title case after an uncased character, lower case after a cased one.
  public func strTitle(_ str: PyRef) -> PyRef? {
    mapCase(str) { view, index, previousCased, output in
      previousCased ? StrObject.lowerInContext(view, index, into: output) : TextUnicode.title(view[index], into: output)
    }
  }

  /// `s.swapcase()`.
  public func strSwapCase(_ str: PyRef) -> PyRef? {
    mapCase(str) { view, index, _, output in
      let value = view[index]
      if TextUnicode.isUpper(value) { return StrObject.lowerInContext(view, index, into: output) }
      if TextUnicode.isLower(value) { return TextUnicode.upper(value, into: output) }
      output[0] = value
      return 1
    }
  }

  /// `s.casefold()`.
  public func strCaseFold(_ str: PyRef) -> PyRef? {
    if StrObject.isASCII(str) { return strLower(str) }
    return mapCase(str) { view, index, _, output in TextUnicode.fold(view[index], into: output) }
  }

  /// `s.isupper()`: some cased character, and none lower or title case.
  public func strIsUpper(_ str: PyRef) -> Bool {
    let view = StrObject.view(str)
    var cased = false
    for index in 0..<view.count {
      let value = view[index]
      if TextUnicode.isLower(value) || TextUnicode.isTitle(value) { return false }
      if !cased && TextUnicode.isUpper(value) { cased = true }
    }
    return cased
  }

  /// `s.islower()`: some cased character, and none upper or title case.
  public func strIsLower(_ str: PyRef) -> Bool {
    let view = StrObject.view(str)
    var cased = false
    for index in 0..<view.count {
      let value = view[index]
      if TextUnicode.isUpper(value) || TextUnicode.isTitle(value) { return false }
      if !cased && TextUnicode.isLower(value) { cased = true }
    }
    return cased
  }

  /// `s.istitle()`: upper and title case characters only after uncased ones, lower case
  /// ones only after cased ones, and at least one cased character.
  public func strIsTitle(_ str: PyRef) -> Bool {
    let view = StrObject.view(str)
    var cased = false, previousCased = false
    for index in 0..<view.count {
      let value = view[index]
      if TextUnicode.isUpper(value) || TextUnicode.isTitle(value) {
        if previousCased { return false }
        previousCased = true
        cased = true
      } else if TextUnicode.isLower(value) {
        if !previousCased { return false }
        previousCased = true
        cased = true
      } else {
        previousCased = false
      }
    }
    return cased
  }

  public func strIsNumeric(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isNumeric) }
  public func strIsDecimal(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isDecimal) }
  public func strIsAlnum(_ str: PyRef) -> Bool { StrObject.all(str, TextUnicode.isAlnum) }
  public func strIsASCII(_ str: PyRef) -> Bool { StrObject.isASCII(str) }

  /// Builds a new str by mapping each character to up to three (`body` gets the view, the
  /// index, whether the previous character was cased, and room for three code points).
  private func mapCase(_ str: PyRef,
                       _ body: (StrView, Int, Bool, UnsafeMutablePointer<UInt32>) -> Int) -> PyRef? {
    let view = StrObject.view(str)
    var builder = StrBuilder(capacity: view.count)
    var previousCased = false
    var scratch: (UInt32, UInt32, UInt32) = (0, 0, 0)
    for index in 0..<view.count {
      let produced = withUnsafeMutableBytes(of: &scratch) {
        body(view, index, previousCased, $0.baseAddress!.assumingMemoryBound(to: UInt32.self))
      }
      builder.append(scratch.0)
      if produced > 1 { builder.append(scratch.1) }
      if produced > 2 { builder.append(scratch.2) }
      previousCased = TextUnicode.isCased(view[index])
    }
    return builder.finish(self)
  }
}

extension StrObject {
  /// The lower-case mapping of the character at `index`, with the final-sigma rule
  /// (`lower_ucs4`).
  static func lowerInContext(_ view: StrView, _ index: Int, into output: UnsafeMutablePointer<UInt32>) -> Int {
    let value = view[index]
    if value == 0x3A3 {
      output[0] = isFinalSigma(view, index) ? 0x3C2 : 0x3C3
      return 1
    }
    return TextUnicode.lower(value, into: output)
  }
}
