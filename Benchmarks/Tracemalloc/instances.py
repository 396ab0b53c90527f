# tracemalloc overhead: an instance-creating loop. Points with two attributes, a tuple and
# a small list per step; a window of 2,000 steps stays alive, then is dropped, so blocks are
# freed as fast as they are made. At the end 50,000 points are kept for the table sizes.
# Usage: instances.py SIZE FRAMES [report]   (FRAMES 0: tracemalloc off)
import sys
import tracemalloc

size = int(sys.argv[1])
frames = int(sys.argv[2])
if frames:
    tracemalloc.start(frames)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)


def run(n):
    window = []
    checksum = 0
    for i in range(n):
        p = Point(i, i % 7).moved(1)
        window.append((p, [p.x, p.y]))
        if len(window) == 2000:
            checksum += sum(q.x for q, _ in window) % 1000003
            window = []
    return checksum


checksum = run(size)
kept = [Point(i, -i) for i in range(50000)]
print(checksum, len(kept))
if frames and len(sys.argv) > 3:
    traces = len(tracemalloc._get_traces())
    print('TRACEMALLOC', traces, tracemalloc.get_tracemalloc_memory(), tracemalloc.get_traced_memory()[0])
