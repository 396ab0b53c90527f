# lru_cache: which calls share a key, how often arguments are hashed, the
# order entries are evicted in, recursion, clearing, methods.
from functools import lru_cache, cache

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

events = []
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        events.append('hash')
        return hash(self.v)
    def __eq__(self, other):
        events.append('eq')
        return self.v == other.v

@lru_cache(maxsize=2)
def bounded(k, **kw):
    return k.v
t(lambda: (bounded(Key(1)), bounded(Key(1)), bounded(Key(2), a=1), events))
events.clear()
@lru_cache(maxsize=None)
def unbounded(k):
    return k.v
t(lambda: (unbounded(Key(1)), unbounded(Key(1)), unbounded(Key(3)), events))

@lru_cache(maxsize=3)
def rec(n):
    return n if n < 2 else rec(n - 1) + rec(n - 2)
t(lambda: (rec(25), rec.cache_info()))

@lru_cache(maxsize=2)
def sq(x):
    print('miss', x)
    return x * x
for x in [1, 2, 1, 3, 2, 1, 1, 3]:
    sq(x)
t(lambda: sq.cache_info())

@lru_cache(typed=True)
def typed(*a, **k):
    return 1
t(lambda: [typed(1), typed(1.0), typed(a=1), typed(a=1.0), typed(a=True), typed(1, a=1), typed.cache_info()])
@lru_cache
def loose(*a, **k):
    return 1
t(lambda: [loose(a=1, b=2), loose(b=2, a=1), loose(1), loose((1,)), loose(1.0), loose('x'), loose(x='x'), loose.cache_info()])
t(lambda: [loose(), loose(), loose(None), loose(None), loose.cache_info()])

depth = []
@lru_cache(maxsize=4)
def reenter(n):
    depth.append(n)
    if len(depth) < 3:
        reenter(n)
    return n * 10
t(lambda: (reenter(7), depth, reenter.cache_info()))

@lru_cache(maxsize=1)
def one(x):
    return [x]
a = one(1)
t(lambda: (one(1) is a, one(2) is a, one(1) is a, one.cache_info()))
t(lambda: (lru_cache(maxsize=True)(len).cache_parameters(), lru_cache(maxsize=True)(len).cache_info()))
t(lambda: lru_cache(maxsize=-1)(len).cache_info())
t(lambda: lru_cache(None, True)(len).cache_parameters())
t(lambda: lru_cache(len, 1))
t(lambda: lru_cache(2.5))
t(lambda: lru_cache()(3))
t(lambda: cache(3))
t(lambda: cache(len).cache_parameters())

class Meth:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name
    @lru_cache
    def m(self, x):
        return (self.name, x)
    @cache
    def n(self):
        return 'n of ' + self.name
a, b = Meth('a'), Meth('b')
t(lambda: (a.m(1), a.m(1), b.m(1), Meth.m.cache_info(), a.m.cache_info() == Meth.m.cache_info()))
t(lambda: (a.n(), Meth.n(b), Meth.n.cache_info()))
t(lambda: (a.m.__wrapped__.__name__, Meth.m.__name__, Meth.m.__qualname__))
Meth.m.cache_clear()
t(lambda: Meth.m.cache_info())
