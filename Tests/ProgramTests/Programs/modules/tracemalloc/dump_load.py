# Snapshot.dump and Snapshot.load round-trip the traces, the traceback limit, and what is
# computed from them (statistics, comparisons, filters).
import tracemalloc

PATH = '/tmp/pyheap-tracemalloc-dump_load.snapshot'

def make(n):
    return [bytes(400 + i % 7) for i in range(n)]

tracemalloc.start(3)
data = make(300)
names = ['nom ' + str(i) + ' \u00e9\u4e2d' for i in range(50)]
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()

snapshot.dump(PATH)
loaded = tracemalloc.Snapshot.load(PATH)
print('type:', type(loaded).__name__, '| limit:', loaded.traceback_limit)
print('same traces:', len(loaded.traces) == len(snapshot.traces),
      sorted(t._trace for t in loaded.traces) == sorted(t._trace for t in snapshot.traces))
for key in ('lineno', 'filename', 'traceback'):
    print(key, 'statistics equal:', loaded.statistics(key) == snapshot.statistics(key))
print('cumulative equal:', loaded.statistics('lineno', True) == snapshot.statistics('lineno', True))
diffs = loaded.compare_to(snapshot, 'lineno')
print('no difference against the original:', all(d.size_diff == 0 and d.count_diff == 0 for d in diffs))
kept = loaded.filter_traces([tracemalloc.Filter(True, __file__)])
print('filtered after loading:', len(kept.traces) >= 300)

# A snapshot made by hand, with odd file names.
odd = tracemalloc.Snapshot([(0, 10, (('/x y/a b.py', 1), ('<frozen z>', 2)), 2),
                            (5, 20, (('new\nline.py', 3),), None)], 7)
odd.dump(PATH)
back = tracemalloc.Snapshot.load(PATH)
print('hand-made round trip:', sorted([t._trace for t in back.traces], key=repr) == sorted([t._trace for t in odd.traces], key=repr), back.traceback_limit)
print([repr(t) for t in back.traces])
