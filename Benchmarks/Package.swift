// swift-tools-version:6.1
import PackageDescription

// PyHeap's benchmarks, kept out of the main package so that it stays free of benchmark-only
// code and dependencies. Everything here is built in release:
//
//   swift run -c release --package-path Benchmarks pyheap-bench allocator
//
// - `pyheap-bench`: the benchmark driver (one JSON object per line on stdout).
// - `hot-path-probe`: tiny `@inline(never)` wrappers around the allocator's inlinable fast
//   paths, compiled the way any client module compiles them. `Scripts/check-hot-paths.sh`
//   disassembles them and fails on Swift runtime calls (ARC, exclusivity, `swift_once`, …).
let package = Package(
  name: "PyHeapBenchmarks",
  products: [
    .executable(name: "pyheap-bench", targets: ["pyheap-bench"]),
    .executable(name: "hot-path-probe", targets: ["hot-path-probe"]),
  ],
  dependencies: [
    .package(name: "PyHeap", path: ".."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    .executableTarget(
      name: "pyheap-bench",
      dependencies: [
        .product(name: "PyMemory", package: "PyHeap"),
        .product(name: "PyRuntime", package: "PyHeap"),
        .product(name: "PySyntax", package: "PyHeap"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "hot-path-probe",
      dependencies: [
        .product(name: "PyMemory", package: "PyHeap"),
        .product(name: "PyRuntime", package: "PyHeap"),
      ]),
  ]
)
