/// What the text types keep per runtime: the hash key, the singletons and caches, and the
/// table of interned strings.
///
/// CPython 3.11 keeps the empty `str`, the 256 one-character Latin-1 strings, the empty
/// `bytes` and the 256 one-byte `bytes` as statically allocated objects
/// (`_Py_SINGLETON(strings)`, `_Py_SINGLETON(bytes_characters)`); here they are made at
/// bootstrap with the immortal count, so `chr(255) is chr(255)` and `b'a'[:] is b'a'` hold
/// and no reference counting can free them. The caches' arrays live in the heap's mem
/// domain and go with the heap, as the objects do.
/// CPython: Include/internal/pycore_global_objects.h, Python/bootstrap_hash.c.
public struct TextState {
  /// The SipHash-1-3 key `hash()` of str and bytes uses (CPython's `_Py_HashSecret.siphash`):
  /// zero with hash seed 0, as `PYTHONHASHSEED=0` makes it.
  public internal(set) var hashKey: (k0: UInt64, k1: UInt64) = (0, 0)
  /// `''`.
  public internal(set) var emptyString = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)  // set in bootstrap
  /// `b''`.
  public internal(set) var emptyBytes = PyRef(UnsafeMutableRawPointer(bitPattern: 16)!)   // set in bootstrap
  /// `chr(0)` … `chr(255)`.
  var latin1: UnsafeMutablePointer<PyRef>?
  /// `bytes([0])` … `bytes([255])`.
  var byteCharacters: UnsafeMutablePointer<PyRef>?
  /// `sys.intern`'s table.
  var interned = InternTable()
  /// Interned names the text operations look up on every call (immortal), so that a
  /// slice or a `__format__` lookup allocates nothing.
  var names: TextNames?

  public init() {}
}

extension RuntimeRef {
  /// Makes `str` and `bytes` and their singletons. Called once by ``bootstrap()``.
  func bootstrapText() {
    state.pointee.types.str = StrObject.makeType(self)
    state.pointee.types.bytes = BytesObject.makeType(self)
    guard let latin1 = allocateMemory(256 * MemoryLayout<PyRef>.stride),
          let byteCharacters = allocateMemory(256 * MemoryLayout<PyRef>.stride),
          let empty = StrObject.allocate(self, length: 0, maxChar: 0),
          let emptyBytes = BytesObject.allocate(self, count: 0) else {
      preconditionFailure("Runtime: the heap limit is too small for the built-in strings")
    }
    empty.refcount = ObjectLayout.immortalRefcount
    emptyBytes.refcount = ObjectLayout.immortalRefcount
    state.pointee.text.emptyString = empty
    state.pointee.text.emptyBytes = emptyBytes
    let characters = latin1.bindMemory(to: PyRef.self, capacity: 256)
    let bytes = byteCharacters.bindMemory(to: PyRef.self, capacity: 256)
    for code in 0..<256 {
      guard let character = StrObject.allocate(self, length: 1, maxChar: UInt32(code)),
            let byte = BytesObject.allocate(self, count: 1) else {
        preconditionFailure("Runtime: the heap limit is too small for the built-in strings")
      }
      StrObject.write(character, 0, UInt32(code))
      character.refcount = ObjectLayout.immortalRefcount
      BytesObject.data(byte)[0] = UInt8(code)
      byte.refcount = ObjectLayout.immortalRefcount
      (characters + code).initialize(to: character)
      (bytes + code).initialize(to: byte)
    }
    state.pointee.text.latin1 = characters
    state.pointee.text.byteCharacters = bytes
  }

  /// Chooses the hash key: `seed` 0 gives CPython's `PYTHONHASHSEED=0` key (all zeros), so
  /// hashes equal CPython's; nil draws a random key, CPython's default. Another seed gives a
  /// fixed key of its own that does not reproduce CPython's values for that seed.
  func setHashSeed(_ seed: UInt64?) {
    guard let seed else {
      var generator = SystemRandomNumberGenerator()
      state.pointee.text.hashKey = (generator.next(), generator.next())
      return
    }
    if seed == 0 {
      state.pointee.text.hashKey = (0, 0)
      return
    }
    var mixer = seed
    state.pointee.text.hashKey = (TextHash.splitMix(&mixer), TextHash.splitMix(&mixer))
  }
}

/// The attribute and special-method names the text code looks up, made once.
struct TextNames {
  let start: PyRef
  let stop: PyRef
  let step: PyRef
  let index: PyRef
  let format: PyRef

  init?(_ rt: RuntimeRef) {
    func make(_ text: String) -> PyRef? {
      guard let str = rt.newStr(text) else { return nil }
      str.refcount = ObjectLayout.immortalRefcount
      return rt.intern(str)
    }
    guard let start = make("start"), let stop = make("stop"), let step = make("step"), let index = make("__index__"),
          let format = make("__format__") else { return nil }
    (self.start, self.stop, self.step, self.index, self.format) = (start, stop, step, index, format)
  }
}

extension RuntimeRef {
  /// The cached names (made by ``bootstrapTextProtocols()``).
  var textNames: TextNames { state.pointee.text.names.unsafelyUnwrapped }
}
