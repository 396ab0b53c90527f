/// Parses JSON text into Python values: `json.loads` and `JSONDecoder.raw_decode`.
///
/// Positions are code-point indices into the str, as Python reports them. A failure is a
/// `JSONDecodeError(message, document, position)` with CPython's wording and position:
/// "Expecting value", "Expecting property name enclosed in double quotes", "Expecting ':'
/// delimiter", "Expecting ',' delimiter", "Unterminated string starting at", "Invalid
/// control character at", "Invalid \escape", "Invalid \uXXXX escape". Object keys are
/// memoized, so every `"id"` key of a document is one str object.
/// CPython: Modules/_json.c (`scan_once_unicode`, `_parse_object_unicode`,
/// `_parse_array_unicode`, `scanstring_unicode`, `_match_number_unicode`).
struct JSONScanner {
  let rt: RuntimeRef
  let document: PyRef
  let view: StrView
  let count: Int
  var strict = true
  var objectHook: PyRef?
  var objectPairsHook: PyRef?
  var parseFloat: PyRef?
  var parseInt: PyRef?
  var parseConstant: PyRef?
  /// The exception class raised for bad input (`json.JSONDecodeError`).
  let errorClass: PyRef
  /// Keys seen so far: each distinct key string is kept once.
  let memo: PyRef

  init?(_ rt: RuntimeRef, document: PyRef, errorClass: PyRef) {
    guard let memo = rt.newDict() else { return nil }
    self.rt = rt
    self.document = document
    view = StrObject.view(document)
    count = StrObject.length(document)
    self.errorClass = errorClass
    self.memo = memo
  }

  func release() { rt.decref(memo) }

  /// Why a value could not be scanned: an exception is set, or nothing there is a value
  /// (CPython's StopIteration), which the caller reports as "Expecting value" at `index`.
  enum Failure: Error {
    case raised
    case noValue(Int)
  }

  // MARK: - Errors

  /// Raises `JSONDecodeError(message, document, position)`.
  func fail(_ message: String, _ position: Int) -> Failure {
    guard let text = rt.newStr(message) else { return .raised }
    defer { rt.decref(text) }
    guard let index = rt.newInt(position) else { return .raised }
    defer { rt.decref(index) }
    if let exception = rt.call(errorClass, [text, document, index]) {
      rt.raiseObject(exception)
      rt.decref(exception)
    }
    return .raised
  }

  // MARK: - Scanning

  @inline(__always)
  func skipWhitespace(_ start: Int) -> Int {
    var index = start
    while index < count {
      let c = view[index]
      guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D else { break }
      index += 1
    }
    return index
  }

  /// Whether `text` (ASCII) is at `index`.
  func matches(_ text: StaticString, at index: Int) -> Bool {
    let n = text.utf8CodeUnitCount
    guard index + n <= count else { return false }
    let bytes = text.utf8Start
    for offset in 0..<n where view[index + offset] != UInt32(bytes[offset]) { return false }
    return true
  }

  /// One value starting exactly at `index`: the value (owned) and the index after it.
  mutating func scanValue(_ index: Int) throws(Failure) -> (PyRef, Int) {
    guard index < count else { throw .noValue(index) }
    switch view[index] {
    case 0x22:   // "
      return try scanString(index + 1)
    case 0x7B:   // {
      guard rt.enterRecursiveCall(" while decoding a JSON object from a unicode string") else { throw .raised }
      defer { rt.leaveRecursiveCall() }
      return try scanObject(index + 1)
    case 0x5B:   // [
      guard rt.enterRecursiveCall(" while decoding a JSON array from a unicode string") else { throw .raised }
      defer { rt.leaveRecursiveCall() }
      return try scanArray(index + 1)
    case 0x6E where matches("null", at: index):
      return (rt.newNone(), index + 4)
    case 0x74 where matches("true", at: index):
      return (rt.newBool(true), index + 4)
    case 0x66 where matches("false", at: index):
      return (rt.newBool(false), index + 5)
    case 0x4E where matches("NaN", at: index):
      return (try constant("NaN", .nan), index + 3)
    case 0x49 where matches("Infinity", at: index):
      return (try constant("Infinity", .infinity), index + 8)
    case 0x2D where matches("-Infinity", at: index):
      return (try constant("-Infinity", -.infinity), index + 9)
    default:
      return try scanNumber(index)
    }
  }

