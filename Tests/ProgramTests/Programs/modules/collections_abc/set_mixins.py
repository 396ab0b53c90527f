# collections.abc.Set and MutableSet: comparisons, operators with any iterable, the
# in-place operators, pop/remove/clear, _from_iterable and _hash.
from collections.abc import *
class LSet(MutableSet):
    def __init__(self, it=()):
        self.items = []
        for x in it: self.add(x)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def add(self, x):
        if x not in self.items: self.items.append(x)
    def discard(self, x):
        if x in self.items: self.items.remove(x)
    def __repr__(self): return f'LSet({self.items})'
a, b = LSet([1, 2, 3]), LSet([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a, a & [3, 1, 9], [9, 3, 1] & a if False else '', a | [7], [7] | a if False else '')
print({3, 9} & a, {3, 9} | a, {3, 9} - a, {3, 9} ^ a, frozenset([1]) <= a)
print([2, 5] - a if False else '', a.__rsub__([2, 5]), a.__rxor__([2, 5]), a.__rand__([3, 2]), a.__ror__([0]))
print(a <= LSet([1,2,3,4]), a < a, a <= a, a >= LSet([1]), a > LSet([1]), a == LSet([3, 2, 1]), a != b, a == {1, 2, 3}, a == [1, 2, 3])
print(a.isdisjoint([5, 6]), a.isdisjoint(iter([6, 1])))
print(a.__and__(5), a.__or__(5), a.__sub__(5), a.__xor__(5), a.__le__([1]), a.__eq__([1]))
try: a & 5
except TypeError as e: print(e)
try: a < [1]
except TypeError as e: print(e)
c = LSet([1, 2, 3, 4, 5])
c -= [1]; print(c)
c |= [9, 2]; print(c)
c &= [2, 3, 4, 9, 10]; print(c)
c ^= [2, 11]; print(c)
c ^= c; print(c)
c = LSet('abc'); c -= c; print(c)
c = LSet([5, 6]); print(c.pop(), c)
c.remove(6)
try: c.remove(6)
except KeyError as e: print('KeyError', e)
try: c.pop()
except KeyError as e: print('KeyError', repr(e), e.__context__, e.__suppress_context__)
c = LSet(range(5)); c.clear(); print(c, len(c))
print(LSet([1, 2])._hash() == hash(frozenset([1, 2])), LSet()._hash() == hash(frozenset()))
class FS(Set):
    def __init__(self, it): self.s = list(dict.fromkeys(it))
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    def __contains__(self, x): return x in self.s
    __hash__ = Set._hash
print(hash(FS([1, 'a', (2,)])) == hash(frozenset([1, 'a', (2,)])), type(FS([1]) | FS([2])).__name__, sorted(FS([1]) | FS([2])))
class LeOnly(FS):
    def __le__(self, other):
        print('custom le'); return True
print(LeOnly([1]) < FS([1, 2]), LeOnly([1]) == FS([2]))
