/// Collects the parts of a `JoinedStr`: literal text is merged until a replacement field
/// interrupts it; empty text is dropped.
///
/// Spans, as CPython 3.11 assigns them: replacement fields, and literal text that comes
/// before a field, span the whole string group (`groupSpan`); the node itself and literal
/// text at its end get `span`, which is the group too, except in a format spec, where it is
/// the STRING token holding the spec.
struct JoinedStrBuilder {
  let span: SourceSpan
  let groupSpan: SourceSpan
  var values: [Expr] = []
  var pending: [UInt8] = []

  init(span: SourceSpan, groupSpan: SourceSpan? = nil) {
    self.span = span
    self.groupSpan = groupSpan ?? span
  }

  mutating func appendLiteral(_ text: [UInt8]) { pending += text }

  mutating func appendField(_ field: Expr) {
    flush(span: groupSpan)
    values.append(field)
  }

  mutating func flush(span: SourceSpan) {
    guard !pending.isEmpty else { return }
    values.append(Expr(.constant(value: .str(pending), kind: nil), span))
    pending = []
  }

  mutating func joinedStr() -> Expr {
    flush(span: span)
    return Expr(.joinedStr(values: values), span)
  }
}
