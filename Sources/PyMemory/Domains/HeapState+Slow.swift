/// The entry points the public fast paths fall back to: the debug layer, the trace hook,
/// zeroed and large requests.
extension HeapState {
  @usableFromInline @inline(never)
  mutating func allocateSlow(byteCount: Int, domain: MemoryDomain, zeroed: Bool) -> UnsafeMutableRawPointer? {
    let block: UnsafeMutableRawPointer?
    if debug != nil {
      block = debugAllocate(byteCount, domain, zeroed: zeroed)
    } else if zeroed && !(domain.usesPools && byteCount >= 1 && byteCount <= SizeClass.smallRequestThreshold) {
      block = allocateLarge(byteCount, domain, zeroed: true)
    } else {
      block = plainAllocate(byteCount, domain)
      if zeroed, let block { block.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount) }
    }
    if let block, let hook = traceHook { hook.allocated(hook.context, block, byteCount, domain.rawValue) }
    checkAfterSlowPath()
    return block
  }

  @usableFromInline @inline(never)
  mutating func freeSlow(_ pointer: UnsafeMutableRawPointer, domain: MemoryDomain) {
    if debug != nil {
      // Validate before anyone reads the block: it may be foreign or freed already.
      let record = debugCheckBlock(pointer, domain, caller: "free")
      if let hook = traceHook { hook.freed(hook.context, pointer, record.byteCount, domain.rawValue) }
      debugRelease(pointer, record)
    } else {
      if let hook = traceHook {
        hook.freed(hook.context, pointer, hook.wantsFreedSize ? plainBlockSize(pointer, domain) : 0, domain.rawValue)
      }
      plainFree(pointer, domain)
    }
    checkAfterSlowPath()
  }

  mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, byteCount: Int,
                           domain: MemoryDomain) -> UnsafeMutableRawPointer? {
    let moved: UnsafeMutableRawPointer?
    if debug != nil {
      moved = debugReallocate(pointer, byteCount, domain)
    } else {
      moved = plainReallocate(pointer, byteCount, domain)
    }
    if let moved, let hook = traceHook {
      hook.reallocated(hook.context, pointer, moved, byteCount, domain.rawValue)
    }
    checkAfterSlowPath()
    return moved
  }

  /// With the `ExpensiveChecks` trait, the whole heap is verified after every slow path.
  @inline(__always)
  func checkAfterSlowPath() {
    #if PYMEM_EXPENSIVE_CHECKS
    let report = verify()
    precondition(report.isValid, "heap verifier: \(report)")
    #endif
  }
}
