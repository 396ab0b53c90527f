import PySyntax

/// The first pass of the symbol table: walks the AST, creates a ``Scope`` per block and
/// records how each block uses each name. Raises the errors CPython's symtable raises while
/// walking (`global`/`nonlocal` misuse, duplicate parameters, walrus misuse in
/// comprehensions, `yield` in a comprehension, `import *` in a function).
///
/// CPython: Python/symtable.c, `symtable_visit_*()`.
struct SymbolTableBuilder {
  let errors: CompileErrorFactory
  let futureAnnotations: Bool
  private var table: SymbolTable!
  private var stack: [Scope] = []
  private var current: Scope!
  private var module: Scope!
  /// The class whose body is being visited, for name mangling (`st_private`).
  private var privateName: String?

  init(filename: String, futureAnnotations: Bool) {
    errors = CompileErrorFactory(filename: filename)
    self.futureAnnotations = futureAnnotations
  }

  mutating func build(_ module: Module) throws(PySyntaxError) -> SymbolTable {
    let top = Scope(name: "top", kind: .module, span: SourceSpan(lineno: 0, colOffset: 0, endLineno: 0, endColOffset: 0))
    table = SymbolTable(top: top)
    self.module = top
    stack = [top]
    current = top
    for statement in module.body { try visit(statement) }
    return table
  }

  // MARK: Scopes

  private mutating func enter(_ name: String, _ kind: Scope.Kind, span: SourceSpan, key: SymbolTable.NodeKind?) {
    let scope = Scope(name: name, kind: kind, span: span)
    let previous = current!
    scope.isNested = previous.isNested || previous.kind == .function
    // bpo-37757: no walrus anywhere inside the outermost iterable of a comprehension.
    scope.comprehensionIterableDepth = previous.comprehensionIterableDepth
    stack.append(scope)
    current = scope
    if kind == .annotation { return }
    previous.children.append(scope)
    if let key { table.register(scope, for: SymbolTable.ScopeKey(span: span, kind: key)) }
  }

  private mutating func exit() {
    stack.removeLast()
    current = stack.last
  }

  // MARK: Definitions

  /// `symtable_add_def()`: records `flag` for `name` (mangled) in the current scope.
  private mutating func addDef(_ name: String, _ flag: SymbolFlags, at span: SourceSpan) throws(PySyntaxError) {
    try addDef(name, flag, in: current, at: span)
  }

  /// `symtable_add_def_helper()`.
  private mutating func addDef(
    _ name: String, _ flag: SymbolFlags, in scope: Scope, at span: SourceSpan
  ) throws(PySyntaxError) {
    let mangled = mangle(privateName, name)
    var value = flag
    let position = scope.positionAdding(mangled)
    let existing = scope.symbols[position].flags
    if flag.contains(.parameter) && existing.contains(.parameter) {
      throw errors.error("duplicate argument '\(name)' in function definition", at: span)
    }
    value.formUnion(existing)
    if scope.isVisitingComprehensionTarget {
      if !value.isDisjoint(with: [.global, .nonlocal]) {
        throw errors.error("comprehension inner loop cannot rebind assignment expression target '\(name)'", at: span)
      }
      value.insert(.comprehensionIteration)
    }
    scope.setFlags(value, at: position)
    if flag.contains(.parameter) {
      scope.parameters.append(mangled)
    } else if flag.contains(.global) {
      module.addFlags(flag, to: mangled)
    }
  }

  private func lookup(_ name: String) -> SymbolFlags {
    current.flags(of: mangle(privateName, name))
  }

  private mutating func recordDirective(_ name: String, at span: SourceSpan) {
    current.directives.append((mangle(privateName, name), span))
  }

  // MARK: Statements

