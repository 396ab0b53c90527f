#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files: what `open()` returns, and `sys.stdout` / `sys.stderr` (which write to the
/// runtime's ``OutputBuffer``s). UTF-8 only. Reading loads the file once; writing goes to
/// the descriptor as it comes. CPython: Modules/_io/textio.c (a small part of it).
///
/// ```
///   0 refcount | 8 type | 16 descriptor | 24 mode | 32 contents (str, reading) | 40 position
///   | 48 closed | 56 name (str)
/// ```
public enum TextFileType {
  static let descriptorOffset = 16
  static let modeOffset = 24
  static let contentsOffset = 32
  static let positionOffset = 40
  static let closedOffset = 48
  static let nameOffset = 56

  struct Mode: OptionSet {
    let rawValue: Int
    static let read = Mode(rawValue: 1)
    static let write = Mode(rawValue: 2)
    static let standardOutput = Mode(rawValue: 4)
    static let standardError = Mode(rawValue: 8)
  }

  static func mode(_ file: PyRef) -> Mode { Mode(rawValue: file.raw.load(fromByteOffset: TextFileType.modeOffset, as: Int.self)) }
  static func isClosed(_ file: PyRef) -> Bool { file.raw.load(fromByteOffset: TextFileType.closedOffset, as: Int.self) != 0 }
  static func position(_ file: PyRef) -> Int { file.raw.load(fromByteOffset: TextFileType.positionOffset, as: Int.self) }
  static func setPosition(_ file: PyRef, _ value: Int) { file.raw.storeBytes(of: value, toByteOffset: TextFileType.positionOffset, as: Int.self) }

  static func makeType(_ rt: RuntimeRef) -> PyType {
    let type = rt.makeType(name: "_io.TextIOWrapper", basicSize: 64, dealloc: { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let file = PyRef(raw)
      TextFileType.close(file)
      rt.decref(file.loadRef(at: TextFileType.contentsOffset))
      rt.decref(file.loadRef(at: TextFileType.nameOffset))
      rt.freeObject(file)
    })
    type.record.pointee.iter = { raw, runtime in PyRef(raw).incref(); return raw }
    type.record.pointee.iterNext = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      guard let line = rt.readLine(PyRef(raw)) else { return nil }
      if StrObject.length(line) == 0 { rt.decref(line); return nil }
      return line.raw
    }
    type.record.pointee.repr = { raw, runtime in
      let rt = RuntimeRef(raw: runtime)
      let name = PyRef(raw).loadRef(at: TextFileType.nameOffset).flatMap { rt.reprString($0) } ?? "?"
      let modeText = TextFileType.mode(PyRef(raw)).contains(.read) ? "r" : "w"
      return rt.newStr("<_io.TextIOWrapper name=\(name) mode='\(modeText)' encoding='utf-8'>")?.raw
    }
    rt.readyBuiltinType(type, base: nil, kind: .other)
    rt.addSlotWrappers(type)
    rt.addMethods(type, [
      MethodDefinition("write", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("write", exactly: 2), args.rt.checkOpen(args[0]) else { return nil }
        guard args.rt.isInstance(args[1], args.rt.state.pointee.types.str) else {
          args.rt.raise("TypeError", "TextFileType.write() argument must be str, not \(args[1].type.name)")
          return nil
        }
        guard args.rt.writeText(args[0], args[1]) else { return nil }
        return args.rt.newInt(StrObject.length(args[1]))?.raw
      }),
      MethodDefinition("read", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("read", atLeast: 1, atMost: 2), args.rt.checkOpen(args[0]), args.rt.checkReadable(args[0]) else { return nil }
        let size = count > 1 && args[1] != args.rt.state.pointee.none ? (IntObject.exactValue(args[1]) ?? -1) : -1
        return args.rt.readText(args[0], size)?.raw
      }),
      MethodDefinition("readline", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("readline", atLeast: 1, atMost: 2), args.rt.checkOpen(args[0]), args.rt.checkReadable(args[0]) else { return nil }
        return args.rt.readLine(args[0])?.raw
      }),
      MethodDefinition("readlines", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("readlines", atLeast: 1, atMost: 2), args.rt.checkOpen(args[0]), args.rt.checkReadable(args[0]) else { return nil }
        guard let list = args.rt.newList() else { return nil }
        while let line = args.rt.readLine(args[0]) {
          defer { args.rt.decref(line) }
          if StrObject.length(line) == 0 { break }
          args.rt.listAppend(list, line)
        }
        return list.raw
      }),
      MethodDefinition("close", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("close", exactly: 1) else { return nil }
        TextFileType.close(args[0])
        return args.rt.newNone().raw
      }),
      MethodDefinition("flush", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("flush", exactly: 1) else { return nil }
        let mode = TextFileType.mode(args[0])
        if mode.contains(.standardOutput) { args.rt.state.pointee.interpreter.standardOutput.flush() }
        if mode.contains(.standardError) { args.rt.state.pointee.interpreter.standardError.flush() }
        return args.rt.newNone().raw
      }),
      MethodDefinition("__enter__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        guard args.expect("__enter__", exactly: 1), args.rt.checkOpen(args[0]) else { return nil }
        args[0].incref()
        return args[0].raw
      }),
      MethodDefinition("__exit__", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        TextFileType.close(args[0])
        return args.rt.newNone().raw
      }),
      MethodDefinition("fileno", { _, argv, count, names, runtime in
        let args = Arguments(runtime, argv, count, names)
        return args.rt.newInt(args[0].raw.load(fromByteOffset: TextFileType.descriptorOffset, as: Int.self))?.raw
      }),
      MethodDefinition("isatty", { _, _, _, _, runtime in RuntimeRef(raw: runtime).newBool(false).raw }),
    ])
    rt.addGetSets(type, [
      GetSetDefinition("closed", { raw, runtime in RuntimeRef(raw: runtime).newBool(TextFileType.isClosed(PyRef(raw))).raw }),
      GetSetDefinition("name", { raw, runtime in
        let name = PyRef(raw).loadRef(at: TextFileType.nameOffset) ?? RuntimeRef(raw: runtime).state.pointee.none
        name.incref()
        return name.raw
      }),
      GetSetDefinition("encoding", { _, runtime in RuntimeRef(raw: runtime).newStr("utf-8")?.raw }),
    ])
    return type
  }

  static func close(_ file: PyRef) {
    guard !TextFileType.isClosed(file) else { return }
    file.raw.storeBytes(of: 1, toByteOffset: TextFileType.closedOffset, as: Int.self)
    let mode = self.mode(file)
    if !mode.contains(.standardOutput), !mode.contains(.standardError) {
      let descriptor = file.raw.load(fromByteOffset: TextFileType.descriptorOffset, as: Int.self)
      if descriptor >= 0 { _ = Glibc.close(Int32(descriptor)) }
    }
  }
}

