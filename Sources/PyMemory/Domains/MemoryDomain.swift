/// The three allocator domains of PEP 445.
///
/// | domain | CPython functions | served by |
/// |---|---|---|
/// | raw | `PyMem_RawMalloc` … | the C library, always |
/// | mem | `PyMem_Malloc` … | pools for 1…512 bytes, else the C library |
/// | object | `PyObject_Malloc` … | pools for 1…512 bytes, else the C library |
///
/// Memory must go back through the domain it came from; the debug layer checks that and
/// names both domains by their one-letter API ids when it does not.
public enum MemoryDomain: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  case raw = 0x72     // "r"
  case mem = 0x6D     // "m"
  case object = 0x6F  // "o"

  /// CPython's API id letter, as in "Allocated using API 'o', verified using API 'm'".
  public var apiID: Character { Character(Unicode.Scalar(rawValue)) }

  public var description: String {
    switch self {
    case .raw: "raw"
    case .mem: "mem"
    case .object: "object"
    }
  }

  /// Whether small requests of this domain are served from pools.
  @inlinable @inline(__always)
  var usesPools: Bool { self != .raw }
}
