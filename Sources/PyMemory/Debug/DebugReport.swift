/// The report the debug layer writes before it stops the process, modelled on CPython's
/// `_PyObject_DebugDumpAddress()` output:
///
/// ```
/// Debug memory block at address p=0x7f…: API 'm'
///     10 bytes originally requested
///     The 7 pad bytes at p-7 are FORBIDDENBYTE, as expected.
///     The 8 pad bytes at tail=0x7f… are not all FORBIDDENBYTE (0xfd):
///         at tail+0: 0x41 *** OUCH
///         at tail+1: 0xfd
///         …
///     The block was made by call #7 to debug malloc/realloc.
///     Data at p: 41 41 41 41 41 41 41 41 41 41
///
/// PyHeap fatal error: debug free: bad trailing pad byte
/// ```
extension HeapState {
  func debugFatal(record: DebugBlockRecord, function: String, problem: String, detail: String,
                  readable: Bool = true) -> Never {
    var lines = ["Debug memory block at address p=\(hex(record.address)): API '\(record.domain.apiID)'"]
    lines.append("    \(record.byteCount) bytes originally requested")
    if readable {
      lines += describePads(record)
    } else {
      lines.append("    (the block's memory was returned to the system; not read)")
    }
    lines.append("    The block was made by call #\(record.serial) to debug malloc/realloc.")
    if readable { lines.append("    Data at p: \(describeData(record))") }
    lines.append("    \(detail)")
    stop(lines, function: function, problem: problem)
  }

  func debugFatal(pointer: UnsafeMutableRawPointer, function: String, problem: String, detail: String) -> Never {
    stop(["Debug memory block at address p=\(hex(pointer)): unknown to this heap", "    \(detail)"],
         function: function, problem: problem)
  }

  private func stop(_ lines: [String], function: String, problem: String) -> Never {
    StandardError.write(lines.joined(separator: "\n") + "\n\nPyHeap fatal error: debug \(function): \(problem)\n")
    fatalError("PyHeap debug allocator: \(function): \(problem)")
  }

  private func describePads(_ record: DebugBlockRecord) -> [String] {
    var lines: [String] = []
    let p = record.address
    let leading = (1...DebugLayout.padBytes).reversed().map { p.load(fromByteOffset: -$0, as: UInt8.self) }
    if leading.allSatisfy({ $0 == DebugLayout.forbiddenByte }) {
      lines.append("    The 7 pad bytes at p-7 are FORBIDDENBYTE, as expected.")
    } else {
      lines.append("    The 7 pad bytes at p-7 are not all FORBIDDENBYTE (0xfd):")
      for (index, byte) in leading.enumerated() {
        lines.append("        at p-\(7 - index): \(hexByte(byte))\(byte == DebugLayout.forbiddenByte ? "" : " *** OUCH")")
      }
    }
    let tail = p + record.byteCount
    let trailing = (0..<8).map { tail.load(fromByteOffset: $0, as: UInt8.self) }
    if trailing.allSatisfy({ $0 == DebugLayout.forbiddenByte }) {
      lines.append("    The 8 pad bytes at tail=\(hex(tail)) are FORBIDDENBYTE, as expected.")
    } else {
      lines.append("    The 8 pad bytes at tail=\(hex(tail)) are not all FORBIDDENBYTE (0xfd):")
      for (index, byte) in trailing.enumerated() {
        lines.append("        at tail+\(index): \(hexByte(byte))\(byte == DebugLayout.forbiddenByte ? "" : " *** OUCH")")
      }
    }
    return lines
  }

  private func describeData(_ record: DebugBlockRecord) -> String {
    let p = record.address
    let n = record.byteCount
    func bytes(_ range: Range<Int>) -> String {
      range.map { hexDigits(p.load(fromByteOffset: $0, as: UInt8.self)) }.joined(separator: " ")
    }
    if n == 0 { return "(no data)" }
    if n <= 16 { return bytes(0..<n) }
    return bytes(0..<8) + " ... " + bytes(n - 8..<n)
  }
}

private func hex(_ pointer: UnsafeRawPointer) -> String {
  "0x" + String(UInt(bitPattern: pointer), radix: 16)
}

private func hexDigits(_ byte: UInt8) -> String {
  let digits = String(byte, radix: 16)
  return byte < 16 ? "0" + digits : digits
}

private func hexByte(_ byte: UInt8) -> String { "0x" + hexDigits(byte) }
