# collections.abc.Mapping, MutableMapping and the mapping views: the mixin methods
# and what they do with missing keys, odd arguments and set operations on views.
from collections.abc import *
class M(Mapping):
    def __init__(self, **kw): self.d = kw
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M(a=1, b=2)
print(m.get('a'), m.get('z'), m.get('z', 0), 'a' in m, 'z' in m, m == {'a': 1, 'b': 2}, m == M(b=2, a=1), m != {'a': 1}, m == [1])
print(type(m.keys()).__name__, type(m.items()).__name__, type(m.values()).__name__, list(m.keys()), list(m.items()), list(m.values()))
print(len(m.keys()), 'a' in m.keys(), ('a', 1) in m.items(), ('a', 2) in m.items(), ('q', 1) in m.items(), 2 in m.values(), 5 in m.values())
print(m.keys() & {'a', 'x'}, m.keys() | {'x'} == {'a', 'b', 'x'}, m.items() - {('a', 1)}, m.keys() == {'a', 'b'}, m.keys() ^ ['b', 'c'] == {'a', 'c'})
print(type(m.keys() & {'a'}).__name__, isinstance(m.keys(), Set), isinstance(m.values(), Set), m.__reversed__)
try: reversed(m)
except TypeError as e: print(e)
try: hash(m)
except TypeError as e: print(e)
print(KeysView({'x': 1}), ItemsView({'x': 1}), ValuesView([1]), MappingView('abc'), len(ValuesView([1, 2])))
nan = float('nan')
print(('k', nan) in ItemsView({'k': nan}), nan in ValuesView({'k': nan}))
# MutableMapping
class MM(MutableMapping):
    def __init__(self, *a, **kw): self.d = {}; self.update(*a, **kw)
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): print('set', k, v) if k == 'loud' else None; self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
    def __repr__(self): return f'MM({self.d})'
mm = MM([('a', 1)], b=2)
print(mm, mm.pop('a'), mm.pop('zz', 'dflt'), mm)
try: mm.pop('zz')
except KeyError as e: print('KeyError', e)
print(mm.setdefault('c', 3), mm.setdefault('c', 4), mm.setdefault('n'), mm)
print(mm.popitem(), mm)
mm.update(M(x=1), y=2); mm.update([('loud', 0)]); print(mm)
class KeysOnly:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
mm.update(KeysOnly()); print(mm)
try: mm.update(self=1, other=2); print(mm)
except TypeError as e: print(e)
mm.clear(); print(mm)
try: mm.popitem()
except KeyError as e: print('KeyError', repr(e))
try: MM().update(1)
except TypeError as e: print(e)
try: mm.update({}, {})
except TypeError as e: print(e)
try: MM().popitem()
except KeyError as e: print('KeyError', repr(e), repr(e.__context__), e.__suppress_context__)
