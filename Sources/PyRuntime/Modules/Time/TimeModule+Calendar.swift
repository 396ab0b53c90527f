#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Broken-down time: `gmtime`, `localtime`, `mktime`, `asctime`, `ctime`, `strftime`,
/// converting between `struct_time` and C's `struct tm` with CPython's checks.
/// CPython: Modules/timemodule.c (`tmtotuple`, `gettmarg`, `checktm`, `_asctime`,
/// `time_strftime`).
extension TimeModule {
  static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// A `struct_time` from a `struct tm`: 1-based month and day of the year, Monday = 0.
  static func structTime(_ rt: RuntimeRef, _ value: tm) -> PyRef? {
    let numbers = [Int(value.tm_year) + 1900, Int(value.tm_mon) + 1, Int(value.tm_mday), Int(value.tm_hour),
                   Int(value.tm_min), Int(value.tm_sec), (Int(value.tm_wday) + 6) % 7, Int(value.tm_yday) + 1,
                   Int(value.tm_isdst)]
    var items: [PyRef] = []
    for number in numbers {
      guard let item = rt.newInt(number) else {
        for item in items { rt.decref(item) }
        return nil
      }
      items.append(item)
    }
    let zone = value.tm_zone.map { rt.newStr(String(cString: $0)) } ?? rt.newNone()
    guard let zone, let offset = rt.newInt(Int(value.tm_gmtoff)) else {
      for item in items { rt.decref(item) }
      return nil
    }
    items.append(zone)
    items.append(offset)
    return StructSequence.make(rt, StructSequence.type(rt, "time.struct_time"), items)
  }

  /// Seconds since the epoch as `time_t`, floored (`_PyTime_ObjectToTime_t`); None or
  /// nothing is now.
  static func epochSeconds(_ rt: RuntimeRef, _ object: PyRef?) -> time_t? {
    guard let object, object != rt.state.pointee.none else { return time(nil) }
    if rt.isFloat(object) {
      let value = FloatObject.value(object)
      if value.isNaN {
        rt.raise("ValueError", "Invalid value NaN (not a number)")
        return nil
      }
      let whole = value.rounded(.down)
      guard whole >= -0x1p63 && whole < 0x1p63 else {
        rt.raise("OverflowError", "timestamp out of range for platform time_t")
        return nil
      }
      return time_t(whole)
    }
    guard let integer = rt.index(object) else { return nil }
    defer { rt.decref(integer) }
    guard let seconds = IntObject.exactValue(integer) else {
      rt.raise("OverflowError", "timestamp out of range for platform time_t")
      return nil
    }
    return time_t(seconds)
  }

  /// `gmtime([secs])` / `localtime([secs])`.
  static func brokenDown(_ a: ModuleArguments, _ name: String, local: Bool) -> PyRef? {
    let rt = a.rt
    guard a.args.noKeywords(name) else { return nil }
    guard a.count <= 1 else {
      rt.raise("TypeError", "\(name)() takes at most 1 argument (\(a.count) given)")
      return nil
    }
    guard var seconds = epochSeconds(rt, a.count == 1 ? a[0] : nil) else { return nil }
    var value = tm()
    let converted = local ? localtime_r(&seconds, &value) : gmtime_r(&seconds, &value)
    guard converted != nil else {
      rt.raise("OverflowError", "timestamp out of range for platform time_t")
      return nil
    }
    return structTime(rt, value)
  }

  /// A C string kept alive while a `struct tm` points at it (`tm_zone`).
  final class ZoneName {
    let pointer: UnsafeMutablePointer<CChar>
    init(_ text: String) { pointer = strdup(text) }
    deinit { free(pointer) }
  }

