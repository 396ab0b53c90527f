import PySyntax

/// The source text of an annotation, as CPython rebuilds it from the AST for
/// `from __future__ import annotations` (PEP 563): minimal parentheses by precedence,
/// CPython's spacing, `repr()` of constants (infinity as `1e309`).
///
/// CPython: Python/ast_unparse.c (3.11), `expr_as_unicode()`, kept quirks included
/// (`lambda*a: 0` when a lambda has no positional parameters).
enum AnnotationUnparser {
  /// Precedence levels, lowest first (`PR_*`).
  enum Level: Int, Comparable {
    case tuple, test, or, and, not, cmp, bor, bxor, band, shift, arith, term, factor, power, await, atom
    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    var next: Level { Level(rawValue: rawValue + 1) ?? .atom }
    static let expr = Level.bor
  }

  static func unparse(_ expr: Expr) -> String {
    var out = ""
    append(expr, .test, to: &out)
    return out
  }

  private static func append(_ e: Expr, _ level: Level, to out: inout String) {
    switch e.kind {
    case .boolOp(let op, let values):
      let pr: Level = op == .and ? .and : .or
      if level > pr { out += "(" }
      for (i, value) in values.enumerated() {
        if i > 0 { out += op == .and ? " and " : " or " }
        append(value, pr.next, to: &out)
      }
      if level > pr { out += ")" }
    case .binOp(let left, let op, let right):
      let (symbol, pr): (String, Level)
      switch op {
      case .add: (symbol, pr) = (" + ", .arith)
      case .sub: (symbol, pr) = (" - ", .arith)
      case .mult: (symbol, pr) = (" * ", .term)
      case .matMult: (symbol, pr) = (" @ ", .term)
      case .div: (symbol, pr) = (" / ", .term)
      case .mod: (symbol, pr) = (" % ", .term)
      case .lShift: (symbol, pr) = (" << ", .shift)
      case .rShift: (symbol, pr) = (" >> ", .shift)
      case .bitOr: (symbol, pr) = (" | ", .bor)
      case .bitXor: (symbol, pr) = (" ^ ", .bxor)
      case .bitAnd: (symbol, pr) = (" & ", .band)
      case .floorDiv: (symbol, pr) = (" // ", .term)
      case .pow: (symbol, pr) = (" ** ", .power)
      }
      let rightAssociative = op == .pow
      if level > pr { out += "(" }
      append(left, rightAssociative ? pr.next : pr, to: &out)
      out += symbol
      append(right, rightAssociative ? pr : pr.next, to: &out)
      if level > pr { out += ")" }
    case .unaryOp(let op, let operand):
      let (symbol, pr): (String, Level)
      switch op {
      case .invert: (symbol, pr) = ("~", .factor)
      case .not: (symbol, pr) = ("not ", .not)
      case .uAdd: (symbol, pr) = ("+", .factor)
      case .uSub: (symbol, pr) = ("-", .factor)
      }
      if level > pr { out += "(" }
      out += symbol
      append(operand, pr, to: &out)
      if level > pr { out += ")" }
    case .lambda(let args, let body):
      if level > .test { out += "(" }
      out += args.args.count + args.posonlyargs.count > 0 ? "lambda " : "lambda"
      appendArguments(args, to: &out)
      out += ": "
      append(body, .test, to: &out)
      if level > .test { out += ")" }
    case .ifExp(let test, let body, let orelse):
      if level > .test { out += "(" }
      append(body, Level.test.next, to: &out)
      out += " if "
      append(test, Level.test.next, to: &out)
      out += " else "
      append(orelse, .test, to: &out)
      if level > .test { out += ")" }
    case .dict(let keys, let values):
      out += "{"
      for (i, value) in values.enumerated() {
        if i > 0 { out += ", " }
        if let key = keys[i] {
          append(key, .test, to: &out)
          out += ": "
          append(value, .test, to: &out)
        } else {
          out += "**"
          append(value, .expr, to: &out)
        }
      }
      out += "}"
    case .set(let elts):
      out += "{"
      appendList(elts, to: &out)
      out += "}"
    case .generatorExp(let elt, let generators):
      out += "("
      append(elt, .test, to: &out)
      appendComprehensions(generators, to: &out)
      out += ")"
    case .listComp(let elt, let generators):
      out += "["
      append(elt, .test, to: &out)
      appendComprehensions(generators, to: &out)
      out += "]"
    case .setComp(let elt, let generators):
      out += "{"
      append(elt, .test, to: &out)
      appendComprehensions(generators, to: &out)
      out += "}"
    case .dictComp(let key, let value, let generators):
      out += "{"
      append(key, .test, to: &out)
      out += ": "
      append(value, .test, to: &out)
      appendComprehensions(generators, to: &out)
      out += "}"
    case .yield(let value):
      if let value {
        out += "(yield "
        append(value, .test, to: &out)
        out += ")"
      } else {
        out += "(yield)"
      }
    case .yieldFrom(let value):
      out += "(yield from "
      append(value, .test, to: &out)
      out += ")"
    case .await(let value):
      if level > .await { out += "(" }
      out += "await "
      append(value, .atom, to: &out)
      if level > .await { out += ")" }
    case .compare(let left, let ops, let comparators):
      if level > .cmp { out += "(" }
      append(left, Level.cmp.next, to: &out)
      for (op, comparator) in zip(ops, comparators) {
        switch op {
        case .eq: out += " == "
        case .notEq: out += " != "
        case .lt: out += " < "
        case .ltE: out += " <= "
        case .gt: out += " > "
        case .gtE: out += " >= "
        case .is: out += " is "
        case .isNot: out += " is not "
        case .in: out += " in "
        case .notIn: out += " not in "
        }
        append(comparator, Level.cmp.next, to: &out)
      }
      if level > .cmp { out += ")" }
    case .call(let function, let args, let keywords):
      append(function, .atom, to: &out)
      if args.count == 1 && keywords.isEmpty, case .generatorExp = args[0].kind {
        append(args[0], .test, to: &out)
        return
      }
      out += "("
      var first = true
      for arg in args {
        if !first { out += ", " }
        first = false
        append(arg, .test, to: &out)
      }
      for keyword in keywords {
        if !first { out += ", " }
        first = false
        if let name = keyword.arg {
          out += name + "="
        } else {
          out += "**"
        }
        append(keyword.value, .test, to: &out)
      }
      out += ")"
    case .constant(let value, let kind):
      if case .ellipsis = value {
        out += "..."
        return
      }
      if let kind { out += kind }
      out += constantRepr(value)
    case .joinedStr(let values):
      out += "f" + (ConstantValue.string(fstringBody(values, isFormatSpec: false)).pythonRepr ?? "''")
    case .formattedValue:
      out += fstringBody([e], isFormatSpec: false)
    case .attribute(let value, let attr, _):
      append(value, .atom, to: &out)
      if case .constant(.int, _) = value.kind { out += " ." } else { out += "." }
      out += attr
    case .subscript(let value, let slice, _):
      append(value, .atom, to: &out)
      var sliceLevel = Level.tuple
      if case .tuple(let elts, _) = slice.kind,
        elts.contains(where: { if case .starred = $0.kind { return true } else { return false } })
      {
        sliceLevel = sliceLevel.next
      }
      out += "["
      append(slice, sliceLevel, to: &out)
      out += "]"
    case .starred(let value, _):
      out += "*"
      append(value, .expr, to: &out)
    case .slice(let lower, let upper, let step):
      if let lower { append(lower, .test, to: &out) }
      out += ":"
      if let upper { append(upper, .test, to: &out) }
      if let step {
        out += ":"
        append(step, .test, to: &out)
      }
    case .name(let id, _):
      out += id
    case .list(let elts, _):
      out += "["
      appendList(elts, to: &out)
      out += "]"
    case .tuple(let elts, _):
      if elts.isEmpty {
        out += "()"
        return
      }
      if level > .tuple { out += "(" }
      appendList(elts, to: &out)
      if elts.count == 1 { out += "," }
      if level > .tuple { out += ")" }
    case .namedExpr(let target, let value):
      if level > .tuple { out += "(" }
      append(target, .atom, to: &out)
      out += " := "
      append(value, .atom, to: &out)
      if level > .tuple { out += ")" }
    }
  }

