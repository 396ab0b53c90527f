# Counter: update/subtract argument forms, element order in results, non-integer
# counts, in-place operators with plain dicts, copying and the reprs of odd counts.
import copy
from collections import Counter, OrderedDict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = Counter(a=2)
c.update(Counter(a=1, b=1))
c.update(OrderedDict([('c', 4)]))
c.update(['a', 'z'], z=10)
print(c, c.total())
lists = Counter(k=[1])
lists.update({'k': [2]})
print(lists)
c.subtract(Counter(a=10))
c.subtract(['b', 'b'])
c.subtract()
print(c, c.total())
print(sorted(c.elements()), list(Counter(x=0, y=-1, w=2).elements()))
print(Counter('hello world').most_common(3), Counter('abcabd').most_common(10))
print(Counter({'low': 1, 'high': 3, 'mid': 2, 'tie': 3}).most_common())
print(Counter(iterable=5), Counter(None), Counter(self=1))
print(Counter(a=1.5, b=0.5) + Counter(a=0.5), Counter(a=2.5) - Counter(a=0.5, b=-1))
print(Counter(a=3, b=1) | Counter(b=2, c=1), Counter(a=3, b=1) & Counter(b=2, a=1, c=1))
print(Counter(b=1, a=2) + Counter(c=3, a=1), Counter(b=1) - Counter(c=-2, b=0))

x = Counter(a=1, b=2)
x += {'a': 2, 'c': -1}
print(x)
x -= {'b': 5}
print(x)
x |= {'a': 1, 'd': 4}
print(x)
x &= {'a': 1, 'd': 9}
print(x, x._keep_positive(), Counter(a=0, b=-1, c=1)._keep_positive())
show(lambda: Counter() + {})
show(lambda: {} - Counter())
show(lambda: Counter() <= {})
show(lambda: Counter() | 1)
def iadd_int():
    y = Counter()
    y += 5
show(iadd_int)

print(Counter('aab') == Counter(a=2, b=1, c=0), Counter(a=1) != {'a': 1}, Counter() == {})
print(Counter(a=1) < Counter(a=1, b=1), Counter(a=2) > Counter(a=1, b=0), Counter(a=-1) <= Counter())
print(Counter(a=1) >= Counter(b=-1), Counter(a=1) < Counter(a=1))

cc = Counter('abb')
print(copy.copy(cc), copy.deepcopy(cc), cc.__reduce__(), type(copy.copy(cc)).__name__)
del cc['a']
del cc['zzz']
print(cc, cc['a'], 'a' in cc, len(cc))
print(Counter({'x': 'text', 'y': 2}) if False else '')
show(lambda: repr(Counter({'x': 'text', 'y': 2})))
show(lambda: repr(Counter({'x': None})))
print(Counter({'x': 1j}), Counter(a=True, b=2), Counter(a=0), bool(Counter(a=0)), bool(Counter()))
show(lambda: Counter('ab').most_common(None))
show(lambda: Counter().fromkeys([1]))
class Tally(Counter):
    def __missing__(self, key):
        return 100
t = Tally('ab')
print(t['zz'], t, t + Counter('b'), +t, -Tally(q=-2), type(+t).__name__)
print(Counter(['a', ('t', 1), 3, 3, ('t', 1)]), Counter([True, 1, 1.0]))
print(Counter(c for c in 'mississippi' if c != 's').most_common(1))
