# PEP 585 generic aliases (list[int]) and PEP 604 unions (int | None): reprs, equality,
# substitution, isinstance with unions, subclassing an alias, annotations.
import types, typing, collections
from collections import deque, defaultdict, OrderedDict, Counter
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[str] | None, frozenset[bytes])
print(deque[int], defaultdict[str, int], OrderedDict[str, int], Counter[str], collections.abc.Mapping if False else '')
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, type(a), a == list[int], a != list[str], hash(a) == hash(list[int]), a(range(3)), a.__name__)
show(lambda: isinstance([], list[int]))
show(lambda: a[int])
T = typing.TypeVar('T')
K = typing.TypeVar('K')
d = dict[K, list[T]]
print(d, d.__parameters__, d[str, int], list[T][float])
show(lambda: d[int])
print(int | str, int | None, None | str, int | str | int, type(int | str), (int | str).__args__, int | list[int], (int | str) == (str | int))
print(isinstance(1, int | str), isinstance(None, int | None), isinstance(2.5, int | str), issubclass(bool, int | str))
show(lambda: isinstance([], list[int] | None))
show(lambda: int | 'str')
show(lambda: int | 3)
print(types.GenericAlias(list, (int,)), types.UnionType, types.GenericAlias)
def f(x: list[int] | None = None, y: dict[str, tuple[int, ...]] = None) -> set[str] | None:
    return x
print(f.__annotations__)
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__, MyList([1, 2]))
print(typing.Optional[int] | str, int | typing.List[int])
print(hash(int | str) == hash(str | int), {int | str: 1}[str | int])
