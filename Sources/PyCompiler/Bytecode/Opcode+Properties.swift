/// Static properties of opcodes that the compiler, the verifier and the disassembler share.
extension Opcode {
  /// `CPython`'s spelling (`POP_JUMP_IF_FALSE`, `LOAD_CLASSDEREF`).
  public var name: String {
    switch self {
    case .nop: "NOP"
    case .popTop: "POP_TOP"
    case .pushNull: "PUSH_NULL"
    case .copy: "COPY"
    case .swap: "SWAP"
    case .unaryPositive: "UNARY_POSITIVE"
    case .unaryNegative: "UNARY_NEGATIVE"
    case .unaryNot: "UNARY_NOT"
    case .unaryInvert: "UNARY_INVERT"
    case .binaryOp: "BINARY_OP"
    case .binarySubscr: "BINARY_SUBSCR"
    case .storeSubscr: "STORE_SUBSCR"
    case .deleteSubscr: "DELETE_SUBSCR"
    case .compareOp: "COMPARE_OP"
    case .isOp: "IS_OP"
    case .containsOp: "CONTAINS_OP"
    case .loadConst: "LOAD_CONST"
    case .loadFast: "LOAD_FAST"
    case .storeFast: "STORE_FAST"
    case .deleteFast: "DELETE_FAST"
    case .loadName: "LOAD_NAME"
    case .storeName: "STORE_NAME"
    case .deleteName: "DELETE_NAME"
    case .loadGlobal: "LOAD_GLOBAL"
    case .storeGlobal: "STORE_GLOBAL"
    case .deleteGlobal: "DELETE_GLOBAL"
    case .loadDeref: "LOAD_DEREF"
    case .storeDeref: "STORE_DEREF"
    case .deleteDeref: "DELETE_DEREF"
    case .loadClosure: "LOAD_CLOSURE"
    case .loadClassDeref: "LOAD_CLASSDEREF"
    case .makeCell: "MAKE_CELL"
    case .copyFreeVars: "COPY_FREE_VARS"
    case .loadAttr: "LOAD_ATTR"
    case .storeAttr: "STORE_ATTR"
    case .deleteAttr: "DELETE_ATTR"
    case .loadMethod: "LOAD_METHOD"
    case .buildTuple: "BUILD_TUPLE"
    case .buildList: "BUILD_LIST"
    case .buildSet: "BUILD_SET"
    case .buildMap: "BUILD_MAP"
    case .buildConstKeyMap: "BUILD_CONST_KEY_MAP"
    case .buildString: "BUILD_STRING"
    case .buildSlice: "BUILD_SLICE"
    case .listAppend: "LIST_APPEND"
    case .setAdd: "SET_ADD"
    case .mapAdd: "MAP_ADD"
    case .listExtend: "LIST_EXTEND"
    case .setUpdate: "SET_UPDATE"
    case .dictUpdate: "DICT_UPDATE"
    case .dictMerge: "DICT_MERGE"
    case .listToTuple: "LIST_TO_TUPLE"
    case .unpackSequence: "UNPACK_SEQUENCE"
    case .unpackEx: "UNPACK_EX"
    case .jumpForward: "JUMP_FORWARD"
    case .jumpBackward: "JUMP_BACKWARD"
    case .popJumpIfFalse: "POP_JUMP_IF_FALSE"
    case .popJumpIfTrue: "POP_JUMP_IF_TRUE"
    case .popJumpIfNone: "POP_JUMP_IF_NONE"
    case .popJumpIfNotNone: "POP_JUMP_IF_NOT_NONE"
    case .jumpIfTrueOrPop: "JUMP_IF_TRUE_OR_POP"
    case .jumpIfFalseOrPop: "JUMP_IF_FALSE_OR_POP"
    case .getIter: "GET_ITER"
    case .forIter: "FOR_ITER"
    case .getLen: "GET_LEN"
    case .returnValue: "RETURN_VALUE"
    case .call: "CALL"
    case .kwNames: "KW_NAMES"
    case .callFunctionEx: "CALL_FUNCTION_EX"
    case .makeFunction: "MAKE_FUNCTION"
    case .loadBuildClass: "LOAD_BUILD_CLASS"
    case .setupAnnotations: "SETUP_ANNOTATIONS"
    case .importName: "IMPORT_NAME"
    case .importFrom: "IMPORT_FROM"
    case .importStar: "IMPORT_STAR"
    case .raiseVarargs: "RAISE_VARARGS"
    case .reraise: "RERAISE"
    case .pushExcInfo: "PUSH_EXC_INFO"
    case .popExcept: "POP_EXCEPT"
    case .checkExcMatch: "CHECK_EXC_MATCH"
    case .checkEgMatch: "CHECK_EG_MATCH"
    case .prepReraiseStar: "PREP_RERAISE_STAR"
    case .loadAssertionError: "LOAD_ASSERTION_ERROR"
    case .beforeWith: "BEFORE_WITH"
    case .withExceptStart: "WITH_EXCEPT_START"
    case .yieldValue: "YIELD_VALUE"
    case .getYieldFromIter: "GET_YIELD_FROM_ITER"
    case .send: "SEND"
    case .getAwaitable: "GET_AWAITABLE"
    case .getAiter: "GET_AITER"
    case .getAnext: "GET_ANEXT"
    case .beforeAsyncWith: "BEFORE_ASYNC_WITH"
    case .endAsyncFor: "END_ASYNC_FOR"
    case .formatValue: "FORMAT_VALUE"
    case .matchClass: "MATCH_CLASS"
    case .matchMapping: "MATCH_MAPPING"
    case .matchSequence: "MATCH_SEQUENCE"
    case .matchKeys: "MATCH_KEYS"
    }
  }

