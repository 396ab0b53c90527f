# singledispatch: dispatch along the MRO with abstract base classes woven in,
# ambiguity, register() forms and errors, unions, the dispatch cache, and
# singledispatchmethod over plain, class and static methods.
import abc
import collections.abc as cabc
from functools import singledispatch, singledispatchmethod

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

samples = [1, 1.5, 'a', b'b', [1], (1,), {1: 2}, {1}, frozenset(), range(2), iter([]), None,
           (x for x in ()), object(), len]
abcs = [cabc.Iterable, cabc.Container, cabc.Sized, cabc.Sequence, cabc.Mapping,
        cabc.MutableSequence, cabc.Set, cabc.Collection, cabc.Reversible, cabc.Iterator,
        cabc.Callable]
for combo in [(cabc.Iterable,), (cabc.Iterable, cabc.Container), (cabc.Sized, cabc.Iterable),
              (cabc.Sequence, cabc.Iterable), (cabc.Collection, cabc.Reversible),
              (cabc.Container, cabc.Sized, cabc.Sequence), (cabc.Mapping, cabc.Set, cabc.Iterator),
              (cabc.MutableSequence, cabc.Reversible, cabc.Callable), (cabc.Collection, cabc.Iterable)]:
    @singledispatch
    def g(x):
        return 'object'
    for a in combo:
        g.register(a, (lambda name: lambda x: name)(a.__name__))
    row = []
    for s in samples:
        try:
            row.append(g(s))
        except RuntimeError as e:
            row.append(str(e).replace("<class 'collections.abc.", '').replace("'>", ''))
    print([a.__name__ for a in combo], row)

class A(abc.ABC):
    pass
class B(A):
    pass
class C:
    pass
A.register(C)
class D(C, B):
    pass
class E(B, C):
    pass
@singledispatch
def h(x):
    return 'obj'
h.register(A, lambda x: 'A')
h.register(C, lambda x: 'C')
t(lambda: [h(D()), h(E()), h(C()), h(B())])
class F:
    pass
t(lambda: h(F()))
A.register(F)
t(lambda: h(F()))
t(lambda: h.dispatch(F)(None))

class Sized0:
    def __len__(self):
        return 0
class Both:
    def __iter__(self):
        return iter(())
    def __contains__(self, x):
        return False
@singledispatch
def k(x):
    return 'obj'
k.register(cabc.Iterable, lambda x: 'iter')
k.register(cabc.Container, lambda x: 'cont')
k.register(cabc.Sized, lambda x: 'sized')
t(lambda: k(Sized0())); t(lambda: k(Both())); t(lambda: k([]))
k.register(list, lambda x: 'list')
class MyList(list):
    pass
t(lambda: k(MyList())); t(lambda: k.dispatch(MyList)(0))
k._clear_cache()
t(lambda: k(MyList()))

@singledispatch
def fmt(x):
    return f'object {x!r}'
@fmt.register
def _(x: int):
    return f'int {x}'
@fmt.register(float)
@fmt.register(complex)
def _(x):
    return f'number {x}'
t(lambda: fmt.register(int | str, lambda x: f'int or str {x}').__name__)
t(lambda: [fmt(1), fmt('s'), fmt(2.5), fmt(1j), fmt(True), fmt(None)])
def for_bytes(x: bytes | bytearray):
    return 'bytes-ish'
t(lambda: fmt.register(for_bytes) is for_bytes)
t(lambda: [fmt(b''), fmt(bytearray())])
t(lambda: sorted(c.__name__ for c in fmt.registry))
t(lambda: type(fmt.registry).__name__)
t(lambda: fmt.registry.__setitem__(str, len))
t(lambda: fmt.register(1))
t(lambda: fmt.register(1, len))
t(lambda: fmt.register(abs))
def bad(x: 5):
    pass
t(lambda: fmt.register(bad))
def bad_union(x: int | list[int]):
    pass
t(lambda: fmt.register(bad_union))
t(lambda: fmt.register(list[int]))
t(lambda: fmt.register(list[int], len))
t(lambda: fmt())
t(lambda: singledispatch(len)())
t(lambda: (fmt.__name__, fmt.__wrapped__.__name__, fmt.dispatch(bool).__name__))

class Disp:
    @singledispatchmethod
    def go(self, arg):
        return 'default'
    @go.register
    def _(self, arg: int):
        return 'int'
    @go.register(str)
    def _(self, arg):
        return 'str'
    @singledispatchmethod
    @classmethod
    def cgo(cls, arg):
        return ('cdefault', cls.__name__)
    @cgo.register(list)
    @classmethod
    def _(cls, arg):
        return ('clist', cls.__name__)
    @singledispatchmethod
    @staticmethod
    def sgo(arg):
        return 'sdefault'
    @sgo.register(float)
    @staticmethod
    def _(arg):
        return 'sfloat'
d = Disp()
t(lambda: (d.go(1), d.go('a'), d.go(None), Disp.cgo([1]), d.cgo(1), Disp.sgo(1.5), d.sgo(1)))
t(lambda: d.go.__name__)
t(lambda: d.go())
t(lambda: singledispatchmethod(5))
t(lambda: Disp.__dict__['go'].__isabstractmethod__)
t(lambda: sorted(c.__name__ for c in Disp.__dict__['go'].dispatcher.registry))
