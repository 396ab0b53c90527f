# Snapshot.statistics grouped by line, by file and by traceback, plain and cumulative.
import tracemalloc

def base(name):
    return name.replace('\\', '/').rsplit('/', 1)[-1]

def mine(stats):
    return [s for s in stats if base(s.traceback[0].filename) == 'statistics_grouping.py']

def make_records(n):
    return [{'id': i, 'name': 'record-' + str(i)} for i in range(n)]

def make_blobs(n):
    return [bytes(3000 + i) for i in range(n)]

def wrapper(n):
    return make_blobs(n)

tracemalloc.start(4)
records = make_records(2000)
direct = make_blobs(300)
wrapped = wrapper(300)
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()

by_line = mine(snapshot.statistics('lineno'))
print('lineno keys have one frame:', all(len(s.traceback) == 1 for s in by_line))
top = by_line[0]
print('biggest line:', base(top.traceback[0].filename), top.traceback[0].lineno)
lines = {s.traceback[0].lineno: s for s in by_line}
print('blob line holds both calls:', lines[14].count >= 600, lines[14].size >= 600 * 3000)
print('record line has at least 2000 dicts:', lines[11].count >= 2000)
print('sorted biggest first:', all((a.size, a.count) >= (b.size, b.count) for a, b in zip(by_line, by_line[1:])))

by_file = snapshot.statistics('filename')
ours = [s for s in by_file if base(s.traceback[0].filename) == 'statistics_grouping.py']
print('one filename entry, lineno 0:', len(ours), ours[0].traceback[0].lineno)
print('file total is the sum of its lines:', ours[0].size == sum(s.size for s in by_line),
      ours[0].count == sum(s.count for s in by_line))
print('filenames are unique:', len({s.traceback[0].filename for s in by_file}) == len(by_file))

by_tb = mine(snapshot.statistics('traceback'))
blob_tbs = [s for s in by_tb if s.traceback[-1].lineno == 14]
shapes = sorted([[f.lineno for f in s.traceback] for s in blob_tbs])
print('blob tracebacks (oldest first):', shapes)
print('traceback keys carry no total_nframe:', all(s.traceback.total_nframe is None for s in by_tb))

cumulative = mine(snapshot.statistics('lineno', cumulative=True))
cum = {s.traceback[0].lineno: s for s in cumulative}
print('cumulative counts the callers too:', 17 in cum, 22 in cum, 20 in cum)
print('wrapper line covers the wrapped blobs:', cum[17].count >= 300, cum[22].count == cum[17].count)
print('the comprehension line counts twice (its frame and the function'"'"'s):', cum[14].count == 2 * lines[14].count)
cum_file = [s for s in snapshot.statistics('filename', cumulative=True)
            if base(s.traceback[0].filename) == 'statistics_grouping.py'][0]
print('cumulative by file counts a block once per frame in the file:', cum_file.count > ours[0].count)

traces = snapshot.traces
print('traces is a sequence of Trace:', type(traces[0]).__name__, len(traces) == len(traces._traces), repr(traces)[:12])
blob_traces = [t for t in traces if base(t.traceback[-1].filename) == 'statistics_grouping.py' and t.traceback[-1].lineno == 14]
print('trace domains:', sorted({t.domain for t in blob_traces}), '| traceback lengths:', sorted({len(t.traceback) for t in blob_traces}))
print('total_nframe >= len:', all(t.traceback.total_nframe >= len(t.traceback) for t in blob_traces))
print('slicing traces gives Trace objects:', [type(x).__name__ for x in traces[:2]])
print('traceback limit:', snapshot.traceback_limit)
