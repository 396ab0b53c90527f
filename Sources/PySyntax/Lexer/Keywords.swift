/// Python 3.11's keywords and soft keywords.
///
/// The tokenizer returns every identifier as NAME; the parser asks ``isKeyword(_:)`` to tell
/// `if` from `x`. Soft keywords (`match`, `case`, `_`) are names except where the grammar says
/// otherwise, so ``isKeyword(_:)`` is false for them.
///
/// CPython: Lib/keyword.py (`kwlist`, `softkwlist`), generated from Grammar/python.gram.
public enum Keywords {
  /// `keyword.kwlist`.
  public static let all: [String] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
    "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
  ]

  /// `keyword.softkwlist`.
  public static let soft: [String] = ["_", "case", "match"]

  /// Whether `spelling` (UTF-8 bytes of a NAME token) is a hard keyword.
  /// - Complexity: O(1): keywords are 2…8 ASCII bytes, and at most eight share a length.
  public static func isKeyword<C: Collection>(_ spelling: C) -> Bool where C.Element == UInt8 {
    let count = spelling.count
    guard count >= 2, count <= 8, let first = spelling.first else { return false }
    for candidate in byLength[count] where candidate.first == first && spelling.elementsEqual(candidate) {
      return true
    }
    return false
  }

  /// Whether `spelling` is a hard keyword.
  public static func isKeyword(_ spelling: String) -> Bool { isKeyword(Array(spelling.utf8)) }

  /// Whether `spelling` is a soft keyword (`match`, `case`, `_`).
  public static func isSoftKeyword<C: Collection>(_ spelling: C) -> Bool where C.Element == UInt8 {
    soft.contains { spelling.elementsEqual($0.utf8) }
  }

  /// Keyword spellings as bytes, indexed by length.
  private static let byLength: [[[UInt8]]] = (0...8).map { length in
    all.map { Array($0.utf8) }.filter { $0.count == length }
  }
}
