/// The built-in exception classes, in CPython 3.11's hierarchy.
/// CPython: Objects/exceptions.c; Doc/library/exceptions.rst ("Exception hierarchy").
enum ExceptionHierarchy {
  /// `(class, base)`, bases first.
  static let classes: [(String, String)] = [
    ("BaseExceptionGroup", "BaseException"), ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"), ("SystemExit", "BaseException"), ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"), ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"), ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("BufferError", "Exception"),
    ("EOFError", "Exception"), ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
    ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"), ("BlockingIOError", "OSError"), ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"), ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"), ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"), ("InterruptedError", "OSError"), ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"), ("PermissionError", "OSError"), ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"), ("ReferenceError", "Exception"), ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"), ("StopIteration", "Exception"), ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"), ("SystemError", "Exception"),
    ("TypeError", "Exception"), ("ValueError", "Exception"), ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"), ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"), ("Warning", "Exception"), ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"), ("EncodingWarning", "Warning"), ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"), ("PendingDeprecationWarning", "Warning"), ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"), ("SyntaxWarning", "Warning"), ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"), ("ExceptionGroup", "BaseExceptionGroup"),
  ]

  /// Makes every class, registers it by name, and makes the spare `MemoryError`.
  static func bootstrap(_ rt: RuntimeRef) {
    let base = ExceptionObject.makeBaseType(rt)
    rt.readyBuiltinType(base, base: nil, kind: .exception)
    rt.addGetSets(base, ExceptionAttributes.baseGetSets)
    rt.addMethods(base, ExceptionAttributes.baseMethods)
    rt.addSlotWrappers(base)
    rt.state.pointee.exceptionTypes["BaseException"] = base
    for (name, baseName) in classes {
      let parent = rt.state.pointee.exceptionTypes[baseName]!
      let type = rt.makeType(
        name: name, basicSize: ExceptionObject.basicSize, flags: [.haveGC],
        dealloc: ExceptionObject.dealloc, traverse: ExceptionObject.traverse, clear: ExceptionObject.clear)
      type.record.pointee.dictOffset = ExceptionObject.dictOffset
      if name == "KeyError" { type.record.pointee.str = ExceptionObject.keyErrorStr }
      rt.readyBuiltinType(type, base: parent, kind: .exception)
      if name == "KeyError" { rt.addSlotWrappers(type) }
      rt.state.pointee.exceptionTypes[name] = type
    }
    rt.addGetSets(rt.exceptionType("StopIteration"), [ExceptionAttributes.firstArgument("value")])
    rt.addGetSets(rt.exceptionType("SystemExit"), [ExceptionAttributes.firstArgument("code")])
    rt.addGetSets(rt.exceptionType("OSError"), [ExceptionAttributes.firstArgument("errno")])
    guard let memoryError = rt.newException(rt.exceptionType("MemoryError"), arguments: []) else {
      preconditionFailure("Runtime: the heap limit is too small for the built-in objects")
    }
    rt.untrack(memoryError)
    memoryError.refcount = ObjectLayout.immortalRefcount
    rt.state.pointee.memoryErrorInstance = memoryError.raw
  }
}
