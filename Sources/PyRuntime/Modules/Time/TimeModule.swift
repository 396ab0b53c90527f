#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `time` module: the clocks (`time`, `perf_counter`, `monotonic`, `process_time`,
/// `thread_time` and their `_ns` forms), `sleep`, and the calendar functions in
/// `TimeModule+Calendar.swift`. CPython: Modules/timemodule.c, Python/pytime.c.
extension RuntimeRef {
  func makeTimeModule() -> PyRef? {
    guard let module = newNativeModule("time", functions: TimeModule.clockFunctions + TimeModule.calendarFunctions) else {
      return nil
    }
    let dict = ModuleType.dict(module)
    setItem(dict, "struct_time", StructSequence.type(self, "time.struct_time").object)
    setInt(dict, "_STRUCT_TM_ITEMS", 11)
    setZoneConstants(dict)
    for (name, value) in [("CLOCK_REALTIME", Int(CLOCK_REALTIME)), ("CLOCK_MONOTONIC", Int(CLOCK_MONOTONIC)),
                          ("CLOCK_PROCESS_CPUTIME_ID", Int(CLOCK_PROCESS_CPUTIME_ID)),
                          ("CLOCK_THREAD_CPUTIME_ID", Int(CLOCK_THREAD_CPUTIME_ID)),
                          ("CLOCK_MONOTONIC_RAW", Int(CLOCK_MONOTONIC_RAW)), ("CLOCK_BOOTTIME", Int(CLOCK_BOOTTIME)),
                          ("CLOCK_TAI", 11)] {
      setInt(dict, name, value)
    }
    return module
  }

  /// `timezone`, `altzone`, `daylight` and `tzname`, from the zone `TZ` names now.
  func setZoneConstants(_ dict: PyRef) {
    let zone = TimeModule.zoneInfo()
    setInt(dict, "timezone", zone.timezone)
    setInt(dict, "altzone", zone.altzone)
    setInt(dict, "daylight", zone.daylight ? 1 : 0)
    if let standard = newStr(zone.names.0), let summer = newStr(zone.names.1), let names = newTuple([standard, summer]) {
      setItem(dict, "tzname", names)
      decref(names)
    }
  }
}

enum TimeModule {
  /// A clock's reading in nanoseconds.
  static func nanoseconds(_ clock: clockid_t) -> Int {
    var now = timespec()
    clock_gettime(clock, &now)
    return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
  }

  /// Nanoseconds as float seconds, as CPython converts them (`_PyTime_AsSecondsDouble`):
  /// whole seconds exactly, otherwise the nanosecond count divided by 10^9.
  static func seconds(_ nanoseconds: Int) -> Double {
    if nanoseconds % 1_000_000_000 == 0 { return Double(nanoseconds / 1_000_000_000) }
    return Double(nanoseconds) / 1e9
  }

  static func clock(_ runtime: RawRuntime, _ argv: UnsafePointer<UnsafeMutableRawPointer?>, _ count: Int,
                    _ names: UnsafeMutableRawPointer?, _ qualified: StaticString, _ clock: clockid_t,
                    nanoseconds wantsNanoseconds: Bool) -> UnsafeMutableRawPointer? {
    let a = ModuleArguments(runtime, argv, count, names)
    guard a.count == 0 && a.args.keywordCount == 0 || a.args.expect("\(qualified)", exactly: 0) else { return nil }
    let reading = nanoseconds(clock)
    return wantsNanoseconds ? a.rt.newInt(reading)?.raw : a.rt.newFloat(seconds(reading))?.raw
  }

