/// Simple statements other than expression statements and assignments: `return`, `raise`,
/// `global`, `nonlocal`, `del`, `assert`, `import`, `from … import`.
///
/// ```
/// return_stmt:  'return' [star_expressions]
/// raise_stmt:   'raise' expression ['from' expression] | 'raise'
/// global_stmt:  'global' ','.NAME+          nonlocal_stmt likewise
/// del_stmt:     'del' del_targets &(';' | NEWLINE)
/// assert_stmt:  'assert' expression [',' expression]
/// import_name:  'import' dotted_as_names
/// import_from:  'from' ('.' | '...')* dotted_name 'import' import_from_targets
///             | 'from' ('.' | '...')+ 'import' import_from_targets
/// ```
///
/// CPython: Grammar/python.gram, "SIMPLE STATEMENTS".
extension Parser {
  func returnStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let value = Parser.startsExpression(peek()) ? try starExpressions() : nil
    return Stmt(.return(value: value), span(from: start))
  }

  func raiseStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    guard Parser.startsExpression(peek(), allowStar: false) else {
      return Stmt(.raise(exc: nil, cause: nil), span(from: start))
    }
    let exc = try expression()
    let cause = accept(.from) != nil ? try expression() : nil
    return Stmt(.raise(exc: exc, cause: cause), span(from: start))
  }

  /// `global` and `nonlocal`.
  func globalStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    var names = [try expectIdentifier()]
    while accept(.comma) != nil {
      names.append(try expectIdentifier())
    }
    let kind: Stmt.Kind = start.keyword == .global ? .global(names: names) : .nonlocal(names: names)
    return Stmt(kind, span(from: start))
  }

  func delStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let mark = pos
    var targets: [Expr] = []
    do throws(ParseFailure) {
      targets.append(try delTarget())
      while accept(.comma) != nil {
        if check(.semi) || check(.newline) { break }
        targets.append(try delTarget())
      }
      guard check(.semi) || check(.newline) else { throw ParseFailure() }
    } catch {
      if callInvalidRules, !isFatal {
        pos = mark
        try invalidDelStatement()
      }
      throw error
    }
    return Stmt(.delete(targets: targets), span(from: start))
  }

  func assertStatement() throws(ParseFailure) -> Stmt {
    let start = advance()
    let test = try expression()
    let msg = accept(.comma) != nil ? try expression() : nil
    return Stmt(.assert(test: test, msg: msg), span(from: start))
  }

  /// `import a.b as c, d`.
  func importName() throws(ParseFailure) -> Stmt {
    let start = advance()
    var names: [Alias] = []
    repeat {
      let first = peek()
      let name = try dottedName()
      let asname = accept(.as) != nil ? try expectIdentifier() : nil
      names.append(Alias(name: name, asname: asname, span: span(from: first)))
    } while accept(.comma) != nil
    return Stmt(.import(names: names), span(from: start))
  }

  /// `from .a import b as c`, `from . import (b, c,)`, `from a import *`.
  func importFrom() throws(ParseFailure) -> Stmt {
    let start = advance()
    var level = 0
    while true {
      if accept(.dot) != nil {
        level += 1
      } else if accept(.ellipsis) != nil {
        level += 3
      } else {
        break
      }
    }
    let module = level == 0 || !check(.import) ? try dottedName() : nil
    _ = try expect(.import)
    let names = try importFromTargets()
    return Stmt(.importFrom(module: module, names: names, level: level), span(from: start))
  }

  /// `import_from_targets`.
  func importFromTargets() throws(ParseFailure) -> [Alias] {
    let first = peek()
    if first.kind == .star {
      advance()
      return [Alias(name: "*", asname: nil, span: first.span)]
    }
    let parenthesized = accept(.lpar) != nil
    var names: [Alias] = []
    var trailingComma = false
    while true {
      let nameToken = try expectName()
      let asname = accept(.as) != nil ? try expectIdentifier() : nil
      names.append(Alias(name: identifier(nameToken), asname: asname, span: span(from: nameToken)))
      guard accept(.comma) != nil else { break }
      if parenthesized ? check(.rpar) : !peek().isName {
        trailingComma = true
        break
      }
    }
    if parenthesized {
      _ = try expect(.rpar)
    } else if trailingComma {
      if callInvalidRules, check(.newline) {
        throw raiseAtLastToken("trailing comma not allowed without surrounding parentheses")
      }
      throw ParseFailure()
    }
    return names
  }

  /// `dotted_name`: names joined by dots, as one string.
  func dottedName() throws(ParseFailure) -> String {
    var name = try expectIdentifier()
    while check(.dot), peek(1).isName {
      advance()
      name += "." + advanceIdentifier()
    }
    return name
  }
}
