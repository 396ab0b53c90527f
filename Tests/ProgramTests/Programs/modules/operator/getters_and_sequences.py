# operator getters: call errors, reprs, __reduce__, subclassing refused; concat/iconcat rules;
# countOf/indexOf identity-or-equality; length_hint's fallbacks and checks; index; aliases.
import operator as op, copy
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
show(lambda: op.attrgetter())
show(lambda: op.attrgetter('a')())
show(lambda: op.attrgetter('a')(1, 2))
show(lambda: op.attrgetter('a')(x=1))
show(lambda: op.itemgetter(1)())
show(lambda: op.itemgetter(1)(x=1))
show(lambda: op.itemgetter(a=1))
show(lambda: op.attrgetter('a', x=1))
show(lambda: op.methodcaller('a')(1, 2))
show(lambda: op.methodcaller('a')())
show(lambda: op.methodcaller('a')(x=2))
show(lambda: op.methodcaller(name='a'))
show(lambda: op.attrgetter('a', 2))
show(lambda: op.attrgetter('a.b.c').__reduce__())
show(lambda: op.attrgetter('a', 'b.c').__reduce__())
show(lambda: op.itemgetter(1).__reduce__())
show(lambda: op.itemgetter(1, 2).__reduce__())
show(lambda: op.methodcaller('f', 1, k=2).__reduce__())
show(lambda: op.methodcaller('f', 1).__reduce__())
show(lambda: op.methodcaller('f', 1, k=2, j='x'))
show(lambda: op.methodcaller('f'))
show(lambda: op.attrgetter('a..b'))
show(lambda: op.attrgetter('.a')(1))
show(lambda: op.attrgetter('a.')(1))
show(lambda: op.attrgetter('')(1))
show(lambda: op.itemgetter('x', (1,2)))
show(lambda: op.itemgetter([1]))
class R:
    def __repr__(self): return 'R()'
show(lambda: op.itemgetter(R()))
show(lambda: op.methodcaller('f', R(), r=R()))
show(lambda: type(op.attrgetter('a')).__name__)
show(lambda: type(op.attrgetter('a')).__module__)
show(lambda: type(op.attrgetter('a')).__qualname__)
def sub():
    class X(op.attrgetter): pass
show(sub)
show(lambda: op.attrgetter('a') == op.attrgetter('a'))
show(lambda: copy.copy(op.itemgetter(1))(  [5,6]))
show(lambda: op.concat('a', 1))
show(lambda: op.concat([1], 'ab'))
show(lambda: op.concat((1,), [1]))
show(lambda: op.iconcat(1, [1]))
show(lambda: op.iconcat([1], 'ab'))
show(lambda: op.concat(b'a', bytearray(b'b')))
class Seq:
    def __getitem__(self, i): return 1
show(lambda: op.concat(Seq(), [1]))
class Add:
    def __add__(self, o): return 'added'
show(lambda: op.concat(Add(), 1))
class AddSeq:
    def __add__(self, o): return 'added'
    def __getitem__(self, i): return 1
show(lambda: op.concat(AddSeq(), 1))
show(lambda: op.countOf(5, 1))
show(lambda: op.indexOf(5, 1))
show(lambda: op.contains(5, 1))
show(lambda: op.index(1.5))
show(lambda: op.index('a'))
show(lambda: op.length_hint(5))
show(lambda: op.length_hint(5, 3))
show(lambda: op.length_hint([], 1.5))
show(lambda: op.length_hint([], True))
class LH:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
class LenErr:
    def __len__(self): raise ValueError('boom')
class LenType:
    def __len__(self): raise TypeError('tboom')
    def __length_hint__(self): return 4
for v in (3, NotImplemented, -1, 'x', 2**70, True, 1.0):
    show(lambda: op.length_hint(LH(v), 7))
show(lambda: op.length_hint(LenErr()))
show(lambda: op.length_hint(LenType()))
class LHErr:
    def __length_hint__(self): raise TypeError('inner')
show(lambda: op.length_hint(LHErr(), 2))
class LHBad:
    __length_hint__ = None
show(lambda: op.length_hint(LHBad(), 2))
class LenNeg:
    def __len__(self): return -1
show(lambda: op.length_hint(LenNeg()))
show(lambda: op.length_hint(iter([1,2,3])))
show(lambda: op.countOf([1, 1.0, True, 2], 1))
nan = float('nan')
show(lambda: op.countOf([nan, nan], nan))
show(lambda: op.indexOf([nan], nan))
show(lambda: op.contains([nan], nan))
show(lambda: op.indexOf(iter([3,4,5]), 5))
show(lambda: op.ipow(2, 3))
show(lambda: op.imatmul(2, 3))
show(lambda: op.getitem([1], 5))
show(lambda: op.attrgetter('a.b').__call__.__name__)
class I(int): pass
class X:
    def __index__(self): return 7
print(repr(op.index(True)), type(op.index(I(5))).__name__, op.index(X()), op.index(-2**80))
print(op.__lt__ is op.lt, op.__not__ is op.not_, op.__and__ is op.and_, op.__call__ is op.call, op.__iconcat__ is op.iconcat)
print(op.concat('a', 'b'), op.concat((1,), (2,)), op.iconcat([1], (2,)))
from collections import deque
print(op.concat(deque([1]), deque([2])))
try: op.concat({}, {})
except TypeError as e: print(e)
print(op.length_hint(x for x in 'ab'), op.length_hint(iter({1:2})), op.length_hint(reversed([1,2])))
print(op.itemgetter(-1)('xyz'), op.itemgetter(0, -1)(range(5)), op.itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(op.methodcaller('count', 'a')('banana'), repr(op.methodcaller('f', k=None)))
print(sorted(['bb', 'a', 'ccc'], key=op.methodcaller('__len__')))
class Node:
    def __init__(self, v, n=None): self.v, self.next = v, n
print(op.attrgetter('next.next.v', 'v')(Node(1, Node(2, Node(3)))))
print(type(op.itemgetter(1)), op.itemgetter.__name__, op.attrgetter.__qualname__)
print(isinstance(op.itemgetter(1), op.itemgetter))
import functools
print(functools.reduce(op.mul, range(1, 10)), functools.reduce(op.add, ['a','b']))
print(list(map(op.pow, [2,3], [3,2])), op.truth(0), op.truth('x'))
m = op.methodcaller('replace', 'a', 'o', 1)
f, args = m.__reduce__()
print(f(*args)('banana'))
f, args = op.attrgetter('a.b', 'c').__reduce__()
print(f, args)
print(op.ipow(2, 5), op.imod(7, 4), op.ilshift(1, 3), op.irshift(16, 2), op.ixor(6, 3), op.iand(6, 3), op.itruediv(7, 2), op.ifloordiv(7, 2))
s = {1}; print(op.ior(s, {2}) is s, op.iand({1,2}, {2}), op.isub({1,2}, {2}), op.ixor({1}, {2}))
d = {'a': 1}; op.__setitem__(d, 'b', 2); op.__delitem__(d, 'a'); print(d, op.__getitem__(d, 'b'), op.__contains__(d, 'b'))
print(op.countOf('banana', 'a'), op.indexOf(iter([3,4]), 4), op.countOf({1:2, 3:4}, 3))
