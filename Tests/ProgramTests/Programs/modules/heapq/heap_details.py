# heapq: argument checking, the exact layout of heaps (comparison order), the max-heap
# helpers, merge() laziness and ties, nsmallest/nlargest on iterators and with keys.
import heapq

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('-- arguments')
show(lambda: heapq.heappop())
show(lambda: heapq.heappop([], 1))
show(lambda: heapq.heappop(()))
show(lambda: heapq.heappush([]))
show(lambda: heapq.heappush([], 1, x=1))
show(lambda: heapq.heapify())
show(lambda: heapq.heapify([], []))
show(lambda: heapq.heapify(x=[]))
show(lambda: heapq.heapreplace([1]))
show(lambda: heapq.heapreplace((1,), 2))
show(lambda: heapq.heappushpop((1,), 2))
show(lambda: heapq.heappushpop([1], 2, 3))
show(lambda: heapq.nlargest(2))
show(lambda: heapq.nlargest('a', [1]))
show(lambda: heapq.nsmallest(2, 5))
show(lambda: heapq.merge([1], [2], foo=1))
show(lambda: heapq.nsmallest(2.5, [3, 1, 2]))
show(lambda: heapq.nsmallest(2.5, iter([3, 1, 2])))
show(lambda: (heapq.heappush.__name__, heapq.heapify.__name__, heapq.merge.__name__))

print('-- layouts and comparisons')
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('  lt', self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return 'C%d' % self.v
h = [Cmp(i) for i in (5, 3, 8, 1)]
heapq.heapify(h)
print(h)
heapq.heappush(h, Cmp(2))
print(h)
print(heapq.heappop(h), h)
print(heapq.heappushpop(h, Cmp(0)), h)
print(heapq.heappushpop(h, Cmp(7)), h)
print(heapq.heapreplace(h, Cmp(9)), h)
for data in ([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], list(range(10, 0, -1)), [2, 2, 1, 1, 0, 0], []):
    heap = list(data)
    heapq.heapify(heap)
    print(heap, end=' ')
    pushed = []
    for x in data:
        heapq.heappush(pushed, x)
    print(pushed)
h = [5, 7, 9, 1, 3]
heapq.heapify(h)
print([heapq.heapreplace(h, x) for x in [4, 8, 0]], h)
print([heapq.heappushpop(h, x) for x in [4, 8, 0]], h)
show(lambda: heapq.heapreplace([], 1))
show(lambda: heapq.heappushpop([], 1))

print('-- max-heap helpers')
h = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(h)
print(h)
print(heapq._heappop_max(h), h)
print(heapq._heapreplace_max(h, 0), h)
show(lambda: heapq._heappop_max([]))
show(lambda: heapq._heapify_max(3))
show(lambda: heapq._heapreplace_max([], 1))

print('-- merge')
m = heapq.merge([1, 5], iter([2, 3]), (x * 2 for x in [0, 4]))
print(type(m).__name__, next(m), next(m), list(m))
print(list(heapq.merge([1, 1, 2], [1, 2, 2], [0, 1])))
print(list(heapq.merge([(1, 'a'), (1, 'b')], [(1, 'c')], [(0, 'd')], key=lambda p: p[0])))
print(list(heapq.merge([5, 3, 1], [4, 3, 2], [3], reverse=True)))
print(list(heapq.merge(['x', 'yy'], ['a', 'bbb'], key=len, reverse=False)))
print(list(heapq.merge([[2], [1]], [[3]], key=len, reverse=True)))
show(lambda: list(heapq.merge([1, 'a'], [2])))
show(lambda: list(heapq.merge([1], 5)))

print('-- nsmallest and nlargest')
data = [5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
for n in (-1, 0, 1, 2, 3, 10, 11, 12):
    print(n, heapq.nsmallest(n, data), heapq.nlargest(n, data), heapq.nsmallest(n, iter(data)), heapq.nlargest(n, iter(data)))
pairs = [('a', 2), ('b', 1), ('c', 2), ('d', 1), ('e', 3), ('f', 2)]
for n in (1, 2, 3, 4):
    print(heapq.nsmallest(n, pairs, key=lambda p: p[1]), heapq.nlargest(n, iter(pairs), key=lambda p: p[1]))
print(heapq.nsmallest(2, 'hello world'), heapq.nlargest(2, {3: 'a', 1: 'b', 2: 'c'}), heapq.nsmallest(1, iter([])))
print(heapq.nlargest(3, (x % 7 for x in range(30))), heapq.nsmallest(3, (x % 7 for x in range(30))))
show(lambda: heapq.nsmallest(2, [1, 'a', 2]))
