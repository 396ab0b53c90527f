import Testing
@testable import PyRuntime

/// The algorithms behind `random` and `math` that programs see bit for bit, checked against
/// their published reference values (the programs under Tests/ProgramTests/Programs/modules
/// check the modules themselves against CPython).
struct ModuleAlgorithmTests {
  static func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// FIPS 180-4's examples: the empty message, "abc", the two-block message, and a million
  /// "a" (many blocks fed in uneven pieces).
  @Test func sha512MatchesTheStandardsExamples() {
    var hash = SHA512()
    #expect(Self.hex(hash.digest()) == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
    hash.update(Array("abc".utf8))
    #expect(Self.hex(hash.digest()) == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
    var twoBlocks = SHA512()
    twoBlocks.update(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
    #expect(Self.hex(twoBlocks.digest()) == "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
    var million = SHA512()
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
    for _ in 0..<1001 { million.update(piece) }
    million.update([UInt8](repeating: UInt8(ascii: "a"), count: 1))
    #expect(Self.hex(million.digest()) == "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
    var short = SHA512(digestSize: 48)
    short.update(Array("abc".utf8))
    #expect(Self.hex(short.digest()) == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
  }

  /// The reference implementation's published outputs (mt19937ar.out): seeding by the array
  /// {0x123, 0x234, 0x345, 0x456}, and by the default single seed 5489.
  @Test func mersenneTwisterMatchesTheReferenceOutputs() {
    let words = UnsafeMutablePointer<UInt32>.allocate(capacity: MersenneTwister.stateSize)
    let index = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    defer {
      words.deallocate()
      index.deallocate()
    }
    MersenneTwister.seed(words, index, key: [0x123, 0x234, 0x345, 0x456])
    let first = (0..<5).map { _ in MersenneTwister.next(words, index) }
    #expect(first == [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476])
    MersenneTwister.seed(words, index, 5489)
    #expect(MersenneTwister.next(words, index) == 3_499_211_612)
  }

  /// `fsum` rounds the exact sum once; `hypot` is correctly rounded where the naive formula
  /// is not.
  @Test func exactSumsAndNorms() {
    let runtime = Runtime()
    let rt = runtime.ref
    func sum(_ values: [Double]) -> Double? {
      guard let list = rt.newList() else { return nil }
      defer { rt.decref(list) }
      for value in values {
        let number = rt.newFloat(value)!
        _ = rt.listAppend(list, number)
        rt.decref(number)
      }
      return MathModule.exactSum(rt, list)
    }
    #expect(sum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) == 1.0)
    #expect(sum([1e-16, 1, 1e16]) == 10000000000000002.0)
    #expect(sum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]) == 1e-100)
    var values: [Double] = [3, 4]
    let norm = values.withUnsafeMutableBufferPointer { MathModule.vectorNorm($0, maximum: 4, foundNaN: false) }
    #expect(norm == 5)
  }

  /// The Lanczos gamma is exact at the integers it tabulates and agrees with CPython's
  /// values elsewhere.
  @Test func gammaValues() {
    guard case .value(let half) = MathModule.gamma(0.5), case .value(let ten) = MathModule.gamma(10),
          case .value(let negative) = MathModule.gamma(-0.5), case .value(let logTwenty) = MathModule.logGamma(20.5) else {
      Issue.record("gamma failed")
      return
    }
    #expect(ten == 362_880)
    #expect(half == 1.7724538509055159)
    #expect(negative == -3.544907701811032)
    #expect(logTwenty == 40.8315009745308)
    if case .domain = MathModule.gamma(-2) {} else { Issue.record("gamma(-2) must be a domain error") }
    if case .range = MathModule.gamma(172) {} else { Issue.record("gamma(172) must overflow") }
  }
}
