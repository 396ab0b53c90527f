from typing import (Any, List, Dict, Set, FrozenSet, Tuple, Optional, Union, Callable, Iterable, Iterator,
                    Generator, TypeVar, Generic, NamedTuple, TypedDict, Protocol, cast, overload, TYPE_CHECKING,
                    ClassVar, Final, Literal, Sequence, Mapping, DefaultDict, Deque, Type, NoReturn, get_type_hints,
                    NewType, Counter as TCounter, MutableMapping, AbstractSet, Hashable, Sized, Awaitable, IO, TextIO,
                    SupportsInt, runtime_checkable, no_type_check, get_origin, get_args, Annotated, TypeAlias, Self)
import typing
print(List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int], Union[int, None], Optional[Union[int, str]])
print(Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int], Any, Set[str], FrozenSet[int])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float], Mapping[str, List[int]], DefaultDict[str, int], Deque[int], Type[int])
print(ClassVar[int], Final[str], Literal['a', 1], Literal[True], NoReturn, TCounter[str], Annotated[int, 'meta'])
T = TypeVar('T')
K = TypeVar('K', bound=str)
V = TypeVar('V', int, str)
print(T, K, V, T.__name__, List[T], Dict[K, V])
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int]()
s.push(1)
print(Stack[int], s.items, type(s).__name__, Stack.__parameters__ if hasattr(Stack, '__parameters__') else None)
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int:
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm(), Point._fields, Point._field_defaults, Point.__annotations__, isinstance(p, tuple))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1))
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {'title': 'x', 'year': 1}
print(m, Movie(title='y', year=2), type(Movie(title='y', year=2)))
print(cast(int, 'x'), TYPE_CHECKING, get_type_hints(Point), get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
UserId = NewType('UserId', int)
print(UserId(5), UserId)
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
def g(a: List[int], b: Optional[str] = None) -> Dict[str, Any]:
    return {}
print(g.__annotations__)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer))
print(List[int] == List[int], Optional[int] == Union[int, None], hash(List[int]) == hash(List[int]))
print(typing.List.__name__ if hasattr(typing.List, '__name__') else '-', Union[int, str].__args__)
