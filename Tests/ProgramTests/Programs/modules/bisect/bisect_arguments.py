# bisect: argument parsing (positional, keyword, errors), lo/hi edge values, sequences
# other than lists, the order of comparisons and insort on objects with insert().
import bisect

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = [1, 2, 3, 3, 5]
show(lambda: bisect.bisect_left())
show(lambda: bisect.bisect_left([1]))
show(lambda: bisect.bisect_left([1], 1, 0, 1, 2))
show(lambda: bisect.bisect_left([1], 1, foo=2))
show(lambda: bisect.insort_right([1], 1, 0, lo=0))
show(lambda: bisect.bisect_right(x=3, a=a))
show(lambda: bisect.bisect_left(a, 3, lo=1, hi=4))
show(lambda: bisect.bisect_left(a, 3, hi=-1))
show(lambda: bisect.bisect_left(a, 3, hi=-2))
show(lambda: bisect.bisect_left(a, 9, hi=10))
show(lambda: bisect.bisect_left(a, 3, lo=9))
show(lambda: bisect.bisect_left(a, 3, hi=None))
show(lambda: bisect.bisect_left(a, 3, lo=None))
show(lambda: bisect.bisect_left(a, 3, hi=2.0))
show(lambda: bisect.bisect_left(a, 3, lo=True))
show(lambda: bisect.bisect_left(a, 3, -1, 'x'))
show(lambda: bisect.insort([1], 2, 5))
show(lambda: bisect.insort((1,), 2))
show(lambda: bisect.insort_left([3], 1, -2))
show(lambda: (bisect.bisect.__name__, bisect.insort.__name__, bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right))
show(lambda: [bisect.bisect_left('acegi', c) for c in 'abcdefghij'])
show(lambda: [bisect.bisect_right(range(0, 20, 3), n) for n in (-1, 0, 3, 4, 18, 19)])
show(lambda: bisect.bisect([(1, 'b'), (1, 'd'), (2, 'a')], (1, 'c')))
class Probe:
    def __len__(self):
        return 8
    def __getitem__(self, i):
        print('  get', i)
        return i * 10
show(lambda: bisect.bisect_left(Probe(), 35))
show(lambda: bisect.bisect_right(Probe(), 30, key=lambda v: v + 1))
class Ins:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [1, 5][i]
    def insert(self, i, x):
        print('  insert', i, x)
show(lambda: bisect.insort(Ins(), 3))
show(lambda: bisect.insort_left(Ins(), 9, key=lambda v: v))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('  lt', self.v, other.v)
        return self.v < other.v
    def __repr__(self):
        return 'C%d' % self.v
items = [Cmp(v) for v in (1, 3, 5, 7)]
show(lambda: bisect.bisect_left(items, Cmp(5)))
show(lambda: bisect.bisect_right(items, Cmp(5)))
bisect.insort_left(items, Cmp(4))
print(items)
