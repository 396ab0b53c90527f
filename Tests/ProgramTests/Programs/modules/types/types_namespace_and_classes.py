# types: the type names (checked with isinstance on samples), SimpleNamespace (repr with
# cycles, comparisons, __reduce__, copy), DynamicClassAttribute, new_class/prepare_class/
# resolve_bases with metaclasses and __mro_entries__, and coroutine().
import types, sys
from types import SimpleNamespace as S, DynamicClassAttribute as D
print([n for n in types.__all__ if "Coroutine" not in n and "AsyncGen" not in n])
for n in ["FunctionType", "CodeType", "CellType", "FrameType", "ModuleType"]:
    v = getattr(types, n)
    if isinstance(v, type): print(n, v.__name__)
a=S(x=1); a.__dict__[1]=2; a.__dict__[""]=3; print(a)
print(a.__reduce__()[2] is a.__dict__, a.__reduce__()[0])
a=S(x=1)
try: print(a < S())
except TypeError as e: print(e)
print(a != S(x=1), a == {"x":1})
a.__init__(y=2); print(a)
class P(S): pass
p=P(a=1); print(p, p==S(a=1), S(a=1)==p)
a.self=a; print(a)
b=S(); b.c=S(b=b); print(b)
print(S.__doc__); print(S.__module__, S.__qualname__, S.__name__, repr(S))
import copy; print(copy.copy(a) is a, copy.deepcopy(S(k=[1])), copy.copy(S(k=1)))
try: S(1,2)
except TypeError as e: print(e)
print(S(**{"a b":1}), S(_=1, __x=2))
class Q(S):
    def __repr__(self): return "Q!"
print(S(q=Q()), repr(S(x="é")))
try: hash(S())
except TypeError as e: print(e)
def a(s): "A"
def b(s): "B"
def n(s): pass
x = D(a); print(x.__doc__, x.overwrite_doc)
y = x.getter(b); print(y.__doc__, y.overwrite_doc)
z = D(a, doc="Z"); print(z.__doc__, z.overwrite_doc); w = z.getter(b); print(w.__doc__, w.overwrite_doc)
v = D(n); print(v.__doc__, v.overwrite_doc); u=v.getter(b); print(u.__doc__, u.overwrite_doc)
t = D(); print(t.__doc__, t.overwrite_doc); print(t.setter(a).__doc__, t.getter(a).__doc__)
print(z.setter(n).__doc__, z.setter(n).overwrite_doc)
class C:
    @D
    def v(self): "doc of v"; return 5
    w = D()
    @v.setter
    def v(self, val): print('setting', val)
    def __getattr__(self, name): return 'getattr ' + name
class Meta(type):
    def __getattr__(cls, name): return 'meta ' + name
class C2(metaclass=Meta):
    @D
    def v(self): return 'inst'
print(C().v, C.__dict__["v"].__doc__, C2.v, C2().v)
C().v = 9
for stmt in ("C.v", "C().w", "setattr(C(), 'w', 1)", "delattr(C(), 'v')"):
    try: r = eval(stmt); print("ok", stmt, r)
    except AttributeError as e: print(stmt, repr(e))
import abc
class AB(abc.ABC):
    @D
    @abc.abstractmethod
    def m(self): pass
print(sorted(AB.__abstractmethods__), type(AB.m).__name__)
print(types.prepare_class("X", (int,), {"metaclass": type}), types.prepare_class("Y"))
class M(type):
    @classmethod
    def __prepare__(m, n, b, **kw): return {"kw": kw}
    def __new__(m, n, b, ns, **kw): return super().__new__(m, n, b, ns)
print(types.prepare_class("Z", (), {"metaclass": M, "a": 1}))
Z = types.new_class("Z", (), {"metaclass": M, "a": 1}, lambda ns: ns.update(extra=2))
print(type(Z).__name__, Z.kw, Z.extra)
try: types.resolve_bases((1,)); print('ok')
except TypeError as e: print(e)
class E:
    def __mro_entries__(self, b): return [int]
try: types.resolve_bases((E(),))
except TypeError as e: print(e)
bb=(int,); print(types.resolve_bases(bb) is bb)
class F:
    def __mro_entries__(self, b): return (str,)
print(types.resolve_bases((F(), int)))
N = types.new_class("N", (F(),))
print(N.__bases__, type(N.__orig_bases__[0]).__name__, N.__name__, N.__module__)
class M1(type): pass
class M2(type): pass
class A1(metaclass=M1): pass
class A2(metaclass=M2): pass
try: types.new_class("Q", (A1, A2))
except TypeError as e: print(e)
class M3(M1): pass
print(types.prepare_class("R", (A1,), {"metaclass": M3})[0].__name__, types.prepare_class("R", (A1,), {"metaclass": type})[0].__name__)
try: types.coroutine(5)
except TypeError as e: print(e)
def gen():
    yield 1
print(types.coroutine(gen) is gen)
def plain(): return 7
cp = types.coroutine(plain); print(cp(), cp.__name__, cp.__wrapped__ is plain)
print(isinstance(sys, types.ModuleType), isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(gen(), types.GeneratorType), isinstance(gen, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(gen.__code__, types.CodeType), isinstance(type.__dict__, types.MappingProxyType))
print(types.MappingProxyType({'a': 1})['a'], isinstance(str.join, types.MethodDescriptorType), isinstance(object.__init__, types.WrapperDescriptorType))
def outer():
    k = 1
    def inner(): return k
    return inner
print(isinstance(outer().__closure__[0], types.CellType), outer().__closure__[0].cell_contents)
print(isinstance(sys._getframe(), types.FrameType))
try: 1/0
except ZeroDivisionError as e: print(isinstance(e.__traceback__, types.TracebackType))
class SL:
    __slots__ = ('a',)
print(isinstance(SL.__dict__['a'], types.MemberDescriptorType), isinstance(type.__dict__['__dict__'], types.GetSetDescriptorType))
print(types.GenericAlias(list, (int,)), types.NoneType, types.EllipsisType, types.NotImplementedType, int | None, type(int | None) is types.UnionType)
m = types.ModuleType('fresh', 'doc'); print(m.__name__, m.__doc__)
class K:
    def meth(self): pass
print(isinstance(K().meth, types.MethodType))
