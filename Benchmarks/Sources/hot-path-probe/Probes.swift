import PyMemory
import PyRuntime

// The allocator's fast paths as any client module compiles them.
//
// `Heap.allocate(byteCount:domain:)` and `Heap.free(_:domain:)` are `@inlinable
// @inline(__always)`: they exist only inlined into callers, so there is no symbol of their
// own to inspect. Each probe below is a non-inlined function holding exactly one inlined
// use, compiled in release like a real client. `Scripts/check-hot-paths.sh` disassembles
// every function whose name contains "probe" and fails if one calls into the Swift runtime
// (ARC, exclusivity checks, lazy-global `swift_once`, casts, boxed errors). Calls to the
// allocator's own `@inline(never)` slow paths are expected and allowed.
//
// The probes are `public` so that they keep their names and are not specialised away; main
// calls each with values the optimizer cannot know.

/// `PyObject_Malloc`: the object domain, the default.
@inline(never)
public func probeAllocate(_ heap: borrowing Heap, _ byteCount: Int) -> UnsafeMutableRawPointer? {
  heap.allocate(byteCount: byteCount)
}

/// `PyObject_Free`.
@inline(never)
public func probeFree(_ heap: borrowing Heap, _ block: UnsafeMutableRawPointer?) {
  heap.free(block)
}

/// Allocation in a domain known only at run time (`PyMem_Malloc` / `PyObject_Malloc` /
/// `PyMem_RawMalloc` behind one entry point).
@inline(never)
public func probeAllocateInDomain(_ heap: borrowing Heap, _ byteCount: Int, _ domain: MemoryDomain)
  -> UnsafeMutableRawPointer?
{
  heap.allocate(byteCount: byteCount, domain: domain)
}

/// Free in a domain known only at run time.
@inline(never)
public func probeFreeInDomain(_ heap: borrowing Heap, _ block: UnsafeMutableRawPointer?, _ domain: MemoryDomain) {
  heap.free(block, domain: domain)
}

/// An allocation and a free inlined together, as in a create/destroy sequence.
@inline(never)
public func probeAllocateThenFree(_ heap: borrowing Heap, _ byteCount: Int) -> Bool {
  guard let block = heap.allocate(byteCount: byteCount) else { return false }
  block.storeBytes(of: 0, as: UInt8.self)
  heap.free(block)
  return true
}

/// A fixed-size allocation (the size of a 2-tuple), as object constructors make it: the
/// size-class computation folds to a constant.
@inline(never)
public func probeAllocateConstantSize(_ heap: borrowing Heap) -> UnsafeMutableRawPointer? {
  heap.allocate(byteCount: 56)
}

/// `PyObject_Realloc`. `Heap.reallocate` is not inlinable, so this shows the call site only.
@inline(never)
public func probeReallocate(_ heap: borrowing Heap, _ block: UnsafeMutableRawPointer?, _ byteCount: Int)
  -> UnsafeMutableRawPointer?
{
  heap.reallocate(block, byteCount: byteCount)
}

/// `address_in_range`.
@inline(never)
public func probeOwns(_ heap: borrowing Heap, _ pointer: UnsafeRawPointer) -> Bool {
  heap.owns(pointer)
}

// MARK: - PyRuntime: reference counting and object memory

// `PyRef.incref()`, `RuntimeRef.decref(_:)`, `allocateObject` and `freeObject` are
// `@inlinable @inline(__always)` (or `@inlinable`) in PyRuntime, so, as for the heap, each
// probe holds one inlined use. `decref`'s out-of-line `deallocate` (the count reached zero)
// is the expected slow-path call; the script looks one level into it and reports what it
// calls as a note.

/// `Py_INCREF`.
@inline(never)
public func probeIncref(_ object: PyRef) {
  object.incref()
}

/// `Py_DECREF`: the inlined fast path; the call to `deallocate` happens only on zero.
@inline(never)
public func probeDecref(_ rt: RuntimeRef, _ object: PyRef) {
  rt.decref(object)
}

/// `Py_XDECREF`.
@inline(never)
public func probeDecrefOptional(_ rt: RuntimeRef, _ object: PyRef?) {
  rt.decref(object)
}

/// `Py_INCREF` then `Py_DECREF` of the same object, as a borrowed-to-owned round trip.
@inline(never)
public func probeIncrefThenDecref(_ rt: RuntimeRef, _ object: PyRef) {
  object.incref()
  rt.decref(object)
}

/// `_PyObject_GC_New` / `_PyObject_New`: header, GC links, `count[0]`, the heap type's
/// reference.
@inline(never)
public func probeAllocateObject(_ rt: RuntimeRef, _ type: PyType) -> PyRef? {
  rt.allocateObject(type)
}

/// `PyObject_GC_Del` / `PyObject_Free`, with the heap type's reference released.
@inline(never)
public func probeFreeObject(_ rt: RuntimeRef, _ object: PyRef) {
  rt.freeObject(object)
}

/// An object allocated and freed together, as in a create/destroy sequence.
@inline(never)
public func probeAllocateThenFreeObject(_ rt: RuntimeRef, _ type: PyType) -> Bool {
  guard let object = rt.allocateObject(type) else { return false }
  rt.freeObject(object)
  return true
}

// The dispatch loop's fast paths (Sources/PyRuntime/Interpreter/Eval.swift). `LOAD_FAST`
// and `LOAD_CONST` are a load and an incref; `BINARY_OP` and `COMPARE_OP` on small ints go
// through `fastIntBinary` / `fastIntCompare` before any protocol call.

/// `LOAD_FAST`: read a local slot, take a reference.
@inline(never)
public func probeLoadFast(_ locals: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ index: Int) -> PyRef? {
  guard let value = PyRef(locals[index]) else { return nil }
  value.incref()
  return value
}

/// `LOAD_CONST`: read a constant from the code object's tuple, take a reference.
@inline(never)
public func probeLoadConst(_ constants: PyRef, _ index: Int) -> PyRef? {
  guard let value = TupleObject.item(constants, index) else { return nil }
  value.incref()
  return value
}

/// `BINARY_OP +` on two small ints.
@inline(never)
public func probeSmallIntAdd(_ rt: RuntimeRef, _ a: PyRef, _ b: PyRef) -> PyRef? {
  rt.fastIntBinary(a, b, 0)
}

/// `COMPARE_OP <` on two small ints.
@inline(never)
public func probeSmallIntLess(_ rt: RuntimeRef, _ a: PyRef, _ b: PyRef) -> PyRef? {
  rt.fastIntCompare(a, b, 0)
}