  /// Whether the argument means something (CPython's `HAVE_ARGUMENT`, plus `YIELD_VALUE`
  /// whose argument PyHeap uses).
  public var hasArgument: Bool {
    switch self {
    case .nop, .popTop, .pushNull, .unaryPositive, .unaryNegative, .unaryNot, .unaryInvert,
      .binarySubscr, .storeSubscr, .deleteSubscr, .listToTuple, .getIter, .getLen, .returnValue,
      .loadBuildClass, .setupAnnotations, .importStar, .pushExcInfo, .popExcept, .checkExcMatch,
      .checkEgMatch, .prepReraiseStar, .loadAssertionError, .beforeWith, .withExceptStart,
      .getYieldFromIter, .getAiter, .getAnext, .beforeAsyncWith, .endAsyncFor, .matchMapping,
      .matchSequence, .matchKeys:
      return false
    default:
      return true
    }
  }

  /// The argument is an instruction index.
  public var isJump: Bool {
    switch self {
    case .jumpForward, .jumpBackward, .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone,
      .popJumpIfNotNone, .jumpIfTrueOrPop, .jumpIfFalseOrPop, .forIter, .send:
      return true
    default:
      return false
    }
  }

  /// Jumps that always go to their target.
  public var isUnconditionalJump: Bool { self == .jumpForward || self == .jumpBackward }

  /// Control never goes on to the next instruction.
  public var isTerminator: Bool {
    switch self {
    case .jumpForward, .jumpBackward, .returnValue, .raiseVarargs, .reraise: return true
    default: return false
    }
  }

  /// The argument indexes ``CodeObject/constants``.
  public var usesConstant: Bool { self == .loadConst || self == .kwNames }

  /// The argument indexes ``CodeObject/names`` (`LOAD_GLOBAL`: `argument >> 1`).
  public var usesName: Bool {
    switch self {
    case .loadName, .storeName, .deleteName, .loadGlobal, .storeGlobal, .deleteGlobal, .loadAttr,
      .storeAttr, .deleteAttr, .loadMethod, .importName, .importFrom:
      return true
    default:
      return false
    }
  }

  /// The argument indexes ``CodeObject/localsPlusNames`` as a plain local.
  public var usesLocal: Bool { self == .loadFast || self == .storeFast || self == .deleteFast }

  /// The argument indexes ``CodeObject/localsPlusNames`` as a cell or free variable.
  public var usesCellOrFree: Bool {
    switch self {
    case .loadDeref, .storeDeref, .deleteDeref, .loadClosure, .loadClassDeref, .makeCell: return true
    default: return false
    }
  }
}

