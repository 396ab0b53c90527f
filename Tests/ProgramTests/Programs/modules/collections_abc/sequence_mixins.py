# collections.abc.Sequence and MutableSequence mixins: iteration, in, reversed, index
# with bounds, count, append/extend/pop/remove/reverse/clear and +=.
from collections.abc import *
nan = float('nan')
class Sq(Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
s = Sq(1, 2, 3, 2, 1)
print(list(s), list(reversed(s)), 2 in s, 9 in s, s.count(2), s.index(2), s.index(2, 2), s.index(1, -1), s.index(2, -4, -1), s.index(1, 0, None))
for args in ((9,), (3, 3), (2, 0, 1), (1, 1, -1)):
    try: s.index(*args)
    except ValueError as e: print('ValueError', repr(e))
print(nan in Sq(nan), Sq(nan).count(nan), Sq(nan).index(nan))
try: hash(s); print('hashable')
except TypeError as e: print(e)
# MutableSequence
class MS(MutableSequence):
    def __init__(self, *items): self.items = list(items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __len__(self): return len(self.items)
    def insert(self, i, v): self.items.insert(i, v)
    def __repr__(self): return f'MS{self.items}'
ms = MS(1, 2, 3)
ms.append(4); ms.extend([5, 6]); ms.extend(ms); print(ms)
ms.reverse(); print(ms, ms.pop(), ms.pop(0), ms)
ms.remove(3); print(ms)
try: ms.remove(99)
except ValueError as e: print('ValueError', repr(e))
ms += (7,); print(ms)
ms.clear(); print(ms)
try: ms.pop()
except IndexError as e: print('IndexError', e)
ms2 = MS(1, 2, 3, 4, 5); ms2.reverse(); print(ms2)