  mutating func visit(_ statement: Stmt) throws(PySyntaxError) {
    let span = statement.span
    switch statement.kind {
    case .functionDef(let name, let args, let body, let decorators, let returns, _),
      .asyncFunctionDef(let name, let args, let body, let decorators, let returns, _):
      try addDef(name, .local, at: span)
      for value in args.defaults { try visit(value) }
      for value in args.kwDefaults { if let value { try visit(value) } }
      try visitAnnotations(args, returns: returns, span: span)
      for decorator in decorators { try visit(decorator) }
      enter(name, .function, span: span, key: .function)
      if case .asyncFunctionDef = statement.kind { current.isCoroutine = true }
      try visitParameters(args)
      for child in body { try visit(child) }
      exit()

    case .classDef(let name, let bases, let keywords, let body, let decorators):
      try addDef(name, .local, at: span)
      for base in bases { try visit(base) }
      for keyword in keywords { try visit(keyword.value) }
      for decorator in decorators { try visit(decorator) }
      enter(name, .class, span: span, key: .class)
      let savedPrivate = privateName
      privateName = name
      for child in body { try visit(child) }
      privateName = savedPrivate
      exit()

    case .return(let value):
      if let value { try visit(value) }

    case .delete(let targets):
      for target in targets { try visit(target) }

    case .assign(let targets, let value, _):
      for target in targets { try visit(target) }
      try visit(value)

    case .augAssign(let target, _, let value):
      try visit(target)
      try visit(value)

    case .annAssign(let target, let annotation, let value, let simple):
      if case .name(let id, _) = target.kind {
        let flags = lookup(id)
        if !flags.isDisjoint(with: [.global, .nonlocal]) && current !== module && simple {
          let message = flags.contains(.global) ? "annotated name '\(id)' can't be global" : "annotated name '\(id)' can't be nonlocal"
          throw errors.error(message, at: span)
        }
        if simple {
          try addDef(id, [.annotated, .local], at: target.span)
        } else if value != nil {
          try addDef(id, .local, at: target.span)
        }
      } else {
        try visit(target)
      }
      try visitAnnotation(annotation)
      if let value { try visit(value) }

    case .for(let target, let iter, let body, let orelse, _),
      .asyncFor(let target, let iter, let body, let orelse, _):
      try visit(target)
      try visit(iter)
      for child in body { try visit(child) }
      for child in orelse { try visit(child) }

    case .while(let test, let body, let orelse), .if(let test, let body, let orelse):
      try visit(test)
      for child in body { try visit(child) }
      for child in orelse { try visit(child) }

    case .with(let items, let body, _), .asyncWith(let items, let body, _):
      for item in items {
        try visit(item.contextExpr)
        if let vars = item.optionalVars { try visit(vars) }
      }
      for child in body { try visit(child) }

    case .match(let subject, let cases):
      try visit(subject)
      for matchCase in cases {
        try visit(matchCase.pattern)
        if let guardExpr = matchCase.guard { try visit(guardExpr) }
        for child in matchCase.body { try visit(child) }
      }

    case .raise(let exc, let cause):
      if let exc { try visit(exc) }
      if let cause { try visit(cause) }

    case .try(let body, let handlers, let orelse, let finalbody),
      .tryStar(let body, let handlers, let orelse, let finalbody):
      for child in body { try visit(child) }
      for child in orelse { try visit(child) }
      for handler in handlers {
        if let type = handler.type { try visit(type) }
        if let name = handler.name { try addDef(name, .local, at: handler.span) }
        for child in handler.body { try visit(child) }
      }
      for child in finalbody { try visit(child) }

    case .assert(let test, let msg):
      try visit(test)
      if let msg { try visit(msg) }

    case .import(let names), .importFrom(_, let names, _):
      for alias in names { try visit(alias) }

    case .global(let names):
      for name in names {
        let flags = lookup(name)
        if !flags.isDisjoint(with: [.parameter, .local, .use, .annotated]) {
          let message: String
          if flags.contains(.parameter) {
            message = "name '\(name)' is parameter and global"
          } else if flags.contains(.use) {
            message = "name '\(name)' is used prior to global declaration"
          } else if flags.contains(.annotated) {
            message = "annotated name '\(name)' can't be global"
          } else {
            message = "name '\(name)' is assigned to before global declaration"
          }
          throw errors.error(message, at: span)
        }
        try addDef(name, .global, at: span)
        recordDirective(name, at: span)
      }

    case .nonlocal(let names):
      for name in names {
        let flags = lookup(name)
        if !flags.isDisjoint(with: [.parameter, .local, .use, .annotated]) {
          let message: String
          if flags.contains(.parameter) {
            message = "name '\(name)' is parameter and nonlocal"
          } else if flags.contains(.use) {
            message = "name '\(name)' is used prior to nonlocal declaration"
          } else if flags.contains(.annotated) {
            message = "annotated name '\(name)' can't be nonlocal"
          } else {
            message = "name '\(name)' is assigned to before nonlocal declaration"
          }
          throw errors.error(message, at: span)
        }
        try addDef(name, .nonlocal, at: span)
        recordDirective(name, at: span)
      }

    case .expr(let value):
      try visit(value)

    case .pass, .break, .continue:
      break
    }
  }