  private static func appendList(_ elts: [Expr], to out: inout String) {
    for (i, elt) in elts.enumerated() {
      if i > 0 { out += ", " }
      append(elt, .test, to: &out)
    }
  }

  private static func appendComprehensions(_ generators: [Comprehension], to out: inout String) {
    for generator in generators {
      out += generator.isAsync ? " async for " : " for "
      append(generator.target, .tuple, to: &out)
      out += " in "
      append(generator.iter, Level.test.next, to: &out)
      for condition in generator.ifs {
        out += " if "
        append(condition, Level.test.next, to: &out)
      }
    }
  }

  private static func appendArguments(_ args: Arguments, to out: inout String) {
    var first = true
    func separator() {
      if first { first = false } else { out += ", " }
    }
    func appendArg(_ arg: Arg) {
      out += arg.arg
      if let annotation = arg.annotation {
        out += ": "
        append(annotation, .test, to: &out)
      }
    }
    let positional = args.posonlyargs + args.args
    for (i, arg) in positional.enumerated() {
      separator()
      appendArg(arg)
      let d = i - positional.count + args.defaults.count
      if d >= 0 {
        out += "="
        append(args.defaults[d], .test, to: &out)
      }
      if !args.posonlyargs.isEmpty && i + 1 == args.posonlyargs.count { out += ", /" }
    }
    if args.vararg != nil || !args.kwonlyargs.isEmpty {
      separator()
      out += "*"
      if let vararg = args.vararg { appendArg(vararg) }
    }
    for (i, arg) in args.kwonlyargs.enumerated() {
      separator()
      appendArg(arg)
      let d = i - args.kwonlyargs.count + args.kwDefaults.count
      if d >= 0, let value = args.kwDefaults[d] {
        out += "="
        append(value, .test, to: &out)
      }
    }
    if let kwarg = args.kwarg {
      separator()
      out += "**"
      appendArg(kwarg)
    }
  }

