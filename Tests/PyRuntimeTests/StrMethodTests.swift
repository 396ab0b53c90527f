import PyMemory
import Testing
@testable import PyRuntime

/// The str methods against python3 on seeded random cases: each case is one line
/// `operation|argument|…` (strings hex-encoded, `-` for None) run by both sides.
@Suite struct StrMethodTests {
  static let alphabet: [UInt32] = [
    0x61, 0x62, 0x61, 0x62, 0x20, 0x20, 0x09, 0x0A, 0x2C, 0x5F, 0x31, 0x41, 0xE9, 0xC9, 0xDF, 0x20AC, 0x1F600,
    0x3A3, 0x3C3, 0x130, 0x661, 0x2003, 0x3000, 0xFB01, 0x27, 0x4E2D, 0x1C, 0x85, 0x2E, 0x10400, 0x1E9E,
  ]

  static let pythonDispatch = TextOracle.prelude + """
    S = lambda t: [T(x) for x in t]
    ops = {
        'find': lambda f: T(f[1]).find(T(f[2]), N(f[3]), N(f[4])),
        'rfind': lambda f: T(f[1]).rfind(T(f[2]), N(f[3]), N(f[4])),
        'index': lambda f: T(f[1]).index(T(f[2]), N(f[3]), N(f[4])),
        'rindex': lambda f: T(f[1]).rindex(T(f[2]), N(f[3]), N(f[4])),
        'count': lambda f: T(f[1]).count(T(f[2]), N(f[3]), N(f[4])),
        'startswith': lambda f: T(f[1]).startswith(T(f[2]), N(f[3]), N(f[4])),
        'endswith': lambda f: T(f[1]).endswith(T(f[2]), N(f[3]), N(f[4])),
        'startswith2': lambda f: T(f[1]).startswith((T(f[2]), T(f[3]))),
        'endswith2': lambda f: T(f[1]).endswith((T(f[2]), T(f[3]))),
        'split': lambda f: T(f[1]).split(None if f[2] == '-' else T(f[2]), int(f[3])),
        'rsplit': lambda f: T(f[1]).rsplit(None if f[2] == '-' else T(f[2]), int(f[3])),
        'strip': lambda f: T(f[1]).strip(None if f[2] == '-' else T(f[2])),
        'lstrip': lambda f: T(f[1]).lstrip(None if f[2] == '-' else T(f[2])),
        'rstrip': lambda f: T(f[1]).rstrip(None if f[2] == '-' else T(f[2])),
        'replace': lambda f: T(f[1]).replace(T(f[2]), T(f[3]), int(f[4])),
        'upper': lambda f: T(f[1]).upper(),
        'lower': lambda f: T(f[1]).lower(),
        'isdigit': lambda f: T(f[1]).isdigit(),
        'isalpha': lambda f: T(f[1]).isalpha(),
        'isspace': lambda f: T(f[1]).isspace(),
        'isidentifier': lambda f: T(f[1]).isidentifier(),
        'isprintable': lambda f: T(f[1]).isprintable(),
        'slice': lambda f: T(f[1])[N(f[2]):N(f[3]):N(f[4])],
        'getitem': lambda f: T(f[1])[int(f[2])],
        'concat': lambda f: T(f[1]) + T(f[2]),
        'repeat': lambda f: T(f[1]) * int(f[2]),
        'compare': lambda f: (T(f[1]) > T(f[2])) - (T(f[1]) < T(f[2])),
        'join': lambda f: T(f[1]).join(S(f[2:])),
        'len': lambda f: len(T(f[1])),
    }
    for line in sys.stdin.read().splitlines():
        f = line.split('|')
        print(run(lambda: ops[f[0]](f)))
    """

