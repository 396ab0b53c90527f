/// `sys`'s struct sequences: `version_info`, `float_info`, `int_info`, `hash_info`, `flags`,
/// and the `UnraisableHookArgs` type. They are tuples with named fields, made by the frozen
/// `_pyheap_structseq` module (CPython makes them in C: Objects/structseq.c).
extension RuntimeRef {
  /// Adds the struct sequences to `sys`'s dict; false with an exception set on failure.
  func addStructSequences(to dict: PyRef) -> Bool {
    guard let factory = importModule("_pyheap_structseq") else { return false }
    defer { decref(factory) }
    let sequences: [(String, [(String, PyRef?)])] = [
      ("version_info", [("major", newInt(3)), ("minor", newInt(11)), ("micro", newInt(7)),
                        ("releaselevel", newStr("final")), ("serial", newInt(0))]),
      ("float_info", [("max", newFloat(Double.greatestFiniteMagnitude)), ("max_exp", newInt(1024)),
                      ("max_10_exp", newInt(308)), ("min", newFloat(Double.leastNormalMagnitude)),
                      ("min_exp", newInt(-1021)), ("min_10_exp", newInt(-307)), ("dig", newInt(15)),
                      ("mant_dig", newInt(53)), ("epsilon", newFloat(Double.ulpOfOne)), ("radix", newInt(2)),
                      ("rounds", newInt(1))]),
      ("int_info", [("bits_per_digit", newInt(30)), ("sizeof_digit", newInt(4)),
                    ("default_max_str_digits", newInt(IntObject.defaultStrDigitsLimit)),
                    ("str_digits_check_threshold", newInt(640))]),
      ("hash_info", [("width", newInt(64)), ("modulus", newInt((1 << 61) - 1)), ("inf", newInt(314_159)),
                     ("nan", newInt(0)), ("imag", newInt(1_000_003)), ("algorithm", newStr("siphash13")),
                     ("hash_bits", newInt(64)), ("seed_bits", newInt(128)), ("cutoff", newInt(0))]),
      ("flags", [("debug", newInt(0)), ("inspect", newInt(0)), ("interactive", newInt(0)), ("optimize", newInt(0)),
                 ("dont_write_bytecode", newInt(0)), ("no_user_site", newInt(0)), ("no_site", newInt(0)),
                 ("ignore_environment", newInt(0)), ("verbose", newInt(0)), ("bytes_warning", newInt(0)),
                 ("quiet", newInt(0)), ("hash_randomization", newInt(1)), ("isolated", newInt(0)),
                 ("dev_mode", newBool(false)), ("utf8_mode", newInt(0)), ("warn_default_encoding", newInt(0)),
                 ("safe_path", newBool(false)), ("int_max_str_digits", newInt(-1))]),
    ]
    for (name, fields) in sequences {
      guard fields.allSatisfy({ $0.1 != nil }) else { return false }
      let values = newTuple(fields.map { $0.1! })!
      guard let instance = callFactory(factory, "make", name, fields.map(\.0), values) else { return false }
      defer { decref(instance) }
      guard setItem(dict, name, instance) else { return false }
    }
    let hookFields = ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"]
    guard let argumentsType = callFactory(factory, "make_type", "UnraisableHookArgs", hookFields, nil) else { return false }
    state.pointee.interpreter.unraisableHookArgsType = argumentsType.raw
    return setItem(dict, "UnraisableHookArgs", argumentsType)
  }

  /// `factory.method('sys', name, fields[, values])`; `values` is consumed.
  private func callFactory(_ factory: PyRef, _ method: String, _ name: String, _ fields: [String], _ values: PyRef?) -> PyRef? {
    var arguments = [newStr("sys")!, newStr(name)!, newTuple(fields.map { newStr($0)! })!]
    if let values { arguments.append(values) }
    defer { for argument in arguments { decref(argument) } }
    return callMethod(factory, method, arguments)
  }
}
