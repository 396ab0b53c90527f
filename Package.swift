// swift-tools-version:6.1
import PackageDescription

// Check levels. Swift's `#if` cannot compare numbers, so each level is a flag of its own.
//
// - `PYMEM_CHECKS`: O(1) invariants after every allocator operation. On in debug builds.
// - `PYMEM_EXPENSIVE_CHECKS`: whole-heap walks (the heap verifier) after every slow-path
//   operation. Off unless the `ExpensiveChecks` trait is enabled, because it voids timings:
//   `swift test --traits ExpensiveChecks`.
//
// No `unsafeFlags` anywhere: PyHeap must stay usable as a dependency. The hot state is reached
// through `UnsafeMutablePointer`, which the optimizer does not wrap in dynamic exclusivity
// checks, so `-enforce-exclusivity=unchecked` is not needed (see Scripts/check-hot-paths.sh).
let checks: [SwiftSetting] = [
  .define("PYMEM_CHECKS", .when(configuration: .debug)),
  .define("PYMEM_EXPENSIVE_CHECKS", .when(traits: ["ExpensiveChecks"])),
]

let package = Package(
  name: "PyHeap",
  products: [
    .library(name: "PyHeap", targets: ["PyHeap"]),
    .library(name: "PyMemory", targets: ["PyMemory"]),
    .library(name: "PyRuntime", targets: ["PyRuntime"]),
    .library(name: "PySyntax", targets: ["PySyntax"]),
    .executable(name: "pyheap", targets: ["pyheap"]),
  ],
  traits: [
    .trait(
      name: "ExpensiveChecks",
      description: "Run the heap verifier after every slow-path allocator operation. Slow; voids timings."),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // Bottom layer: OS pages → arenas → pools → blocks. Knows nothing about Python.
    .target(name: "PyMemory", swiftSettings: checks),
    // A cache prefetch hint, which Swift cannot spell (the collector's list walks).
    .target(name: "CPrefetch"),
    // Source text → tokens → AST.
    .target(name: "PySyntax"),
    // AST → symbol tables → bytecode (plain values, no heap objects).
    .target(name: "PyCompiler", dependencies: ["PySyntax"]),
    // Objects, refcounting, the cycle collector, weak references and the interpreter: one
    // module so that refcount and allocator fast paths inline into the dispatch loop.
    // `Lib/` holds the modules written in Python, frozen into the binary (see ModuleTable).
    .target(
      name: "PyRuntime", dependencies: ["PyCompiler", "PySyntax", "PyMemory", "CPrefetch"],
      resources: [.embedInCode("Lib")], swiftSettings: checks),
    // The small public Swift API for embedding.
    .target(name: "PyHeap", dependencies: ["PyRuntime", "PyMemory"]),
    // The command-line tool.
    .executableTarget(
      name: "pyheap",
      dependencies: ["PyHeap", "PySyntax", "PyCompiler", .product(name: "ArgumentParser", package: "swift-argument-parser")]),

    .testTarget(name: "PyMemoryTests", dependencies: ["PyMemory"], swiftSettings: checks),
    .testTarget(name: "PySyntaxTests", dependencies: ["PySyntax"]),
    .testTarget(name: "PyCompilerTests", dependencies: ["PyCompiler"]),
    .testTarget(name: "PyRuntimeTests", dependencies: ["PyRuntime"]),
    .testTarget(name: "PyHeapTests", dependencies: ["PyHeap"]),
    // Python programs run by the `pyheap` executable, checked against CPython's output.
    .testTarget(name: "ProgramTests", dependencies: ["pyheap"], exclude: ["Programs"]),
  ]
)
