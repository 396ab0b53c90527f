/// What `sys.getsizeof` reports for objects whose layout here is not CPython's.
///
/// `sys.getsizeof` is a teaching tool as much as a measurement: programs print it to show
/// what an object costs in CPython. So every object reports the size CPython 3.11's layout
/// gives it, the same way ``DictObject`` reports CPython's table sizes. Most built-in
/// types share CPython's 64-bit layout field for field; the ones below keep fewer fields
/// (a function has no `vectorcall` or `func_version` here) or more (an itertools object
/// is a generic iterator record here). Their `__basicsize__` is CPython's, measured on
/// 3.11.7, and a type derived from one (a built-in exception, a class) adds the fields it
/// adds here on top of it.
///
/// The objects whose size has a variable part get their own `__sizeof__`: generators and
/// frames count their frame's slots (`gen_sizeof`, `frame_sizeof`), types count
/// `PyHeapTypeObject` and a class's shared keys (`type___sizeof__`).
enum CPythonSizes {
  /// `tp_basicsize` by type name, for the built-in types whose layout here differs.
  static let basicSizeByName: [String: Int] = [
    "bool": 32, "function": 136, "generator": 152, "type": 904, "method": 48,
    "builtin_function_or_method": 56, "method_descriptor": 56, "module": 56, "code": 184,
    "frame": 120, "traceback": 40, "property": 64,
    "ReferenceType": 64, "ProxyType": 64, "CallableProxyType": 64,
    "partial": 64, "Random": 2520, "_lru_cache_wrapper": 152,
    "count": 40, "chain": 32, "repeat": 32, "cycle": 48, "islice": 56, "product": 48,
    "permutations": 64, "combinations": 56, "groupby": 64, "zip_longest": 56, "accumulate": 48,
    "starmap": 32, "takewhile": 40, "dropwhile": 40, "compress": 32,
    "AttributeError": 88, "BaseExceptionGroup": 88, "ExceptionGroup": 96, "ImportError": 96,
    "NameError": 80, "OSError": 112, "StopIteration": 80, "SyntaxError": 136, "SystemExit": 80,
    "UnicodeDecodeError": 112, "UnicodeEncodeError": 112, "UnicodeTranslateError": 112,
  ]

  /// `tp_itemsize` where it differs: these objects keep their variable part elsewhere here
  /// (a generator's and a frame's slots, a code object's instructions, a class's slots).
  static let itemSizeByName: [String: Int] = ["generator": 8, "frame": 8, "code": 2, "type": 40]

  /// `sizeof(PyTypeObject)`: what `type.__sizeof__` reports for a built-in type.
  static let staticTypeSize = 408
  /// `sizeof(PyHeapTypeObject)`: what it reports for a class, before its shared keys.
  static let heapTypeSize = 904
  /// `_PyDict_KeysSize` of a class's shared keys (64 one-byte indices, 42 str entries of
  /// 16 bytes, the 32-byte header).
  static let sharedKeysSize = 32 + 64 + 42 * 16
  /// `offsetof(PyGenObject, gi_iframe) + offsetof(_PyInterpreterFrame, localsplus)`.
  static let generatorHeaderSize = 152
  /// `offsetof(PyFrameObject, _f_frame_data) + offsetof(_PyInterpreterFrame, localsplus)`.
  static let frameHeaderSize = 120
}

extension PyType {
  /// CPython 3.11's `tp_basicsize` (`__basicsize__`), which `object.__sizeof__` reports.
  /// A managed dict's field is left out (CPython 3.11 keeps it before the GC header, and
  /// `sys.getsizeof` adds that pre-header).
  var reportedBasicSize: Int {
    let ownSize = basicSizeWithoutManagedDict
    if !flags.contains(.heapType), let size = CPythonSizes.basicSizeByName[String(shortName)] { return size }
    guard let baseRaw = record.pointee.base else { return ownSize }
    let base = PyType(baseRaw)
    // The fields this type adds to its base, on top of the base's CPython size.
    return ownSize - base.basicSizeWithoutManagedDict + base.reportedBasicSize
  }

  /// CPython 3.11's `tp_itemsize` (`__itemsize__`); a class has its base's.
  var reportedItemSize: Int {
    CPythonSizes.itemSizeByName[ClassInstances.layoutRoot(self).name] ?? record.pointee.itemSize
  }

  private var basicSizeWithoutManagedDict: Int {
    record.pointee.basicSize - (cpythonManagesDict ? 8 : 0)
  }

  /// Whether CPython 3.11 keeps this class's `__dict__` pointer before the GC header
  /// (`Py_TPFLAGS_MANAGED_DICT`): a class that adds a dict to a built-in base with no dict
  /// and no items (`object`, `dict`, `list`, a C type), and its subclasses. Here only
  /// `object`-based classes keep their attributes inline; for the size CPython reports,
  /// the rule is CPython's.
  var cpythonManagesDict: Bool {
    guard flags.contains(.heapType), record.pointee.dictOffset != 0 else { return false }
    let builtin = ClassInstances.layoutRoot(self).record
    return builtin.pointee.dictOffset == 0 && builtin.pointee.itemSize == 0
  }

  /// The name without its module (`ReferenceType` for `weakref.ReferenceType`).
  private var shortName: Substring {
    let name = self.name
    return name.lastIndex(of: ".").map { name[name.index(after: $0)...] } ?? name[...]
  }
}

extension RuntimeRef {
  /// `type.__sizeof__`: a built-in type's `PyTypeObject`, or a class's `PyHeapTypeObject`
  /// and, when CPython manages its instances' dicts, the shared keys CPython makes with
  /// the class (here they are made with its first instance).
  func typeSizeOf(_ type: PyType) -> Int {
    guard type.flags.contains(.heapType) else { return CPythonSizes.staticTypeSize }
    return CPythonSizes.heapTypeSize + (type.cpythonManagesDict ? CPythonSizes.sharedKeysSize : 0)
  }

  /// `generator.__sizeof__` and `frame.__sizeof__`: the fixed part and one word per slot
  /// (locals, cells, free variables and the value stack) of `code`.
  func frameSizeOf(header: Int, code: PyRef?) -> Int {
    guard let code else { return header }
    let shape = CodeType.shape(code)
    return header + 8 * (shape.localsPlusCount + shape.stackSize)
  }
}