  /// `append_repr()` of a literal; infinities print as `1e309`.
  private static func constantRepr(_ value: ConstantValue) -> String {
    let repr = value.pythonRepr ?? "0"
    switch value {
    case .float(let v) where v.isInfinite: return repr.replacingAll("inf", with: "1e309")
    case .complex: return repr.replacingAll("inf", with: "1e309")
    default: return repr
    }
  }

  /// The inside of an f-string: literal parts with braces doubled, replacement fields.
  private static func fstringBody(_ values: [Expr], isFormatSpec: Bool) -> String {
    var body = ""
    for value in values { appendFStringElement(value, isFormatSpec: isFormatSpec, to: &body) }
    return body
  }

  private static func appendFStringElement(_ e: Expr, isFormatSpec: Bool, to out: inout String) {
    switch e.kind {
    case .constant(let value, _):
      let text = value.stringValue ?? ""
      out += text.replacingAll("{", with: "{{").replacingAll("}", with: "}}")
    case .joinedStr(let values):
      if isFormatSpec {
        out += fstringBody(values, isFormatSpec: true)
      } else {
        out += "f" + (ConstantValue.string(fstringBody(values, isFormatSpec: false)).pythonRepr ?? "''")
      }
    case .formattedValue(let value, let conversion, let formatSpec):
      var inner = ""
      append(value, Level.test.next, to: &inner)
      out += inner.hasPrefix("{") ? "{ " : "{"
      out += inner
      switch conversion {
      case 97: out += "!a"
      case 114: out += "!r"
      case 115: out += "!s"
      default: break
      }
      if let formatSpec {
        out += ":"
        appendFStringElement(formatSpec, isFormatSpec: true, to: &out)
      }
      out += "}"
    default:
      break
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced (no Foundation here).
  func replacingAll(_ target: String, with replacement: String) -> String {
    let bytes = Array(utf8)
    let pattern = Array(target.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return self }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
        result.append(contentsOf: replacement.utf8)
        i += pattern.count
      } else {
        result.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: result, as: UTF8.self)
  }
}
