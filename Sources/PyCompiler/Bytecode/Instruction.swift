/// One instruction: an opcode in the low 8 bits and a 24-bit argument above it.
///
/// One word per instruction keeps the dispatch loop's fetch to a load, a mask and a shift,
/// and removes `EXTENDED_ARG`. The compiler reports a program that needs a larger argument
/// (more than 16 million constants or instructions in one code object) as a `SyntaxError`.
public struct Instruction: Hashable, Sendable {
  public var word: UInt32

  /// The largest argument an instruction can carry.
  public static let maxArgument: UInt32 = (1 << 24) - 1

  @inlinable @inline(__always)
  public init(_ opcode: Opcode, _ argument: UInt32 = 0) {
    precondition(argument <= Instruction.maxArgument, "Instruction argument \(argument) does not fit in 24 bits")
    word = UInt32(opcode.rawValue) | argument << 8
  }

  @inlinable public var opcode: Opcode {
    @inline(__always) get { Opcode(rawValue: UInt8(truncatingIfNeeded: word))! }
  }

  @inlinable public var argument: UInt32 {
    @inline(__always) get { word >> 8 }
  }
}