extension RuntimeRef {
  /// A text file object over `descriptor` (or a standard stream).
  func newTextFile(descriptor: Int, mode: TextFileType.Mode, name: PyRef, contents: PyRef?) -> PyRef? {
    guard let file = allocateObject(state.pointee.types.byName["_io.TextIOWrapper"]!) else { return nil }
    file.raw.storeBytes(of: descriptor, toByteOffset: TextFileType.descriptorOffset, as: Int.self)
    file.raw.storeBytes(of: mode.rawValue, toByteOffset: TextFileType.modeOffset, as: Int.self)
    contents?.incref()
    file.storeRef(contents, at: TextFileType.contentsOffset)
    TextFileType.setPosition(file, 0)
    file.raw.storeBytes(of: 0, toByteOffset: TextFileType.closedOffset, as: Int.self)
    name.incref()
    file.storeRef(name, at: TextFileType.nameOffset)
    return file
  }

  func checkOpen(_ file: PyRef) -> Bool {
    guard !TextFileType.isClosed(file) else {
      raise("ValueError", "I/O operation on closed file.")
      return false
    }
    return true
  }

  func checkReadable(_ file: PyRef) -> Bool {
    guard TextFileType.mode(file).contains(.read) else {
      raise("OSError", "not readable")   // io.UnsupportedOperation in CPython
      return false
    }
    return true
  }

