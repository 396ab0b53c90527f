# collections.abc protocol ABCs: which built-in objects and user classes each one
# recognises (by method, by registration, None opting out), __subclasshook__ only on
# the declaring ABC, and the generic aliases (Callable[[args], result] included).
import collections.abc as cabc
import _collections_abc as m
from collections.abc import *
import sys
print(m.__name__, Sequence.__module__, sorted(m.__all__) == sorted(cabc.__all__))
print(len(m.__all__), [n for n in m.__all__ if not hasattr(m, n)])
def g(): yield 1
class Cl:
    def __call__(self): pass
class NoHash:
    __hash__ = None
class OptOut(list):
    __iter__ = None
samples = [[1], (1,), 'ab', b'ab', bytearray(b'x'), {1: 2}, {1}, frozenset(), range(3), iter([]), iter(()), iter(''), iter(b''), iter({}), iter({}.keys()), iter({}.values()), iter({}.items()), reversed([]), zip(), (x for x in []), g, len, [].append, 5, 2.5, None, Cl(), NoHash(), OptOut(), {}.keys(), {}.values(), {}.items(), type.__dict__, int, type, staticmethod(len), object(), ...]
for C in [Hashable, Iterable, Iterator, Generator, Reversible, Sized, Container, Callable, Collection, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView, ItemsView, ValuesView, Sequence, MutableSequence, ByteString, Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator]:
    print(C.__name__.ljust(15), ''.join('1' if isinstance(s, C) else '.' for s in samples), ''.join('1' if issubclass(type(s), C) else '.' for s in samples))
for C in [Hashable, Iterable, Iterator, Generator, Sized, Container, Callable, Collection, Sequence, Set, Mapping, MutableSequence, MutableSet, MutableMapping, Reversible, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator, Awaitable]:
    print(C.__name__, sorted(C.__abstractmethods__))
print(Sized.__subclasshook__(list), Sized.__subclasshook__(int), Iterable.__subclasshook__(OptOut), Sequence.__subclasshook__(list))
class MyIterable(Iterable):
    def __iter__(self): return iter([])
print(issubclass(list, MyIterable), issubclass(MyIterable, Iterable), MyIterable.__subclasshook__(list))
class AIt:
    def __aiter__(self): return self
    def __anext__(self): pass
class AGen(AIt):
    def asend(self, v): pass
    def athrow(self, *a): pass
    def aclose(self): pass
class Aw:
    def __await__(self): yield
class Co(Aw):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass
for o in (AIt(), AGen(), Aw(), Co()):
    print(type(o).__name__, [c.__name__ for c in (Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator) if isinstance(o, c)])
# Generic aliases
print(Iterable[int], Mapping[str, int], Sequence[int].__origin__, MappingView[int], Container[int], Awaitable[int], AsyncIterable[int], Generator[int, None, None], ByteString[int])
for C in (Hashable, Sized):
    try: C[int]
    except TypeError as e: print('TypeError', e)
print(type(Callable[[int], str]).__name__, Callable[[int], str], Callable[[int], str].__args__, Callable[..., int], Callable[[], None])
print(Callable[[int], str] == Callable[[int], str], Callable[[list[int]], 'X'], Callable[[int], str].__origin__ is Callable)
print(Callable[[int], str].__reduce__())
for bad in ((int,), int, (int, str, float)):
    try: Callable[bad]
    except TypeError as e: print("TE", e)
try: Callable[int, str]
except TypeError as e: print("TE", e)
import typing
T=typing.TypeVar("T"); S=typing.TypeVar("S"); P=typing.ParamSpec("P")
tests = [lambda: Callable[[T], T][int], lambda: Callable[[int], str][int], lambda: Callable[[T, S], T][int], lambda: Callable[[T], S][int, str, float], lambda: Callable[P, T][[int], str], lambda: Callable[[list[T]], T][int], lambda: Callable[P, int][...], lambda: Callable[P, int][[int, str]], lambda: Callable[P, int][int, str], lambda: Callable[[T], int][P], lambda: Callable[P,int].__parameters__, lambda: Callable[[T], Callable[[S], T]][int, str], lambda: Callable[[T], T].__parameters__, lambda: Callable[P, T][int, str], lambda: Callable[P, T]]
for t in tests:
    try: r = t(); print(r, getattr(r, "__args__", None))
    except Exception as e: print(type(e).__name__, e)
print(Callable[[int], str] | None)
