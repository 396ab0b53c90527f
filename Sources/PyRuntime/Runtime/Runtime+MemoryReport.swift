import PyMemory

/// Everything `pyheap --memory-report` prints, gathered in one pass at the end of a
/// program: tracemalloc's totals and top allocation sites, the collector's work and pauses,
/// and the allocator's arenas, size classes and fragmentation.
public struct MemoryReport: Sendable {
  /// Live traced memory grouped by the line that allocated it (the innermost frame).
  public struct Site: Sendable, Equatable {
    public var filename: String
    public var line: Int
    public var size: Int
    public var count: Int
  }

  /// One generation of the cycle collector.
  public struct Generation: Sendable, Equatable {
    public var collections: Int
    public var collected: Int
    public var uncollectable: Int
    public var totalPauseNanoseconds: UInt64
    public var longestPauseNanoseconds: UInt64
  }

  /// Whether tracemalloc was tracing at the end (the traced figures are 0 otherwise).
  public var isTracing: Bool
  public var tracebackLimit: Int
  /// `tracemalloc.get_traced_memory()` at the end.
  public var tracedCurrent: Int
  public var tracedPeak: Int
  /// Live traced blocks, and bytes of tracemalloc's own tables.
  public var tracedBlocks: Int
  public var tracemallocMemory: Int
  /// The biggest sites, biggest first.
  public var topSites: [Site]
  /// Distinct sites with live blocks.
  public var siteCount: Int
  public var generations: [Generation]
  /// Over all collections.
  public var totalPauseNanoseconds: UInt64
  public var longestPauseNanoseconds: UInt64
  public var allocator: AllocatorStatistics
  /// `sys.getallocatedblocks()`.
  public var allocatedBlocks: Int
}

extension RuntimeRef {
  /// The report for this runtime now; `topSites` bounds the list of sites.
  public func memoryReport(topSites limit: Int = 10) -> MemoryReport {
    var sites: [MemoryReport.Site] = []
    var siteCount = 0
    var blocks = 0
    var tracing = false
    var frameLimit = 1
    if let tracer = state.pointee.tracemalloc {
      tracing = tracer.pointee.isTracing
      frameLimit = tracer.pointee.frameLimit
      struct Key: Hashable { var filename: UInt32; var line: UInt32 }
      var totals: [Key: (size: Int, count: Int)] = [:]
      tracer.pointee.traces.forEach { size, traceback in
        let words = tracer.pointee.tracebacks.traceback(traceback)
        let key = Key(filename: words[1], line: words[2])
        totals[key, default: (0, 0)].size += size
        totals[key, default: (0, 0)].count += 1
      }
      blocks = tracer.pointee.traces.count
      siteCount = totals.count
      let names = tracer.pointee.filenames.names
      sites = totals.map { key, total in
        let filename = key.filename == FilenameTable.unknown ? "<unknown>" : StrObject.string(names[Int(key.filename)])
        return MemoryReport.Site(filename: filename, line: Int(key.line), size: total.size, count: total.count)
      }
      sites.sort {
        ($0.size, $0.count, $1.filename, $1.line) > ($1.size, $1.count, $0.filename, $0.line)
      }
      if sites.count > limit { sites.removeLast(sites.count - limit) }
    }
    let traced = tracedMemory
    let pauses = state.pointee.gc.generationPauses
    let generations = state.pointee.gc.stats.enumerated().map { index, stats in
      MemoryReport.Generation(collections: stats.collections, collected: stats.collected, uncollectable: stats.uncollectable,
                              totalPauseNanoseconds: pauses[index].totalNanoseconds,
                              longestPauseNanoseconds: pauses[index].longestNanoseconds)
    }
    return MemoryReport(
      isTracing: tracing, tracebackLimit: frameLimit, tracedCurrent: traced.current, tracedPeak: traced.peak,
      tracedBlocks: blocks, tracemallocMemory: state.pointee.tracemalloc?.pointee.memoryUsage ?? 0,
      topSites: sites, siteCount: siteCount, generations: generations,
      totalPauseNanoseconds: state.pointee.gc.totalPauseNanoseconds,
      longestPauseNanoseconds: state.pointee.gc.longestPauseNanoseconds,
      allocator: state.pointee.heap.statistics, allocatedBlocks: state.pointee.heap.allocatedBlocks)
  }
}
