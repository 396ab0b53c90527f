# weakref.proxy forwards attributes, operators, containers, calls and conversions; dead proxies raise ReferenceError.
import weakref

class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))
    def __radd__(self, other):
        return Num(other + self.v)
    def __iadd__(self, other):
        self.v += other
        return self
    def __neg__(self):
        return Num(-self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __int__(self):
        return self.v
    def __float__(self):
        return float(self.v)
    def __index__(self):
        return self.v
    def __eq__(self, other):
        return isinstance(other, Num) and self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
    def __bool__(self):
        return self.v != 0
    def __str__(self):
        return 'Num(%d)' % self.v
    __hash__ = object.__hash__

n = Num(3)
p = weakref.proxy(n)
print('type:', type(p).__name__, type(p) is weakref.ProxyType)
print('attribute:', p.v)
p.w = 10
print('set through the proxy:', n.w)
del p.w
print('deleted through the proxy:', hasattr(n, 'w'))
print('add:', (p + 1).v, (1 + p).v, (p + p).v)
print('neg, abs:', (-p).v, abs(-p).v)
print('int, float, index:', int(p), float(p), [10, 20, 30, 40][p], hex(p))
print('compare:', p == Num(3), p == n, p < Num(4), Num(1) < p, p != Num(3))
zero = Num(0)
print('bool:', bool(p), bool(weakref.proxy(zero)), not weakref.proxy(zero))
print('str:', str(p), '%s' % p)
p += 2
print('in-place add keeps the referent:', n.v, type(p).__name__)
try:
    hash(weakref.proxy(n))
except TypeError as e:
    print('TypeError:', e)
items = [1, 2, 3]
class Box(list):
    pass
box = Box(items)
pb = weakref.proxy(box)
print('len, item, contains:', len(pb), pb[0], 2 in pb, 9 in pb)
pb[0] = 100
pb.append(4)
del pb[1]
print('mutated through the proxy:', box)
print('iteration:', list(pb), [x for x in pb], sorted(pb))
print('slicing:', pb[1:], pb * 2, [0] + pb)
class Counter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
c = Counter()
pc = weakref.proxy(c)
print('next on a proxy of an iterator:', next(pc), next(pc), list(pc))
try:
    next(weakref.proxy(n))
except TypeError as e:
    print('TypeError:', e)
print('a proxy and its shared twin:', weakref.proxy(n) is weakref.proxy(n), weakref.getweakrefcount(n))
del n, box, c
for label, action in [('attribute', lambda: p.v), ('add', lambda: p + 1), ('str', lambda: str(p)),
                      ('bool', lambda: bool(p)), ('len', lambda: len(pb)), ('item', lambda: pb[0]),
                      ('compare', lambda: p == 1), ('iterate', lambda: list(pb)), ('set', lambda: setattr(p, 'v', 1))]:
    try:
        action()
    except ReferenceError as e:
        print(label, '-> ReferenceError:', e)
