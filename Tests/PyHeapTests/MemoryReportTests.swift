import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PyHeap

/// `pyheap --memory-report` and `--heap-map`: the report's figures are consistent, its JSON
/// form parses, and the heap map is well-formed SVG that any browser can render.
@Suite struct MemoryReportTests {
  /// A runtime holding some objects of several sizes, traced.
  static func populated(_ body: (RuntimeRef) throws -> Void) rethrows {
    let runtime = Runtime()
    let rt = runtime.ref
    rt.startTracingMemory(frames: 1)
    let keep = rt.newList()!
    for value in 0..<5000 {
      let int = rt.newInt(value << 40)!
      let text = rt.newStr(String(repeating: "x", count: value % 300))!
      let pair = rt.newTuple([int, text])!
      rt.listAppend(keep, pair)
      rt.decref(pair)
    }
    try body(rt)
    rt.decref(keep)
    rt.stopTracingMemory()
  }

  @Test func reportFiguresAddUp() {
    Self.populated { rt in
      let report = rt.memoryReport(topSites: 5)
      #expect(report.isTracing && report.tracebackLimit == 1)
      #expect(report.tracedCurrent > 5000 * 48 && report.tracedPeak >= report.tracedCurrent)
      #expect(report.topSites.count == 1 && report.topSites[0].filename == "<unknown>")
      #expect(report.topSites[0].size == report.tracedCurrent && report.topSites[0].count == report.tracedBlocks)
      #expect(report.generations.count == 3)
      #expect(report.allocator.arenasCurrent >= 1 && report.allocator.arenasHighWater >= report.allocator.arenasCurrent)
      let text = report.text(program: "demo.py")
      for heading in ["PyHeap memory report: demo.py", "Traced memory (tracemalloc, 1 frame)", "Top allocation sites",
                      "Garbage collection", "Arenas", "Blocks per size class", "Fragmentation"] {
        #expect(text.contains(heading), "missing \(heading)")
      }
    }
  }

  @Test func jsonReportParses() throws {
    try Self.populated { rt in
      let json = rt.memoryReport().json(program: "a \"quoted\"\nname.py")
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      let document = try #require(object)
      #expect(document["program"] as? String == "a \"quoted\"\nname.py")
      let traced = try #require(document["tracemalloc"] as? [String: Any])
      #expect((traced["current_bytes"] as? Int ?? 0) > 0)
      let classes = try #require(document["size_classes"] as? [[String: Any]])
      #expect(classes.count == 32)
      let arenas = try #require(document["arenas"] as? [String: Any])
      #expect((arenas["current"] as? Int ?? 0) >= 1)
    }
  }

  /// The SVG parses as XML, its root is an `svg` element in the SVG namespace, and it has a
  /// cell per pool of every arena.
  @Test func heapMapIsWellFormedSVG() throws {
    try Self.populated { rt in
      let map = rt.state.pointee.heap.map
      #expect(!map.arenas.isEmpty && map.arenas.allSatisfy { $0.pools.count == 64 })
      let svg = map.svg(title: "map of <test> & \"friends\"")
      let parser = XMLParser(data: Data(svg.utf8))
      let collector = ElementCollector()
      parser.delegate = collector
      #expect(parser.parse(), "XML error: \(String(describing: parser.parserError))")
      #expect(collector.root == "svg")
      #expect(collector.namespace == "http://www.w3.org/2000/svg")
      #expect(collector.rectangles >= map.arenas.count * 64)
    }
  }

  @Test func heapMapOfAnEmptyHeapIsStillSVG() throws {
    let heap = Heap()
    let svg = heap.map.svg(title: "empty")
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse())
  }
}

final class ElementCollector: NSObject, XMLParserDelegate {
  var root: String?
  var namespace: String?
  var rectangles = 0

  func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
              attributes: [String: String] = [:]) {
    if root == nil {
      root = name
      namespace = attributes["xmlns"]
    }
    if name == "rect" { rectangles += 1 }
  }
}
