# heapq as a priority queue, heap invariants, merge, nlargest/nsmallest and stability.
import heapq

seed = 7
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

data = [rand(1000) for _ in range(300)]
heap = []
for x in data:
    heapq.heappush(heap, x)
    assert all(heap[(i - 1) // 2] <= heap[i] for i in range(1, len(heap)))
print(heap[:10], len(heap))
out = [heapq.heappop(heap) for _ in range(len(heap))]
print(out == sorted(data), out[:5], out[-5:])
h = data[:]
heapq.heapify(h)
print(h[:8], h[0] == min(data))
print(heapq.heapreplace(h, 5000), heapq.heappushpop(h, -1), heapq.heappushpop(h, 10**6), h[0])
tasks = []
for priority, name in [(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'coffee'), (5, 'ship'), (2, 'test')]:
    heapq.heappush(tasks, (priority, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
counter = 0
entries = []
for priority, payload in [(2, {'x': 1}), (1, {'y': 2}), (2, {'z': 3})]:
    heapq.heappush(entries, (priority, counter, payload))
    counter += 1
print([heapq.heappop(entries)[2] for _ in range(3)])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data), heapq.nlargest(0, data), heapq.nsmallest(-1, data))
print(heapq.nlargest(1, data), heapq.nsmallest(1, []), heapq.nlargest(3, 'hello'), heapq.nsmallest(10, [3, 1]))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff']
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len))
print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [6])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge([(1, 'a'), (2, 'a')], [(1, 'b'), (2, 'b')], key=lambda p: p[0])))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)), list(heapq.merge('ace', 'bdf')))
class Task:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return self.name
ts = [Task(3, 'c'), Task(1, 'a'), Task(2, 'b'), Task(1, 'a2')]
heapq.heapify(ts)
print([heapq.heappop(ts) for _ in range(4)])
