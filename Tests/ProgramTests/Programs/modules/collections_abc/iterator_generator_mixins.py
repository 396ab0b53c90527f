# collections.abc Iterator, Generator and Coroutine mixins (throw, close), the default
# bodies of the abstract methods, and the messages for instantiating an ABC.
from collections.abc import *
class It(Iterator):
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
it = It(); print(iter(it) is it, list(it))
class Gen(Generator):
    def __init__(self): self.v = 0
    def send(self, value):
        self.v += 1
        if self.v > 3: raise StopIteration
        return (self.v, value)
    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)
gg = Gen(); print(next(gg), gg.send('x'), list(gg))
try: Gen().throw(ValueError, ValueError('boom'))
except ValueError as e: print('ValueError', e)
try: Gen().throw(KeyError)
except KeyError as e: print('KeyError', repr(e))
try: Gen().throw(KeyError, None, None)
except KeyError as e: print('KeyError', repr(e))
print(Gen().close())
class Stubborn(Gen):
    def throw(self, *a): return 1
try: Stubborn().close()
except RuntimeError as e: print('RuntimeError', e)
class Cor(Coroutine):
    def __await__(self): yield
    def send(self, v): raise StopIteration(v)
    def throw(self, *a): return 'ignored'
try: Cor().close()
except RuntimeError as e: print('RuntimeError', e)
class Fin(Cor):
    def throw(self, *a): raise StopIteration
print(Fin().close())
print(type(Iterable.__iter__(None)).__name__, list(Iterable.__iter__(None)), list(Reversible.__reversed__(None)), Sized.__len__(None), Container.__contains__(None, 1), Hashable.__hash__(None), Callable.__call__(None))
for f in (lambda: Iterator.__next__(None), lambda: Mapping.__getitem__(None, 1), lambda: Sequence.__getitem__(None, 1), lambda: MutableSet.add(None, 1), lambda: MutableSequence.insert(None, 0, 1), lambda: MutableMapping.__setitem__(None, 1, 2)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
try: AsyncIterable.__aiter__(None)
except TypeError as e: print(e)
for C in (Sized, Mapping, MutableSequence, Set, Generator):
    try: C()
    except TypeError as e: print(e)
print(ByteString.__mro__[1:3], MutableSequence.__mro__)
print(KeysView.__mro__, ValuesView.__slots__, MappingView.__slots__, Set.__slots__)
