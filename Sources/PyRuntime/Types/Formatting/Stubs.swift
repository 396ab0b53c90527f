enum FormatMethods {
  static let intFormat: Slot.VectorCall = { _, _, _, _, _ in nil }
  static let floatFormat: Slot.VectorCall = { _, _, _, _, _ in nil }
}
enum StrFormatMethod {
  static let format: Slot.VectorCall = { _, _, _, _, _ in nil }
  static let formatMap: Slot.VectorCall = { _, _, _, _, _ in nil }
  static let dunderFormat: Slot.VectorCall = { _, _, _, _, _ in nil }
}
extension RuntimeRef {
  func percentFormat(_ a: PyRef, _ b: PyRef) -> PyRef? { nil }
}
