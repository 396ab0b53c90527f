#if canImport(Glibc)
import Glibc
#endif

/// The parse suite's input: the `.py` files of a directory tree (CPython's installed standard
/// library by default), in the order `Scripts/compare-stdlib-ast.sh` lists them: Python's
/// `os.walk` top down, names sorted by code point, `site-packages` skipped.
///
/// The list goes to the children that measure (this binary and `python3`) as a file of paths,
/// one per line, so both parse exactly the same files.
enum SourceCorpus {
  /// The standard library of `python`: `sysconfig.get_paths()["stdlib"]`.
  static func standardLibrary(python: String) throws -> String {
    let output = try ChildProcess.run(python, ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
    let path = output.split(separator: "\n").first.map(String.init) ?? ""
    guard path.hasPrefix("/") else {
      throw ChildProcess.Failure(description: "\(python) did not print its standard library's path: \(output)")
    }
    return path
  }

  /// Every `.py` file under `root`.
  static func pythonFiles(under root: String) throws(ChildProcess.Failure) -> [String] {
    var files: [String] = []
    try walk(root, into: &files)
    return files
  }

  private static func walk(_ directory: String, into files: inout [String]) throws(ChildProcess.Failure) {
    guard let handle = opendir(directory) else {
      throw ChildProcess.Failure(description: "cannot read the directory \(directory) (errno \(errno))")
    }
    var names: [[UInt8]] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      if name != Array(".".utf8) && name != Array("..".utf8) { names.append(name) }
    }
    closedir(handle)
    // UTF-8 byte order is code-point order, which is how Python sorts `str`.
    names.sort { $0.lexicographicallyPrecedes($1) }

    var subdirectories: [String] = []
    for name in names {
      let path = directory + "/" + String(decoding: name, as: UTF8.self)
      var info = stat()
      guard stat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFDIR {
        // os.walk does not descend into symbolic links to directories.
        var linkInfo = stat()
        if lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFDIR, name != Array("site-packages".utf8) {
          subdirectories.append(path)
        }
      } else if name.count > 3, name.suffix(3).elementsEqual(".py".utf8) {
        files.append(path)
      }
    }
    for path in subdirectories { try walk(path, into: &files) }
  }

  /// The whole file.
  static func read(_ path: String) throws(ChildProcess.Failure) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw ChildProcess.Failure(description: "cannot open \(path) (errno \(errno))") }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count > 0 {
        bytes += buffer[0..<count]
      } else if count == 0 {
        return bytes
      } else if errno != EINTR {
        throw ChildProcess.Failure(description: "cannot read \(path) (errno \(errno))")
      }
    }
  }

  /// Writes `paths`, one per line, to a new temporary file and returns its path.
  static func writeList(_ paths: [String]) throws(ChildProcess.Failure) -> String {
    try TemporaryFile.write(paths.map { $0 + "\n" }.joined(), name: "pyheap-bench-files-XXXXXX.txt")
  }

  /// The paths of a list ``writeList(_:)`` wrote.
  static func readList(_ path: String) throws(ChildProcess.Failure) -> [String] {
    String(decoding: try read(path), as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
