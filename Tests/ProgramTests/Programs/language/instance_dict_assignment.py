# Assigning and deleting an instance's __dict__ (3.11 allows del).
import sys, gc
class F: pass
f = F(); f.a = 1
f.__dict__ = {'b': 2}
print(f.b, hasattr(f, 'a'), sys.getsizeof(f.__dict__), vars(f))
f.c = 3
print(f.__dict__)
d = {'z': 9}
g = F(); g.__dict__ = d; g.w = 1
print(d, g.z)
try: g.__dict__ = 5
except TypeError as e: print(e)
try: del g.__dict__
except TypeError as e: print(e)
class DD(dict): pass
g.__dict__ = DD(q=1); print(type(g.__dict__).__name__, g.q)
class S:
    __slots__ = ('x',)
try: S().__dict__ = {}
except AttributeError as e: print(e)
h = F(); h.__dict__ = {'self': h}; del h; print(gc.collect())
class W:
    def __del__(self): print('del W')
k = F(); k.w = W(); k.__dict__ = {}; print('replaced')
del f.__dict__
print(hasattr(f, 'b'), f.__dict__)
f.n = 1; print(f.n, vars(f))