  /// Runs one case on the runtime, encoded as the Python side encodes it.
  static func run(_ fields: [String], _ rt: RuntimeRef) -> String {
    var owned: [PyRef] = []
    defer { owned.forEach(rt.decref) }
    func str(_ index: Int) -> PyRef {
      let codePoints = fields[index].split(separator: ".").map { UInt32($0, radix: 16)! }
      let object = rt.newStr(codePoints: codePoints)!
      owned.append(object)
      return object
    }
    func optionalStr(_ index: Int) -> PyRef? { fields[index] == "-" ? nil : str(index) }
    func int(_ index: Int) -> Int? { fields[index] == "-" ? nil : Int(fields[index])! }
    let s = str(1)
    switch fields[0] {
    case "find": return TextCodec.encode(rt.strFind(s, str(2), start: int(3), end: int(4)), rt)
    case "rfind": return TextCodec.encode(rt.strRFind(s, str(2), start: int(3), end: int(4)), rt)
    case "index": return TextCodec.encode(rt.strIndex(s, str(2), start: int(3), end: int(4)), rt)
    case "rindex": return TextCodec.encode(rt.strRIndex(s, str(2), start: int(3), end: int(4)), rt)
    case "count": return TextCodec.encode(rt.strCount(s, str(2), start: int(3), end: int(4)), rt)
    case "startswith": return TextCodec.encode(rt.strStartsWith(s, str(2), start: int(3), end: int(4)), rt)
    case "endswith": return TextCodec.encode(rt.strEndsWith(s, str(2), start: int(3), end: int(4)), rt)
    case "startswith2", "endswith2":
      let a = str(2), b = str(3)
      a.incref(); b.incref()
      let tuple = rt.newTuple([a, b])!
      defer { rt.decref(tuple) }
      return TextCodec.encode(fields[0] == "startswith2" ? rt.strStartsWith(s, tuple) : rt.strEndsWith(s, tuple), rt)
    case "split": return TextCodec.encode(rt.strSplit(s, optionalStr(2), maxSplit: int(3)!), rt)
    case "rsplit": return TextCodec.encode(rt.strRSplit(s, optionalStr(2), maxSplit: int(3)!), rt)
    case "strip": return TextCodec.encode(rt.strStrip(s, optionalStr(2)), rt)
    case "lstrip": return TextCodec.encode(rt.strLStrip(s, optionalStr(2)), rt)
    case "rstrip": return TextCodec.encode(rt.strRStrip(s, optionalStr(2)), rt)
    case "replace": return TextCodec.encode(rt.strReplace(s, str(2), str(3), count: int(4)!), rt)
    case "upper": return TextCodec.encode(rt.strUpper(s), rt)
    case "lower": return TextCodec.encode(rt.strLower(s), rt)
    case "isdigit": return TextCodec.encode(rt.strIsDigit(s), rt)
    case "isalpha": return TextCodec.encode(rt.strIsAlpha(s), rt)
    case "isspace": return TextCodec.encode(rt.strIsSpace(s), rt)
    case "isidentifier": return TextCodec.encode(rt.strIsIdentifier(s), rt)
    case "isprintable": return TextCodec.encode(rt.strIsPrintable(s), rt)
    case "slice": return TextCodec.encode(rt.strSlice(s, start: int(2), stop: int(3), step: int(4)), rt)
    case "getitem": return TextCodec.encode(rt.strGetItem(s, int(2)!), rt)
    case "concat": return TextCodec.encode(rt.strConcat(s, str(2)), rt)
    case "repeat": return TextCodec.encode(rt.strRepeat(s, int(2)!), rt)
    case "compare": return TextCodec.encode(StrObject.compare(s, str(2)), rt)
    case "join": return TextCodec.encode(rt.strJoin(s, (2..<fields.count).map(str)), rt)
    case "len": return TextCodec.encode(StrObject.length(s), rt)
    default: return "unknown operation \(fields[0])"
    }
  }

