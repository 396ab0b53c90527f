import PyMemory

extension HeapMap {
  /// The heap as a picture (`pyheap --heap-map FILE.svg`): one 8 × 8 square per arena, one
  /// cell per 16 KiB pool. A pool in use is coloured by its size class (one hue per class,
  /// named in the legend) and by how full it is
  /// (pale: few blocks out; deep: nearly full); an empty pool is grey, a never-carved
  /// pool is white. Hovering a cell shows its figures. Plain SVG 1.1 (rectangles, text,
  /// titles), so any browser renders it.
  public func svg(title: String) -> String {
    typealias F = ReportFormatting
    let cell = 14, gap = 1, pitch = cell + gap
    let side = 8
    let arenaSide = side * pitch
    let arenaGap = 24, labelHeight = 16
    let perRow = 8
    let margin = 16, headerHeight = 70
    let columns = max(1, min(perRow, arenas.count))
    let rows = (arenas.count + perRow - 1) / perRow
    let width = max(margin * 2 + columns * (arenaSide + arenaGap) - arenaGap, 900)
    let legendPerRow = (width - 2 * margin) / 52

    var usedPools = 0, emptyPools = 0, untouchedPools = 0, bytesInUse = 0
    var classesSeen = Set<Int>()
    for arena in arenas {
      for pool in arena.pools {
        switch pool {
        case .used(let sizeClass, _, _):
          usedPools += 1
          classesSeen.insert(sizeClass)
        case .empty: emptyPools += 1
        case .untouched: untouchedPools += 1
        }
        bytesInUse += pool.bytesInUse
      }
    }
    let arenaBytes = arenas.count * SizeClass.arenaSize
    let legendRows = max(1, (classesSeen.count + legendPerRow - 1) / legendPerRow)
    let legendHeight = 80 + legendRows * 20
    let height = margin + headerHeight + rows * (arenaSide + labelHeight + arenaGap) + legendHeight + margin

    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
      font-family="Helvetica, Arial, sans-serif" font-size="12">

      """
    out += "<title>\(F.xmlEscaped(title))</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
    out += "<text x=\"\(margin)\" y=\"\(margin + 14)\" font-size=\"16\" font-weight=\"bold\">\(F.xmlEscaped(title))</text>\n"
    let summary = "\(arenas.count) arena\(arenas.count == 1 ? "" : "s") (\(F.size(arenaBytes))): \(usedPools) pools in use, "
      + "\(emptyPools) empty, \(untouchedPools) untouched; \(F.size(bytesInUse)) in blocks "
      + "(\(F.percent(arenaBytes == 0 ? 0 : Double(bytesInUse) / Double(arenaBytes))) of the arenas)"
    out += "<text x=\"\(margin)\" y=\"\(margin + 36)\" fill=\"#333333\">\(F.xmlEscaped(summary))</text>\n"
    out += "<text x=\"\(margin)\" y=\"\(margin + 54)\" fill=\"#666666\" font-size=\"11\">"
      + "Each square is a 1 MiB arena (#index: bytes in its blocks), each cell a 16 KiB pool; hover a cell for its figures.</text>\n"

    for (position, arena) in arenas.enumerated() {
      let x0 = margin + (position % perRow) * (arenaSide + arenaGap)
      let y0 = margin + headerHeight + (position / perRow) * (arenaSide + labelHeight + arenaGap)
      let used = arena.pools.reduce(0) { $0 + $1.bytesInUse }
      out += "<g>\n"
      out += "<rect x=\"\(x0 - 1)\" y=\"\(y0 - 1)\" width=\"\(arenaSide + 1)\" height=\"\(arenaSide + 1)\" "
        + "fill=\"none\" stroke=\"#999999\" stroke-width=\"1\"/>\n"
      for (index, pool) in arena.pools.enumerated() {
        let x = x0 + (index % side) * pitch, y = y0 + (index / side) * pitch
        let (fill, stroke, tip) = HeapMap.style(pool, arena: arena.index, pool: index)
        out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(fill)\""
          + (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "") + "><title>\(F.xmlEscaped(tip))</title></rect>\n"
      }
      let label = "#\(arena.index): \(F.size(used)) used"
      out += "<text x=\"\(x0)\" y=\"\(y0 + arenaSide + 12)\" font-size=\"11\" fill=\"#333333\">\(F.xmlEscaped(label))</text>\n"
      out += "</g>\n"
    }

    // Legend: the size classes present, then the fill scale and the two pool states.
    let legendY = margin + headerHeight + rows * (arenaSide + labelHeight + arenaGap) + 4
    out += "<text x=\"\(margin)\" y=\"\(legendY + 10)\" font-weight=\"bold\">Size classes (block size)</text>\n"
    for (position, sizeClass) in classesSeen.sorted().enumerated() {
      let x = margin + (position % legendPerRow) * 52
      let y = legendY + 18 + (position / legendPerRow) * 20
      out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(HeapMap.colour(sizeClass, fill: 0.8))\"/>\n"
      out += "<text x=\"\(x + cell + 3)\" y=\"\(y + 11)\" font-size=\"11\">\(SizeClass.blockSize(ofClass: sizeClass))</text>\n"
    }
    if classesSeen.isEmpty {
      out += "<text x=\"\(margin)\" y=\"\(legendY + 29)\" font-size=\"11\">(no pool in use)</text>\n"
    }
    let scaleY = legendY + 24 + legendRows * 20
    out += "<text x=\"\(margin)\" y=\"\(scaleY + 11)\" font-size=\"11\">fill:</text>\n"
    for step in 0...4 {
      let share = Double(step) / 4
      out += "<rect x=\"\(margin + 30 + step * (cell + 2))\" y=\"\(scaleY)\" width=\"\(cell)\" height=\"\(cell)\" "
        + "fill=\"\(HeapMap.colour(4, fill: share))\"/>\n"
    }
    let afterScale = margin + 30 + 5 * (cell + 2) + 6
    out += "<text x=\"\(afterScale)\" y=\"\(scaleY + 11)\" font-size=\"11\">0% to 100% of the pool's blocks in use</text>\n"
    let statesY = scaleY + 22
    out += "<rect x=\"\(margin)\" y=\"\(statesY)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"#d9d9d9\"/>\n"
    out += "<text x=\"\(margin + cell + 4)\" y=\"\(statesY + 11)\" font-size=\"11\">empty pool</text>\n"
    out += "<rect x=\"\(margin + 110)\" y=\"\(statesY)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"#ffffff\" "
      + "stroke=\"#cccccc\" stroke-width=\"1\"/>\n"
    out += "<text x=\"\(margin + 110 + cell + 4)\" y=\"\(statesY + 11)\" font-size=\"11\">never carved</text>\n"
    out += "</svg>\n"
    return out
  }

  /// Fill, optional stroke, and tooltip of one pool cell.
  static func style(_ pool: PoolState, arena: Int, pool index: Int) -> (String, String?, String) {
    switch pool {
    case .used(let sizeClass, let inUse, let capacity):
      let share = capacity == 0 ? 0 : Double(inUse) / Double(capacity)
      let tip = "arena \(arena), pool \(index): class \(sizeClass) (\(SizeClass.blockSize(ofClass: sizeClass))-byte blocks), "
        + "\(inUse) of \(capacity) blocks in use (\(ReportFormatting.percent(share)))"
      return (colour(sizeClass, fill: share), nil, tip)
    case .empty:
      return ("#d9d9d9", nil, "arena \(arena), pool \(index): empty")
    case .untouched:
      return ("#ffffff", "#cccccc", "arena \(arena), pool \(index): never carved")
    }
  }

  /// The colour of a size class at a fill level: each class one golden-angle step round the
  /// colour wheel from the previous one (so neighbouring classes never look alike), the
  /// lightness falling from 88% (empty) to 38% (full).
  static func colour(_ sizeClass: Int, fill: Double) -> String {
    let hue = (Double(sizeClass) * 137.508).truncatingRemainder(dividingBy: 360)
    let lightness = 0.88 - 0.50 * min(max(fill, 0), 1)
    return hexColour(hue: hue, saturation: 0.70, lightness: lightness)
  }

  /// HSL to `#rrggbb` (hex, so every SVG viewer reads it).
  static func hexColour(hue: Double, saturation: Double, lightness: Double) -> String {
    let chroma = (1 - abs(2 * lightness - 1)) * saturation
    let sector = hue / 60
    let secondary = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
    let (r, g, b): (Double, Double, Double)
    switch Int(sector) {
    case 0: (r, g, b) = (chroma, secondary, 0)
    case 1: (r, g, b) = (secondary, chroma, 0)
    case 2: (r, g, b) = (0, chroma, secondary)
    case 3: (r, g, b) = (0, secondary, chroma)
    case 4: (r, g, b) = (secondary, 0, chroma)
    default: (r, g, b) = (chroma, 0, secondary)
    }
    let offset = lightness - chroma / 2
    func hex(_ channel: Double) -> String {
      let value = Int(((channel + offset) * 255).rounded())
      let text = String(min(max(value, 0), 255), radix: 16)
      return text.count == 1 ? "0" + text : text
    }
    return "#" + hex(r) + hex(g) + hex(b)
  }
}
