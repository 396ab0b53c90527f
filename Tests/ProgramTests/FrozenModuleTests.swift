import Foundation
import Testing

/// `PYHEAP_FROZEN_PATH`: a frozen module found in that directory replaces the embedded
/// copy; other frozen modules, and names that are not frozen, are unaffected.
@Suite struct FrozenModuleTests {
  @Test func frozenPathReplacesOnlyFrozenModulesItHolds() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pyheap-frozen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "EDITED = True\n".write(to: directory.appendingPathComponent("heapq.py"), atomically: true, encoding: .utf8)
    try "X = 1\n".write(to: directory.appendingPathComponent("notfrozen.py"), atomically: true, encoding: .utf8)
    let program = """
      import heapq, bisect
      print(getattr(heapq, 'EDITED', False), heapq.__file__, hasattr(bisect, 'insort'))
      try:
          import notfrozen
      except ModuleNotFoundError as error:
          print(error)
      """
    let edited = try PyHeapProcess.run(["-c", program], environment: ["PYHEAP_FROZEN_PATH": directory.path])
    #expect(edited.status == 0, "stderr: \(edited.stderr)")
    #expect(edited.stdout == "True <frozen heapq> True\nNo module named 'notfrozen'\n")
    let embedded = try PyHeapProcess.run(["-c", program])
    #expect(embedded.stdout == "False <frozen heapq> True\nNo module named 'notfrozen'\n")
  }
}