  func constant(_ name: String, _ value: Double) throws(Failure) -> PyRef {
    if let parseConstant {
      guard let text = rt.newStr(name) else { throw .raised }
      defer { rt.decref(text) }
      guard let result = rt.call(parseConstant, [text]) else { throw .raised }
      return result
    }
    guard let result = rt.newFloat(value) else { throw .raised }
    return result
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: an int, or a float when it has a
  /// fraction or an exponent. An incomplete fraction or exponent is left unread.
  func scanNumber(_ start: Int) throws(Failure) -> (PyRef, Int) {
    var index = start
    if index < count && view[index] == 0x2D { index += 1 }
    guard index < count, isDigit(view[index]) else { throw .noValue(start) }
    if view[index] == 0x30 {
      index += 1
    } else {
      while index < count && isDigit(view[index]) { index += 1 }
    }
    var isFloat = false
    if index + 1 < count && view[index] == 0x2E && isDigit(view[index + 1]) {
      isFloat = true
      index += 2
      while index < count && isDigit(view[index]) { index += 1 }
    }
    if index < count && (view[index] == 0x65 || view[index] == 0x45) {
      var exponentEnd = index + 1
      if exponentEnd < count && (view[exponentEnd] == 0x2B || view[exponentEnd] == 0x2D) { exponentEnd += 1 }
      if exponentEnd < count && isDigit(view[exponentEnd]) {
        while exponentEnd < count && isDigit(view[exponentEnd]) { exponentEnd += 1 }
        isFloat = true
        index = exponentEnd
      }
    }
    let length = index - start
    // A short int needs no text at all.
    if !isFloat && parseInt == nil && length <= 18 {
      var value = 0
      var position = start
      let negative = view[position] == 0x2D
      if negative { position += 1 }
      while position < index {
        value = value * 10 + Int(view[position] - 0x30)
        position += 1
      }
      guard let result = rt.newInt(negative ? -value : value) else { throw .raised }
      return (result, index)
    }
    var bytes = [UInt8](repeating: 0, count: length)
    for offset in 0..<length { bytes[offset] = UInt8(truncatingIfNeeded: view[start + offset]) }
    if let hook = isFloat ? parseFloat : parseInt {
      guard let text = rt.newStr(utf8: bytes) else { throw .raised }
      defer { rt.decref(text) }
      guard let result = rt.call(hook, [text]) else { throw .raised }
      return (result, index)
    }
    if isFloat {
      guard let value = FloatText.parse(bytes), let result = rt.newFloat(value) else {
        if !rt.hasError { rt.raise("ValueError", "could not convert string to float") }
        throw .raised
      }
      return (result, index)
    }
    guard let result = rt.newInt(parsing: String(decoding: bytes, as: UTF8.self)) else { throw .raised }
    return (result, index)
  }

  @inline(__always)
  func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

  /// The string whose opening quote is at `start - 1`: its value and the index after the
  /// closing quote.
  func scanString(_ start: Int) throws(Failure) -> (PyRef, Int) {
    let (text, end) = try scanStringText(start)
    return (text, end)
  }

  func scanStringText(_ start: Int) throws(Failure) -> (PyRef, Int) {
    let begin = start - 1
    // The common case: no escapes, so the value is a slice of the document.
    var index = start
    while index < count {
      let c = view[index]
      if c == 0x22 {
        guard let slice = StrObject.substring(rt, document, start, index) else { throw .raised }
        return (slice, index + 1)
      }
      if c == 0x5C { break }
      if c < 0x20 && strict { throw fail("Invalid control character at", index) }
      index += 1
    }
    guard index < count else { throw fail("Unterminated string starting at", begin) }
    var chars: [UInt32] = []
    chars.reserveCapacity(index - start + 16)
    for position in start..<index { chars.append(view[position]) }
    var end = index
    while true {
      // Copy up to the next quote or backslash.
      var next = end
      var c: UInt32 = 0
      while next < count {
        c = view[next]
        if c == 0x22 || c == 0x5C { break }
        if c < 0x20 && strict { throw fail("Invalid control character at", next) }
        chars.append(c)
        next += 1
      }
      guard next < count else { throw fail("Unterminated string starting at", begin) }
      next += 1
      if c == 0x22 {
        end = next
        break
      }
      guard next < count else { throw fail("Unterminated string starting at", begin) }
      c = view[next]
      if c != 0x75 {   // not \u
        end = next + 1
        switch c {
        case 0x22, 0x5C, 0x2F: chars.append(c)
        case 0x62: chars.append(0x08)
        case 0x66: chars.append(0x0C)
        case 0x6E: chars.append(0x0A)
        case 0x72: chars.append(0x0D)
        case 0x74: chars.append(0x09)
        default: throw fail("Invalid \\escape", end - 2)
        }
        continue
      }
      next += 1
      end = next + 4
      guard end < count else { throw fail("Invalid \\uXXXX escape", next - 1) }
      guard var value = hexValue(next) else { throw fail("Invalid \\uXXXX escape", end - 5) }
      // A high surrogate followed by an escaped low one is one character.
      if value >= 0xD800 && value <= 0xDBFF && end + 6 < count && view[end] == 0x5C && view[end + 1] == 0x75 {
        guard let low = hexValue(end + 2) else { throw fail("Invalid \\uXXXX escape", end + 1) }
        if low >= 0xDC00 && low <= 0xDFFF {
          value = 0x10000 + (((value - 0xD800) << 10) | (low - 0xDC00))
          end += 6
        }
      }
      chars.append(value)
    }
    guard let result = rt.newStr(codePoints: chars) else { throw .raised }
    return (result, end)
  }

  /// The value of the four hex digits at `index`, or nil.
  func hexValue(_ index: Int) -> UInt32? {
    var value: UInt32 = 0
    for offset in 0..<4 {
      let c = view[index + offset]
      let digit: UInt32
      switch c {
      case 0x30...0x39: digit = c - 0x30
      case 0x61...0x66: digit = c - 0x61 + 10
      case 0x41...0x46: digit = c - 0x41 + 10
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  /// The object whose `{` is at `start - 1`.
  mutating func scanObject(_ start: Int) throws(Failure) -> (PyRef, Int) {
    let usePairs = objectPairsHook != nil
    guard let container = usePairs ? rt.newList() : rt.newDict() else { throw .raised }
    var index = skipWhitespace(start)
    do throws(Failure) {
      if index >= count || view[index] != 0x7D {
        while true {
          guard index < count, view[index] == 0x22 else {
            throw fail("Expecting property name enclosed in double quotes", index)
          }
          let (scannedKey, afterKey) = try scanStringText(index + 1)
          // Memoize: the first str with this text stands for all the others.
          let memoized = rt.dictSetDefault(memo, scannedKey, scannedKey)
          rt.decref(scannedKey)
          guard let key = memoized else { throw .raised }
          defer { rt.decref(key) }
          index = skipWhitespace(afterKey)
          guard index < count, view[index] == 0x3A else { throw fail("Expecting ':' delimiter", index) }
          index = skipWhitespace(index + 1)
          let (value, afterValue) = try scanValue(index)
          defer { rt.decref(value) }
          if usePairs {
            key.incref()
            value.incref()
            guard let pair = rt.newTuple([key, value]) else { throw .raised }
            let ok = rt.listAppend(container, pair)
            rt.decref(pair)
            guard ok else { throw .raised }
          } else {
            guard rt.dictSetItem(container, key, value) else { throw .raised }
          }
          index = skipWhitespace(afterValue)
          if index < count && view[index] == 0x7D { break }
          guard index < count, view[index] == 0x2C else { throw fail("Expecting ',' delimiter", index) }
          index = skipWhitespace(index + 1)
        }
      }
    } catch {
      rt.decref(container)
      throw error
    }
    let end = index + 1
    if let objectPairsHook {
      defer { rt.decref(container) }
      guard let result = rt.call(objectPairsHook, [container]) else { throw .raised }
      return (result, end)
    }
    if let objectHook {
      defer { rt.decref(container) }
      guard let result = rt.call(objectHook, [container]) else { throw .raised }
      return (result, end)
    }
    return (container, end)
  }

  /// The array whose `[` is at `start - 1`.
  mutating func scanArray(_ start: Int) throws(Failure) -> (PyRef, Int) {
    guard let list = rt.newList() else { throw .raised }
    var index = skipWhitespace(start)
    do throws(Failure) {
      if index >= count || view[index] != 0x5D {
        while true {
          let (value, afterValue) = try scanValue(index)
          let ok = rt.listAppend(list, value)
          rt.decref(value)
          guard ok else { throw .raised }
          index = skipWhitespace(afterValue)
          if index < count && view[index] == 0x5D { break }
          guard index < count, view[index] == 0x2C else { throw fail("Expecting ',' delimiter", index) }
          index = skipWhitespace(index + 1)
        }
      }
    } catch {
      rt.decref(list)
      throw error
    }
    return (list, index + 1)
  }

  /// `raw_decode`: one value at `index` (no whitespace skipped); "Expecting value" when
  /// there is none.
  mutating func rawDecode(_ index: Int) -> (PyRef, Int)? {
    do throws(Failure) {
      return try scanValue(index)
    } catch {
      if case .noValue(let position) = error { _ = fail("Expecting value", position) }
      return nil
    }
  }
}
