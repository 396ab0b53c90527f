import Testing
import PyCompiler
import PySyntax

@Suite struct PyCompilerTests {
  /// The compiler accepts exactly the grammar the parser reads.
  @Test func compilerFollowsTheParsersGrammar() {
    #expect(PyCompiler.grammarVersion == PySyntax.grammarVersion)
    #expect(PyCompiler.grammarVersion == "3.11")
  }
}
