/// The `_sha512` module: `sha512(data)` and `sha384(data)` hash objects with `update`,
/// `digest`, `hexdigest`, `copy` and the `name`, `digest_size`, `block_size` attributes.
/// `random` seeds from strings through it. CPython: Modules/sha512module.c.
///
/// ```
///   0 refcount | 8 type | 16 state (UnsafeMutablePointer<SHA512>, Swift-allocated)
/// ```
enum SHA512Object {
  static let stateOffset = 16
  static let basicSize = 24

  static func state(_ object: PyRef) -> UnsafeMutablePointer<SHA512> {
    object.raw.load(fromByteOffset: stateOffset, as: UnsafeMutablePointer<SHA512>.self)
  }

  static let dealloc: Slot.Dealloc = { raw, runtime in
    let pointer = raw.load(fromByteOffset: stateOffset, as: UnsafeMutablePointer<SHA512>?.self)
    pointer?.deinitialize(count: 1)
    pointer?.deallocate()
    RuntimeRef(raw: runtime).freeObject(PyRef(raw))
  }

  /// The hash type named `_sha512.NAME`, made once per runtime.
  static func type(_ rt: RuntimeRef, digestSize: Int) -> PyType {
    let name = digestSize == 48 ? "_sha512.sha384" : "_sha512.sha512"
    if let existing = rt.state.pointee.types.byName[name] { return existing }
    let type = rt.makeType(name: name, basicSize: basicSize, dealloc: dealloc)
    rt.readyBuiltinType(type, base: nil, kind: .other)
    type.record.pointee.new = nil
    rt.addMethods(type, methods)
    rt.addGetSets(type, getSets)
    rt.state.pointee.types.byName[name] = type
    return type
  }

  /// The bytes of a bytes-like argument: "Strings must be encoded before hashing" for a str.
  static func data(_ rt: RuntimeRef, _ object: PyRef) -> [UInt8]? {
    if rt.isInstance(object, rt.state.pointee.types.str) {
      rt.raise("TypeError", "Strings must be encoded before hashing")
      return nil
    }
    let kind = object.type.record.pointee.kind
    guard kind == .bytes || kind == .bytearray, let bytes = rt.bytesLikeContents(object) else {
      rt.raise("TypeError", "object supporting the buffer API required")
      return nil
    }
    return bytes
  }

  static func make(_ rt: RuntimeRef, _ hash: SHA512) -> PyRef? {
    let type = SHA512Object.type(rt, digestSize: hash.digestSize)
    guard let object = rt.allocateObject(type) else { return nil }
    let pointer = UnsafeMutablePointer<SHA512>.allocate(capacity: 1)
    pointer.initialize(to: hash)
    object.raw.storeBytes(of: pointer, toByteOffset: stateOffset, as: UnsafeMutablePointer<SHA512>.self)
    return object
  }

  /// `sha512(string=b'', *, usedforsecurity=True)`.
  static func construct(_ a: ModuleArguments, _ name: String, digestSize: Int) -> PyRef? {
    let rt = a.rt
    guard a.count <= 1 else {
      rt.raise("TypeError", "\(name)() takes at most 1 positional argument (\(a.count) given)")
      return nil
    }
    guard let bound = a.args.bindClinic(name, ["string", "usedforsecurity"], required: 0) else { return nil }
    var hash = SHA512(digestSize: digestSize)
    if let source = bound[0] {
      guard let bytes = data(rt, source) else { return nil }
      hash.update(bytes)
    }
    return make(rt, hash)
  }

  static let methods: [MethodDefinition] = [
    MethodDefinition("update", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      let name = args[0].type.name.split(separator: ".").last!
      guard args.expect("\(name).update", exactly: 2) else { return nil }
      guard let bytes = data(args.rt, args[1]) else { return nil }
      state(args[0]).pointee.update(bytes)
      return args.rt.newNone().raw
    }),
    MethodDefinition("digest", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("digest", exactly: 1) else { return nil }
      return args.rt.newBytes(state(args[0]).pointee.digest())?.raw
    }),
    MethodDefinition("hexdigest", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("hexdigest", exactly: 1) else { return nil }
      let digits = Array("0123456789abcdef".utf8)
      var text: [UInt8] = []
      for byte in state(args[0]).pointee.digest() {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 15)])
      }
      return args.rt.newStr(String(decoding: text, as: UTF8.self))?.raw
    }),
    MethodDefinition("copy", { _, argv, count, names, runtime in
      let args = Arguments(runtime, argv, count, names)
      guard args.expect("copy", exactly: 1) else { return nil }
      return make(args.rt, state(args[0]).pointee)?.raw
    }),
  ]

  static let getSets: [GetSetDefinition] = [
    GetSetDefinition("name", { raw, runtime in
      RuntimeRef(raw: runtime).newStr(state(PyRef(raw)).pointee.digestSize == 48 ? "sha384" : "sha512")?.raw
    }),
    GetSetDefinition("digest_size", { raw, runtime in
      RuntimeRef(raw: runtime).newInt(state(PyRef(raw)).pointee.digestSize)?.raw
    }),
    GetSetDefinition("block_size", { _, runtime in RuntimeRef(raw: runtime).newInt(SHA512.blockSize)?.raw }),
  ]
}

extension RuntimeRef {
  func makeSHA512Module() -> PyRef? {
    newNativeModule("_sha512", functions: [
      BuiltinFunction("sha512") { _, argv, count, names, runtime in
        SHA512Object.construct(ModuleArguments(runtime, argv, count, names), "sha512", digestSize: 64)?.raw
      },
      BuiltinFunction("sha384") { _, argv, count, names, runtime in
        SHA512Object.construct(ModuleArguments(runtime, argv, count, names), "sha384", digestSize: 48)?.raw
      },
    ])
  }
}
