#if canImport(Glibc)
import Glibc
#endif
@testable import PyRuntime
import PyMemory

/// Shared helpers for runtime tests: a log the finalizers and callbacks write to, and
/// factories for classes whose `__del__` appends "del <tag>" to it.
final class EventLog {
  var events: [String] = []
}

/// A test fixture: one runtime and a log that Swift-implemented `__del__`s and callbacks
/// append to. The log is reached from `@convention(c)` bodies through an int tag in the
/// instance's attribute slot 0 and a per-runtime registry.
struct Fixture: ~Copyable {
  let runtime: Runtime
  var rt: RuntimeRef { runtime.ref }

  init(_ configuration: HeapConfiguration = HeapConfiguration()) {
    runtime = Runtime(configuration)
    let raw = runtime.ref.raw
    Logs.shared.reset(runtime.ref)
    // "Exception ignored in: …\nTypeError: …" is logged as "unraisable: TypeError: …".
    runtime.ref.state.pointee.unraisableHook = { text in
      let last = text.split(separator: "\n").last.map(String.init) ?? ""
      Logs.shared.append(RuntimeRef(raw: raw), "unraisable: " + last)
    }
  }

  var events: [String] { Logs.shared.events(rt) }

  /// A class with `attributes` slots whose `__del__` logs "del <slot 0's int>".
  func loggingClass(_ name: String, attributes: Int = 2, legacy: Bool = false) -> PyType {
    let body = rt.newFunction(logDel)!
    defer { rt.decref(body) }
    return rt.newClass(name: name, attributeCount: attributes, finalizer: legacy ? .legacyDel(body) : .del(body))
  }

  /// An instance tagged with `tag` in slot 0.
  func instance(_ type: PyType, tag: Int) -> PyRef {
    let object = rt.newInstance(type)!
    let value = rt.newInt(tag)!
    rt.setAttribute(object, 0, value)
    rt.decref(value)
    return object
  }

  /// A weak-reference callback that logs "callback <tag>".
  func loggingCallback(tag: Int) -> PyRef {
    let value = rt.newInt(tag)!
    defer { rt.decref(value) }
    return rt.newFunction(logCallback, context: value)!
  }
}

/// Per-runtime event logs (tests run in parallel, each with its own runtime).
final class Logs: @unchecked Sendable {
  static let shared = Logs()
  private var logs: [UnsafeMutableRawPointer: [String]] = [:]
  private let lock = NSLockLike()

  func reset(_ rt: RuntimeRef) { lock.with { logs[rt.raw] = [] } }
  func append(_ rt: RuntimeRef, _ event: String) { lock.with { logs[rt.raw, default: []].append(event) } }
  func events(_ rt: RuntimeRef) -> [String] { lock.with { logs[rt.raw] ?? [] } }
}

/// A minimal mutex without Foundation (pthread).
final class NSLockLike: @unchecked Sendable {
  private var mutex = pthread_mutex_t()
  init() { pthread_mutex_init(&mutex, nil) }
  func with<T>(_ body: () -> T) -> T {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    return body()
  }
}

/// `__del__`: logs "del <tag>".
let logDel: FunctionObject.Body = { _, argument, runtime in
  let rt = RuntimeRef(raw: runtime)
  let instance = PyRef(argument!)
  let tag = rt.attribute(instance, 0).map(IntObject.value) ?? -1
  Logs.shared.append(rt, "del \(tag)")
  return rt.newNone().raw
}

/// A weak-reference callback: logs "callback <tag>" (tag = the context int).
let logCallback: FunctionObject.Body = { context, _, runtime in
  let rt = RuntimeRef(raw: runtime)
  Logs.shared.append(rt, "callback \(IntObject.value(PyRef(context!)))")
  return rt.newNone().raw
}
