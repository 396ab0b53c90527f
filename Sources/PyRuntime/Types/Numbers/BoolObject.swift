/// `bool`: a type of its own whose two instances, `True` and `False`, have the int layout
/// (values 1 and 0, so `sys.getsizeof` gives 28 for both) and are immortal singletons.
/// The int operations accept them as ints and return ints; `&`, `|` and `^` of two bools
/// return a bool (see ``RuntimeRef/numberAnd(_:_:)``).
///
/// ```
///   0 refcount (immortal) | 8 type (bool) | 16 ob_size (1 or 0) | 24 digit (1 or 0)
/// ```
/// CPython: Objects/boolobject.c.
public enum BoolObject {
  static func makeType(_ rt: RuntimeRef) -> PyType {
    rt.makeType(name: "bool", basicSize: IntObject.basicSize, itemSize: IntObject.digitSize, flags: [.varSized],
                dealloc: dealloc, hash: IntObject.hashSlot, equal: NumberEquality.equalSlot)
  }

  /// Makes `True` and `False` (bootstrap, after the type).
  static func makeSingletons(_ rt: RuntimeRef) {
    rt.state.pointee.trueObject = rt.makeImmortalInt(rt.state.pointee.types.bool, value: 1)
    rt.state.pointee.falseObject = rt.makeImmortalInt(rt.state.pointee.types.bool, value: 0)
  }

  /// The singletons are immortal: reaching here means a reference count went wrong.
  /// CPython: `bool_dealloc` ("deallocating True or False").
  static let dealloc: Slot.Dealloc = { _, _ in
    preconditionFailure("deallocating True or False")
  }

  /// `repr(b)`.
  public static func repr(_ object: PyRef) -> String { object.size != 0 ? "True" : "False" }
}

extension RuntimeRef {
  /// `True` or `False`, as a new reference.
  @inlinable
  public func newBool(_ value: Bool) -> PyRef {
    let object = value ? state.pointee.trueObject : state.pointee.falseObject
    object.incref()
    return object
  }

  /// Whether `object` is `True` or `False`.
  @inlinable
  public func isBool(_ object: PyRef) -> Bool { object.type == state.pointee.types.bool }
}

extension BoolObject {
  /// `bool(x=False, /)`: `True` or `False` by the truth of `x` (``RuntimeRef/isTrue(_:)``).
  /// `bool` cannot be subclassed (its type lacks `TypeFlags.baseType`), so the type
  /// argument is always `bool`. CPython: Objects/boolobject.c, `bool_new`.
  static let new: Slot.VectorCall = { _, argv, count, names, runtime in
    let args = Arguments(runtime, argv, count, names)
    let rt = args.rt
    guard args.keywordCount == 0 else {
      rt.raise("TypeError", "bool() takes no keyword arguments")
      return nil
    }
    guard count <= 1 else {
      rt.raise("TypeError", "bool expected at most 1 argument, got \(count)")
      return nil
    }
    guard count == 1 else { return rt.newBool(false).raw }
    let truth = rt.isTrue(args[0])
    return truth < 0 ? nil : rt.newBool(truth == 1).raw
  }
}
