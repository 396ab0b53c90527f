import Testing
@testable import PyRuntime

/// The compact layout, the sizes `sys.getsizeof` reports, and the singletons and caches.
@Suite struct StrLayoutTests {
  static let samples: [[UInt32]] = [
    [], [0x61], [0x61, 0x62], [0x7F], [0x80], [0xE9], [0xFF, 0x61], [0x100], [0x20AC], [0x20AC, 0x61],
    [0xD800], [0xFFFF], [0x1F600], [0x1F600, 0x61], [0x10FFFF], Array(repeating: 0x41, count: 100),
    Array(repeating: 0xE9, count: 33), Array(repeating: 0x4E2D, count: 7), [0x61, 0x1F600, 0xE9, 0x20AC],
  ]

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func sizesMatchCPython() throws {
    let expected = try TextOracle.lines(TextOracle.prelude + """
      for line in sys.stdin.read().splitlines():
          print(sys.getsizeof(T(line)))
      """, input: Self.samples.map(TextCodec.hex))
    let runtime = textRuntime()
    let rt = runtime.ref
    for (sample, size) in zip(Self.samples, expected) {
      let str = rt.newStr(codePoints: sample)!
      #expect(String(StrObject.sizeOf(str)) == size, "\(sample)")
      rt.decref(str)
    }
  }

  @Test func documentedSizes() {
    let runtime = textRuntime()
    let rt = runtime.ref
    for (text, size) in [("", 49), ("a", 50), ("é", 74), ("€", 76), ("😀", 80)] {
      let str = rt.newStr(text)!
      #expect(StrObject.sizeOf(str) == size, "\(text)")
      rt.decref(str)
    }
    for (bytes, size) in [([UInt8](), 33), ([0x61], 34), ([0x61, 0x62], 35)] {
      let object = rt.newBytes(bytes)!
      #expect(BytesObject.sizeOf(object) == size)
      rt.decref(object)
    }
  }

  @Test func kindIsTheNarrowestThatFits() {
    let runtime = textRuntime()
    let rt = runtime.ref
    for (text, kind, ascii) in [("abc", 1, true), ("aé", 1, false), ("a€", 2, false), ("a😀", 4, false)] {
      let str = rt.newStr(text)!
      #expect(StrObject.kind(str) == kind && StrObject.isASCII(str) == ascii, "\(text)")
      #expect(StrObject.string(str) == text)
      rt.decref(str)
    }
    // A slice of a wide string narrows again: canonical form.
    let wide = rt.newStr("€é😀ab")!
    let tail = rt.strSlice(wide, start: 3)!
    #expect(StrObject.kind(tail) == 1 && StrObject.isASCII(tail))
    let middle = rt.strSlice(wide, start: 0, stop: 2)!
    #expect(StrObject.kind(middle) == 2)
    let step = rt.strSlice(wide, start: 1, step: 2)!   // "éa"
    #expect(StrObject.kind(step) == 1 && !StrObject.isASCII(step) && StrObject.string(step) == "éa")
    [wide, tail, middle, step].forEach(rt.decref)
  }

