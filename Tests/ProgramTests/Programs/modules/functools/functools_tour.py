import functools
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: functools.reduce(lambda a, b: a + b, [1, 2, 3]))
t(lambda: functools.reduce(lambda a, b: a + b, [], 0))
t(lambda: functools.reduce(lambda a, b: a + b, []))
t(lambda: functools.reduce(lambda a, b: a + b))
t(lambda: functools.reduce(lambda a, b: a + b, 1))
t(lambda: functools.reduce(lambda a, b: a + b, [1], 2, 3))
t(lambda: functools.reduce(lambda a, b: a + b, [1], initial=2))
p = functools.partial(max, 1, key=abs)
t(lambda: p); t(lambda: p.func); t(lambda: p.args); t(lambda: p.keywords); t(lambda: p(-5, 3))
t(lambda: functools.partial(p, 2, key=None))
t(lambda: functools.partial(1)); t(lambda: functools.partial())
def setargs(): p.args = ()
t(setargs)
p.attr = 1; t(lambda: p.__dict__)
t(lambda: functools.partial(p, 2))
class P(functools.partial): pass
t(lambda: P(max, 1)); t(lambda: type(functools.partial(P(max, 1), 2)))
t(lambda: functools.partial(max)(3, 4))
@functools.lru_cache(maxsize=2)
def sq(x): print('compute', x); return x * x
t(lambda: [sq(1), sq(2), sq(1), sq(3), sq(2), sq(1)]); t(lambda: sq.cache_info()); t(lambda: sq.cache_parameters())
sq.cache_clear(); t(lambda: sq.cache_info())
t(lambda: functools.lru_cache(maxsize='x'))
t(lambda: type(sq.cache_info()).__name__)
@functools.lru_cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
t(lambda: fib(60)); t(lambda: fib.cache_info()); t(lambda: fib.__name__); t(lambda: fib.__wrapped__.__name__)
@functools.cache
def c(x, y=1): return x + y
t(lambda: (c(1), c(1, 2), c(1, y=2), c(y=2, x=1), c(1.0), c.cache_info()))
@functools.lru_cache(typed=True)
def ty(x): return x
t(lambda: (ty(1), ty(1.0), ty(True), ty.cache_info()))
@functools.lru_cache(maxsize=0)
def z(x): return x
t(lambda: (z(1), z(1), z.cache_info()))
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
t(lambda: (V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(3)))
t(lambda: V.__gt__.__name__); t(lambda: V.__ge__.__doc__)
t(lambda: functools.total_ordering(type('X', (), {})))
t(lambda: sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
k = functools.cmp_to_key(lambda a, b: a - b)
t(lambda: k(1) < k(2)); t(lambda: hash(k(1)))
class C:
    @functools.cached_property
    def val(self): print('computing'); return 42
cc = C(); t(lambda: (cc.val, cc.val, cc.__dict__)); t(lambda: C.val.attrname); t(lambda: type(C.val).__name__)
def deco(f):
    @functools.wraps(f)
    def inner(*a, **k): return f(*a, **k)
    return inner
@deco
def documented(a: int) -> int:
    "docstring"
    return a
t(lambda: (documented.__name__, documented.__doc__, documented.__wrapped__.__name__, documented.__annotations__, documented.__qualname__))
t(lambda: functools.WRAPPER_ASSIGNMENTS); t(lambda: functools.WRAPPER_UPDATES)
@functools.singledispatch
def fun(arg): return 'default'
@fun.register
def _(arg: int): return 'int'
@fun.register(list)
def _(arg): return 'list'
t(lambda: (fun(1), fun('a'), fun([1]), fun(True), fun.dispatch(bool).__name__ if hasattr(fun.dispatch(bool), '__name__') else None))
t(lambda: sorted(k.__name__ for k in fun.registry.keys()))
