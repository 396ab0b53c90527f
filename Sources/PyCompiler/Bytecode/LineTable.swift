/// Maps each instruction to its ``SourcePosition``. CPython: `co_linetable`, `co_positions()`.
///
/// The representation is the compiler's to choose; the interpreter only asks for the
/// position of one instruction when it builds a traceback or a frame's `f_lineno`.
///
/// Representation: one position per instruction, uncompressed (16 bytes each). An
/// instruction without a location (the `COPY_FREE_VARS`/`MAKE_CELL` prologue) has line -1;
/// a column, end line or end column CPython leaves unknown (None in `co_positions()`) is -1.
/// Locations follow CPython 3.11's compiler: each instruction has its expression's or
/// statement's span; cleanup code takes the location of the code before it; the implicit
/// `return None` at the end takes the location of the code that reaches it (copied per path).
public struct LineTable: Hashable, Sendable {
  private var positions: [SourcePosition]

  public init(positions: [SourcePosition]) { self.positions = positions }

  /// The position of instruction `index`, or nil when it has none (line 0 / -1 in CPython).
  public func position(at index: Int) -> SourcePosition? {
    guard positions.indices.contains(index), positions[index].line > 0 else { return nil }
    return positions[index]
  }

  /// The line of instruction `index`, or nil.
  public func line(at index: Int) -> Int? { position(at: index).map { Int($0.line) } }
}
