/// The arguments of a call, as built-in code receives them: CPython's vectorcall convention.
///
/// `argv` holds the positional arguments, then the values of the keyword arguments whose
/// names are in `keywordNames` (a tuple of str). Everything is borrowed: a built-in that keeps
/// an argument increfs it.
///
/// ```swift
/// static let append: Slot.VectorCall = { _, argv, count, names, runtime in
///   let args = Arguments(runtime, argv, count, names)
///   guard args.expect("append", exactly: 2) else { return nil }
///   …
/// }
/// ```
/// CPython: Include/cpython/abstract.h (vectorcall), Python/getargs.c (the messages).
public struct Arguments {
  public let rt: RuntimeRef
  public let argv: UnsafePointer<UnsafeMutableRawPointer?>
  /// Positional arguments.
  public let count: Int
  /// The keyword names tuple, or nil.
  public let keywordNames: PyRef?

  @inlinable @inline(__always)
  public init(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
              _ keywordNames: UnsafeMutableRawPointer?) {
    rt = RuntimeRef(raw: runtime)
    self.argv = argv
    self.count = count
    self.keywordNames = PyRef(keywordNames)
  }

  @inlinable @inline(__always)
  public init(_ rt: RuntimeRef, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int, _ keywordNames: PyRef?) {
    self.rt = rt
    self.argv = argv
    self.count = count
    self.keywordNames = keywordNames
  }

  /// Positional argument `index` (borrowed).
  @inlinable public subscript(index: Int) -> PyRef {
    @inline(__always) get { PyRef(argv[index].unsafelyUnwrapped) }
  }

  /// The number of keyword arguments.
  public var keywordCount: Int { keywordNames.map(TupleObject.count) ?? 0 }

  /// Keyword argument `index`: its name (a str) and value.
  public func keyword(_ index: Int) -> (name: PyRef, value: PyRef) {
    (TupleObject.item(keywordNames!, index)!, PyRef(argv[count + index].unsafelyUnwrapped))
  }

  /// The value of the keyword argument `name`, if given.
  public func keyword(named name: String) -> PyRef? {
    for index in 0..<keywordCount where StrObject.string(keyword(index).name) == name {
      return keyword(index).value
    }
    return nil
  }

  /// Raises `TypeError: f() takes no keyword arguments` when there are any.
  public func noKeywords(_ function: String) -> Bool {
    guard keywordCount == 0 else {
      rt.raise("TypeError", "\(function)() takes no keyword arguments")
      return false
    }
    return true
  }

  /// Checks the positional count with CPython's messages, and that there are no keywords.
  /// `function` is the name as CPython prints it (`"append"`, `"list.append"`, …).
  public func expect(_ function: String, exactly n: Int) -> Bool {
    guard noKeywords(function) else { return false }
    guard count == n else {
      if n == 0 {
        rt.raise("TypeError", "\(function)() takes no arguments (\(count) given)")
      } else if n == 1 {
        rt.raise("TypeError", "\(function)() takes exactly one argument (\(count) given)")
      } else {
        rt.raise("TypeError", "\(function) expected \(n) arguments, got \(count)")
      }
      return false
    }
    return true
  }

  /// Checks `minimum...maximum` positional arguments and no keywords.
  public func expect(_ function: String, atLeast minimum: Int, atMost maximum: Int) -> Bool {
    guard noKeywords(function) else { return false }
    if count < minimum {
      rt.raise("TypeError", "\(function) expected at least \(minimum) argument\(minimum == 1 ? "" : "s"), got \(count)")
      return false
    }
    if count > maximum {
      rt.raise("TypeError", "\(function) expected at most \(maximum) argument\(maximum == 1 ? "" : "s"), got \(count)")
      return false
    }
    return true
  }

  /// Binds positional and keyword arguments to `parameters` (names in order), the first
  /// `positionalOnly` of which cannot be passed by keyword, and requires the first
  /// `required`. Returns borrowed references (nil for the missing optional ones), or nil
  /// with CPython's `TypeError` set.
  public func bind(_ function: String, _ parameters: [String], required: Int, positionalOnly: Int = 0) -> [PyRef?]? {
    bindClinic(function, parameters, required: required, positionalOnly: positionalOnly, getargsWording: true)
  }
}
