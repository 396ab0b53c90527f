# Frame, Traceback, Statistic, StatisticDiff and Trace built by hand: str, repr, size
# formatting, equality, ordering, hashing and the sequence methods of Traceback.
import tracemalloc
from tracemalloc import Frame, Traceback, Statistic, StatisticDiff, Trace

f1 = Frame(('a.py', 4))
f2 = Frame(('a.py', 10))
f3 = Frame(('b.py', 1))
print(repr(f1), str(f1), f1.filename, f1.lineno)
print(f1 == Frame(('a.py', 4)), f1 != f2, f1 < f2, f2 < f3, f1 <= f1, f3 > f2, f3 >= f3, f2 > f3)
print(hash(f1) == hash(Frame(('a.py', 4))), f1 == ('a.py', 4))
print(sorted([f3, f2, f1]))
try:
    f1 < ('a.py', 4)
except TypeError as e:
    print('TypeError:', e)

# frames arrive most recent first; the Traceback is oldest first
tb = Traceback((('inner.py', 30), ('middle.py', 20), ('outer.py', 10)))
print(repr(tb))
print(str(tb), len(tb), tb[0], tb[-1], tb[1:], tb.total_nframe)
print([str(f) for f in tb], [str(f) for f in reversed(tb)])
print(Frame(('middle.py', 20)) in tb, Frame(('middle.py', 21)) in tb)
print(tb.index(Frame(('inner.py', 30))), tb.count(Frame(('outer.py', 10))))
try:
    tb.index(Frame(('nowhere.py', 1)))
except ValueError as e:
    print('ValueError', repr(e))
tb2 = Traceback((('inner.py', 30), ('middle.py', 20), ('outer.py', 10)), 7)
print(repr(tb2), tb2.total_nframe, tb == tb2, hash(tb) == hash(tb2))
short = Traceback((('x.py', 1),))
print(short < tb, tb > short, short <= short, sorted([tb, short]) == [short, tb])
print(tb.format())
print(tb.format(limit=1), tb.format(limit=-1), tb.format(limit=2, most_recent_first=True))

for size, count in [(10698, 21), (0, 0), (1023, 1), (1024, 3), (10240, 7), (153600, 2), (5 * 1024 * 1024, 9),
                    (99 * 1024, 1), (100 * 1024, 1), (10 * 1024 * 1024 * 1024, 5), (3 * 1024 ** 4, 1), (12000 * 1024 ** 4, 1)]:
    print(str(Statistic(short, size, count)))
st = Statistic(short, 10698, 21)
print(repr(st))
print(st == Statistic(short, 10698, 21), st != Statistic(short, 10698, 22), hash(st) == hash(Statistic(short, 10698, 21)))
for size, diff, count, cdiff in [(10698, 10698, 21, 21), (0, -5 * 1024 * 1024, 0, -3), (2048, 0, 2, 0),
                                  (153600, 153600, 1, 1), (500, -20, 4, -1)]:
    d = StatisticDiff(short, size, diff, count, cdiff)
    print(str(d))
    print(repr(d))
print(StatisticDiff(short, 1, 2, 3, 4) == StatisticDiff(short, 1, 2, 3, 4), StatisticDiff(short, 1, 2, 3, 4) == st)
tr = Trace((0, 2048, (('x.py', 1),), 1))
print(str(tr))
print(repr(tr))
print(tr.domain, tr.size, repr(tr.traceback), tr == Trace((0, 2048, (('x.py', 1),), 1)), hash(tr) == hash(Trace((0, 2048, (('x.py', 1),), 1))))
print(tracemalloc._format_size(1536, True), tracemalloc._format_size(-1536, True), tracemalloc._format_size(0, True))
