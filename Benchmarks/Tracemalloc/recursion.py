# tracemalloc overhead: allocations deep in the stack. Binary trees built by recursion
# (depth 15 below a 20-frame call chain), so a traceback of 25 frames is full.
# Usage: recursion.py SIZE FRAMES [report]   (FRAMES 0: tracemalloc off)
import sys
import tracemalloc

size = int(sys.argv[1])
frames = int(sys.argv[2])
if frames:
    tracemalloc.start(frames)


def tree(depth):
    if depth == 0:
        return (None, None, 0)
    return (tree(depth - 1), tree(depth - 1), depth)


def count(node):
    if node[0] is None:
        return 1
    return 1 + count(node[0]) + count(node[1])


def descend(level, n):
    if level:
        return descend(level - 1, n)
    total = 0
    kept = None
    for i in range(n):
        kept = tree(12)
        total += count(kept)
    return total, kept


total, kept = descend(20, size)
print(total, count(kept))
if frames and len(sys.argv) > 3:
    traces = len(tracemalloc._get_traces())
    print('TRACEMALLOC', traces, tracemalloc.get_tracemalloc_memory(), tracemalloc.get_traced_memory()[0])
