# tracemalloc overhead: small dicts and lists kept alive in bulk (CPYTHON-MEMORY.md section
# 7.4's loop: 300,000 dicts + lists), so the tables hold a large live set.
# Usage: containers.py SIZE FRAMES [report]   (FRAMES 0: tracemalloc off)
import sys
import tracemalloc

size = int(sys.argv[1])
frames = int(sys.argv[2])
if frames:
    tracemalloc.start(frames)


def record(i):
    return {'id': i, 'name': 'item%d' % i, 'tags': [i % 3, i % 5]}


def build(n):
    rows = []
    for i in range(n):
        rows.append(record(i))
    return rows


rows = build(size)
total = 0
for row in rows:
    total += row['id'] + len(row['name']) + row['tags'][1]
print(total, len(rows))
if frames and len(sys.argv) > 3:
    traces = len(tracemalloc._get_traces())
    print('TRACEMALLOC', traces, tracemalloc.get_tracemalloc_memory(), tracemalloc.get_traced_memory()[0])