  /// Writes a str to a file object (or a standard stream's buffer).
  func writeText(_ file: PyRef, _ text: PyRef) -> Bool {
    let mode = TextFileType.mode(file)
    guard mode.contains(.write) else {
      raise("OSError", "not writable")
      return false
    }
    let string = StrObject.string(text)
    if mode.contains(.standardOutput) {
      state.pointee.interpreter.standardOutput.write(string)
      return true
    }
    if mode.contains(.standardError) {
      state.pointee.interpreter.standardOutput.flush()
      state.pointee.interpreter.standardError.write(string)
      return true
    }
    let descriptor = Int32(file.raw.load(fromByteOffset: TextFileType.descriptorOffset, as: Int.self))
    var bytes = Array(string.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 {
        raise("OSError", FileSystem.errorText(errno))
        return false
      }
      offset += written
    }
    bytes.removeAll()
    return true
  }

  /// `read(size)`: up to `size` characters from the position (all when negative).
  func readText(_ file: PyRef, _ size: Int) -> PyRef? {
    guard let contents = file.loadRef(at: TextFileType.contentsOffset) else { return emptyString() }
    let position = TextFileType.position(file)
    let total = StrObject.length(contents)
    let end = size < 0 ? total : min(total, position + size)
    TextFileType.setPosition(file, end)
    return StrObject.substring(self, contents, position, end)
  }

  /// `readline()`: up to and including the next newline; "" at the end.
  func readLine(_ file: PyRef) -> PyRef? {
    guard let contents = file.loadRef(at: TextFileType.contentsOffset) else { return emptyString() }
    let position = TextFileType.position(file)
    let total = StrObject.length(contents)
    var end = position
    while end < total {
      end += 1
      if StrObject.codePoint(contents, end - 1) == 10 { break }
    }
    TextFileType.setPosition(file, end)
    return StrObject.substring(self, contents, position, end)
  }

  /// `open(file, mode='r', encoding=None)`: text modes r, w, a, x (and `+` is refused).
  func openFile(_ path: PyRef, modeText: String) -> PyRef? {
    let text = StrObject.string(path)
    var mode: TextFileType.Mode = []
    var flags: Int32 = 0
    let base = modeText.replacingOccurrences("t", "")
    switch base {
    case "r": mode = .read; flags = O_RDONLY
    case "w": mode = .write; flags = O_WRONLY | O_CREAT | O_TRUNC
    case "a": mode = .write; flags = O_WRONLY | O_CREAT | O_APPEND
    case "x": mode = .write; flags = O_WRONLY | O_CREAT | O_EXCL
    default:
      if modeText.contains("b") {
        raise("ValueError", "binary mode files are not supported by PyHeap's open() yet")
      } else {
        raise("ValueError", "invalid mode: '\(modeText)'")
      }
      return nil
    }
    let descriptor = open(text, flags | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      let code = errno
      let name = code == ENOENT ? "FileNotFoundError" : (code == EACCES ? "PermissionError" : (code == EEXIST ? "FileExistsError" : (code == EISDIR ? "IsADirectoryError" : "OSError")))
      guard let codeObject = newInt(Int(code)), let message = newStr(FileSystem.errorText(code)) else { return nil }
      defer { decref(codeObject); decref(message) }
      if let exception = call(exceptionType(name).object, [codeObject, message, path]) {
        if let dict = instanceDict(exception) {
          setItem(dict, "filename", path)
          setItem(dict, "strerror", message)
        }
        setException(exception)
      }
      return nil
    }
    var contents: PyRef?
    if mode.contains(.read) {
      guard let bytes = FileSystem.read("/proc/self/fd/\(descriptor)") ?? FileSystem.read(text) else {
        close(descriptor)
        raise("OSError", "cannot read \(text)")
        return nil
      }
      guard let decoded = newStr(utf8: bytes) else { close(descriptor); return nil }
      contents = String(decoding: bytes, as: UTF8.self).contains("\r") ? normalizeNewlines(decoded) : decoded
    }
    defer { decref(contents) }
    return newTextFile(descriptor: Int(descriptor), mode: mode, name: path, contents: contents)
  }

  /// Universal newlines: `\r\n` and `\r` read as `\n`.
  private func normalizeNewlines(_ text: PyRef) -> PyRef {
    let string = StrObject.string(text).replacingOccurrences("\r\n", "\n").replacingOccurrences("\r", "\n")
    decref(text)
    return newStr(string)!
  }
}

extension String {
  /// Every occurrence of `target` replaced (without Foundation).
  func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