  /// `symtable_visit_alias()`: `import a.b` binds `a`; `import *` only at module level.
  private mutating func visit(_ alias: Alias) throws(PySyntaxError) {
    let name = alias.asname ?? alias.name
    if name == "*" {
      if current.kind != .module {
        throw errors.error("import * only allowed at module level", at: alias.span)
      }
      return
    }
    let stored = name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? name
    try addDef(stored, .import, at: alias.span)
  }

  // MARK: Parameters and annotations

  private mutating func visitParameters(_ args: Arguments) throws(PySyntaxError) {
    for arg in args.posonlyargs { try addDef(arg.arg, .parameter, at: arg.span) }
    for arg in args.args { try addDef(arg.arg, .parameter, at: arg.span) }
    for arg in args.kwonlyargs { try addDef(arg.arg, .parameter, at: arg.span) }
    if let vararg = args.vararg {
      try addDef(vararg.arg, .parameter, at: vararg.span)
      current.hasVarargs = true
    }
    if let kwarg = args.kwarg {
      try addDef(kwarg.arg, .parameter, at: kwarg.span)
      current.hasVarKeywords = true
    }
  }

  /// `symtable_visit_annotations()`: parameter annotations in the enclosing scope (or in a
  /// discarded annotation block under `from __future__ import annotations`), then the
  /// return annotation.
  private mutating func visitAnnotations(_ args: Arguments, returns: Expr?, span: SourceSpan) throws(PySyntaxError) {
    if futureAnnotations { enter("_annotation", .annotation, span: span, key: nil) }
    for arg in args.posonlyargs { if let a = arg.annotation { try visit(a) } }
    for arg in args.args { if let a = arg.annotation { try visit(a) } }
    if let a = args.vararg?.annotation { try visit(a) }
    if let a = args.kwarg?.annotation { try visit(a) }
    for arg in args.kwonlyargs { if let a = arg.annotation { try visit(a) } }
    if futureAnnotations { exit() }
    if let returns { try visitAnnotation(returns) }
  }

  private mutating func visitAnnotation(_ annotation: Expr) throws(PySyntaxError) {
    if futureAnnotations { enter("_annotation", .annotation, span: annotation.span, key: nil) }
    try visit(annotation)
    if futureAnnotations { exit() }
  }

  /// `symtable_raise_if_annotation_block()`.
  private func rejectInAnnotation(_ what: String, _ expr: Expr) throws(PySyntaxError) {
    if current.kind == .annotation {
      throw errors.error("'\(what)' can not be used within an annotation", at: expr.span)
    }
  }

  // MARK: Expressions

