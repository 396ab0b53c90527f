import PySyntax

/// Disassembles `code` and its nested code objects in the format of CPython 3.11's
/// `dis.dis()`:
///
/// ```
///   1           0 LOAD_FAST                0 (a)
///               2 LOAD_CONST               1 (1)
///               4 BINARY_OP                0 (+)
///               6 RETURN_VALUE
/// ```
///
/// Columns: the source line where a new line starts, `>>` on jump targets (and handler
/// targets), the offset, the opcode name, the argument and its meaning in parentheses
/// (a constant's `repr()`, a name, `to N` for jumps, `NULL + name` for `LOAD_GLOBAL` with
/// its NULL bit, the operator of `COMPARE_OP` and `BINARY_OP`, the flags of `MAKE_FUNCTION`
/// and `FORMAT_VALUE`). Offsets are instruction index × 2, so they read like CPython's
/// (which counts bytes of 2-byte code units); jump arguments are absolute instruction
/// indices here, so the number before `(to N)` is N / 2. `YIELD_VALUE` shows its argument
/// (1 inside `yield from`/`await`), which CPython's has not.
///
/// Then the `ExceptionTable:` (`start to last -> target [depth] lasti`, offsets as above)
/// and, for each code object among the constants, a blank line, `Disassembly of <code
/// object NAME, line N>:` (no address, no file name) and its disassembly.
///
/// CPython: Lib/dis.py (3.11), `dis()`, `_disassemble_bytes()`, `Instruction._disassemble()`.
public func disassemble(_ code: CodeObject) -> String {
  var out = ""
  Disassembler.disassembleRecursive(code, to: &out)
  return out
}

enum Disassembler {
  static func disassembleRecursive(_ code: CodeObject, to out: inout String) {
    disassembleOne(code, to: &out)
    for constant in code.constants {
      if case .code(let nested) = constant {
        out += "\nDisassembly of \(repr(constant)):\n"
        disassembleRecursive(nested, to: &out)
      }
    }
  }

  static func disassembleOne(_ code: CodeObject, to out: inout String) {
    let instructions = code.instructions
    var labels = Set<Int>()
    for instruction in instructions {
      if let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: instruction.word)), opcode.isJump {
        labels.insert(Int(instruction.argument))
      }
    }
    for entry in code.exceptionTable { labels.insert(entry.target) }
    var maxLine = 0
    for i in instructions.indices { maxLine = max(maxLine, code.lineTable.line(at: i) ?? 0) }
    let lineWidth = maxLine >= 1000 ? String(maxLine).count : 3
    let offsetWidth = instructions.count * 2 >= 10000 ? String(instructions.count * 2).count : 4
    var lastLine: Int? = nil
    for (index, instruction) in instructions.enumerated() {
      var startsLine: Int? = nil
      if let line = code.lineTable.line(at: index), line != lastLine {
        startsLine = line
        lastLine = line
      }
      if startsLine != nil && index > 0 { out += "\n" }
      var fields: [String] = []
      fields.append(startsLine.map { pad(String($0), lineWidth) } ?? String(repeating: " ", count: lineWidth))
      fields.append("   ")
      fields.append(labels.contains(index) ? ">>" : "  ")
      fields.append(pad(String(index * 2), offsetWidth))
      guard let opcode = Opcode(rawValue: UInt8(truncatingIfNeeded: instruction.word)) else {
        fields.append("<\(instruction.word & 0xFF)>")
        out += fields.joined(separator: " ") + "\n"
        continue
      }
      fields.append(opcode.name.padding(20))
      if opcode.hasArgument {
        fields.append(pad(String(instruction.argument), 5))
        let meaning = argumentRepr(code, opcode, Int(instruction.argument))
        if !meaning.isEmpty { fields.append("(" + meaning + ")") }
      }
      out += trimTrailingSpaces(fields.joined(separator: " ")) + "\n"
    }
    if !code.exceptionTable.isEmpty {
      out += "ExceptionTable:\n"
      for entry in code.exceptionTable {
        out += "  \(entry.start * 2) to \(entry.end * 2 - 2) -> \(entry.target * 2) [\(entry.depth)]"
          + (entry.pushLasti ? " lasti" : "") + "\n"
      }
    }
  }

  private static func argumentRepr(_ code: CodeObject, _ opcode: Opcode, _ arg: Int) -> String {
    func name(_ i: Int) -> String { code.names.indices.contains(i) ? code.names[i] : "<\(i)>" }
    func local(_ i: Int) -> String { code.localsPlusNames.indices.contains(i) ? code.localsPlusNames[i] : "<\(i)>" }
    switch opcode {
    case .loadConst, .kwNames:
      return code.constants.indices.contains(arg) ? repr(code.constants[arg]) : "<\(arg)>"
    case .loadGlobal:
      return (arg & 1 == 1 ? "NULL + " : "") + name(arg >> 1)
    case _ where opcode.usesName:
      return name(arg)
    case _ where opcode.isJump:
      return "to \(arg * 2)"
    case _ where opcode.usesLocal || opcode.usesCellOrFree:
      return local(arg)
    case .compareOp:
      return ComparisonOperator(rawValue: UInt8(truncatingIfNeeded: arg))?.symbol ?? ""
    case .binaryOp:
      let inplace = arg >= Int(BinaryOperator.inplaceOffset)
      let base = inplace ? arg - Int(BinaryOperator.inplaceOffset) : arg
      guard let op = BinaryOperator(rawValue: UInt8(truncatingIfNeeded: base)) else { return "" }
      return op.symbol + (inplace ? "=" : "")
    case .formatValue:
      var text = ["", "str", "repr", "ascii"][arg & 3]
      if arg & 4 != 0 { text += text.isEmpty ? "with format" : ", with format" }
      return text
    case .makeFunction:
      let flagNames = ["defaults", "kwdefaults", "annotations", "closure"]
      return flagNames.enumerated().filter { arg & (1 << $0.offset) != 0 }.map(\.element).joined(separator: ", ")
    default:
      return ""
    }
  }

  /// Python's `repr()` of a constant.
  static func repr(_ constant: Constant) -> String {
    switch constant {
    case .none: return "None"
    case .ellipsis: return "Ellipsis"
    case .bool(let value): return value ? "True" : "False"
    case .int(let value): return String(value)
    case .bigInt(let text): return text
    case .float(let value): return ConstantValue.float(value).pythonRepr ?? ""
    case .complex(let real, let imag):
      let imagText = ConstantValue.complex(imag: imag).pythonRepr ?? ""
      if real == 0 && real.sign == .plus { return imagText }
      var realText = ConstantValue.complex(imag: real).pythonRepr ?? ""
      realText.removeLast()  // the "j"
      return "(" + realText + (imagText.hasPrefix("-") ? "" : "+") + imagText + ")"
    case .str(let bytes): return ConstantValue.str(bytes).pythonRepr ?? ""
    case .bytes(let bytes): return ConstantValue.bytes(bytes).pythonRepr ?? ""
    case .tuple(let items):
      return "(" + items.map(repr).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
    case .frozenset(let items):
      return items.isEmpty ? "frozenset()" : "frozenset({" + items.map(repr).joined(separator: ", ") + "})"
    case .code(let code):
      return "<code object \(code.name), line \(code.firstLineNumber)>"
    }
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
  }

  private static func trimTrailingSpaces(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
