# Generic classes and protocols: parameters, aliases of user classes, MRO entries,
# runtime-checkable protocols and their errors.
import typing
from typing import (Dict, Generic, Iterable, List, ParamSpec, Protocol, SupportsAbs, SupportsComplex,
                    SupportsFloat, SupportsIndex, SupportsInt, SupportsRound, TypeVar, runtime_checkable)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')

class Box(Generic[T]):
    def __init__(self, v=None):
        self.v = v

print('-- a generic class')
show(lambda: (Box, Box[int], Box.__parameters__, Box.__orig_bases__, Box.__mro__))
show(lambda: Box[int]().__orig_class__)
show(lambda: Box[int](5).v)
show(lambda: Box[int, str])
show(lambda: Box[()])
show(lambda: Box[int][str])
show(lambda: Box[T][int])
show(lambda: Box[List[T]])
show(lambda: Box[List[T]].__parameters__)
show(lambda: Box[List[T]][str])
show(lambda: Box[int].__origin__)
show(lambda: Box[int].__args__)
show(lambda: Box[int] == Box[int])
show(lambda: Box[int] is Box[int])
show(lambda: Box[int] | None)
show(lambda: (Box[int].__name__, Box[int].__qualname__, Box[int].__module__))
show(lambda: isinstance(Box(), Box))
show(lambda: isinstance(Box(), Box[int]))
show(lambda: getattr(Box[int], 'missing'))
show(lambda: Box[int].__mro_entries__((Box[int],)))
show(lambda: type(Generic()).__name__)

print('-- Generic[...] itself')
show(lambda: Generic[T])
show(lambda: Generic[int])
show(lambda: Generic[T, T])
show(lambda: Generic[()])
show(lambda: Protocol[int])
show(lambda: Protocol[T])


import types
print('-- class statements')
def attempt(source):
    try:
        namespace = dict(globals())
        exec(source, namespace)
        made = namespace['Made']
        print(made.__bases__, made.__dict__.get('__orig_bases__'), made.__parameters__,
              [k.__name__ for k in made.__mro__])
    except TypeError as e:
        print('TypeError', e)
attempt('class Made(Box[int]): pass')
attempt('class Made(List[int]): pass')
attempt('class Made(List[int], Box[T]): pass')
attempt('class Made(Box[T], List[int]): pass')
attempt('class Made(Dict[KT, VT]): pass')
attempt('class Made(Iterable[T]): pass')
attempt('class Made(Protocol[T]): pass')
attempt('class Made(Generic[T], Protocol): pass')
attempt('class Made(Iterable): pass')
attempt('class Made(Box): pass')
attempt('class Made(typing.Sized): pass')
attempt('class Made(Box[KT], Dict[str, VT]): pass')
attempt('class Made(Generic[T], Generic[KT]): pass')
attempt('class Made(Dict[KT, VT], Generic[T]): pass')
attempt('class Made(Dict[KT, VT], Generic[VT, KT]): pass')
attempt('class Made(Generic): pass')

class Pair(Generic[KT, VT]):
    pass
class Sub(Box[T]):
    pass
class Fixed(Box[int]):
    pass
show(lambda: (Pair[int, str], Pair[int, str].__args__, Sub[int], Sub[int]().__orig_class__))
show(lambda: Pair[int])
show(lambda: Pair[T, T][int])
show(lambda: Pair[T, T].__parameters__)
show(lambda: Fixed[int])
class Slotted(Generic[T]):
    __slots__ = ()
show(lambda: type(Slotted[int]()).__name__)
P = ParamSpec('P')
class Deco(Generic[P, T]):
    pass
show(lambda: Deco[[int, str], bool])
show(lambda: Deco[..., bool])

print('-- protocols')
class Closer(Protocol):
    def close(self) -> None: ...
@runtime_checkable
class RCloser(Protocol):
    def close(self) -> None: ...
@runtime_checkable
class HasX(Protocol):
    x: int
class Impl:
    x = 1
    def close(self):
        pass
class NotCallableAttr:
    close = None
show(lambda: Closer())
show(lambda: isinstance(Impl(), Closer))
show(lambda: issubclass(Impl, Closer))
show(lambda: isinstance(Impl(), RCloser))
show(lambda: issubclass(Impl, RCloser))
show(lambda: issubclass(int, RCloser))
show(lambda: issubclass(1, RCloser))
show(lambda: isinstance(Impl(), HasX))
show(lambda: isinstance(1, HasX))
show(lambda: issubclass(Impl, HasX))
show(lambda: isinstance(NotCallableAttr(), RCloser))
show(lambda: issubclass(NotCallableAttr, RCloser))
show(lambda: runtime_checkable(Impl))
show(lambda: (RCloser._is_protocol, RCloser._is_runtime_protocol, Closer._is_runtime_protocol))
show(lambda: type(Closer))
show(lambda: type(Protocol()).__name__)
class GP(Protocol[T]):
    def get(self) -> T: ...
show(lambda: (GP, GP[int], GP.__parameters__, GP.__mro__))
class Concrete(RCloser):
    pass
show(lambda: (type(Concrete()).__name__, Concrete._is_protocol, isinstance(Concrete(), RCloser)))
class Concrete2(Closer):
    def __init__(self, a):
        self.a = a
show(lambda: Concrete2(3).a)
class WithInstanceAttr:
    def __init__(self):
        self.close = lambda: None
show(lambda: isinstance(WithInstanceAttr(), RCloser))
show(lambda: issubclass(WithInstanceAttr, RCloser))
@runtime_checkable
class Sized2(Protocol):
    def __len__(self): ...
show(lambda: (isinstance([], Sized2), isinstance(3, Sized2), issubclass(dict, Sized2)))
attempt('class Made(Protocol, int): pass')
class Both(Closer, Protocol):
    def open(self): ...
show(lambda: (Both._is_protocol, Both.__mro__))
@runtime_checkable
class Both2(RCloser, Protocol):
    def open(self): ...
class OpenClose:
    def open(self): pass
    def close(self): pass
show(lambda: (isinstance(OpenClose(), Both2), isinstance(Impl(), Both2)))

print('-- the Supports protocols')
show(lambda: [isinstance(Impl(), SupportsInt), isinstance(3, SupportsInt), isinstance('x', SupportsInt)])
show(lambda: [isinstance(3.0, SupportsIndex), isinstance(3, SupportsIndex), isinstance(True, SupportsIndex)])
show(lambda: [isinstance(3, SupportsAbs), isinstance(3.5, SupportsRound), isinstance(1j, SupportsComplex)])
show(lambda: [isinstance(1, SupportsFloat), isinstance(1.0, SupportsFloat), issubclass(float, SupportsFloat)])
show(lambda: (SupportsAbs[int], SupportsInt.__mro__, SupportsRound.__parameters__))
show(lambda: [typing.IO, typing.IO[str], typing.TextIO.__mro__, typing.BinaryIO.__mro__, typing.IO.__parameters__])
show(lambda: [m for m in ('mode', 'name', 'close', 'closed', 'fileno', 'flush', 'isatty', 'read', 'readable',
                          'readline', 'readlines', 'seek', 'seekable', 'tell', 'truncate', 'writable', 'write',
                          'writelines', '__enter__', '__exit__', 'buffer', 'encoding', 'errors',
                          'line_buffering', 'newlines') if hasattr(typing.TextIO, m)])