  mutating func visit(_ expr: Expr) throws(PySyntaxError) {
    switch expr.kind {
    case .boolOp(_, let values):
      for value in values { try visit(value) }
    case .namedExpr(let target, let value):
      try visitNamedExpr(expr, target: target, value: value)
    case .binOp(let left, _, let right):
      try visit(left)
      try visit(right)
    case .unaryOp(_, let operand):
      try visit(operand)
    case .lambda(let args, let body):
      for value in args.defaults { try visit(value) }
      for value in args.kwDefaults { if let value { try visit(value) } }
      enter("lambda", .function, span: expr.span, key: .lambda)
      try visitParameters(args)
      try visit(body)
      exit()
    case .ifExp(let test, let body, let orelse):
      try visit(test)
      try visit(body)
      try visit(orelse)
    case .dict(let keys, let values):
      for key in keys { if let key { try visit(key) } }
      for value in values { try visit(value) }
    case .set(let elts), .list(let elts, _), .tuple(let elts, _):
      for elt in elts { try visit(elt) }
    case .listComp(let elt, let generators):
      try visitComprehension(expr, name: "listcomp", kind: .list, key: .listComp, generators: generators, elt: elt, value: nil)
    case .setComp(let elt, let generators):
      try visitComprehension(expr, name: "setcomp", kind: .set, key: .setComp, generators: generators, elt: elt, value: nil)
    case .dictComp(let key, let value, let generators):
      try visitComprehension(expr, name: "dictcomp", kind: .dict, key: .dictComp, generators: generators, elt: key, value: value)
    case .generatorExp(let elt, let generators):
      try visitComprehension(expr, name: "genexpr", kind: .generator, key: .generatorExp, generators: generators, elt: elt, value: nil)
    case .await(let value):
      try rejectInAnnotation("await expression", expr)
      try visit(value)
      current.isCoroutine = true
    case .yield(let value):
      try rejectInAnnotation("yield expression", expr)
      if let value { try visit(value) }
      try markGenerator(expr)
    case .yieldFrom(let value):
      try rejectInAnnotation("yield expression", expr)
      try visit(value)
      try markGenerator(expr)
    case .compare(let left, _, let comparators):
      try visit(left)
      for comparator in comparators { try visit(comparator) }
    case .call(let function, let args, let keywords):
      try visit(function)
      for arg in args { try visit(arg) }
      for keyword in keywords { try visit(keyword.value) }
    case .formattedValue(let value, _, let formatSpec):
      try visit(value)
      if let formatSpec { try visit(formatSpec) }
    case .joinedStr(let values):
      for value in values { try visit(value) }
    case .constant:
      break
    case .attribute(let value, _, _):
      try visit(value)
    case .subscript(let value, let slice, _):
      try visit(value)
      try visit(slice)
    case .starred(let value, _):
      try visit(value)
    case .slice(let lower, let upper, let step):
      if let lower { try visit(lower) }
      if let upper { try visit(upper) }
      if let step { try visit(step) }
    case .name(let id, let ctx):
      try addDef(id, ctx == .load ? .use : .local, at: expr.span)
      // `super` counts as a use of `__class__`.
      if ctx == .load && current.kind == .function && id == "super" {
        try addDef("__class__", .use, at: expr.span)
      }
    }
  }

  private mutating func markGenerator(_ expr: Expr) throws(PySyntaxError) {
    current.isGenerator = true
    if let comprehension = current.comprehension {
      throw errors.error("'yield' inside \(comprehension.description)", at: expr.span)
    }
  }

