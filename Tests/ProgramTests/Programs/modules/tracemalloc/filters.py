# Filter and DomainFilter: patterns, line numbers, all_frames, exclusion, domains, and
# filter_traces on a snapshot.
import tracemalloc
from tracemalloc import Filter, DomainFilter, Snapshot

# Filters match raw trace tuples: (domain, size, frames most recent first, total_nframe).
traces = [
    (0, 100, (('/app/main.py', 10),), 1),
    (0, 200, (('/app/util.py', 5), ('/app/main.py', 11)), 2),
    (1, 300, (('/lib/json/decoder.py', 40), ('/app/util.py', 6)), 2),
    (0, 400, (('<frozen importlib._bootstrap>', 7),), 1),
    (2, 500, (('/app/main.pyc', 12),), 1),
]
snapshot = Snapshot(traces, 2)

def sizes(filters):
    return [t.size for t in snapshot.filter_traces(filters).traces]

print(sizes([]))
print(sizes([Filter(True, '/app/*')]))
print(sizes([Filter(False, '/app/*')]))
print(sizes([Filter(True, '/app/main.py')]))
print(sizes([Filter(True, '/app/main.py', lineno=10)]))
print(sizes([Filter(True, '/app/main.py', all_frames=True)]))
print(sizes([Filter(False, '/app/main.py', all_frames=True)]))
print(sizes([Filter(True, '*.py', domain=0)]))
print(sizes([Filter(False, '*.py', domain=0)]))
print(sizes([Filter(True, '/app/*'), Filter(False, '*util*')]))
print(sizes([Filter(True, '<frozen *>'), Filter(True, '/lib/*')]))
print(sizes([DomainFilter(True, 0)]), sizes([DomainFilter(False, 0)]), sizes([DomainFilter(True, 1), Filter(True, '*')]))
print(sizes([Filter(True, '/app/m?in.py')]), sizes([Filter(True, '/app/[mu]*.py')]), sizes([Filter(True, '/app/[!m]*')]))
print(sizes([Filter(True, '/lib/*/decoder.py')]), sizes([Filter(True, '*[')]), sizes([Filter(True, '/app/[]*')]))

f = Filter(True, 'x.pyc', 3, True, 5)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
try:
    f.filename_pattern = 'y'
except AttributeError as e:
    print('AttributeError')
d = DomainFilter(False, 7)
print(d.inclusive, d.domain)
try:
    d.domain = 3
except AttributeError as e:
    print('AttributeError')
try:
    snapshot.filter_traces(3)
except TypeError as e:
    print('TypeError:', e)
copy = snapshot.filter_traces(())
print(copy is not snapshot, copy.traces == snapshot.traces, copy.traceback_limit)
print(isinstance(f, tracemalloc.BaseFilter), isinstance(d, tracemalloc.BaseFilter))

# On a real snapshot: keep only this file's blocks.
tracemalloc.start()
data = [bytes(100) for _ in range(50)]
real = tracemalloc.take_snapshot()
tracemalloc.stop()
here = real.filter_traces([Filter(True, __file__)])
print('only this file:', all(t.traceback[0].filename == __file__ for t in here.traces), len(here.traces) >= 50)
others = real.filter_traces([Filter(False, __file__)])
print('partition:', len(here.traces) + len(others.traces) == len(real.traces))
