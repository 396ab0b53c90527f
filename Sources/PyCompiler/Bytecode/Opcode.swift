/// PyHeap's instruction set: CPython 3.11's, with its names and stack effects, made simpler
/// where 3.11's choices serve specialization or a byte-sized encoding we do not have.
///
/// Differences from CPython 3.11, each one chosen to make the loop or the compiler simpler:
///
/// - **No inline caches, no `EXTENDED_ARG`.** An ``Instruction`` is one 32-bit word with a
///   24-bit argument.
/// - **Jump arguments are absolute instruction indices.** `JUMP_BACKWARD` stays a separate
///   opcode because backward jumps are the loop's safe points (collections, signals).
/// - **Calls.** `CALL argc` finds `[callable, selfOrNull, arg1 … argN]` on the stack (CPython
///   3.12's order). When `selfOrNull` is not NULL it becomes the first argument. A plain call
///   is `<callable>; PUSH_NULL; <args>; CALL n`. There is no `PRECALL`. `KW_NAMES consti`
///   before `CALL` names the last `len(consts[consti])` arguments.
///   `CALL_FUNCTION_EX flags` finds `[callable, selfOrNull, argsTuple, kwargsDict?]`.
/// - **`LOAD_METHOD namei`** pops the object and pushes `[function, object]` when the attribute
///   is a plain function found on the type, or `[attribute, NULL]` otherwise.
///   `LOAD_GLOBAL namei` with `namei & 1` pushes the global and then NULL (name index is
///   `namei >> 1`), as 3.11 does but in 3.12's order.
/// - **Generators** have no `RETURN_GENERATOR`: calling a function whose code has
///   ``CodeFlags/generator`` creates the generator. A generator frame starts at instruction 0
///   with nothing pushed; every later resume pushes the sent value as the result of
///   `YIELD_VALUE` (or raises the thrown exception at that instruction).
/// - **`MAKE_FUNCTION flags`** pops the code constant, then (in this order, from the top)
///   the closure tuple (0x08), annotations (0x04), keyword defaults dict (0x02) and defaults
///   tuple (0x01), as in 3.11. The qualified name is in the code object.
/// - **`FOR_ITER target`** pushes the next item, or pops the iterator and jumps to `target`.
/// - **`SEND target`** finds `[receiver, value]`; it replaces `value` with the yielded value
///   and goes on, or, when the receiver returns, pops both... see the case comment.
///
/// Exceptions use 3.11's zero-cost exception table (``ExceptionTableEntry``), not a block
/// stack. Local variables, cells and free variables share one array, `localsplus`, as in 3.11
/// (``CodeObject/localsPlusNames``): `LOAD_FAST`, `LOAD_DEREF`, `MAKE_CELL` and
/// `LOAD_CLOSURE` all index it.
///
/// **Additions made with the compiler** (they refine the above; none changes it):
///
/// - **`YIELD_VALUE`'s argument** says which yield it is: 0 for a `yield` of the function
///   itself, 1 for the `YIELD_VALUE` of a `yield from`/`await` loop (it always follows a
///   `SEND`). 3.11 needs `ASYNC_GEN_WRAP` before the first kind in an async generator; here
///   the interpreter wraps the value of a `YIELD_VALUE 0` in async generator code instead.
/// - **`CALL_FUNCTION_EX`**: for `f(*x)` with nothing else positional, `x` is passed as it is
///   (as in 3.11); the interpreter turns a non-tuple into a tuple, raising CPython's
///   `TypeError: f() argument after * must be an iterable, not int`. The keyword mapping is
///   always a fresh dict.
/// - **Non-NULL "self" slots**: besides `LOAD_METHOD`, the compiler uses the `selfOrNull`
///   slot of `CALL 0` to pass one argument without a `PUSH_NULL`, exactly as 3.11's code does:
///   `[decorator, function]` (decorators), `[comprehension function, iterator]`,
///   `[AssertionError, message]`, and `[__exit__, None, None, None]; CALL 2` (the exit call
///   of `with`).
///
/// **What compiled code guarantees** (``CodeObject/verify()`` checks every point, and the
/// compiler verifies all it produces in debug builds), so the loop need not check:
///
/// - every backward edge is a `JUMP_BACKWARD` (conditional jumps, `FOR_ITER` and `SEND`
///   only go forward; `JUMP_FORWARD` only forward), so each loop passes a safe point;
/// - stack depths agree on every path, never exceed ``CodeObject/stackSize``, and
///   `RETURN_VALUE` leaves the stack empty;
/// - exception table entries do not overlap (one handler per instruction, the innermost);
/// - `KW_NAMES` comes right before its `CALL`; `MAKE_FUNCTION` right after the `LOAD_CONST`
///   of its code object; a code object with free variables starts with `COPY_FREE_VARS n`,
///   then one `MAKE_CELL` per cell (also at instruction 0 of a generator: the first resume
///   runs them);
/// - `IMPORT_NAME` finds `[level, fromlist]` pushed as constants (`[0, None]` for `import`).
///
/// CPython: Lib/opcode.py, Python/ceval.c, Doc/library/dis.rst (3.11).
public enum Opcode: UInt8, CaseIterable, Sendable {
  // MARK: Stack
  /// Does nothing (jump targets, line markers).
  case nop
  /// Pops and drops the top of the stack.
  case popTop
  /// Pushes NULL (before the arguments of a plain call).
  case pushNull
  /// Pushes a new reference to the item `i` deep (1 is the top).
  case copy
  /// Swaps the top with the item `i` deep (2 swaps the two top items).
  case swap