  /// `gettmarg`: a tuple (or struct_time) of nine ints as a `struct tm`, with the month and
  /// day of the year made 0-based and the weekday Sunday-based. A struct_time also gives its
  /// zone name and offset. `message` is the count error ("strftime(): illegal time tuple
  /// argument").
  static func tmArgument(_ rt: RuntimeRef, _ object: PyRef, _ message: String, zone: inout ZoneName?) -> tm? {
    guard object.type.record.pointee.kind == .tuple else {
      rt.raise("TypeError", "Tuple or struct_time argument required")
      return nil
    }
    guard TupleObject.count(object) == 9 else {
      rt.raise("TypeError", message)
      return nil
    }
    var fields = [Int32](repeating: 0, count: 9)
    for index in 0..<9 {
      let item = TupleObject.item(object, index)!
      if rt.isFloat(item) {
        rt.raise("TypeError", "'float' object cannot be interpreted as an integer")
        return nil
      }
      guard let integer = rt.index(item) else { return nil }
      defer { rt.decref(integer) }
      guard let value = IntObject.exactValue(integer), value <= Int(Int32.max), value >= Int(Int32.min) else {
        rt.raise("OverflowError", IntObject.isNegative(integer) ? "signed integer is less than minimum"
                                                                  : "signed integer is greater than maximum")
        return nil
      }
      fields[index] = Int32(value)
    }
    if fields[0] < Int32.min + 1900 {
      rt.raise("OverflowError", "year out of range")
      return nil
    }
    var value = tm()
    value.tm_year = fields[0] - 1900
    value.tm_mon = fields[1] &- 1
    value.tm_mday = fields[2]
    value.tm_hour = fields[3]
    value.tm_min = fields[4]
    value.tm_sec = fields[5]
    value.tm_wday = (fields[6] &+ 1) % 7
    value.tm_yday = fields[7] &- 1
    value.tm_isdst = fields[8]
    if object.type == StructSequence.type(rt, "time.struct_time") {
      let items = TupleObject.items(object)
      if let name = PyRef(items[9]), name != rt.state.pointee.none, rt.isInstance(name, rt.state.pointee.types.str) {
        zone = ZoneName(StrObject.string(name))
      }
      if let offset = PyRef(items[10]), rt.isInt(offset), let seconds = IntObject.exactValue(offset) {
        value.tm_gmtoff = seconds
      }
    }
    return value
  }

  /// `checktm`: the ranges `asctime` and `strftime` index tables with; a zero month or day
  /// (of the month or year) means the first.
  static func checkRanges(_ rt: RuntimeRef, _ value: inout tm) -> Bool {
    func fail(_ message: String) -> Bool {
      rt.raise("ValueError", message)
      return false
    }
    if value.tm_mon == -1 { value.tm_mon = 0 } else if value.tm_mon < 0 || value.tm_mon > 11 { return fail("month out of range") }
    if value.tm_mday == 0 { value.tm_mday = 1 } else if value.tm_mday < 0 || value.tm_mday > 31 {
      return fail("day of month out of range")
    }
    if value.tm_hour < 0 || value.tm_hour > 23 { return fail("hour out of range") }
    if value.tm_min < 0 || value.tm_min > 59 { return fail("minute out of range") }
    if value.tm_sec < 0 || value.tm_sec > 61 { return fail("seconds out of range") }
    if value.tm_wday < 0 { return fail("day of week out of range") }
    if value.tm_yday == -1 { value.tm_yday = 0 } else if value.tm_yday < 0 || value.tm_yday > 365 {
      return fail("day of year out of range")
    }
    return true
  }

