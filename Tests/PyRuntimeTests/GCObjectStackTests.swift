import Testing
@testable import PyRuntime

/// The collector's raw pointer stack: pushes past several growths keep every entry, in order.
@Suite struct GCObjectStackTests {
  @Test func pushesAcrossGrowthsKeepOrder() {
    let block = UnsafeMutableRawPointer.allocate(byteCount: 8 * 300, alignment: 8)
    defer { block.deallocate() }
    var stack = GCObjectStack()
    #expect(stack.count == 0)
    for index in 0 ..< 300 { stack.push(PyRef(block + 8 * index)) }
    #expect(stack.count == 300)
    for index in 0 ..< 300 { #expect(stack[index].raw == block + 8 * index) }
    stack.release()
    #expect(stack.count == 0)
    stack.push(PyRef(block))
    #expect(stack.count == 1 && stack[0].raw == block)
    stack.release()
  }
}
