/// PySyntax turns Python source text into tokens and an abstract syntax tree.
///
/// The tokenizer and parser arrive with the front-end issue; this file names the module's
/// place in the pipeline (see Documentation and ARCHITECTURE.md).
public enum PySyntax {
  /// The Python grammar version this module targets.
  public static let grammarVersion = "3.11"
}
