/// Python 3.11's hard keywords (`keyword.kwlist`).
///
/// The tokenizer returns keywords as NAME; the parser classifies each NAME once, by length
/// and bytes, so that later checks compare one byte.
enum HardKeyword: UInt8 {
  /// `False`, `None`, `True` (named so that `.noneLiteral` cannot be mistaken for `nil`).
  case falseLiteral, noneLiteral, trueLiteral, and, `as`, assert, async, await, `break`, `class`, `continue`
  case def, del, elif, `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`
  case lambda, nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield

  /// Spellings in declaration order: `keyword.kwlist`, whose order the cases follow.
  static let spellings: [String] = Keywords.all

  /// Keyword cases by spelling length (2…8), for ``classify(_:)``.
  private static let byLength: [[(bytes: [UInt8], keyword: HardKeyword)]] = {
    var table = [[(bytes: [UInt8], keyword: HardKeyword)]](repeating: [], count: 9)
    for (index, spelling) in spellings.enumerated() {
      table[spelling.utf8.count].append((Array(spelling.utf8), HardKeyword(rawValue: UInt8(index))!))
    }
    return table
  }()

  /// The keyword spelled by `bytes`, or nil.
  static func classify(_ bytes: ArraySlice<UInt8>) -> HardKeyword? {
    let count = bytes.count
    guard count >= 2, count <= 8 else { return nil }
    let first = bytes[bytes.startIndex]
    for candidate in byLength[count] where candidate.bytes[0] == first && bytes.elementsEqual(candidate.bytes) {
      return candidate.keyword
    }
    return nil
  }

  /// The spelling, as CPython quotes it in messages.
  var spelling: String { HardKeyword.spellings[Int(rawValue)] }
}