  /// `asctime`'s format: "Sun Sep  9 01:46:40 2001".
  static func asciiTime(_ value: tm) -> String {
    func twoDigits(_ n: Int32) -> String { n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
    let day = value.tm_mday < 10 && value.tm_mday >= 0 ? "  \(value.tm_mday)" : value.tm_mday < 100 && value.tm_mday >= 0 ? " \(value.tm_mday)" : "\(value.tm_mday)"
    return "\(weekdayNames[Int(value.tm_wday)]) \(monthNames[Int(value.tm_mon)])\(day) "
      + "\(twoDigits(value.tm_hour)):\(twoDigits(value.tm_min)):\(twoDigits(value.tm_sec)) \(Int(value.tm_year) + 1900)"
  }

  /// The current local time as a `struct tm`.
  static func localNow() -> tm {
    var now = time(nil)
    var value = tm()
    localtime_r(&now, &value)
    return value
  }

  static let calendarFunctions: [BuiltinFunction] = [
    BuiltinFunction("gmtime") { _, argv, count, names, runtime in
      brokenDown(ModuleArguments(runtime, argv, count, names), "gmtime", local: false)?.raw
    },
    BuiltinFunction("localtime") { _, argv, count, names, runtime in
      brokenDown(ModuleArguments(runtime, argv, count, names), "localtime", local: true)?.raw
    },
    BuiltinFunction("mktime") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.expect("time.mktime", exactly: 1) else { return nil }
      var zone: ZoneName?
      guard var value = tmArgument(a.rt, a[0], "mktime(): illegal time tuple argument", zone: &zone) else { return nil }
      value.tm_wday = -1
      let result = mktime(&value)
      if result == -1 && value.tm_wday == -1 {
        a.rt.raise("OverflowError", "mktime argument out of range")
        return nil
      }
      return a.rt.newFloat(Double(result))?.raw
    },
    BuiltinFunction("asctime") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("asctime") else { return nil }
      guard a.count <= 1 else {
        a.rt.raise("TypeError", "asctime() takes at most 1 argument (\(a.count) given)")
        return nil
      }
      var value: tm
      if a.count == 1 {
        var zone: ZoneName?
        guard let given = tmArgument(a.rt, a[0], "asctime(): illegal time tuple argument", zone: &zone) else { return nil }
        value = given
        guard checkRanges(a.rt, &value) else { return nil }
      } else {
        value = localNow()
      }
      return a.rt.newStr(asciiTime(value))?.raw
    },
    BuiltinFunction("ctime") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      guard a.args.noKeywords("ctime") else { return nil }
      guard a.count <= 1 else {
        a.rt.raise("TypeError", "ctime() takes at most 1 argument (\(a.count) given)")
        return nil
      }
      guard var seconds = epochSeconds(a.rt, a.count == 1 ? a[0] : nil) else { return nil }
      var value = tm()
      guard localtime_r(&seconds, &value) != nil else {
        a.rt.raise("OverflowError", "timestamp out of range for platform time_t")
        return nil
      }
      return a.rt.newStr(asciiTime(value))?.raw
    },
    BuiltinFunction("strftime") { _, argv, count, names, runtime in
      let a = ModuleArguments(runtime, argv, count, names)
      let rt = a.rt
      guard a.args.noKeywords("strftime") else { return nil }
      guard a.count >= 1 && a.count <= 2 else {
        let bound = a.count < 1 ? "at least 1 argument" : "at most 2 arguments"
        rt.raise("TypeError", "strftime() takes \(bound) (\(a.count) given)")
        return nil
      }
      guard rt.isInstance(a[0], rt.state.pointee.types.str) else {
        rt.raise("TypeError", "strftime() argument 1 must be str, not \(a[0].type.name)")
        return nil
      }
      var zone: ZoneName?
      var value: tm
      if a.count == 2 {
        guard let given = tmArgument(rt, a[1], "strftime(): illegal time tuple argument", zone: &zone) else { return nil }
        value = given
        guard checkRanges(rt, &value) else { return nil }
      } else {
        value = localNow()
      }
      value.tm_isdst = max(-1, min(1, value.tm_isdst))
      let format = StrObject.string(a[0])
      if format.utf8.contains(0) {
        rt.raise("ValueError", "embedded null character")
        return nil
      }
      return rt.newStr(formatTime(format, &value, zone: zone))?.raw
    },
  ]

  /// C's `strftime`, with a buffer grown until the result fits (an empty result from a
  /// non-empty format may mean "too small", so the buffer grows up to 256 times the format).
  static func formatTime(_ format: String, _ value: inout tm, zone: ZoneName?) -> String {
    if format.isEmpty { return "" }
    return withExtendedLifetime(zone) {
      if let zone { value.tm_zone = UnsafePointer(zone.pointer) }
      var capacity = 1024
      let limit = 256 * format.utf8.count + 1024
      while true {
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = format.withCString { strftime(&buffer, capacity, $0, &value) }
        if written > 0 || capacity >= limit {
          return String(decoding: buffer.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        capacity *= 2
      }
    }
  }
}
