import Testing
@testable import PyRuntime

/// `dict`: repr, equality, lookups with `__missing__`, construction and update from
/// mappings and pairs with CPython's messages, views and their set operations, iteration
/// guards, and `sys.getsizeof` following CPython's table sizes.
@Suite struct DictObjectTests {
  @Test func reprAndRecursion() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let dict = py.dict([(py.str("a"), py.int(1)), (py.int(2), py.list([3]))])
    #expect(py.show(dict) == "{'a': 1, 2: [3]}")
    #expect(rt.dictSetItem(dict, py.str("self"), dict))
    #expect(py.show(dict) == "{'a': 1, 2: [3], 'self': {...}}")
    #expect(py.show(py.dict([])) == "{}")
  }

  @Test func lookupsAndErrors() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let dict = py.dict([(py.str("a"), py.int(1))])
    #expect(py.show(rt.getItem(dict, py.str("x"))) == "KeyError: 'x'")
    #expect(py.show(rt.getItem(dict, py.list([1]))) == "TypeError: unhashable type: 'list'")
    #expect(!rt.setItem(dict, py.int(5), nil))
    #expect(py.show(nil) == "KeyError: 5")
    #expect(py.show(py.method(dict, "get", [py.str("x")])) == "None")
    #expect(py.show(py.method(dict, "get", [py.str("x"), py.int(0)])) == "0")
    #expect(py.show(py.method(dict, "get")) == "TypeError: get expected at least 1 argument, got 0")
    #expect(py.show(py.method(dict, "setdefault", [py.str("b"), py.int(2)])) == "2")
    #expect(py.show(py.method(dict, "pop", [py.str("zz")])) == "KeyError: 'zz'")
    #expect(py.show(py.method(dict, "pop", [py.str("zz"), py.int(9)])) == "9")
    #expect(py.show(py.method(dict, "popitem")) == "('b', 2)")
    #expect(py.show(py.method(py.dict([]), "popitem")) == "KeyError: 'popitem(): dictionary is empty'")
    #expect(py.show(py.method(dict, "keys", [py.int(1)])) == "TypeError: dict.keys() takes no arguments (1 given)")
  }

  @Test func construction() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    #expect(py.show(py.make("dict", [py.list([py.tuple([1, 2]), py.list([3, 4])])])) == "{1: 2, 3: 4}")
    #expect(py.show(py.make("dict", [py.list([py.tuple([1])])])) == "ValueError: dictionary update sequence element #0 has length 1; 2 is required")
    #expect(py.show(py.make("dict", [py.list([1])])) == "TypeError: cannot convert dictionary update sequence element #0 to a sequence")
    #expect(py.show(py.make("dict", [py.int(1)])) == "TypeError: 'int' object is not iterable")
    #expect(py.show(py.make("dict", [py.int(1), py.int(2)])) == "TypeError: dict expected at most 1 argument, got 2")
    #expect(py.show(py.make("dict", [py.dict([(py.int(1), py.int(2))])], [("a", py.int(3))])) == "{1: 2, 'a': 3}")
    let fromKeys = py.method(py.type("dict"), "fromkeys", [py.list(["a", "b", "c"].map(py.str)), py.int(0)])
    #expect(py.show(fromKeys) == "{'a': 0, 'b': 0, 'c': 0}")
    let d = py.dict([(py.int(1), py.int(2))])
    #expect(py.show(runtime.ref.binaryOp(d, py.dict([(py.int(3), py.int(4))]), 7)) == "{1: 2, 3: 4}")
    #expect(py.show(runtime.ref.binaryOp(d, py.list([py.tuple([5, 6])]), 20)) == "{1: 2, 5: 6}")
    #expect(py.show(runtime.ref.binaryOp(d, py.list([1]), 7)) == "TypeError: unsupported operand type(s) for |: 'dict' and 'list'")
  }

  @Test func viewsAndSetOperations() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let d = py.dict([(py.int(1), py.int(2)), (py.int(3), py.int(4))])
    let keys = py.method(d, "keys")!, items = py.method(d, "items")!, values = py.method(d, "values")!
    #expect(py.show(keys) == "dict_keys([1, 3])")
    #expect(py.show(items) == "dict_items([(1, 2), (3, 4)])")
    #expect(py.show(values) == "dict_values([2, 4])")
    #expect(rt.length(keys) == 2)
    #expect(rt.contains(items, py.tuple([3, 4])) == 1)
    #expect(rt.contains(items, py.tuple([3, 5])) == 0)
    #expect(rt.contains(values, py.int(4)) == 1)
    #expect(py.show(rt.binaryOp(keys, py.make("set", [py.list([1, 5])])!, 1)) == "{1}")
    #expect(py.show(rt.binaryOp(keys, py.list([7]), 7)) == "{1, 3, 7}")
    #expect(py.show(rt.binaryOp(keys, py.list([1]), 10)) == "{3}")
    #expect(py.show(rt.binaryOp(py.list([1, 9]), keys, 10)) == "{9}")
    #expect(py.show(rt.binaryOp(keys, py.list([1, 5]), 12)) == "{3, 5}")
    let other = py.method(py.dict([(py.int(1), py.int(2)), (py.int(5), py.int(6))]), "items")!
    #expect(py.show(rt.binaryOp(items, other, 12)) == "{(5, 6), (3, 4)}")
    #expect(py.show(rt.richCompare(keys, py.make("set", [py.list([1, 3])])!, .equal)) == "True")
    #expect(py.show(rt.richCompare(keys, py.make("set", [py.list([1, 3, 4])])!, .lessThan)) == "True")
    #expect(py.show(py.make("list", [py.make("reversed", [d])!])) == "[3, 1]")
    #expect(py.show(py.method(keys, "isdisjoint", [py.list([5])])) == "True")
  }

  @Test func iterationGuards() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    let d = py.dict([(py.int(1), py.int(2))])
    let iterator = rt.iter(d)!
    #expect(rt.dictSetItem(d, py.int(5), py.int(6)))
    #expect(rt.next(iterator) == nil)
    #expect(py.show(nil) == "RuntimeError: dictionary changed size during iteration")
    #expect(rt.next(iterator) == nil)
    #expect(py.show(nil) == "RuntimeError: dictionary changed size during iteration")
    // Same size, different keys.
    let e = py.dict([(py.int(1), py.int(2)), (py.int(3), py.int(4))])
    let keys = rt.iter(e)!
    _ = rt.next(keys)
    #expect(rt.dictDelItem(e, py.int(1)))
    #expect(rt.dictSetItem(e, py.int(7), py.int(8)))
    _ = rt.next(keys)
    #expect(rt.next(keys) == nil)
    #expect(py.show(nil) == "RuntimeError: dictionary keys changed during iteration")
  }

  @Test func subclassMissingAndTracking() {
    let runtime = Runtime()
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    #expect(!rt.isTracked(py.dict([(py.int(1), py.int(2))])))
    #expect(rt.isTracked(py.dict([(py.int(1), py.list([2]))])))
    let copied = py.method(py.dict([(py.int(1), py.list([2]))]), "copy")!
    #expect(rt.isTracked(copied))
  }

  @Test func sizesFollowCPython() {
    let runtime = Runtime(hashSeed: 0)
    let py = Py(rt: runtime.ref)
    let rt = runtime.ref
    func size(_ dict: PyRef) -> Int { IntObject.value(py.method(dict, "__sizeof__")!) + 16 }
    #expect(size(py.dict([])) == 64)
    #expect(size(py.dict([(py.str("a"), py.int(1))])) == 184)
    #expect(size(py.dict([(py.int(1), py.int(1))])) == 224)
    let mixed = py.dict([(py.str("a"), py.int(1)), (py.int(1), py.int(2))])
    #expect(size(mixed) == 352)
    let ten = py.dict((0..<10).map { (py.int($0), py.int($0)) })
    #expect(size(ten) == 352)
    for key in 0..<9 { #expect(rt.dictDelItem(ten, py.int(key))) }
    #expect(size(py.method(ten, "copy")!) == 352)
    let big = py.dict((0..<21).map { (py.int($0), py.int($0)) })
    let merged = py.dict([])
    #expect(rt.dictMerge(merged, big, override: 1))
    #expect(size(merged) == size(big))
    let fromKeys = py.method(py.type("dict"), "fromkeys", [py.make("range", [py.int(10)])!])!
    #expect(size(fromKeys) == 352)
  }
}
