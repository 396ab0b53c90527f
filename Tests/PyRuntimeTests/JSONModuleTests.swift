import Testing
@testable import PyRuntime

/// The `_json` encoder and scanner driven directly: escaping, layouts, positions of
/// errors. Whole programs (`json.dumps`/`loads` against CPython) are in
/// Tests/ProgramTests/Programs/modules/json.
@Suite struct JSONModuleTests {
  func encode(_ rt: RuntimeRef, _ value: PyRef, indent: String? = nil, ensureASCII: Bool = true) -> String {
    let py = Py(rt: rt)
    var encoder = JSONEncoderContext(rt, keySeparator: py.str(": "), itemSeparator: py.str(indent == nil ? ", " : ","))
    defer { encoder.out.release() }
    encoder.ensureASCII = ensureASCII
    encoder.indent = indent.map(py.str)
    guard encoder.encode(value), let text = encoder.out.finish(rt) else { return py.show(nil) }
    return StrObject.string(text)
  }

  @Test func escapesAndLayouts() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    #expect(encode(rt, py.str("a\"b\\c\n\u{1}\u{7f}é中😀")) == #""a\"b\\c\n\u0001\u007f\u00e9\u4e2d\ud83d\ude00""#)
    #expect(encode(rt, py.str("é中😀\u{7f}"), ensureASCII: false) == "\"é中😀\u{7f}\"")
    let nested = py.list([py.int(1), py.dict([(py.str("k"), py.list([Int]()))]), py.float(0.5)])
    #expect(encode(rt, nested) == #"[1, {"k": []}, 0.5]"#)
    #expect(encode(rt, nested, indent: "  ") == "[\n  1,\n  {\n    \"k\": []\n  },\n  0.5\n]")
    #expect(encode(rt, py.int(-1234567890123)) == "-1234567890123")
    #expect(encode(rt, rt.newInt(parsing: "123456789012345678901234567890")!) == "123456789012345678901234567890")
    #expect(encode(rt, py.dict([(py.int(1), py.none), (py.bool(true), py.bool(false))])) == #"{"1": false}"#)
  }

  @Test func circularAndUnknownValuesFail() {
    let runtime = Runtime()
    let rt = runtime.ref
    let py = Py(rt: rt)
    let list = py.list([Int]())
    rt.listAppend(list, list)
    #expect(encode(rt, list) == "ValueError: Circular reference detected")
    #expect(encode(rt, rt.state.pointee.types.int.object) == "TypeError: Object of type type is not JSON serializable")
  }

  func decode(_ rt: RuntimeRef, _ text: String) -> String {
    let py = Py(rt: rt)
    let document = py.str(text)
    guard var scanner = JSONScanner(rt, document: document, errorClass: rt.exceptionType("ValueError").object) else {
      return py.show(nil)
    }
    defer { scanner.release() }
    guard let (value, end) = scanner.rawDecode(scanner.skipWhitespace(0)) else { return py.show(nil) }
    return "\(py.show(value)) @\(end)"
  }

  @Test func scannerValuesAndPositions() {
    let runtime = Runtime()
    let rt = runtime.ref
    #expect(decode(rt, #" {"a": [1, 2.5, -3e2, true, null], "b": "x\u00e9\ud83d\ude00"} "#)
            == "{'a': [1, 2.5, -300.0, True, None], 'b': 'xé😀'} @62")
    #expect(decode(rt, "[1, 2") == #"ValueError: ("Expecting ',' delimiter", '[1, 2', 5)"#)
    #expect(decode(rt, #"{"a" 1}"#) == #"ValueError: ("Expecting ':' delimiter", '{"a" 1}', 5)"#)
    #expect(decode(rt, "\"abc") == "ValueError: ('Unterminated string starting at', '\"abc', 0)")
    #expect(decode(rt, "[1,]") == "ValueError: ('Expecting value', '[1,]', 3)")
    #expect(decode(rt, "-") == "ValueError: ('Expecting value', '-', 0)")
    #expect(decode(rt, "12345678901234567890") == "12345678901234567890 @20")
  }
}
