/// The names the runtime itself looks up, made once as interned strings (CPython's
/// `_Py_ID(__init__)` static strings). Looking a dunder up by a Swift `String` makes and
/// interns a str on every call; by ``Identifier`` it is one load from a table.
///
/// The binary-operator names come in CPython's `nb_*` order (``BinaryOperator``'s raw
/// values), three per operator — `__add__`, `__radd__`, `__iadd__` — so
/// ``binary(_:_:)`` computes them; the comparison names follow ``ComparisonOperator``.
/// CPython: Include/internal/pycore_global_strings.h.
public enum Identifier: Int, CaseIterable {
  case __init__, __new__, __repr__, __str__, __hash__
  // In `ComparisonOperator` order.
  case __lt__, __le__, __eq__, __ne__, __gt__, __ge__
  case __len__, __bool__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __next__
  case __getattribute__, __getattr__, __setattr__, __delattr__
  case __get__, __set__, __delete__, __call__, __del__
  case __abstractmethods__, __class__, __instancecheck__, __subclasscheck__, __index__
  case __neg__, __pos__, __invert__, __abs__
  // In `BinaryOperator` order: plain, reflected, in-place.
  case __add__, __radd__, __iadd__
  case __and__, __rand__, __iand__
  case __floordiv__, __rfloordiv__, __ifloordiv__
  case __lshift__, __rlshift__, __ilshift__
  case __matmul__, __rmatmul__, __imatmul__
  case __mul__, __rmul__, __imul__
  case __mod__, __rmod__, __imod__
  case __or__, __ror__, __ior__
  case __pow__, __rpow__, __ipow__
  case __rshift__, __rrshift__, __irshift__
  case __sub__, __rsub__, __isub__
  case __truediv__, __rtruediv__, __itruediv__
  case __xor__, __rxor__, __ixor__

  /// The name of binary operator `op` (a ``BinaryOperator`` raw value, below 13):
  /// `variant` 0 plain, 1 reflected (`__radd__`), 2 in-place (`__iadd__`).
  @inline(__always)
  static func binary(_ op: Int, _ variant: Int) -> Identifier {
    Identifier(rawValue: Identifier.__add__.rawValue &+ op &* 3 &+ variant).unsafelyUnwrapped
  }

  /// The rich-comparison name of `op` (a ``ComparisonOperator`` raw value).
  @inline(__always)
  static func comparison(_ op: Int) -> Identifier {
    Identifier(rawValue: Identifier.__lt__.rawValue &+ op).unsafelyUnwrapped
  }

  /// The text: the case's own name.
  var text: String { String(describing: self) }
}

extension RuntimeRef {
  /// The interned str of `id`, borrowed (the runtime keeps them alive).
  @inline(__always)
  public func identifier(_ id: Identifier) -> PyRef {
    if let table = state.pointee.identifiers, let name = table[id.rawValue] { return PyRef(name) }
    return makeIdentifier(id)
  }

  /// Makes the table on first use (during the bootstrap, once `str` exists), then `id`'s
  /// string. The strings are immortal: they outlive every object that looks them up.
  @inline(never)
  func makeIdentifier(_ id: Identifier) -> PyRef {
    if state.pointee.identifiers == nil {
      let table = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: Identifier.allCases.count)
      table.initialize(repeating: nil, count: Identifier.allCases.count)
      state.pointee.identifiers = table
    }
    guard let name = internedString(id.text) else {
      preconditionFailure("identifier: the heap limit is too small for the name \(id.text)")
    }
    name.refcount = ObjectLayout.immortalRefcount
    state.pointee.identifiers.unsafelyUnwrapped[id.rawValue] = name.raw
    return name
  }

  /// Makes every identifier (the end of the bootstrap), so none is made while a program
  /// runs.
  func makeIdentifiers() {
    for id in Identifier.allCases { _ = identifier(id) }
  }

  /// ``lookup(_:_:)`` of a runtime name.
  @inline(__always)
  public func lookup(_ type: PyType, _ id: Identifier) -> PyRef? { lookup(type, identifier(id)) }

  /// ``callSpecial(_:_:_:)`` of a runtime name, with at most two arguments and no Swift
  /// array: `(false, nil)` when the type has no such method.
  func callSpecial(_ object: PyRef, _ id: Identifier, _ first: PyRef? = nil, _ second: PyRef? = nil) -> (found: Bool, result: PyRef?) {
    guard let method = lookup(object.type, id) else { return (false, nil) }
    return (true, callMethodLike(method, boundTo: object, first, second))
  }
}
