# Snapshots built by hand: statistics and compare_to for every key type, plain and
# cumulative, tie order, empty tracebacks, and the Sequence protocol of the views.
import tracemalloc
from tracemalloc import Snapshot, Statistic, StatisticDiff, Traceback, Frame, Trace
from collections.abc import Sequence

old = Snapshot([
    (0, 100, (('a.py', 1), ('main.py', 10)), 2),
    (0, 50, (('a.py', 1), ('main.py', 11)), 2),
    (0, 30, (('b.py', 7),), 1),
    (1, 8, (('c.py', 3), ('c.py', 3), ('main.py', 12)), 5),
], 3)
new = Snapshot([
    (0, 100, (('a.py', 1), ('main.py', 10)), 2),
    (0, 400, (('a.py', 2), ('main.py', 10)), 2),
    (0, 8, (('c.py', 3), ('c.py', 3), ('main.py', 12)), 3),
    (2, 8, (('c.py', 3), ('c.py', 3), ('main.py', 12)), 3),
    (0, 64, (('d.pyc', 1),), 1),
], 3)

for key in ('lineno', 'filename', 'traceback'):
    for cumulative in (False, True):
        if key == 'traceback' and cumulative:
            continue
        print('==', key, 'cumulative' if cumulative else 'plain')
        for stat in new.statistics(key, cumulative):
            print('  ', stat)
        for diff in new.compare_to(old, key, cumulative):
            print('  ', diff)
print([repr(s) for s in old.statistics('filename')])
print([repr(d) for d in old.compare_to(new, 'lineno')][:3])

# equal sizes: the larger count first, then the larger traceback
ties = Snapshot([(0, 10, (('x.py', 1),), 1), (0, 10, (('y.py', 1),), 1), (0, 5, (('x.py', 2),), 1),
                 (0, 5, (('x.py', 2),), 1), (0, 10, (('a.py', 9),), 1)], 1)
print([str(s) for s in ties.statistics('lineno')])
print([str(s) for s in ties.compare_to(Snapshot([], 1), 'lineno')])
print([str(s) for s in Snapshot([], 1).compare_to(ties, 'filename')])
print(Snapshot([], 1).statistics('lineno'), len(Snapshot([], 5).traces), Snapshot([], 5).traceback_limit)

# a trace with no frames groups under an empty traceback
empty = Snapshot([(0, 12, (), 0), (0, 4, (('e.py', 1),), 1)], 1)
print(empty.statistics('lineno'), empty.statistics('traceback'), empty.statistics('lineno', True))
try:
    empty.statistics('filename')
except IndexError as e:
    print('IndexError', e)

# the views are collections.abc Sequences
traces = new.traces
print(isinstance(traces, Sequence), isinstance(Traceback(()), Sequence), repr(traces))
print(traces[0], '|', traces[-1], '|', len(traces[1:3]), type(traces[1:3]).__name__)
print(traces.index(Trace((0, 400, (('a.py', 2), ('main.py', 10)), 2))), traces.count(traces[2]))
print(Trace((0, 8, (('c.py', 3), ('c.py', 3), ('main.py', 12)), 3)) in traces, Trace((9, 8, (), 3)) in traces)
print([t.size for t in reversed(traces)], [t.domain for t in traces])
print(traces == new.filter_traces([]).traces, traces == old.traces, traces != old.traces)
try:
    hash(traces)
except TypeError as e:
    print('TypeError', e)
try:
    ('a.py', 1) in Traceback((('a.py', 1),))
except AttributeError as e:
    print('AttributeError', e)
try:
    traces[10]
except IndexError as e:
    print('IndexError', e)
tb = Traceback((('c.py', 3), ('c.py', 3), ('main.py', 12)), 9)
print(tb.count(Frame(('c.py', 3))), tb.index(Frame(('c.py', 3))), tb.index(Frame(('c.py', 3)), 2), list(reversed(tb))[0])
print(tb[::-1], tb[5:], tb[-2])
print(Traceback([('l.py', 1), ('m.py', 2)]), Traceback([('l.py', 1)]) == Traceback((('l.py', 1),)))
print(repr(Traceback((), 0)), repr(Traceback((), 'x')), Traceback((('a', 1),), 3) == Traceback((('a', 1),), 4))
print(sorted([Traceback((('b', 1),)), Traceback((('a', 2), ('z', 1))), Traceback((('a', 1),))]))
print(Frame(('a', 1)) <= Frame(('a', 1)), Frame(('a', 1)) >= Frame(('a', 2)), Frame(('b', 0)) > Frame(('a', 9)))
print(Frame(('a.py', 3, 'extra')).lineno, str(Frame(['q.py', 4])), Frame(('a', 1)) != Frame(('a', 1)))
print(str(Trace((3, 70000, (('t.py', 8), ('u.py', 1)), 2))), Trace((3, 7, (('t.py', 8),))).traceback.total_nframe)
print(Statistic(tb, 10, 2) == Statistic(tb, 10, 2), Statistic(tb, 10, 2) != Statistic(tb, 11, 2))
print(StatisticDiff(tb, 0, 0, 0, 0), '|', StatisticDiff(tb, 3000, -1, 7, 0))
for size in (0, 1, 99, 100, 1023, 1024, 10239, 10240, 102399, 102400, 10485759, 10485760, 509.5, 510.5,
             -10240, -5, 2 ** 40, 2 ** 50, 2 ** 60, 0.4, 123456789012):
    print(size, tracemalloc._format_size(size, False), tracemalloc._format_size(size, True))
