#if canImport(Glibc)
import Glibc
#endif

/// One result line: a flat JSON object on one line of stdout.
///
/// The six fields every line has, in this order: `suite`, `case`, `impl`, `ns_per_op`, `ops`,
/// `peak_rss_bytes` (0 where a field does not apply). Any further fields follow in the order
/// they were added: the numbers of `extra`, then the strings of `labels` (such as the
/// programs suite's `error`).
struct ResultLine {
  var suite: String
  var caseName: String
  var impl: String
  var nanosecondsPerOp: Double
  var ops: Int
  var peakRSSBytes: Int
  var extra: [(key: String, value: Double)] = []
  /// String fields, written after `extra`.
  var labels: [(key: String, value: String)] = []

  /// The line, without a newline.
  var json: String {
    var text = "{\"suite\":\(Self.quoted(suite)),\"case\":\(Self.quoted(caseName)),\"impl\":\(Self.quoted(impl))"
    text += ",\"ns_per_op\":\(Self.number(nanosecondsPerOp)),\"ops\":\(ops),\"peak_rss_bytes\":\(peakRSSBytes)"
    for (key, value) in extra {
      text += ",\(Self.quoted(key)):\(Self.number(value))"
    }
    for (key, value) in labels {
      text += ",\(Self.quoted(key)):\(Self.quoted(value))"
    }
    return text + "}"
  }

  /// Writes the line to stdout and flushes it, so lines appear as cases finish.
  func emit() {
    print(json)
    fflush(nil)   // all output streams; `stdout` itself is not concurrency-safe to name
  }

  /// A value of `extra`, if present.
  func extraValue(_ key: String) -> Double? { extra.first { $0.key == key }?.value }

  // MARK: - Encoding

  /// A JSON number: integers exactly, other values rounded to 3 decimals. Non-finite values,
  /// which JSON cannot hold, become 0.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String((value * 1000).rounded() / 1000)
  }

  static func quoted(_ string: String) -> String {
    var text = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: text.unicodeScalars.append(scalar)
      }
    }
    return text + "\""
  }

  // MARK: - Decoding (lines from our own child processes)

  /// Parses a line this type wrote. Accepts exactly that shape: a flat object of strings
  /// without escapes and numbers. Returns nil for anything else.
  init?(parsing line: Substring) {
    var fields: [(String, String)] = []
    var rest = line.drop(while: { $0 == " " })
    guard rest.first == "{" else { return nil }
    rest = rest.dropFirst()
    while let first = rest.first, first != "}" {
      if first == "," { rest = rest.dropFirst(); continue }
      guard first == "\"", let keyEnd = rest.dropFirst().firstIndex(of: "\"") else { return nil }
      let key = String(rest[rest.index(after: rest.startIndex)..<keyEnd])
      rest = rest[rest.index(after: keyEnd)...]
      guard rest.first == ":" else { return nil }
      rest = rest.dropFirst()
      let value: String
      let isString = rest.first == "\""
      if isString {
        guard let valueEnd = rest.dropFirst().firstIndex(of: "\"") else { return nil }
        value = String(rest[rest.index(after: rest.startIndex)..<valueEnd])
        rest = rest[rest.index(after: valueEnd)...]
      } else {
        let valueEnd = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
        value = String(rest[..<valueEnd])
        rest = rest[valueEnd...]
      }
      fields.append((key, isString ? "\"" + value : value))
    }
    // String values keep their opening quote here, so that "1" and 1 stay apart.
    func field(_ key: String) -> String? { fields.first { $0.0 == key }?.1 }
    func string(_ key: String) -> String? {
      field(key).flatMap { $0.first == "\"" ? String($0.dropFirst()) : nil }
    }
    guard let suite = string("suite"), let caseName = string("case"), let impl = string("impl"),
          let nanoseconds = field("ns_per_op").flatMap(Double.init),
          let ops = field("ops").flatMap(Int.init),
          let peak = field("peak_rss_bytes").flatMap(Int.init)
    else { return nil }
    self.suite = suite
    self.caseName = caseName
    self.impl = impl
    nanosecondsPerOp = nanoseconds
    self.ops = ops
    peakRSSBytes = peak
    let fixed: Set = ["suite", "case", "impl", "ns_per_op", "ops", "peak_rss_bytes"]
    for (key, value) in fields where !fixed.contains(key) {
      if value.first == "\"" {
        labels.append((key, String(value.dropFirst())))
        continue
      }
      guard let number = Double(value) else { return nil }
      extra.append((key, number))
    }
  }

  init(suite: String, caseName: String, impl: String, nanosecondsPerOp: Double, ops: Int,
       peakRSSBytes: Int, extra: [(key: String, value: Double)] = [], labels: [(key: String, value: String)] = []) {
    self.suite = suite
    self.caseName = caseName
    self.impl = impl
    self.nanosecondsPerOp = nanosecondsPerOp
    self.ops = ops
    self.peakRSSBytes = peakRSSBytes
    self.extra = extra
    self.labels = labels
  }
}
