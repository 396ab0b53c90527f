# update_wrapper/wraps edge cases, total_ordering from every root (names,
# docs, NotImplemented), cmp_to_key's K objects, reduce, cached_property.
import functools
from functools import update_wrapper, wraps, total_ordering, cmp_to_key, reduce, cached_property

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def base(a, b=2) -> int:
    "base doc"
base.extra = {'k': 1}
@wraps(base)
def w(*a):
    return base(*a)
t(lambda: (w.__name__, w.__doc__, w.extra is base.extra, w.__wrapped__ is base, w.__annotations__))
t(lambda: type(wraps(base)).__name__)
t(lambda: (wraps(base).keywords['assigned'], wraps(base).keywords['updated']))
class CallableObj:
    def __call__(self):
        pass
co = CallableObj()
t(lambda: (update_wrapper(co, base).__name__, co.__doc__, co.extra))
t(lambda: update_wrapper(lambda: 0, 5).__wrapped__)
def inner():
    pass
inner.__wrapped__ = 'old'
def outer():
    pass
update_wrapper(outer, inner)
t(lambda: outer.__wrapped__ is inner)
t(lambda: update_wrapper(outer, inner, updated=('missing',)))
t(lambda: update_wrapper(outer, inner, assigned=('__name__', 'nope'), updated=()).__name__)

for root in ['__lt__', '__le__', '__gt__', '__ge__']:
    K = total_ordering(type('K', (), {'__init__': lambda s, v: setattr(s, 'v', v),
                                      '__eq__': lambda s, o: s.v == o.v,
                                      root: (lambda r: lambda s, o: getattr(s.v, r)(o.v))(root)}))
    made = [name for name in ('__lt__', '__le__', '__gt__', '__ge__') if name != root]
    print(root, [(name, getattr(K, name).__name__, getattr(K, name).__qualname__) for name in made])
    print('  ', [getattr(K, name).__doc__ for name in made])
    x, y = K(1), K(2)
    print('  ', [x < y, x <= y, x > y, x >= y, y < x, y <= x, x < x, x <= x, x > x, x >= x])
Two = total_ordering(type('Two', (), {'__lt__': lambda s, o: 'lt', '__ge__': lambda s, o: 'ge'}))
t(lambda: (Two() < Two(), Two() >= Two(), Two() > Two(), Two() <= Two()))
@total_ordering
class T:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        if not isinstance(o, T):
            return NotImplemented
        return self.v < o.v
    def __eq__(self, o):
        return isinstance(o, T) and self.v == o.v
t(lambda: T(1) >= 5); t(lambda: T(1).__ge__(5)); t(lambda: T(1).__gt__(T(0)))
t(lambda: T.__le__ is total_ordering(type('U', (), {'__lt__': lambda s, o: 1})).__le__)
t(lambda: total_ordering(type('N', (), {})))

k = cmp_to_key(lambda a, b: (a > b) - (a < b))
t(lambda: sorted([3, 1, 2], key=k)); t(lambda: [k(1) == k(1), k(1) != k(2), k(2) >= k(1), k(2) <= k(1)])
t(lambda: k(1) == 1); t(lambda: k(1) < 'x')
t(lambda: {k(1)})
t(lambda: (k(5).obj, k(obj=6).obj, k.obj))
t(lambda: k()); t(lambda: k(1, 2)); t(lambda: k(x=1)); t(lambda: k(1, obj=2))
t(lambda: cmp_to_key()); t(lambda: cmp_to_key(len, len)); t(lambda: cmp_to_key(mycmp=len).obj)
t(lambda: type(k).__name__)
t(lambda: type(k)())
kk = k(1)
kk.obj = 9
t(lambda: kk.obj)
t(lambda: cmp_to_key(lambda a, b: 'text')(1) < cmp_to_key(len)(2))
t(lambda: sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(b) - len(a))))

t(lambda: reduce(lambda a, b: a * b, iter(range(1, 6))))
t(lambda: reduce(lambda a, b: a + b, (), 'init'))
t(lambda: reduce(None, [1]))
t(lambda: reduce(None, [1, 2]))
t(lambda: reduce(lambda a, b: a + b, 'xyz'))
t(lambda: reduce(lambda a, b: a + b, {'k': 1, 'j': 2}))
t(lambda: reduce())
t(lambda: reduce(max, 5, 1))

cp = cached_property(lambda self: 'late')
class Late:
    pass
Late.x = cp
t(lambda: Late().x)
cp.__set_name__(Late, 'x')
t(lambda: Late().x)
t(lambda: cp.__set_name__(Late, 'y'))
cp.__set_name__(Late, 'x')
class Doc:
    @cached_property
    def v(self):
        "the v doc"
        return [1]
t(lambda: (Doc.v.__doc__, Doc.v.func.__name__, Doc.v.attrname, cached_property[int]))
class SlotDict:
    __slots__ = ('__dict__',)
    @cached_property
    def v(self):
        return 2
t(lambda: SlotDict().v)
class ReadOnlyDict:
    @property
    def __dict__(self):
        return ()
    @cached_property
    def v(self):
        return 2
t(lambda: ReadOnlyDict().v)
class Counted:
    calls = 0
    @cached_property
    def v(self):
        Counted.calls += 1
        return Counted.calls
o = Counted()
t(lambda: (o.v, o.v, o.__dict__, Counted.calls))
o.v = 'set'
t(lambda: o.v)
del o.v
t(lambda: (o.v, Counted.calls))
