/// The file names tracebacks refer to: each distinct name once, held by a strong reference
/// (as CPython's `tracemalloc_filenames` holds its interned strings), so a traceback stays
/// readable after the code that allocated has gone.
///
/// Touched only when a traceback is seen for the first time, so Swift collections are fine
/// here (they live in the C library's memory, not in the traced heap).
struct FilenameTable {
  /// The names, by index (strong references).
  private(set) var names: [PyRef] = []
  private var byAddress: [UnsafeMutableRawPointer: UInt32] = [:]
  private var byText: [String: UInt32] = [:]

  /// The index CPython's `<unknown>` frame gets: a trace made while no Python code ran.
  static let unknown = UInt32.max

  /// The index of `name` (a str), added (and increfed) if new.
  mutating func index(of name: PyRef) -> UInt32 {
    if let known = byAddress[name.raw] { return known }
    let text = StrObject.string(name)
    // Another str with the same text: not remembered by address, since only the names the
    // table holds are kept alive (a freed address may come back as another string).
    if let known = byText[text] { return known }
    let index = UInt32(names.count)
    name.incref()
    names.append(name)
    byAddress[name.raw] = index
    byText[text] = index
    return index
  }

  /// An estimate of the bytes held (the arrays and the dictionaries' storage).
  var memoryUsage: Int {
    names.capacity * 8 + byAddress.capacity * 24 + byText.capacity * 32
      + byText.keys.reduce(0) { $0 + $1.utf8.count }
  }

  /// Empties the table and returns the references it held, for the caller to release once
  /// nothing reads the table any more.
  mutating func removeAll() -> [PyRef] {
    let held = names
    self = FilenameTable()
    return held
  }
}
