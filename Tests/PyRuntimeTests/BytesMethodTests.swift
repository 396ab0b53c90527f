import Testing
@testable import PyRuntime

/// bytes: the constructor, the slots and the methods, against python3.
@Suite struct BytesMethodTests {
  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func constructorAndSlots() throws {
    try TextDifferential.check([
      "bytes()", "bytes(3)", "bytes(0)", "bytes(-1)", "bytes([65, 66])", "bytes((1, 2, 255))", "bytes([256])",
      "bytes([-1])", "bytes(['a'])", "bytes(1.5)", "bytes('a')", "bytes('é', 'utf-8')", "bytes('é', 'ascii')",
      "bytes('é', 'ascii', 'ignore')", "bytes('a', 'nope')", "bytes(b'ab')", "bytes(x=1)", "bytes(1, 'utf-8')",
      "bytes(1, errors='x')", "bytes('a', errors='strict')", "bytes('a', 'utf-8', 1)", "bytes([1, 2], 1)",
      "bytes(b'a', 'utf-8')", "bytes(source=b'z')", "bytes('abc', encoding='latin-1')", "bytes([True, False])",
      "b'abc'[0]", "b'abc'[-1]", "b'abc'[3]", "b'abc'['x']", "b'abc'[1.5]", "b'abcdef'[1:4]", "b'abcdef'[::-2]",
      "b'abc'[5:]", "b'abc'[::0]", "b'a' + b'b'", "b'a' + 'a'", "b'a' + 1", "b'ab' * 3", "2 * b'ab'", "b'ab' * -1",
      "b'a' * 1.5", "b'a' in b'abc'", "97 in b'abc'", "300 in b'abc'", "'a' in b'abc'", "b'' in b'abc'", "len(b'abc')",
      "b'a' < b'b'", "b'a' < b'ab'", "b'\\xff' > b'a'", "b'a' < 'a'", "b'a' == 'a'", "b'ab' == b'ab'", "b'a' != b'b'",
      "str(b'x')", "repr(b'a\\'\"\\n\\x00\\xff')", "list_of(b'ab')", "list_of('aé')",
    ])
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func methods() throws {
    try TextDifferential.check([
      "b'abc'.hex()", "b'abc'.hex(':')", "b'abcdef'.hex(':', 2)", "b'abcdef'.hex(':', -2)", "b'abcde'.hex('-', 2)",
      "b'abcde'.hex(b'|', -2)", "b''.hex()", "b'a'.hex('::')", "b'a'.hex('é')", "b'a'.hex(1)", "bytes.fromhex('61 62')",
      "bytes.fromhex(' 61 62 ')", "bytes.fromhex('zz')", "bytes.fromhex('a')", "bytes.fromhex('61 6')",
      "bytes.fromhex(1)", "bytes.fromhex('6162FF')", "b'-'.join([b'a', b'b'])", "b''.join([])", "b'x'.join([b'a', 'b'])",
      "b'x'.join(1)", "b'a,b,,c'.split(b',')", "b' a  b '.split()", "b'a,b,c'.split(b',', 1)", "b'a,b,c'.rsplit(b',', 1)",
      "b'abc'.split('a')", "b'abc'.split(b'')", "b'a b c'.rsplit(None, 1)", "b'abc'.split(sep=b'b')",
      "b'  abc  '.strip()", "b'xxabcxx'.strip(b'x')", "b'abc'.lstrip(b'ab')", "b'abc'.rstrip(b'c')", "b'abc'.strip('a')",
      "b'abc'.startswith(b'a')", "b'abc'.startswith((b'x', b'ab'))", "b'abc'.startswith('a')", "b'abc'.endswith(b'bc', 1)",
      "b'abc'.endswith((b'a', 'b'))", "b'abcabc'.find(b'c')", "b'abc'.find(98)", "b'abc'.find(300)", "b'abc'.find('a')",
      "b'abcabc'.rfind(b'b')", "b'abc'.index(b'z')", "b'abc'.rindex(b'a')", "b'abc'.find(b'c', 1, 2)",
      "b'aaaa'.count(b'aa')", "b'abc'.count(b'')", "b'abc'.count(97)", "b'aXbX'.replace(b'X', b'YY')",
      "b'aXbX'.replace(b'X', b'Y', 1)", "b'ab'.replace(b'', b'-')", "b'ab'.replace('a', b'b')", "b'aB1'.upper()",
      "b'aB1'.lower()", "b'abc'.removeprefix(b'a')", "b'abc'.removesuffix(b'bc')", "b'123'.isdigit()",
      "b'abc'.isalpha()", "b'a1'.isalnum()", "b' \\t'.isspace()", "b'ab1'.islower()", "b'AB'.isupper()",
      "b'\\x80'.isascii()", "b''.isdigit()", "b'ab'.decode('ascii')", "b'abc'.upper(1)",
      "b'a,b'.partition(b',')", "b'a,b'.rpartition(b'x')", "b'ab'.partition(',')", "b'ab'.partition(b'')",
      "b'ab'.center(6)", "b'ab'.center(5, b'*')", "b'ab'.center(5, '*')", "b'ab'.center(5, b'**')",
      "b'ab'.ljust(4, b'-')", "b'ab'.rjust(4)", "b'-5'.zfill(4)", "b'a\\nb\\r\\nc\\rd'.splitlines()",
      "b'a\\nb\\n'.splitlines(True)", "b'a\\x0bb'.splitlines()", "b'a\\tb'.expandtabs(4)", "b'hELLO wORLD'.capitalize()",
      "b'hello world'.title()", "b'Hello'.swapcase()", "b'Hello World'.istitle()", "b'hello'.istitle()",
      "b'abc'.translate(bytes.maketrans(b'ab', b'xy'))", "b'abc'.translate(None, b'b')", "b'abc'.translate(b'x')",
      "bytes.maketrans(b'a', b'xy')", "b'abc'.translate(None, delete=b'a')", "b'ab'.center()", "b'ab'.zfill()",
      "bytes.maketrans('a', 'b')", "len(bytes.maketrans(b'', b''))",
    ])
  }
}

/// Instances of str and bytes subclasses: the non-compact str layout, value semantics,
/// methods returning exact types.
@Suite struct TextSubclassTests {
  static func subclass(_ rt: RuntimeRef, of base: PyType, name: String) -> PyType {
    let type = rt.makeType(name: name, basicSize: base.record.pointee.basicSize + 8, itemSize: base.record.pointee.itemSize,
                           flags: base.flags, dealloc: base.record.pointee.dealloc, hash: base.record.pointee.hash,
                           equal: base.record.pointee.equal)
    rt.readyBuiltinType(type, base: base, kind: base.record.pointee.kind)
    return type
  }

