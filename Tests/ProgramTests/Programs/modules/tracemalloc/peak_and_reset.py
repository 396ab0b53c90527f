# get_traced_memory: the peak follows the high point, reset_peak brings it down to current,
# clear_traces forgets everything, stop and start begin again from zero.
import tracemalloc

tracemalloc.start()
base, _ = tracemalloc.get_traced_memory()

def burst(n):
    # a temporary that is gone when the function returns
    data = [bytes(1000) for _ in range(n)]
    return len(data)

print('burst:', burst(2000))
current, peak = tracemalloc.get_traced_memory()
print('peak saw the burst:', peak - base >= 2000 * 1000)
print('current is back near the base:', current - base < 100_000)

tracemalloc.reset_peak()
c1, p1 = tracemalloc.get_traced_memory()
print('reset_peak: peak == current:', p1 == c1)
print('burst:', burst(100))
c2, p2 = tracemalloc.get_traced_memory()
print('the new peak is the small burst:', 100 * 1000 <= p2 - c1 < 2000 * 1000)
print('reset_peak returns None:', tracemalloc.reset_peak())

keep = [bytes(500) for _ in range(200)]
c3, p3 = tracemalloc.get_traced_memory()
print('kept blocks count:', c3 - c2 >= 200 * 500, p3 >= c3)
tracemalloc.clear_traces()
print('clear_traces:', tracemalloc.get_traced_memory())
del keep
after_del = tracemalloc.get_traced_memory()[0]
print('freeing blocks traced before the clear changes nothing:', 0 <= after_del < 1000)
fresh = bytes(10_000)
c4, p4 = tracemalloc.get_traced_memory()
print('counting again:', c4 >= 10_000, p4 == c4 or p4 > c4)
print('get_object_traceback sees new objects:', tracemalloc.get_object_traceback(fresh) is not None)

tracemalloc.stop()
print('stopped:', tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(fresh))
tracemalloc.reset_peak()
print('reset_peak while stopped:', tracemalloc.get_traced_memory())
tracemalloc.clear_traces()
tracemalloc.start()
print('restarted from zero:', tracemalloc.get_traced_memory()[1] < 10_000)
print('old objects are unknown after a restart:', tracemalloc.get_object_traceback(fresh))
tracemalloc.stop()
