import PySyntax

/// What the compiler produces for a module, class body, function, lambda or comprehension:
/// plain Swift values, no heap objects. CPython: `PyCodeObject` (3.11).
///
/// A final class because code objects nest (as constants) and are shared by every function
/// made from them; it is immutable.
///
/// What the compiler puts in them, beyond CPython 3.11's conventions:
///
/// - A class body stores `__module__` (from `__name__`) and `__qualname__`, then runs its
///   statements, and returns its `__class__` cell (also stored as `__classcell__`) when a
///   method uses `__class__` or `super`, else None.
/// - `MAKE_FUNCTION`'s annotations (flag 0x04) are a tuple of alternating names and values
///   (`('a', int, 'return', str)`), as in 3.11; under `from __future__ import annotations`
///   the values are the annotations' source text.
/// - ``flags`` holds only the bits of ``CodeFlags`` (no `CO_NOFREE`, no `__future__` bits).
public final class CodeObject: Hashable, Sendable {
  /// `co_name`.
  public let name: String
  /// `co_qualname`.
  public let qualifiedName: String
  /// `co_filename`.
  public let filename: String
  /// `co_firstlineno`.
  public let firstLineNumber: Int
  /// `co_argcount`: positional parameters, including positional-only ones.
  public let argumentCount: Int
  /// `co_posonlyargcount`.
  public let positionalOnlyCount: Int
  /// `co_kwonlyargcount`.
  public let keywordOnlyCount: Int
  public let flags: CodeFlags
  public let instructions: [Instruction]
  /// `co_consts`. For a function or lambda, `constants[0]` is the docstring, or None when
  /// there is none (a lambda never has one): the interpreter sets `__doc__` from it. Module
  /// and class bodies store `__doc__` themselves.
  public let constants: [Constant]
  /// `co_names`: attribute, global and imported names.
  public let names: [String]
  /// Every fast slot's name: parameters first (positional, keyword-only, `*args`,
  /// `**kwargs`), then other locals, then cells that are not parameters, then free variables.
  public let localsPlusNames: [String]
  /// The kind of each slot of ``localsPlusNames``.
  public let localsPlusKinds: [LocalKind]
  /// The deepest the value stack gets; the frame reserves exactly this much.
  public let stackSize: Int
  /// Where each instruction came from.
  public let lineTable: LineTable
  /// Handlers, sorted by `start`; the innermost handler covering an instruction comes first.
  public let exceptionTable: [ExceptionTableEntry]

  public init(
    name: String, qualifiedName: String, filename: String, firstLineNumber: Int,
    argumentCount: Int, positionalOnlyCount: Int, keywordOnlyCount: Int, flags: CodeFlags,
    instructions: [Instruction], constants: [Constant], names: [String],
    localsPlusNames: [String], localsPlusKinds: [LocalKind], stackSize: Int,
    lineTable: LineTable, exceptionTable: [ExceptionTableEntry]
  ) {
    precondition(localsPlusNames.count == localsPlusKinds.count, "CodeObject: one kind per localsplus name")
    self.name = name
    self.qualifiedName = qualifiedName
    self.filename = filename
    self.firstLineNumber = firstLineNumber
    self.argumentCount = argumentCount
    self.positionalOnlyCount = positionalOnlyCount
    self.keywordOnlyCount = keywordOnlyCount
    self.flags = flags
    self.instructions = instructions
    self.constants = constants
    self.names = names
    self.localsPlusNames = localsPlusNames
    self.localsPlusKinds = localsPlusKinds
    self.stackSize = stackSize
    self.lineTable = lineTable
    self.exceptionTable = exceptionTable
  }

  /// Number of free variables: the last slots of `localsplus`.
  public var freeVariableCount: Int { localsPlusKinds.reduce(0) { $0 + ($1.contains(.free) ? 1 : 0) } }

  /// Parameters in total, counting `*args` and `**kwargs`.
  public var totalParameterCount: Int {
    argumentCount + keywordOnlyCount + (flags.contains(.varArgs) ? 1 : 0)
      + (flags.contains(.varKeywords) ? 1 : 0)
  }

  public static func == (lhs: CodeObject, rhs: CodeObject) -> Bool { lhs === rhs }
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// `co_flags`, with CPython's bit values.
public struct CodeFlags: OptionSet, Hashable, Sendable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }
  public static let optimized = CodeFlags(rawValue: 0x1)
  public static let newLocals = CodeFlags(rawValue: 0x2)
  public static let varArgs = CodeFlags(rawValue: 0x4)
  public static let varKeywords = CodeFlags(rawValue: 0x8)
  public static let nested = CodeFlags(rawValue: 0x10)
  public static let generator = CodeFlags(rawValue: 0x20)
  public static let noFree = CodeFlags(rawValue: 0x40)
  public static let coroutine = CodeFlags(rawValue: 0x80)
  public static let iterableCoroutine = CodeFlags(rawValue: 0x100)
  public static let asyncGenerator = CodeFlags(rawValue: 0x200)
}

/// The kind of a `localsplus` slot, with CPython 3.11's bits (`CO_FAST_*`).
public struct LocalKind: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  /// A plain local variable (parameters too).
  public static let local = LocalKind(rawValue: 0x20)
  /// A cell: a local captured by an inner scope. A parameter can be both `local` and `cell`.
  public static let cell = LocalKind(rawValue: 0x40)
  /// A free variable: a cell of an enclosing scope.
  public static let free = LocalKind(rawValue: 0x80)
}

/// One row of the exception table: instructions `start..<end` are covered by the handler at
/// `target`. When an exception is raised there, the stack is cut to `depth` items, `lasti`
/// (the raising instruction's index, as an int) is pushed when `pushLasti`, then the
/// exception, and execution goes on at `target`.
public struct ExceptionTableEntry: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public var target: Int
  public var depth: Int
  public var pushLasti: Bool
  public init(start: Int, end: Int, target: Int, depth: Int, pushLasti: Bool) {
    self.start = start
    self.end = end
    self.target = target
    self.depth = depth
    self.pushLasti = pushLasti
  }
}

/// The source range of an instruction: CPython's `co_positions()` entry. Columns are 0-based
/// UTF-8 byte offsets, as in the AST.
public struct SourcePosition: Hashable, Sendable {
  public var line: Int32
  public var endLine: Int32
  public var column: Int32
  public var endColumn: Int32
  public init(line: Int32, endLine: Int32, column: Int32, endColumn: Int32) {
    self.line = line
    self.endLine = endLine
    self.column = column
    self.endColumn = endColumn
  }
}
