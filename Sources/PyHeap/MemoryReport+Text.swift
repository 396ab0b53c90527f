import PyMemory
import PyRuntime

extension MemoryReport {
  /// The report as a person reads it (`pyheap --memory-report`). `program` names what ran.
  public func text(program: String) -> String {
    typealias F = ReportFormatting
    var out = "PyHeap memory report: \(program)\n"
    out += String(repeating: "=", count: out.count - 1) + "\n\n"

    out += "Traced memory (tracemalloc"
    if isTracing {
      out += ", \(tracebackLimit) frame\(tracebackLimit == 1 ? "" : "s"))\n"
      out += "  peak                     \(F.size(tracedPeak))\n"
      out += "  at exit                  \(F.size(tracedCurrent)) in \(F.grouped(tracedBlocks)) blocks from \(F.grouped(siteCount)) lines\n"
      out += "  tracemalloc's own tables \(F.size(tracemallocMemory))\n\n"
      out += "Top allocation sites at exit (live blocks, by the line that allocated them)\n"
      if topSites.isEmpty {
        out += "  (none)\n"
      } else {
        out += "  " + F.padLeft("size", 10) + F.padLeft("blocks", 10) + F.padLeft("average", 10) + "  line\n"
        for site in topSites {
          out += "  " + F.padLeft(F.size(site.size), 10) + F.padLeft(F.grouped(site.count), 10)
            + F.padLeft(F.size(site.size / max(site.count, 1)), 10) + "  \(site.filename):\(site.line)\n"
        }
      }
    } else {
      out += ")\n  not tracing at exit (the program stopped tracemalloc)\n"
    }
    out += "\n"

    out += "Garbage collection\n"
    out += "  " + F.padRight("generation", 12) + F.padLeft("collections", 12) + F.padLeft("collected", 11)
      + F.padLeft("uncollectable", 15) + F.padLeft("total pause", 14) + F.padLeft("longest pause", 15) + "\n"
    for (index, generation) in generations.enumerated() {
      out += "  " + F.padRight(String(index), 12) + F.padLeft(F.grouped(generation.collections), 12)
        + F.padLeft(F.grouped(generation.collected), 11) + F.padLeft(F.grouped(generation.uncollectable), 15)
        + F.padLeft(F.milliseconds(generation.totalPauseNanoseconds), 14)
        + F.padLeft(F.milliseconds(generation.longestPauseNanoseconds), 15) + "\n"
    }
    let collections = generations.reduce(0) { $0 + $1.collections }
    let collected = generations.reduce(0) { $0 + $1.collected }
    let uncollectable = generations.reduce(0) { $0 + $1.uncollectable }
    out += "  " + F.padRight("all", 12) + F.padLeft(F.grouped(collections), 12) + F.padLeft(F.grouped(collected), 11)
      + F.padLeft(F.grouped(uncollectable), 15) + F.padLeft(F.milliseconds(totalPauseNanoseconds), 14)
      + F.padLeft(F.milliseconds(longestPauseNanoseconds), 15) + "\n\n"

    let stats = allocator
    out += "Arenas (\(SizeClass.arenaSize / 1024) KiB each, \(SizeClass.poolsPerArena) pools of \(SizeClass.poolSize / 1024) KiB)\n"
    out += "  mapped now               \(F.grouped(stats.arenasCurrent)) (\(F.size(stats.arenaBytes)))\n"
    out += "  high-water mark          \(F.grouped(stats.arenasHighWater))\n"
    out += "  mapped in total          \(F.grouped(stats.arenasAllocatedTotal))\n"
    out += "  returned to the OS       \(F.grouped(stats.arenasReclaimed))\n"
    out += "  heap footprint now       \(F.size(stats.footprint)) (arenas and \(F.grouped(stats.largeBlocks)) large blocks)\n"
    out += "  heap footprint peak      \(F.size(stats.peakFootprint))\n"
    out += "  allocated blocks         \(F.grouped(allocatedBlocks)) (sys.getallocatedblocks())\n\n"

    out += "Blocks per size class (classes with pools in use)\n"
    out += "  " + F.padLeft("class", 5) + F.padLeft("size", 6) + F.padLeft("pools", 7) + F.padLeft("in use", 11)
      + F.padLeft("free", 11) + F.padLeft("fill", 8) + "\n"
    var anyClass = false
    for row in stats.sizeClasses where row.pools > 0 {
      anyClass = true
      let capacity = row.blocksInUse + row.blocksAvailable
      out += "  " + F.padLeft(String(row.sizeClass), 5) + F.padLeft(String(row.blockSize), 6)
        + F.padLeft(F.grouped(row.pools), 7) + F.padLeft(F.grouped(row.blocksInUse), 11)
        + F.padLeft(F.grouped(row.blocksAvailable), 11)
        + F.padLeft(F.percent(capacity == 0 ? 0 : Double(row.blocksInUse) / Double(capacity)), 8) + "\n"
    }
    if !anyClass { out += "  (no pool in use)\n" }
    out += "\n"

    out += "Fragmentation (bytes of the mapped arenas)\n"
    let arenaBytes = max(stats.arenaBytes, 1)
    let rows: [(String, Int)] = [
      ("in allocated blocks", stats.bytesInAllocatedBlocks),
      ("in free blocks of used pools", stats.bytesInAvailableBlocks),
      ("in empty or untouched pools", stats.unusedPools * SizeClass.poolSize),
      ("pool headers", stats.bytesLostToPoolHeaders),
      ("lost to quantization", stats.bytesLostToQuantization),
    ]
    for (label, bytes) in rows {
      out += "  " + F.padRight(label, 30) + F.padLeft(F.size(bytes), 10)
        + F.padLeft(F.percent(Double(bytes) / Double(arenaBytes)), 8) + "\n"
    }
    out += "  fragmentation: \(F.percent(stats.fragmentation)) of arena bytes hold no live block\n"
    return out
  }
}
