/// The small enumerations of the AST: operators and expression contexts.
///
/// Each raw value is the name of CPython's node class (`ast.Add`, `ast.Load`, …), which is
/// what ``Module/dump()`` prints (`op=Add()`).
///
/// CPython: Parser/Python.asdl, the `boolop`, `operator`, `unaryop`, `cmpop` and
/// `expr_context` sums.

/// `boolop`: the operator of a `BoolOp` (`a and b`, `a or b`).
public enum BoolOperator: String, Hashable, Sendable {
  case and = "And"
  case or = "Or"
}

/// `operator`: the operator of a `BinOp` or an `AugAssign`.
public enum Operator: String, Hashable, Sendable {
  case add = "Add"
  case sub = "Sub"
  case mult = "Mult"
  case matMult = "MatMult"
  case div = "Div"
  case mod = "Mod"
  case pow = "Pow"
  case lShift = "LShift"
  case rShift = "RShift"
  case bitOr = "BitOr"
  case bitXor = "BitXor"
  case bitAnd = "BitAnd"
  case floorDiv = "FloorDiv"
}

/// `unaryop`: the operator of a `UnaryOp` (`~x`, `not x`, `+x`, `-x`).
public enum UnaryOperator: String, Hashable, Sendable {
  case invert = "Invert"
  case not = "Not"
  case uAdd = "UAdd"
  case uSub = "USub"
}

/// `cmpop`: one operator of a `Compare` chain.
public enum CmpOperator: String, Hashable, Sendable {
  case eq = "Eq"
  case notEq = "NotEq"
  case lt = "Lt"
  case ltE = "LtE"
  case gt = "Gt"
  case gtE = "GtE"
  case `is` = "Is"
  case isNot = "IsNot"
  case `in` = "In"
  case notIn = "NotIn"
}

/// `expr_context`: whether a name, attribute, subscript, starred expression, list or tuple
/// is read (`Load`), assigned to (`Store`) or deleted (`Del`).
public enum ExprContext: String, Hashable, Sendable {
  case load = "Load"
  case store = "Store"
  case del = "Del"
}
