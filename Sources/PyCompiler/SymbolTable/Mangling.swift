/// Private name mangling: inside `class C`, `__spam` becomes `_C__spam`.
///
/// Names that end with two underscores (`__init__`), names with a dot (only module paths of
/// `import`), names that do not start with two underscores, and names in a class whose name
/// is all underscores are left alone. Leading underscores of the class name are dropped
/// (`class _C` mangles `__x` to `_C__x`).
///
/// CPython: Python/compile.c, `_Py_Mangle()`.
func mangle(_ privateName: String?, _ name: String) -> String {
  guard let privateName else { return name }
  let bytes = name.utf8
  guard bytes.count >= 2 else { return name }
  var iterator = bytes.makeIterator()
  guard iterator.next() == UInt8(ascii: "_"), iterator.next() == UInt8(ascii: "_") else { return name }
  let last = bytes.index(before: bytes.endIndex)
  if bytes[last] == UInt8(ascii: "_") && bytes[bytes.index(before: last)] == UInt8(ascii: "_") {
    return name
  }
  if bytes.contains(UInt8(ascii: ".")) { return name }
  let stripped = privateName.utf8.drop { $0 == UInt8(ascii: "_") }
  if stripped.isEmpty { return name }
  return "_" + String(decoding: stripped, as: UTF8.self) + name
}