/// Stack effects, shared by the assembler's depth computation and the verifier.
extension Opcode {
  /// How many items the instruction needs on the stack and how many it leaves instead,
  /// when execution goes on to the next instruction (`jump` false) or to the jump target
  /// (`jump` true). Nil for an argument that makes no sense.
  ///
  /// CPython: Python/compile.c, `stack_effect()` (3.11), adjusted to this instruction set
  /// (see ``Opcode``).
  public func stackEffect(argument: UInt32, jump: Bool) -> (pops: Int, pushes: Int)? {
    let arg = Int(argument)
    switch self {
    case .nop, .jumpForward, .jumpBackward, .makeCell, .copyFreeVars, .kwNames, .setupAnnotations,
      .deleteFast, .deleteName, .deleteGlobal, .deleteDeref:
      return (0, 0)
    case .popTop: return (1, 0)
    case .pushNull: return (0, 1)
    case .copy: return arg >= 1 ? (arg, arg + 1) : nil
    case .swap: return arg >= 2 ? (arg, arg) : nil
    case .unaryPositive, .unaryNegative, .unaryNot, .unaryInvert: return (1, 1)
    case .binaryOp: return arg < 26 ? (2, 1) : nil
    case .binarySubscr: return (2, 1)
    case .storeSubscr: return (3, 0)
    case .deleteSubscr: return (2, 0)
    case .compareOp: return arg < 6 ? (2, 1) : nil
    case .isOp, .containsOp: return arg <= 1 ? (2, 1) : nil
    case .loadConst, .loadFast, .loadName, .loadDeref, .loadClosure, .loadClassDeref: return (0, 1)
    case .storeFast, .storeName, .storeGlobal, .storeDeref: return (1, 0)
    case .loadGlobal: return (0, arg & 1 == 1 ? 2 : 1)
    case .loadAttr: return (1, 1)
    case .storeAttr: return (2, 0)
    case .deleteAttr: return (1, 0)
    case .loadMethod: return (1, 2)
    case .buildTuple, .buildList, .buildSet, .buildString: return (arg, 1)
    case .buildMap: return (2 * arg, 1)
    case .buildConstKeyMap: return (arg + 1, 1)
    case .buildSlice: return arg == 2 || arg == 3 ? (arg, 1) : nil
    case .listAppend, .setAdd, .listExtend, .setUpdate, .dictUpdate, .dictMerge:
      return arg >= 1 ? (arg + 1, arg) : nil
    case .mapAdd: return arg >= 1 ? (arg + 2, arg) : nil
    case .listToTuple: return (1, 1)
    case .unpackSequence: return (1, arg)
    case .unpackEx: return (1, (arg & 0xFF) + (arg >> 8) + 1)
    case .popJumpIfFalse, .popJumpIfTrue, .popJumpIfNone, .popJumpIfNotNone: return (1, 0)
    case .jumpIfTrueOrPop, .jumpIfFalseOrPop: return jump ? (1, 1) : (1, 0)
    case .getIter, .getYieldFromIter, .getAwaitable, .getAiter: return (1, 1)
    case .forIter: return jump ? (1, 0) : (1, 2)
    case .getLen: return (1, 2)
    case .returnValue: return (1, 0)
    case .call: return (arg + 2, 1)
    case .callFunctionEx: return (arg & 1 == 1 ? 4 : 3, 1)
    case .makeFunction: return arg <= 0xF ? (1 + arg.nonzeroBitCount, 1) : nil
    case .loadBuildClass, .loadAssertionError: return (0, 1)
    case .importName: return (2, 1)
    case .importFrom: return (1, 2)
    case .importStar: return (1, 0)
    case .raiseVarargs: return arg <= 2 ? (arg, 0) : nil
    case .reraise: return (arg + 1, 0)
    case .pushExcInfo: return (1, 2)
    case .popExcept: return (1, 0)
    case .checkExcMatch, .checkEgMatch: return (2, 2)
    case .prepReraiseStar: return (2, 1)
    case .beforeWith, .beforeAsyncWith: return (1, 2)
    case .withExceptStart: return (4, 5)
    case .yieldValue: return (1, 1)
    case .send: return jump ? (2, 1) : (2, 2)
    case .getAnext: return (1, 2)
    case .endAsyncFor: return (2, 0)
    case .formatValue: return arg <= 7 ? (arg & 4 != 0 ? 2 : 1, 1) : nil
    case .matchClass: return (3, 2)
    case .matchMapping, .matchSequence: return (1, 2)
    case .matchKeys: return (2, 3)
    }
  }
}
