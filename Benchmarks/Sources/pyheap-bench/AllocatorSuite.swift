/// Runs allocator cases and turns the samples into result lines.
struct AllocatorSuite {
  static let name = "allocator"

  let repetitions: Int
  let pythonSizes = PythonSizeDistribution()

  /// Both implementations in this process: one warm-up run each, then `repetitions` rounds
  /// that alternate pyheap and glibc, so that a noisy stretch on the shared machine hits both.
  func measureInProcess(_ testCase: AllocatorCase) -> (pyheap: Summary, glibc: Summary) {
    let pyheap = PyHeapBlocks()
    let glibc = GlibcBlocks()
    let slots = PointerArray(count: testCase.slotCount)
    var pyheapSamples: [Sample] = []
    var glibcSamples: [Sample] = []
    Sink.consume(testCase.run(pyheap, slots: slots, pythonSizes: pythonSizes).checksum)
    Sink.consume(testCase.run(glibc, slots: slots, pythonSizes: pythonSizes).checksum)
    for _ in 0..<repetitions {
      pyheapSamples.append(testCase.run(pyheap, slots: slots, pythonSizes: pythonSizes))
      glibcSamples.append(testCase.run(glibc, slots: slots, pythonSizes: pythonSizes))
    }
    for sample in pyheapSamples + glibcSamples { Sink.consume(sample.checksum) }
    return (Summary(pyheapSamples), Summary(glibcSamples))
  }

  /// One implementation alone (the child-process side): the slot array is mapped and touched
  /// and the heap created before the baseline is read, then one warm-up run and
  /// `repetitions` measured runs.
  func measureAlone(_ testCase: AllocatorCase, impl: Impl) -> ResultLine {
    let slots = PointerArray(count: testCase.slotCount)
    let warmUp: Sample
    let samples: [Sample]
    let baseline: Int
    switch impl {
    case .pyheap:
      let allocator = PyHeapBlocks()
      baseline = ResidentMemory.current()
      (warmUp, samples) = runSeries(testCase, allocator, slots: slots)
    case .glibc:
      let allocator = GlibcBlocks()
      baseline = ResidentMemory.current()
      (warmUp, samples) = runSeries(testCase, allocator, slots: slots)
    }
    var summary = Summary(samples)
    summary.peakRSSBytes = max(summary.peakRSSBytes, warmUp.peakRSSBytes)
    return line(testCase, impl: impl.rawValue, summary, extra: [
      ("ns_cold", warmUp.nanosecondsPerOp),
      ("rss_before_bytes", Double(baseline)),
      ("vm_hwm_bytes", Double(ResidentMemory.highWaterMark())),
    ])
  }

  /// The warm-up run, the first touch of every page in a fresh process (reported as
  /// `ns_cold`, and its peak counts), then the measured runs.
  private func runSeries<A: BlockAllocator & ~Copyable>(
    _ testCase: AllocatorCase, _ allocator: borrowing A, slots: borrowing PointerArray
  ) -> (warmUp: Sample, measured: [Sample]) {
    let warmUp = testCase.run(allocator, slots: slots, pythonSizes: pythonSizes)
    Sink.consume(warmUp.checksum)
    var samples: [Sample] = []
    for _ in 0..<repetitions {
      samples.append(testCase.run(allocator, slots: slots, pythonSizes: pythonSizes))
      Sink.consume(samples[samples.count - 1].checksum)
    }
    return (warmUp, samples)
  }

  /// A result line for one implementation, with the spread of its runs as extra fields.
  func line(_ testCase: AllocatorCase, impl: String, _ summary: Summary,
            extra: [(key: String, value: Double)] = []) -> ResultLine {
    ResultLine(
      suite: Self.name, caseName: testCase.name, impl: impl,
      nanosecondsPerOp: summary.nanosecondsPerOp, ops: summary.ops, peakRSSBytes: summary.peakRSSBytes,
      extra: extra + [("ns_min", summary.runs.min()!), ("ns_max", summary.runs.max()!)])
  }
}