  /// Seeded cases: strings over a small alphabet (so searches find things), arguments
  /// often taken from the string itself, bounds from -8 to 8 or omitted.
  static func cases(seed: UInt64, count: Int) -> [String] {
    var random = TextRandom(seed: seed)
    func text(_ maximum: Int) -> [UInt32] { (0..<random.below(maximum + 1)).map { _ in alphabet[random.below(alphabet.count)] } }
    func piece(of base: [UInt32]) -> [UInt32] {
      if base.isEmpty || random.below(3) == 0 { return text(3) }
      let start = random.below(base.count), length = random.below(min(4, base.count - start) + 1)
      return Array(base[start..<start + length])
    }
    func bound() -> String { random.below(4) == 0 ? "-" : String(random.below(17) - 8) }
    var lines: [String] = []
    let operations = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith", "startswith2", "endswith2",
                      "split", "rsplit", "strip", "lstrip", "rstrip", "replace", "upper", "lower", "isdigit", "isalpha",
                      "isspace", "isidentifier", "isprintable", "slice", "getitem", "concat", "repeat", "compare",
                      "join", "len"]
    for _ in 0..<count {
      let operation = operations[random.below(operations.count)]
      let s = text(12)
      var fields = [operation, TextCodec.hex(s)]
      switch operation {
      case "find", "rfind", "index", "rindex", "count", "startswith", "endswith":
        fields += [TextCodec.hex(piece(of: s)), bound(), bound()]
      case "startswith2", "endswith2": fields += [TextCodec.hex(piece(of: s)), TextCodec.hex(piece(of: s))]
      case "split", "rsplit":
        var separator = piece(of: s)
        if separator.isEmpty && random.below(4) != 0 { separator = [0x20] }
        fields += [random.below(3) == 0 ? "-" : TextCodec.hex(separator), String(random.below(5) - 1)]
      case "strip", "lstrip", "rstrip": fields += [random.below(2) == 0 ? "-" : TextCodec.hex(piece(of: s))]
      case "replace": fields += [TextCodec.hex(piece(of: s)), TextCodec.hex(text(3)), String(random.below(5) - 1)]
      case "slice":
        let step = random.below(3) == 0 ? "-" : String([1, 1, 2, 3, -1, -1, -2, -3, 0][random.below(9)])
        fields += [bound(), bound(), step]
      case "getitem": fields += [String(random.below(31) - 15)]
      case "concat", "compare": fields += [TextCodec.hex(random.below(3) == 0 ? s : text(6))]
      case "repeat": fields += [String(random.below(6) - 1)]
      case "join": fields[1] = TextCodec.hex(text(2)); for _ in 0..<random.below(4) { fields.append(TextCodec.hex(text(4))) }
      default: break
      }
      lines.append(fields.joined(separator: "|"))
    }
    return lines
  }

  @Test(.enabled(if: TextOracle.isAvailable, "needs python3 (CPython 3.11)"))
  func methodsMatchCPython() throws {
    let lines = Self.cases(seed: 0x5EED_0010, count: 6000)
    // Fixed cases for the rules at the edges.
    let fixed = [
      "find|61.62.63||3|-", "find|61.62.63||4|-", "count|61.62.63||-|-", "count|61.62.63||4|-",
      "startswith|61.62.63||4|-", "endswith|61.62.63||2|1", "split|20.20.61.20.62.20.20.63.20.20|-|1",
      "rsplit|20.20.61.20.62.20.20.63.20.20|-|1", "split||-|-1", "split||78|-1", "split|61.62||-1", "rsplit|61.62||-1",
      "replace|61.62.63||2d|-1", "replace|61.62.63||2d|2", "replace|||78|-1", "replace|e9|e9|61|-1",
      "lower|41.3a3", "lower|41.3a3.2e", "lower|41.3a3.61", "lower|41.2e.3a3", "lower|3a3", "upper|df.fb01.149",
      "repeat|61.62|0", "getitem|61.62.63|-4", "slice|61.62.63|-|-|0", "join|2c", "join|2c|61", "isidentifier|5f.31",
      "isidentifier|31", "isidentifier|", "isprintable|", "isspace|", "isdigit|661.31", "join||e9|20ac|1f600",
    ]
    let all = fixed + lines
    let expected = try TextOracle.lines(Self.pythonDispatch, input: all)
    try #require(expected.count == all.count)
    let runtime = textRuntime()
    let rt = runtime.ref
    var failures = 0
    for (line, result) in zip(all, expected) {
      let mine = Self.run(line.split(separator: "|", omittingEmptySubsequences: false).map(String.init), rt)
      if mine != result {
        failures += 1
        if failures <= 20 { Issue.record("\(line): \(mine) ≠ python \(result)") }
      }
    }
    #expect(failures == 0)
  }

  /// The generated cases on a heap with CPython's debug hooks: an overrun of any block
  /// (a terminator written one past the end, a wrong size) stops the process when the block
  /// is freed, and the heap verifies clean afterwards.
  @Test func operationsStayInsideTheirBlocks() {
    let runtime = Runtime(HeapConfiguration(debugHooks: true), hashSeed: 0)
    let rt = runtime.ref
    let before = rt.blocksInUseWithoutFreeLists
    for line in Self.cases(seed: 0x5EED_0011, count: 3000) {
      _ = Self.run(line.split(separator: "|", omittingEmptySubsequences: false).map(String.init), rt)
    }
    #expect(rt.blocksInUseWithoutFreeLists == before)
    #expect(rt.state.pointee.heap.verify().isValid)
  }

  @Test func errorsCarryCPythonsMessages() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let s = rt.newStr("abc")!, one = rt.newInt(1000)!, empty = rt.emptyString()
    let tuple = rt.newTuple([rt.newInt(1000)!])!
    func error(_ body: () -> Bool) -> String {
      #expect(body() == false)
      return rt.takeError().map { "\($0)" } ?? "no error"
    }
    #expect(error { rt.strFind(s, one) != nil } == "TypeError: must be str, not int")
    #expect(error { rt.strStartsWith(s, one) != nil } == "TypeError: startswith first arg must be str or a tuple of str, not int")
    #expect(error { rt.strEndsWith(s, tuple) != nil } == "TypeError: tuple for endswith must only contain str, not int")
    #expect(error { rt.strSplit(s, one) != nil } == "TypeError: must be str or None, not int")
    #expect(error { rt.strRSplit(s, empty) != nil } == "ValueError: empty separator")
    #expect(error { rt.strIndex(s, rt.newStr("x")!) != nil } == "ValueError: substring not found")
    #expect(error { rt.strJoin(s, [s, one]) != nil } == "TypeError: sequence item 1: expected str instance, int found")
    #expect(error { rt.strLStrip(s, one) != nil } == "TypeError: lstrip arg must be None or str")
    #expect(error { rt.strReplace(s, one, s) != nil } == "TypeError: replace() argument 1 must be str, not int")
    #expect(error { rt.strReplace(s, s, one) != nil } == "TypeError: replace() argument 2 must be str, not int")
    #expect(error { rt.strGetItem(s, 3) != nil } == "IndexError: string index out of range")
    #expect(error { rt.strSlice(s, step: 0) != nil } == "ValueError: slice step cannot be zero")
    #expect(error { rt.strConcat(s, one) != nil } == "TypeError: can only concatenate str (not \"int\") to str")
    #expect(error { rt.strRepeat(rt.newStr("ab")!, 1 << 62) != nil } == "OverflowError: repeated string is too long")
    #expect(error { rt.strRepeat(s, 1 << 61) != nil } == "MemoryError")
    #expect(error { rt.newCharacter(0x110000) != nil } == "ValueError: chr() arg not in range(0x110000)")
    let bytes = rt.newBytes([1, 2, 3])!
    #expect(error { rt.bytesGetItem(bytes, -4) != nil } == "IndexError: index out of range")
    #expect(error { rt.bytesConcat(bytes, s) != nil } == "TypeError: can't concat str to bytes")
    #expect(error { rt.bytesRepeat(bytes, 1 << 62) != nil } == "OverflowError: repeated bytes are too long")
    [s, one, tuple, bytes].forEach(rt.decref)
  }

  @Test func bytesOperations() {
    let runtime = textRuntime()
    let rt = runtime.ref
    let a = rt.newBytes(Array("hello".utf8))!, b = rt.newBytes(Array(" world".utf8))!
    let joined = rt.bytesConcat(a, b)!
    #expect(BytesObject.array(joined) == Array("hello world".utf8))
    #expect(BytesObject.data(joined)[BytesObject.count(joined)] == 0, "NUL-terminated")
    let item = rt.bytesGetItem(joined, -1)!
    #expect(IntObject.value(item) == 0x64)
    let reversed = rt.bytesSlice(joined, step: -2)!
    #expect(BytesObject.array(reversed) == Array("drwolh".utf8))
    let repeated = rt.bytesRepeat(a, 3)!
    #expect(BytesObject.array(repeated) == Array("hellohellohello".utf8))
    #expect(BytesObject.compare(a, b) == 1 && BytesObject.compare(a, joined) == -1 && BytesObject.compare(a, a) == 0)
    let str = rt.newStr("hello")!
    #expect(rt.equal(a, str) == 0 && rt.bytesHash(a) == rt.strHash(str))
    [a, b, joined, item, reversed, repeated, str].forEach(rt.decref)
  }
}