  /// `symtable_handle_comprehension()`: the outermost iterable is evaluated in the enclosing
  /// scope; everything else in a new function scope whose parameter `.0` is that iterable's
  /// iterator.
  private mutating func visitComprehension(
    _ expr: Expr, name: String, kind: Scope.ComprehensionKind, key: SymbolTable.NodeKind,
    generators: [Comprehension], elt: Expr, value: Expr?
  ) throws(PySyntaxError) {
    let outermost = generators[0]
    current.comprehensionIterableDepth += 1
    try visit(outermost.iter)
    current.comprehensionIterableDepth -= 1
    enter("<\(name)>", .function, span: expr.span, key: key)
    current.comprehension = kind
    if outermost.isAsync { current.isCoroutine = true }
    try addDef(".0", .parameter, at: expr.span)
    current.isVisitingComprehensionTarget = true
    try visit(outermost.target)
    current.isVisitingComprehensionTarget = false
    for condition in outermost.ifs { try visit(condition) }
    for generator in generators.dropFirst() {
      current.isVisitingComprehensionTarget = true
      try visit(generator.target)
      current.isVisitingComprehensionTarget = false
      current.comprehensionIterableDepth += 1
      try visit(generator.iter)
      current.comprehensionIterableDepth -= 1
      for condition in generator.ifs { try visit(condition) }
      if generator.isAsync { current.isCoroutine = true }
    }
    if let value { try visit(value) }
    try visit(elt)
    let isGenerator = kind == .generator
    current.isGenerator = isGenerator
    let isAsync = current.isCoroutine && !isGenerator
    exit()
    if isAsync { current.isCoroutine = true }
  }

  /// `symtable_handle_namedexpr()`.
  private mutating func visitNamedExpr(_ expr: Expr, target: Expr, value: Expr) throws(PySyntaxError) {
    try rejectInAnnotation("named expression", expr)
    if current.comprehensionIterableDepth > 0 {
      throw errors.error("assignment expression cannot be used in a comprehension iterable expression", at: expr.span)
    }
    if current.comprehension != nil {
      try extendNamedExprScope(target)
    }
    try visit(value)
    try visit(target)
  }

  /// `symtable_extend_namedexpr_scope()`: a walrus in a comprehension binds in the nearest
  /// enclosing function (as nonlocal) or module (as global); a class is an error.
  private mutating func extendNamedExprScope(_ target: Expr) throws(PySyntaxError) {
    guard case .name(let name, _) = target.kind else { return }
    for scope in stack.reversed() {
      if scope.comprehension != nil {
        // CPython looks the unmangled name up here.
        if scope.flags(of: name).contains(.comprehensionIteration) {
          throw errors.error("assignment expression cannot rebind comprehension iteration variable '\(name)'", at: target.span)
        }
        continue
      }
      switch scope.kind {
      case .function:
        if scope.flags(of: name).contains(.global) {
          try addDef(name, .global, at: target.span)
        } else {
          try addDef(name, .nonlocal, at: target.span)
        }
        recordDirective(name, at: target.span)
        try addDef(name, .local, in: scope, at: target.span)
        return
      case .module:
        try addDef(name, .global, at: target.span)
        recordDirective(name, at: target.span)
        try addDef(name, .global, in: scope, at: target.span)
        return
      case .class:
        throw errors.error("assignment expression within a comprehension cannot be used in a class body", at: target.span)
      case .annotation:
        continue
      }
    }
  }

  // MARK: Patterns

  private mutating func visit(_ pattern: Pattern) throws(PySyntaxError) {
    switch pattern.kind {
    case .matchValue(let value):
      try visit(value)
    case .matchSingleton:
      break
    case .matchSequence(let patterns):
      for p in patterns { try visit(p) }
    case .matchStar(let name):
      if let name { try addDef(name, .local, at: pattern.span) }
    case .matchMapping(let keys, let patterns, let rest):
      for key in keys { try visit(key) }
      for p in patterns { try visit(p) }
      if let rest { try addDef(rest, .local, at: pattern.span) }
    case .matchClass(let cls, let patterns, _, let kwdPatterns):
      try visit(cls)
      for p in patterns { try visit(p) }
      for p in kwdPatterns { try visit(p) }
    case .matchAs(let sub, let name):
      if let sub { try visit(sub) }
      if let name { try addDef(name, .local, at: pattern.span) }
    case .matchOr(let patterns):
      for p in patterns { try visit(p) }
    }
  }
}
