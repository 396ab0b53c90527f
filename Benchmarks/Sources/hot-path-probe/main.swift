import PyMemory
import PyRuntime

// Calls every probe once with values that depend on the command line, so that none is
// dead code and none is constant-folded. Prints a checksum; the output itself is of no
// interest. The real product of this target is its machine code (Scripts/check-hot-paths.sh).

func runProbes() -> Int {
  let heap = Heap()
  let size = 16 &* CommandLine.arguments.count &+ 24
  let domain = CommandLine.arguments.count > 5 ? MemoryDomain.raw : .mem
  var checksum = 0
  if let block = probeAllocate(heap, size) {
    checksum &+= probeOwns(heap, block) ? 1 : 0
    let grown = probeReallocate(heap, block, size &* 3)
    probeFree(heap, grown)
  }
  if let block = probeAllocateInDomain(heap, size, domain) {
    probeFreeInDomain(heap, block, domain)
  }
  checksum &+= probeAllocateThenFree(heap, size) ? 2 : 0
  if let block = probeAllocateConstantSize(heap) {
    checksum &+= probeOwns(heap, block) ? 4 : 0
    probeFree(heap, block)
  }
  return checksum
}

func runRuntimeProbes() -> Int {
  let runtime = Runtime()
  let rt = runtime.ref
  var checksum = 0
  // Reference counting on a real object (its deallocation must work).
  guard let list = rt.newList() else { return -1 }
  probeIncref(list)
  probeIncrefThenDecref(rt, list)
  probeDecrefOptional(rt, CommandLine.arguments.count > 6 ? nil : list)
  checksum &+= list.refcount
  probeDecref(rt, list)    // 1 → 0: deallocates
  // Raw object memory of a GC type (a class) or a plain one (int), chosen at run time; the
  // payload is never read, the object is freed as it came.
  let type = CommandLine.arguments.count > 5 ? rt.state.pointee.types.int! : rt.newClass(name: "C", attributeCount: 2)
  checksum &+= probeAllocateThenFreeObject(rt, type) ? 8 : 0
  if let object = probeAllocateObject(rt, type) {
    probeFreeObject(rt, object)
  }
  // The loop's fast paths on small ints.
  if let a = rt.newInt(CommandLine.arguments.count), let b = rt.newInt(40), let constants = rt.newTuple([a, b]) {
    b.incref()
    if let sum = probeSmallIntAdd(rt, a, b) { checksum &+= IntObject.value(sum); rt.decref(sum) }
    if let less = probeSmallIntLess(rt, a, b) { checksum &+= rt.isTrue(less) == 1 ? 16 : 0; rt.decref(less) }
    if let constant = probeLoadConst(constants, 1) { rt.decref(constant) }
    var slots: [UnsafeMutableRawPointer?] = [b.raw, nil]
    slots.withUnsafeMutableBufferPointer { buffer in
      if let local = probeLoadFast(buffer.baseAddress!, 0) { rt.decref(local) }
    }
    rt.decref(b)
    rt.decref(constants)
  }
  return checksum
}

print("hot-path-probe: \(runProbes()) \(runRuntimeProbes())")