  @Test func singletonsAndCharacterCache() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let a = rt.newCharacter(255)!, b = rt.newCharacter(255)!
    #expect(a == b, "chr(255) is chr(255)")
    let c = rt.newCharacter(256)!, d = rt.newCharacter(256)!
    #expect(c != d, "chr(256) is not cached")
    let abc = rt.newStr("abc")!
    let item = rt.strGetItem(abc, 1)!
    let b2 = rt.newStr("b")!
    #expect(item == b2, "'abc'[1] is 'b'")
    let empty = rt.strSlice(abc, start: 2, stop: 1)!
    #expect(empty == rt.state.pointee.text.emptyString)
    #expect(rt.newStr("")! == empty)
    #expect(a.refcount >= ObjectLayout.immortalRefcount)
    let byte = rt.newBytes([0x61])!
    let ab = rt.newBytes([0x61, 0x62])!
    let sliced = rt.bytesSlice(ab, stop: 1)!
    #expect(byte == sliced, "bytes([97]) is b'ab'[:1]")
    let whole = rt.bytesSlice(ab)!
    #expect(whole == ab)
    [ab, whole].forEach(rt.decref)
    #expect(rt.newBytes([])! == rt.state.pointee.text.emptyBytes)
    [c, d, abc, item, b2, empty].forEach(rt.decref)
  }

  @Test func identityPreservingOperations() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let s = rt.newStr("abc")!
    let empty = rt.emptyString()
    func same(_ result: PyRef?) -> Bool {
      defer { result.map(rt.decref) }
      return result == s
    }
    #expect(same(rt.strConcat(empty, s)))
    #expect(same(rt.strConcat(s, empty)))
    #expect(same(rt.strSlice(s)))
    #expect(same(rt.strRepeat(s, 1)))
    #expect(same(rt.strStrip(s)))
    let x = rt.newStr("x")!, y = rt.newStr("y")!
    #expect(same(rt.strReplace(s, x, y)))
    #expect(same(rt.strJoin(x, [s])))
    #expect(same(rt.strSplit(s, x).map { list in
      let item = ListObject.item(list, 0)
      item.incref()
      rt.decref(list)
      return item
    }), "the only piece of an unsplit string is the string")
    [x, y].forEach(rt.decref)
    let upper = rt.strUpper(s)!
    #expect(upper != s)
    rt.decref(upper)
    rt.decref(s)
  }

  @Test func strRefusesWeakReferences() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let s = rt.newStr("x y")!
    #expect(rt.newWeakRef(s) == nil)
    #expect(rt.takeError() == PyError("TypeError", "cannot create weak reference to 'str' object"))
    let b = rt.newBytes([1, 2])!
    #expect(rt.newWeakRef(b) == nil)
    #expect(rt.takeError() == PyError("TypeError", "cannot create weak reference to 'bytes' object"))
    rt.decref(s)
    rt.decref(b)
  }

  @Test func everythingFreedGoesBackToTheHeap() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let before = rt.blocksInUseWithoutFreeLists
    var objects: [PyRef] = []
    for index in 0..<200 {
      objects.append(rt.newStr("string number \(index) ✓ 😀")!)
      objects.append(rt.newBytes(Array("bytes \(index)".utf8))!)
    }
    let joined = rt.strJoin(rt.state.pointee.text.emptyString, objects.filter(rt.isStr))!
    let separator = rt.newCharacter(0x1F600)!
    objects.append(joined)
    objects.append(rt.strUpper(joined)!)
    objects.append(rt.strSplit(joined, separator)!)
    objects.append(rt.strReplace(joined, separator, rt.state.pointee.text.emptyString)!)
    objects.append(separator)
    for object in objects { rt.decref(object) }
    #expect(rt.blocksInUseWithoutFreeLists == before)
  }

  @Test func dictKeys() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let dict = rt.newDict()!
    for index in 0..<100 {
      let key = rt.newStr("key\(index)")!, value = rt.newInt(index)!
      let bytesKey = rt.newBytes(Array("key\(index)".utf8))!
      rt.dictSetItem(dict, key, value)
      rt.dictSetItem(dict, bytesKey, value)
      [key, value, bytesKey].forEach(rt.decref)
    }
    #expect(DictObject.count(dict) == 200, "b'key1' and 'key1' hash alike but differ")
    for index in stride(from: 0, to: 100, by: 7) {
      let probe = rt.newStr("key\(index)")!
      #expect(rt.dictGetItem(dict, probe).map(IntObject.value) == index)
      rt.decref(probe)
      let bytesProbe = rt.newBytes(Array("key\(index)".utf8))!
      #expect(rt.dictGetItem(dict, bytesProbe).map(IntObject.value) == index)
      rt.decref(bytesProbe)
    }
    let one = rt.newInt(1)!
    #expect(rt.dictGetItem(dict, one) == nil && !rt.hasError)
    rt.decref(one)
    rt.decref(dict)
  }
}
