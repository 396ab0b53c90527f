# abc: abstract methods block instantiation, virtual subclasses, __subclasshook__;
# collections.abc: the container ABCs on built-ins, mixin methods for user classes.
from abc import ABC, ABCMeta, abstractmethod
import collections.abc
from collections.abc import (Iterable, Iterator, Sized, Container, Hashable, Callable, Collection,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet,
                             Generator, Reversible, KeysView, ItemsView, ValuesView)
from collections import deque, OrderedDict, defaultdict, Counter, ChainMap, UserDict, UserList

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

class Half(Shape):
    def area(self):
        return 1

for cls in [Shape, Half, Square]:
    try:
        obj = cls(2) if cls is Square else cls()
        print('made', obj.describe())
    except TypeError as e:
        print('TypeError', e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
print(isinstance(Square(1), Shape), issubclass(Square, ABC), type(Shape).__name__)

class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any('draw' in B.__dict__ for B in C.__mro__)
        return NotImplemented
class Pen:
    def draw(self):
        pass
print(issubclass(Pen, Drawable), isinstance(Pen(), Drawable), isinstance(1, Drawable))
class Registered(ABC):
    pass
Registered.register(int)
@Registered.register
class Later:
    pass
print(isinstance(3, Registered), issubclass(bool, Registered), issubclass(Later, Registered), issubclass(str, Registered))
try:
    Registered.register(5)
except TypeError as e:
    print('TypeError', e)

samples = [[1], (1,), 'ab', b'ab', {1: 2}, {1}, frozenset(), range(3), deque(), iter([]), (x for x in []), len, 5, 2.5, None, OrderedDict(), Counter(), ChainMap(), UserDict(), UserList()]
for abc_class in [Iterable, Iterator, Sized, Container, Hashable, Callable, Collection, Sequence, MutableSequence, Mapping, MutableMapping, Set, MutableSet, Generator, Reversible]:
    print(abc_class.__name__.ljust(15), ''.join('1' if isinstance(s, abc_class) else '.' for s in samples))
d = {'a': 1}
print(isinstance(d.keys(), KeysView), isinstance(d.items(), ItemsView), isinstance(d.values(), ValuesView), isinstance(OrderedDict(a=1).keys(), KeysView))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(int, Hashable), issubclass(list, Hashable), issubclass(type, Callable))
print(collections.abc.Mapping, Sequence.__module__, collections.abc is collections.abc)

class Box(Mapping):
    def __init__(self, **items):
        self._items = items
    def __getitem__(self, key):
        return self._items[key]
    def __iter__(self):
        return iter(self._items)
    def __len__(self):
        return len(self._items)
b = Box(x=1, y=2)
print(b['x'], b.get('z', 0), 'y' in b, list(b.keys()), list(b.items()), list(b.values()), b == {'x': 1, 'y': 2})
class Bag(MutableSet):
    def __init__(self, items=()):
        self._items = set(items)
    def __contains__(self, item):
        return item in self._items
    def __iter__(self):
        return iter(sorted(self._items))
    def __len__(self):
        return len(self._items)
    def add(self, item):
        self._items.add(item)
    def discard(self, item):
        self._items.discard(item)
bag = Bag([3, 1])
bag |= {2}
bag -= {3}
print(list(bag), list(bag & {1, 9}), list(bag | [7]), bag <= Bag([1, 2, 5]), bag.isdisjoint([8]), len(bag))
class Seq(Sequence):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return self.n
s = Seq(4)
print(list(s), 20 in s, list(reversed(s)), s.index(30), s.count(10))
class Stack(MutableSequence):
    def __init__(self):
        self._data = []
    def __getitem__(self, i):
        return self._data[i]
    def __setitem__(self, i, v):
        self._data[i] = v
    def __delitem__(self, i):
        del self._data[i]
    def __len__(self):
        return len(self._data)
    def insert(self, i, v):
        self._data.insert(i, v)
st = Stack()
st.append(1)
st.extend([2, 3])
st += [4]
st.reverse()
print(list(st), st.pop(), st.pop(0), list(st))
try:
    class Incomplete(MutableMapping):
        def __getitem__(self, key):
            return 1
    Incomplete()
except TypeError as e:
    print('TypeError', e)
