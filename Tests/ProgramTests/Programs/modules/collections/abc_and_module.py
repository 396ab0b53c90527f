# The collections module itself: its public names, collections.abc reached both as an
# attribute and as an imported submodule, and the ABCs its types are registered with.
import collections
import collections.abc
from collections import abc as abc_alias
from collections.abc import Mapping, MutableMapping, MutableSequence, Sequence, KeysView, ItemsView, ValuesView
from collections import *

print(sorted(collections.__all__))
print(collections.abc is abc_alias, collections.abc.Mapping is Mapping)
print([name for name in collections.__all__ if name not in dir(collections)])
print(collections.OrderedDict.__module__, collections.defaultdict.__module__, collections.deque.__module__,
      collections.Counter.__module__, collections.ChainMap.__module__, collections.UserList.__module__)
print(defaultdict.__name__, defaultdict.__qualname__, OrderedDict.__qualname__, OrderedDict.__doc__)
d = deque([1, 2])
print(isinstance(d, MutableSequence), isinstance(d, Sequence), issubclass(deque, MutableSequence))
od = OrderedDict(a=1)
print(isinstance(od.keys(), KeysView), isinstance(od.items(), ItemsView), isinstance(od.values(), ValuesView))
for cls in (OrderedDict, defaultdict, Counter, ChainMap, UserDict):
    print(cls.__name__, issubclass(cls, MutableMapping), issubclass(cls, dict))
for cls in (UserList, UserString, deque):
    print(cls.__name__, issubclass(cls, MutableSequence), issubclass(cls, Sequence))
class MyMapping(Mapping):
    def __init__(self, data):
        self._data = data
    def __getitem__(self, key):
        return self._data[key]
    def __iter__(self):
        return iter(self._data)
    def __len__(self):
        return len(self._data)
mm = MyMapping({'a': 1, 'b': 2})
print(Counter(mm), OrderedDict(mm), ChainMap(mm)['b'], UserDict(mm), dict(ChainMap({}, mm) | mm))
c = Counter(a=1)
c.update(mm)
print(c, ChainMap({'z': 0}) | mm)
try:
    ChainMap() | 5
except TypeError as e:
    print(e)