  static let clockFunctions: [BuiltinFunction] = [
    BuiltinFunction("time") { clock($4, $1, $2, $3, "time.time", CLOCK_REALTIME, nanoseconds: false) },
    BuiltinFunction("time_ns") { clock($4, $1, $2, $3, "time.time_ns", CLOCK_REALTIME, nanoseconds: true) },
    BuiltinFunction("perf_counter") { clock($4, $1, $2, $3, "time.perf_counter", CLOCK_MONOTONIC, nanoseconds: false) },
    BuiltinFunction("perf_counter_ns") { clock($4, $1, $2, $3, "time.perf_counter_ns", CLOCK_MONOTONIC, nanoseconds: true) },
    BuiltinFunction("monotonic") { clock($4, $1, $2, $3, "time.monotonic", CLOCK_MONOTONIC, nanoseconds: false) },
    BuiltinFunction("monotonic_ns") { clock($4, $1, $2, $3, "time.monotonic_ns", CLOCK_MONOTONIC, nanoseconds: true) },
    BuiltinFunction("process_time") {
      clock($4, $1, $2, $3, "time.process_time", CLOCK_PROCESS_CPUTIME_ID, nanoseconds: false)
    },
    BuiltinFunction("process_time_ns") {
      clock($4, $1, $2, $3, "time.process_time_ns", CLOCK_PROCESS_CPUTIME_ID, nanoseconds: true)
    },
    BuiltinFunction("thread_time") { clock($4, $1, $2, $3, "time.thread_time", CLOCK_THREAD_CPUTIME_ID, nanoseconds: false) },
    BuiltinFunction("thread_time_ns") {
      clock($4, $1, $2, $3, "time.thread_time_ns", CLOCK_THREAD_CPUTIME_ID, nanoseconds: true)
    },
    BuiltinFunction("sleep") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.sleep", exactly: 1), let duration = timeout(a.rt, a[0]) else { return nil }
      guard duration >= 0 else {
        a.rt.raise("ValueError", "sleep length must be non-negative")
        return nil
      }
      var request = timespec(tv_sec: duration / 1_000_000_000, tv_nsec: duration % 1_000_000_000)
      var remaining = timespec()
      // Interrupted by a signal: sleep for what is left.
      while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
      return a.rt.newNone().raw
    },
    // `tzset()`: rereads `TZ` and recomputes the zone constants of the module.
    BuiltinFunction("tzset") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.tzset", exactly: 0) else { return nil }
      a.rt.setZoneConstants(ModuleType.dict(PyRef(argv[0]!)))
      return a.rt.newNone().raw
    },
    BuiltinFunction("clock_getres") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.clock_getres", exactly: 1), let id = a.rt.asIndex(a[0]) else { return nil }
      var resolution = timespec()
      guard clock_getres(clockid_t(truncatingIfNeeded: id), &resolution) == 0 else {
        a.rt.raise("OSError", "[Errno 22] Invalid argument")
        return nil
      }
      return a.rt.newFloat(Double(resolution.tv_sec) + Double(resolution.tv_nsec) * 1e-9)?.raw
    },
    BuiltinFunction("clock_gettime") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.clock_gettime", exactly: 1), let id = a.rt.asIndex(a[0]) else { return nil }
      return a.rt.newFloat(seconds(nanoseconds(clockid_t(truncatingIfNeeded: id))))?.raw
    },
    BuiltinFunction("clock_gettime_ns") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.clock_gettime_ns", exactly: 1), let id = a.rt.asIndex(a[0]) else { return nil }
      return a.rt.newInt(nanoseconds(clockid_t(truncatingIfNeeded: id)))?.raw
    },
  ]

  /// A duration in seconds as nanoseconds, rounded away from zero (`_PyTime_FromSecondsObject`
  /// with `_PyTime_ROUND_TIMEOUT`): a float (not NaN, within ±2^63 ns) or an int through
  /// `__index__`.
  static func timeout(_ rt: RuntimeRef, _ object: PyRef) -> Int? {
    if rt.isFloat(object) {
      let value = FloatObject.value(object)
      if value.isNaN {
        rt.raise("ValueError", "Invalid value NaN (not a number)")
        return nil
      }
      let scaled = (value * 1e9).rounded(.awayFromZero)
      guard scaled >= -0x1p63 && scaled < 0x1p63 else {
        rt.raise("OverflowError", "timestamp out of range for platform time_t")
        return nil
      }
      return Int(scaled)
    }
    guard let integer = rt.index(object) else { return nil }
    defer { rt.decref(integer) }
    guard let seconds = IntObject.exactValue(integer) else {
      rt.raise("OverflowError", "timestamp too large to convert to C _PyTime_t")
      return nil
    }
    let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    if overflow {
      rt.raise("OverflowError", "timestamp too large to convert to C _PyTime_t")
      return nil
    }
    return scaled
  }

  /// The local time zone as CPython computes it at import: the UTC offsets and names of
  /// local time at the start of this year and half a year later; the larger offset west
  /// is standard time (which is July's in the southern hemisphere).
  static func zoneInfo() -> (timezone: Int, altzone: Int, daylight: Bool, names: (String, String)) {
    tzset()
    let year = (365 * 24 + 6) * 3600
    var start = time(nil) / year * year
    var january = tm(), july = tm()
    localtime_r(&start, &january)
    var middle = start + year / 2
    localtime_r(&middle, &july)
    let januaryZone = -Int(january.tm_gmtoff), julyZone = -Int(july.tm_gmtoff)
    let januaryName = january.tm_zone.map { String(cString: $0) } ?? ""
    let julyName = july.tm_zone.map { String(cString: $0) } ?? ""
    if januaryZone < julyZone {
      return (julyZone, januaryZone, januaryZone != julyZone, (julyName, januaryName))
    }
    return (januaryZone, julyZone, januaryZone != julyZone, (januaryName, julyName))
  }
}
