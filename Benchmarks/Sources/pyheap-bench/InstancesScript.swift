/// The script of the `interpreter` suite's `instances_gc` case, run by both interpreters:
/// `SCRIPT COUNT on|off`.
///
/// It builds a list of COUNT instances of a plain class (two attributes set in `__init__`,
/// no `__slots__`) with the cycle collector enabled (`on`, the default state) or after
/// `gc.disable()` (`off`), timing only the list comprehension with `time.perf_counter()`
/// (wall) and `time.process_time()` (CPU), then frees the list and times that too. It prints
/// one line: `COUNT BUILD_WALL BUILD_CPU FREE_WALL FREE_CPU CHECK`, seconds as reprs.
///
/// With the collector on, CPython 3.11 runs a young collection every 700 net allocations
/// and, as the heap grows, full collections that traverse every instance built so far;
/// building 1M instances costs it about 3–4× what it costs with the collector off. The
/// case reports that on/off ratio for each interpreter.
enum InstancesScript {
  static let source = #"""
    import sys
    import time


    class Plain:
        def __init__(self, index):
            self.index = index
            self.label = None


    def build(count):
        return [Plain(i) for i in range(count)]


    def main():
        count = int(sys.argv[1])
        mode = sys.argv[2]
        if mode == "off":
            import gc
            gc.disable()
        elif mode != "on":
            raise SystemExit("mode must be on or off")
        wall, cpu = time.perf_counter(), time.process_time()
        items = build(count)
        built_wall, built_cpu = time.perf_counter(), time.process_time()
        check = len(items) + items[-1].index
        del items
        freed_wall, freed_cpu = time.perf_counter(), time.process_time()
        print(count, built_wall - wall, built_cpu - cpu, freed_wall - built_wall, freed_cpu - built_cpu, check)


    main()
    """#
}
