/// An error from the operating system's virtual-memory calls, carried as its `errno` value.
///
/// A typed, one-word error (swift-system's `Errno` style): throwing it never allocates.
public struct OSMemoryError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The `errno` value the failing call left behind.
  public let code: Int32
  /// The call that failed, for the message.
  public let operation: StaticString

  @usableFromInline
  init(code: Int32, operation: StaticString) {
    self.code = code
    self.operation = operation
  }

  /// `errno` is `ENOMEM` (or the seam simulated that).
  public var isOutOfMemory: Bool { code == OSMemoryError.outOfMemoryCode }

  public static func == (a: OSMemoryError, b: OSMemoryError) -> Bool { a.code == b.code }

  public var description: String { "\(operation) failed with errno \(code)" }
}
