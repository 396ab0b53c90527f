/// `sys._debugmallocstats()`'s text, in CPython 3.11's layout:
///
/// ```
/// Small block threshold = 512, in 32 size classes.
///
/// class   size   num pools   blocks in use  avail blocks
/// -----   ----   ---------   -------------  ------------
///     0     16           1              18          1003
/// …
/// # arenas allocated total           =                    1
/// ```
///
/// Classes without pools are left out. Each labelled line pads its label to column 35, then
/// `=`, then the value right-aligned in 21 columns with thousands separators.
/// The arena-map section describes PyHeap's bitmap (CPython describes its radix tree);
/// the free-list lines that end CPython's report belong to the runtime, which passes them in
/// as `freeListLines`.
/// CPython: Objects/obmalloc.c, `_PyObject_DebugMallocStats()` and `printone()`.
extension AllocatorStatistics {
  public func debugMallocStatsText(freeListLines: [String] = []) -> String {
    var out = "Small block threshold = \(SizeClass.smallRequestThreshold), in \(SizeClass.count) size classes.\n\n"
    out += "class   size   num pools   blocks in use  avail blocks\n"
    out += "-----   ----   ---------   -------------  ------------\n"
    for row in sizeClasses where row.pools > 0 {
      out += pad(row.sizeClass, 5) + " " + pad(row.blockSize, 6) + " " + pad(row.pools, 11) + " "
        + pad(row.blocksInUse, 15) + " " + pad(row.blocksAvailable, 13) + "\n"
    }
    out += "\n"
    out += statLine("# arenas allocated total", arenasAllocatedTotal)
    out += statLine("# arenas reclaimed", arenasReclaimed)
    out += statLine("# arenas highwater mark", arenasHighWater)
    out += statLine("# arenas allocated current", arenasCurrent)
    out += statLine("\(arenasCurrent) arenas * \(SizeClass.arenaSize) bytes/arena", arenaBytes)
    out += "\n"
    var total = 0
    for (label, value) in [
      ("# bytes in allocated blocks", bytesInAllocatedBlocks),
      ("# bytes in available blocks", bytesInAvailableBlocks),
      ("\(unusedPools) unused pools * \(SizeClass.poolSize) bytes", unusedPools * SizeClass.poolSize),
      ("# bytes lost to pool headers", bytesLostToPoolHeaders),
      ("# bytes lost to quantization", bytesLostToQuantization),
      ("# bytes lost to arena alignment", bytesLostToArenaAlignment),
    ] {
      out += statLine(label, value)
      total += value
    }
    out += statLine("Total", total)
    out += "\narena map counts\n"
    out += statLine("# arena map bitmap pages touched", addressMapPagesTouched)
    out += "\n"
    out += statLine("# bytes lost to arena map bitmap", addressMapPagesTouched * 4096)
    out += statLine("Total", addressMapPagesTouched * 4096)
    if !freeListLines.isEmpty {
      out += "\n" + freeListLines.map { $0 + "\n" }.joined()
    }
    return out
  }
}

/// `printone()`: label padded to 35 columns, "=", value in 21 columns with commas.
func statLine(_ label: String, _ value: Int) -> String {
  let padded = label.count < 35 ? label + String(repeating: " ", count: 35 - label.count) : label
  return padded + "=" + pad(thousands(value), 21) + "\n"
}

/// `value` with a comma every three digits.
public func thousands(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
    out.append(digit)
  }
  return value < 0 ? "-" + out : out
}

func pad(_ value: Int, _ width: Int) -> String { pad(String(value), width) }

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