  // MARK: Operators
  case unaryPositive, unaryNegative, unaryNot, unaryInvert
  /// `arg` is a ``BinaryOperator`` raw value; in-place forms add 13 (3.11's `NB_INPLACE_*`).
  case binaryOp
  /// `container[key]`: `[container, key]` → `[value]`.
  case binarySubscr
  /// `container[key] = value`: `[value, container, key]` → `[]`.
  case storeSubscr
  /// `del container[key]`: `[container, key]` → `[]`.
  case deleteSubscr
  /// `arg` is a ``ComparisonOperator`` raw value: `[a, b]` → `[result]`.
  case compareOp
  /// `is` (arg 0) / `is not` (arg 1).
  case isOp
  /// `in` (arg 0) / `not in` (arg 1): `[item, container]` → `[bool]`.
  case containsOp

  // MARK: Names
  case loadConst
  /// Raises `UnboundLocalError` when the slot is empty.
  case loadFast
  case storeFast
  case deleteFast
  /// Module and class bodies: locals dict, then globals, then builtins.
  case loadName, storeName, deleteName
  /// `namei << 1 | pushNull`.
  case loadGlobal
  case storeGlobal, deleteGlobal
  /// Cells and free variables, indexed in `localsplus`.
  case loadDeref, storeDeref, deleteDeref
  /// Pushes the cell itself (for building a closure tuple).
  case loadClosure
  /// Class bodies: the class namespace first, then the cell.
  case loadClassDeref
  /// Replaces `localsplus[i]` by a new cell holding its old value (or empty).
  case makeCell
  /// Copies the function's `n` closure cells into the last `n` slots of `localsplus`.
  case copyFreeVars
  case loadAttr, storeAttr, deleteAttr
  /// See the type's comment.
  case loadMethod

  // MARK: Building
  case buildTuple, buildList, buildSet
  /// `[k1, v1, … kn, vn]` → `[dict]`.
  case buildMap
  /// `[v1, … vn, keysTuple]` → `[dict]`.
  case buildConstKeyMap
  /// Concatenates `n` strings.
  case buildString
  /// `[start, stop]` (2) or `[start, stop, step]` (3) → `[slice]`.
  case buildSlice
  /// Appends the top to the list `i` deep (after popping it), for comprehensions.
  case listAppend
  case setAdd
  /// `[…, dict, …, key, value]`: `dict[key] = value`, `i` deep after popping two.
  case mapAdd
  /// Extends the list `i` deep with the popped iterable.
  case listExtend
  case setUpdate
  /// `dict.update`; `DICT_MERGE` raises on duplicate keyword arguments.
  case dictUpdate, dictMerge
  /// Replaces a list by a tuple of its items.
  case listToTuple
  /// Unpacks exactly `n` items, the first on top.
  case unpackSequence
  /// `arg = before | after << 8`: a starred assignment target.
  case unpackEx

  // MARK: Control flow
  case jumpForward
  /// A backward jump: a safe point.
  case jumpBackward
  case popJumpIfFalse, popJumpIfTrue, popJumpIfNone, popJumpIfNotNone
  /// Keeps the top and jumps when its truth matches; otherwise pops it.
  case jumpIfTrueOrPop, jumpIfFalseOrPop
  case getIter
  case forIter
  /// `len(top)` pushed over it (pattern matching).
  case getLen
  case returnValue

