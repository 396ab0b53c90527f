# The clocks: types, monotonicity, ns forms agree with float forms; sleep's errors.
import time

for name in ['time', 'perf_counter', 'monotonic', 'process_time', 'thread_time']:
    f, fns = getattr(time, name), getattr(time, name + '_ns')
    a, b = f(), fns()
    print(name, type(a).__name__, type(b).__name__, a >= 0, b >= 0, f.__name__)
t0 = time.monotonic()
t1 = time.monotonic()
print('monotonic', t1 >= t0)
p0 = time.perf_counter_ns()
time.sleep(0.01)
p1 = time.perf_counter_ns()
print('slept at least 10ms', p1 - p0 >= 10_000_000)
print(time.time() > 1.6e9, time.time_ns() > 1.6e18, abs(time.time() - time.time_ns() / 1e9) < 1)
print(time.sleep(0), time.sleep(0.0), time.sleep(-0.0), time.sleep(True), time.sleep(False))
for bad in [-1, -0.5, 'a', float('nan'), 1e300, 10 ** 30, None, [1]]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(bad)[:20], type(e).__name__, e)
for call in ['time.sleep()', 'time.sleep(1, 2)', 'time.time(1)', 'time.perf_counter(x=1)', 'time.monotonic_ns(None)']:
    try:
        eval(call)
    except TypeError as e:
        print(call, e)
print(type(time.process_time()).__name__, time.CLOCK_MONOTONIC == time.CLOCK_MONOTONIC)
