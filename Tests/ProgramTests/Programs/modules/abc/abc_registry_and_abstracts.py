# abc: the abstract decorators (method, classmethod, staticmethod, property and the
# deprecated abstract* classes), update_abstractmethods, register() with its cache token
# and errors, __subclasshook__ results, __class__ proxies and the cache-clearing hooks.
import abc
from abc import ABC, ABCMeta, abstractmethod
class A(ABC):
    @abstractclassmethod if False else abstractmethod
    def f(self): pass
    @abc.abstractclassmethod
    def g(cls): return 'g'
    @abc.abstractstaticmethod
    def h(): return 'h'
    @abc.abstractproperty
    def p(self): return 1
    @property
    @abstractmethod
    def q(self): return 2
print(sorted(A.__abstractmethods__), A.g(), A.h())
class B(A):
    def f(self): pass
    g = classmethod(lambda cls: 1)
    h = staticmethod(lambda: 2)
    p = 3
print(sorted(B.__abstractmethods__))
class C(B):
    q = 4
print(C.__abstractmethods__, C().q)
@abc.update_abstractmethods
class D: pass
print(hasattr(D, '__abstractmethods__'))
class E(ABC):
    @abstractmethod
    def m(self): ...
E.m = lambda self: 1
try: E()
except TypeError as e: print(e)
class F(E): pass
F.m = lambda self: 5
abc.update_abstractmethods(F)
print(F().m())
t = abc.get_cache_token()
E.register(int)
print(abc.get_cache_token() != t, isinstance(1, E), issubclass(bool, E), isinstance('x', E))
try: E.register(F)
except Exception as e: print(type(e).__name__, e)
print(E.register(F) is F)
class G(ABC): pass
G.register(E)
try: E.register(G)
except RuntimeError as e: print(e)
print(issubclass(int, G), issubclass(float, G))
try: issubclass(1, G)
except TypeError as e: print(e)
class H(ABC):
    @classmethod
    def __subclasshook__(cls, C): return 1
try: issubclass(int, H)
except AssertionError as e: print('AE', e)
class Proxy:
    @property
    def __class__(self): return int
print(isinstance(Proxy(), E), isinstance(Proxy(), G))
E._abc_registry_clear(); E._abc_caches_clear()
print(isinstance(1, E))
class K(metaclass=ABCMeta):
    pass
print(type(K).__name__, ABC.__slots__)
class Weird(ABC):
    x = 1
print(Weird.__abstractmethods__, type(Weird.__abstractmethods__))
