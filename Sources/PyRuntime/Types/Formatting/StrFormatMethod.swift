/// `str.format(*args, **kwargs)` and `str.format_map(mapping)`.
///
/// The format string is literal text and replacement fields
/// `{field_name!conversion:format_spec}`; `{{` and `}}` are literal braces. A field name is
/// an argument (a number, a keyword, or empty for the next one, never mixing numbered and
/// automatic) followed by any number of `.attribute` and `[index]` (digits index with an
/// int, anything else with a str). The spec may itself contain fields, expanded first (two
/// levels at most).
/// CPython: Objects/stringlib/unicode_format.h (`MarkupIterator_next`, `parse_field`,
/// `field_name_split`, `FieldNameIterator_next`, `get_field_object`, `build_string`).
enum StrFormatMethod {
  static let format: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    let rt = args.rt
    var positional: [PyRef] = []
    for index in 0..<args.count { positional.append(args[index]) }
    var keywords: PyRef?
    if args.args.keywordCount > 0 {
      guard let dict = rt.newDict() else { return nil }
      for index in 0..<args.args.keywordCount {
        let (name, value) = args.args.keyword(index)
        guard rt.dictSetItem(dict, name, value) else {
          rt.decref(dict)
          return nil
        }
      }
      keywords = dict
    }
    defer { rt.decref(keywords) }
    var renderer = FormatStringRenderer(rt: rt, positional: positional, keywords: keywords)
    return renderer.render(args.this)?.raw
  }

  static let formatMap: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = MethodArguments(runtime, argv, count, names)
    guard args.one("str.format_map") else { return nil }
    var renderer = FormatStringRenderer(rt: args.rt, positional: nil, keywords: args[0])
    return renderer.render(args.this)?.raw
  }
}

/// One `str.format` call's state: the arguments and the automatic numbering.
struct FormatStringRenderer {
  let rt: RuntimeRef
  /// The positional arguments; nil for `format_map`.
  let positional: [PyRef]?
  /// The keyword arguments (a dict), or the mapping of `format_map`; nil when none.
  let keywords: PyRef?

  enum Numbering { case unset, automatic, manual }
  var numbering = Numbering.unset
  var nextAutomatic = 0

  init(rt: RuntimeRef, positional: [PyRef]?, keywords: PyRef?) {
    self.rt = rt
    self.positional = positional
    self.keywords = keywords
  }

  /// The formatted string, or nil with an exception set.
  mutating func render(_ format: PyRef) -> PyRef? {
    var builder = StrBuilder(capacity: StrObject.length(format))
    guard build(StrObject.codePoints(format), 0, StrObject.length(format), depth: 2, into: &builder) else { return nil }
    return builder.finish(rt)
  }

  private func error(_ message: String) -> Bool {
    rt.raise("ValueError", message)
    return false
  }

  /// `build_string` over `text[start..<end]`.
  private mutating func build(_ text: [UInt32], _ start: Int, _ end: Int, depth: Int,
                              into builder: inout StrBuilder) -> Bool {
    guard depth > 0 else { return error("Max string recursion exceeded") }
    var position = start
    while position < end {
      // Literal text up to the first brace.
      let literalStart = position
      var brace: UInt32 = 0
      while position < end {
        let value = text[position]
        position += 1
        if value == 0x7B || value == 0x7D {
          brace = value
          break
        }
      }
      let atEnd = position >= end
      var literalEnd = position
      if brace == 0x7D && (atEnd || text[position] != 0x7D) { return error("Single '}' encountered in format string") }
      if atEnd && brace == 0x7B { return error("Single '{' encountered in format string") }
      var markup = brace != 0
      if brace != 0 && !atEnd {
        if text[position] == brace {
          position += 1   // an escaped brace: literal, no field
          markup = false
        } else {
          literalEnd -= 1
        }
      }
      for index in literalStart..<literalEnd { builder.append(text[index]) }
      guard markup else { continue }
      // The field: name, conversion, spec, up to the matching brace.
      let nameStart = position
      var terminator: UInt32 = 0
      while position < end {
        let value = text[position]
        position += 1
        if value == 0x7B { return error("unexpected '{' in field name") }
        if value == 0x5B {
          while position < end && text[position] != 0x5D { position += 1 }
          continue
        }
        if value == 0x7D || value == 0x3A || value == 0x21 {
          terminator = value
          break
        }
      }
      let nameEnd = terminator == 0 ? position : position - 1
      var conversion: UInt32 = 0
      var specRange = 0..<0
      var specNeedsExpanding = false
      if terminator == 0x21 || terminator == 0x3A {
        var parseSpec = true
        if terminator == 0x21 {
          guard position < end else { return error("end of string while looking for conversion specifier") }
          conversion = text[position]
          position += 1
          if position < end {
            let next = text[position]
            position += 1
            if next == 0x7D {
              parseSpec = false
            } else if next != 0x3A {
              return error("expected ':' after conversion specifier")
            }
          }
        }
        if parseSpec {
          let specStart = position
          var depthCount = 1
          var closed = false
          while position < end {
            let value = text[position]
            position += 1
            if value == 0x7B {
              specNeedsExpanding = true
              depthCount += 1
            } else if value == 0x7D {
              depthCount -= 1
              if depthCount == 0 {
                specRange = specStart..<position - 1
                closed = true
                break
              }
            }
          }
          guard closed else { return error("unmatched '{' in format spec") }
        }
      } else if terminator != 0x7D {
        return error("expected '}' before end of string")
      }
      guard outputField(text, nameStart, nameEnd, conversion: conversion, spec: specRange,
                        specNeedsExpanding: specNeedsExpanding, depth: depth, into: &builder) else { return false }
    }
    return true
  }

