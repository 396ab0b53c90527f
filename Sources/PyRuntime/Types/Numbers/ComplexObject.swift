extension RuntimeRef {
  /// Makes the `complex` type.
  func bootstrapComplex() {}
}