  @Test func strSubclassInstances() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let type = Self.subclass(rt, of: rt.state.pointee.types.str, name: "S")
    let text = rt.newStr("héllo€")!
    defer { rt.decref(text) }
    let instance = rt.call(type.object, [text])!
    defer { rt.decref(instance) }
    #expect(instance.type == type)
    #expect(!StrObject.isCompact(instance))
    #expect(StrObject.string(instance) == "héllo€")
    #expect(StrObject.equals(instance, text))
    #expect(rt.hash(instance) == rt.hash(text))
    #expect(rt.richCompareBool(instance, text, .equal) == 1)
    let upper = rt.callMethod(instance, "upper")!
    #expect(rt.isExactStr(upper) && StrObject.string(upper) == "HÉLLO€")
    let same = rt.str(instance)!
    #expect(rt.isExactStr(same) && StrObject.string(same) == "héllo€")
    let stripped = rt.callMethod(instance, "strip")!
    #expect(rt.isExactStr(stripped))
    let sliced = rt.strSlice(instance, start: 1, stop: 3)!
    #expect(StrObject.string(sliced) == "él")
    let empty = rt.emptyString()
    let sum = rt.binaryOp(instance, empty, 0)!
    #expect(rt.isExactStr(sum) && StrObject.string(sum) == "héllo€")
    [upper, same, stripped, sliced, empty, sum].forEach(rt.decref)
  }

  @Test func bytesSubclassInstances() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let type = Self.subclass(rt, of: rt.state.pointee.types.bytes, name: "B")
    let source = rt.newBytes([1, 2, 3])!
    defer { rt.decref(source) }
    let instance = rt.call(type.object, [source])!
    defer { rt.decref(instance) }
    #expect(instance.type == type)
    #expect(BytesObject.array(instance) == [1, 2, 3])
    #expect(rt.richCompareBool(instance, source, .equal) == 1)
    let hexed = rt.callMethod(instance, "hex")!
    #expect(StrObject.string(hexed) == "010203")
    rt.decref(hexed)
  }
}