  /// `output_markup`: looks the field up, converts it, expands and applies the spec.
  private mutating func outputField(_ text: [UInt32], _ nameStart: Int, _ nameEnd: Int, conversion: UInt32,
                                    spec: Range<Int>, specNeedsExpanding: Bool, depth: Int,
                                    into builder: inout StrBuilder) -> Bool {
    guard var object = fieldObject(text, nameStart, nameEnd) else { return false }
    defer { rt.decref(object) }
    if conversion != 0 {
      let converted: PyRef?
      switch conversion {
      case 0x72: converted = rt.repr(object)
      case 0x73: converted = rt.str(object)
      case 0x61: converted = rt.ascii(object)
      default:
        if conversion > 32 && conversion < 127 {
          return error("Unknown conversion specifier \(String(UnicodeScalar(UInt8(conversion))))")
        }
        return error("Unknown conversion specifier \\x\(String(conversion, radix: 16))")
      }
      guard let converted else { return false }
      rt.decref(object)
      object = converted
    }
    let specObject: PyRef?
    if specNeedsExpanding {
      var expanded = StrBuilder()
      guard build(text, spec.lowerBound, spec.upperBound, depth: depth - 1, into: &expanded) else { return false }
      specObject = expanded.finish(rt)
    } else {
      specObject = rt.newStr(codePoints: Array(text[spec]))
    }
    guard let specObject else { return false }
    defer { rt.decref(specObject) }
    guard let formatted = rt.format(object, specObject) else { return false }
    builder.append(str: formatted)
    rt.decref(formatted)
    return true
  }

  /// Digits only: the index they spell (any Unicode decimal digits); -1 when `text` is
  /// empty or not all digits; nil with ValueError on overflow (`get_integer`).
  private func integer(_ text: [UInt32], _ start: Int, _ end: Int) -> Int? {
    guard start < end else { return -1 }
    var value = 0
    for index in start..<end {
      guard let digit = TextUnicode.decimalValue(text[index]) else { return -1 }
      if value > (Int.max - digit) / 10 {
        rt.raise("ValueError", "Too many decimal digits in format string")
        return nil
      }
      value = value * 10 + digit
    }
    return value
  }

  /// `get_field_object`: the argument, then each `.name` and `[key]`. A new reference.
  private mutating func fieldObject(_ text: [UInt32], _ start: Int, _ end: Int) -> PyRef? {
    var firstEnd = start
    while firstEnd < end && text[firstEnd] != 0x2E && text[firstEnd] != 0x5B { firstEnd += 1 }
    guard var index = integer(text, start, firstEnd) else { return nil }
    let empty = firstEnd == start
    if empty || index != -1 {
      if numbering == .unset { numbering = empty ? .automatic : .manual }
      if numbering == .manual && empty {
        _ = error("cannot switch from manual field specification to automatic field numbering")
        return nil
      }
      if numbering == .automatic && !empty {
        _ = error("cannot switch from automatic field numbering to manual field specification")
        return nil
      }
      if empty {
        index = nextAutomatic
        nextAutomatic += 1
      }
    }
    var object: PyRef
    if index == -1 {
      guard let key = rt.newStr(codePoints: Array(text[start..<firstEnd])) else { return nil }
      defer { rt.decref(key) }
      guard let keywords else {
        rt.raiseKeyError(key)
        return nil
      }
      guard let found = rt.textGetItem(keywords, key) else { return nil }
      object = found
    } else {
      guard let positional else {
        _ = error("Format string contains positional fields")
        return nil
      }
      guard index < positional.count else {
        rt.raise("IndexError", "Replacement index \(index) out of range for positional args tuple")
        return nil
      }
      object = positional[index]
      object.incref()
    }
    var position = firstEnd
    while position < end {
      let kind = text[position]
      position += 1
      let nameStart = position
      var nameEnd: Int
      let next: PyRef?
      if kind == 0x2E {
        while position < end && text[position] != 0x2E && text[position] != 0x5B { position += 1 }
        nameEnd = position
        guard nameEnd > nameStart else {
          rt.decref(object)
          _ = error("Empty attribute in format string")
          return nil
        }
        guard let name = rt.newStr(codePoints: Array(text[nameStart..<nameEnd])) else {
          rt.decref(object)
          return nil
        }
        next = rt.getAttribute(object, name)
        rt.decref(name)
      } else if kind == 0x5B {
        while position < end && text[position] != 0x5D { position += 1 }
        guard position < end else {
          rt.decref(object)
          _ = error("Missing ']' in format string")
          return nil
        }
        nameEnd = position
        position += 1
        guard nameEnd > nameStart else {
          rt.decref(object)
          _ = error("Empty attribute in format string")
          return nil
        }
        guard let number = integer(text, nameStart, nameEnd) else {
          rt.decref(object)
          return nil
        }
        let key = number == -1 ? rt.newStr(codePoints: Array(text[nameStart..<nameEnd])) : rt.newInt(number)
        guard let key else {
          rt.decref(object)
          return nil
        }
        next = rt.textGetItem(object, key)
        rt.decref(key)
      } else {
        rt.decref(object)
        _ = error("Only '.' or '[' may follow ']' in format field specifier")
        return nil
      }
      rt.decref(object)
      guard let next else { return nil }
      object = next
    }
    return object
  }
}

extension RuntimeRef {
  /// `container[key]`, looking an exact dict up directly (the same result as its
  /// `__getitem__`, and what `str.format`'s own keyword dict needs).
  func textGetItem(_ container: PyRef, _ key: PyRef) -> PyRef? {
    guard container.type == state.pointee.types.dict else { return getItem(container, key) }
    guard let value = dictGetItem(container, key) else {
      if !hasError { raiseKeyError(key) }
      return nil
    }
    value.incref()
    return value
  }

}