  // MARK: Calls and functions
  case call
  case kwNames
  /// `flags & 1`: a keyword-arguments dict is on top. The positional arguments are a tuple,
  /// or (for a lone `f(*x)`, as in 3.11) any object the interpreter turns into one.
  case callFunctionEx
  case makeFunction
  /// Pushes `builtins.__build_class__`.
  case loadBuildClass
  /// Creates `__annotations__` in the locals of a module or class body.
  case setupAnnotations

  // MARK: Imports
  /// `[level, fromlist]` → `[module]`; the name is `names[i]`.
  case importName
  /// `[module]` → `[module, module.names[i]]`.
  case importFrom
  /// `from module import *`: pops the module.
  case importStar

  // MARK: Exceptions
  /// `RAISE_VARARGS argc`: 0 re-raises, 1 raises the top, 2 is `raise top1 from top`.
  case raiseVarargs
  /// Pops the exception and re-raises it. With `arg` set, the `lasti` the exception table
  /// pushed is `arg + 1` deep (counting the exception), as in 3.11's `PEEK(oparg + 1)`; it is
  /// read, not popped.
  case reraise
  /// `[exc]` → `[previousExcInfo, exc]`: makes `exc` the handled exception.
  case pushExcInfo
  /// Pops the saved exception and restores it as the handled one.
  case popExcept
  /// `[exc, type]` → `[exc, bool]`.
  case checkExcMatch
  /// `except*`: `[exc, type]` → `[rest, match]`.
  case checkEgMatch
  /// `except*`: `[orig, list]` → `[exception to reraise or None]`.
  case prepReraiseStar
  case loadAssertionError
  /// `[manager]` → `[exit, result of __enter__]`.
  case beforeWith
  /// `[exit, lasti, prev, exc]` → `[exit, lasti, prev, exc, exit(type, exc, tb)]`.
  case withExceptStart

  // MARK: Generators
  /// Yields the top; the sent value replaces it on resume. Argument (a PyHeap addition):
  /// 0 for a `yield` of the function, 1 inside a `yield from`/`await` loop, after `SEND`.
  case yieldValue
  /// `iter(top)` unless it is a generator or coroutine.
  case getYieldFromIter
  /// `[receiver, value]`: sends `value` to `receiver`. When it yields, the yielded value
  /// replaces `value` and execution goes on (the next instruction is `YIELD_VALUE`). When it
  /// returns, both are popped, the return value is pushed and execution jumps to `target`.
  case send
  case getAwaitable, getAiter, getAnext, beforeAsyncWith, endAsyncFor

  // MARK: Formatting
  /// `flags & 3`: conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`); `flags & 4`: a format spec is
  /// on top, the value under it.
  case formatValue

  // MARK: Pattern matching
  /// `[subject, cls, namesTuple]` → `[subject, attrsTuple or None]`, `count` positional.
  /// (3.11's consumes the subject; the compiler follows it with `SWAP 2; POP_TOP`.)
  case matchClass
  /// `[subject]` → `[subject, bool]`.
  case matchMapping, matchSequence
  /// `[subject, keysTuple]` → `[subject, keysTuple, valuesTuple or None]`.
  case matchKeys
}

/// `BINARY_OP`'s argument: 3.11's `NB_*` numbering. In-place forms are `inplace + 13`.
public enum BinaryOperator: UInt8, CaseIterable, Sendable {
  case add, and, floorDivide, lshift, matrixMultiply, multiply, remainder, or, power, rshift,
    subtract, trueDivide, xor
  /// Offset of the in-place form (`+=` is `add.rawValue + inplaceOffset`).
  public static let inplaceOffset: UInt32 = 13
  /// The operator's symbol as error messages show it (`+`, `//`, `**`, …).
  public var symbol: String {
    switch self {
    case .add: "+"
    case .and: "&"
    case .floorDivide: "//"
    case .lshift: "<<"
    case .matrixMultiply: "@"
    case .multiply: "*"
    case .remainder: "%"
    case .or: "|"
    case .power: "**"
    case .rshift: ">>"
    case .subtract: "-"
    case .trueDivide: "/"
    case .xor: "^"
    }
  }
}

/// `COMPARE_OP`'s argument: 3.11's `Py_LT` … `Py_GE`.
public enum ComparisonOperator: UInt8, CaseIterable, Sendable {
  case lessThan, lessOrEqual, equal, notEqual, greaterThan, greaterOrEqual
  public var symbol: String {
    switch self {
    case .lessThan: "<"
    case .lessOrEqual: "<="
    case .equal: "=="
    case .notEqual: "!="
    case .greaterThan: ">"
    case .greaterOrEqual: ">="
    }
  }
}
