import PyMemory
import PyRuntime

extension MemoryReport {
  /// The report as one JSON document (`pyheap --memory-report=json`): the same figures as
  /// ``text(program:)``, raw (bytes, nanoseconds), for tools.
  public func json(program: String) -> String {
    typealias F = ReportFormatting
    func object(_ fields: [(String, String)]) -> String {
      "{" + fields.map { F.jsonString($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
    func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
    let stats = allocator
    let sites = topSites.map {
      object([("filename", F.jsonString($0.filename)), ("line", String($0.line)), ("size", String($0.size)),
              ("count", String($0.count))])
    }
    let generationItems = generations.enumerated().map { index, generation in
      object([("generation", String(index)), ("collections", String(generation.collections)),
              ("collected", String(generation.collected)), ("uncollectable", String(generation.uncollectable)),
              ("total_pause_ns", String(generation.totalPauseNanoseconds)),
              ("longest_pause_ns", String(generation.longestPauseNanoseconds))])
    }
    let classes = stats.sizeClasses.map {
      object([("size_class", String($0.sizeClass)), ("block_size", String($0.blockSize)), ("pools", String($0.pools)),
              ("blocks_in_use", String($0.blocksInUse)), ("blocks_free", String($0.blocksAvailable))])
    }
    let document = object([
      ("program", F.jsonString(program)),
      ("tracemalloc", object([
        ("tracing", isTracing ? "true" : "false"), ("traceback_limit", String(tracebackLimit)),
        ("peak_bytes", String(tracedPeak)), ("current_bytes", String(tracedCurrent)),
        ("blocks", String(tracedBlocks)), ("sites", String(siteCount)),
        ("tables_bytes", String(tracemallocMemory)), ("top_sites", array(sites)),
      ])),
      ("gc", object([
        ("generations", array(generationItems)),
        ("total_pause_ns", String(totalPauseNanoseconds)), ("longest_pause_ns", String(longestPauseNanoseconds)),
      ])),
      ("arenas", object([
        ("arena_bytes", String(SizeClass.arenaSize)), ("pool_bytes", String(SizeClass.poolSize)),
        ("current", String(stats.arenasCurrent)), ("high_water", String(stats.arenasHighWater)),
        ("allocated_total", String(stats.arenasAllocatedTotal)), ("returned_to_os", String(stats.arenasReclaimed)),
        ("footprint_bytes", String(stats.footprint)), ("peak_footprint_bytes", String(stats.peakFootprint)),
        ("large_blocks", String(stats.largeBlocks)), ("allocated_blocks", String(allocatedBlocks)),
      ])),
      ("size_classes", array(classes)),
      ("fragmentation", object([
        ("bytes_in_allocated_blocks", String(stats.bytesInAllocatedBlocks)),
        ("bytes_in_free_blocks", String(stats.bytesInAvailableBlocks)),
        ("unused_pools", String(stats.unusedPools)),
        ("bytes_lost_to_pool_headers", String(stats.bytesLostToPoolHeaders)),
        ("bytes_lost_to_quantization", String(stats.bytesLostToQuantization)),
        ("ratio", F.fixed(stats.fragmentation, 6)),
      ])),
    ])
    return document + "\n"
  }
}
