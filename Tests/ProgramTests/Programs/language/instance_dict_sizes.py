# sys.getsizeof of an instance's __dict__ follows CPython 3.11's split table: it shares the
# class's names and moves with them, until a non-str key, full names or popitem make it combined.
import sys
def fresh(n=2):
    class K: pass
    o = K()
    for i in range(n): setattr(o, 'a%d' % i, i)
    return K, o, o.__dict__
K, o, d = fresh(); print('base', sys.getsizeof(d))
K, o, d = fresh(); d.popitem(); print('popitem', sys.getsizeof(d))
K, o, d = fresh(); d.pop('a0'); print('pop', sys.getsizeof(d))
K, o, d = fresh(); del d['a0']; print('del', sys.getsizeof(d))
K, o, d = fresh(); del o.a0; print('delattr', sys.getsizeof(d))
K, o, d = fresh(); d.clear(); print('clear', sys.getsizeof(d))
K, o, d = fresh(); d['zz'] = 1; print('add str', sys.getsizeof(d))
K, o, d = fresh(); d[5] = 1; print('add int', sys.getsizeof(d))
K, o, d = fresh(); d['a0'] = 9; print('replace', sys.getsizeof(d))
K, o, d = fresh(); d.setdefault('q', 1); print('setdefault', sys.getsizeof(d))
K, o, d = fresh(); d.update(b=1); print('update', sys.getsizeof(d))
K, o, d = fresh(); d |= {'c': 1}; print('ior', sys.getsizeof(d))
K, o, d = fresh(); print('copy', sys.getsizeof(d.copy()), 'dict()', sys.getsizeof(dict(d)), '|', sys.getsizeof(d | {}), '{**}', sys.getsizeof({**d}))
K, o, d = fresh(); c = d.copy(); c['x'] = 1; print('copy add', sys.getsizeof(c), sys.getsizeof(d))
K, o, d = fresh(0); print('empty', sys.getsizeof(d))
K, o, d = fresh(0); o2 = K(); print('empty2', sys.getsizeof(d), sys.getsizeof(o2.__dict__))
K, o, d = fresh(29); print('29', sys.getsizeof(d))
K, o, d = fresh(30); print('30', sys.getsizeof(d))
K, o, d = fresh(35); print('35', sys.getsizeof(d))
K, o, d = fresh(10); print('10', sys.getsizeof(d))
K, o, d = fresh(3); d.popitem(); d['n'] = 1; print('popitem then add', sys.getsizeof(d))
K, o, d = fresh(3); del d['a1']; d['a1'] = 5; print('del readd', sys.getsizeof(d), list(d))
class P: pass
p = P(); p.x = 1
p2 = P(); p2.__dict__[3] = 4; p2.y = 2
p3 = P(); p3.z = 1; print('after other combined', sys.getsizeof(p3.__dict__), sys.getsizeof(p.__dict__))
class S: __slots__ = ('a', '__dict__')
s = S(); s.b = 1; print('slots dict', sys.getsizeof(s.__dict__))
class Sub(K): pass
K, o, d = fresh(2); sb = Sub(); sb.m = 1; print('sub', sys.getsizeof(sb.__dict__))
import gc
K, o, d = fresh(2); gc.collect(); print('after collect', sys.getsizeof(d))

# The shared names change as instances are made and attributes added.
class A: pass
a = A(); a.x = 1; a.y = 2
d = a.__dict__
print('first', sys.getsizeof(d))
b = A()
print('after 2nd instance', sys.getsizeof(d), sys.getsizeof(b.__dict__))
for i in range(40): A()
print('after 40 more', sys.getsizeof(d))
a.z = 3
print('add z via attr', sys.getsizeof(d))
d['w'] = 4
print('add w via dict', sys.getsizeof(d))
del a.x
print('del x', sys.getsizeof(d))
d.pop('y')
print('pop y', sys.getsizeof(d))
d.popitem()
print('popitem', sys.getsizeof(d), d)
d.clear()
print('clear', sys.getsizeof(d))
a.q = 1
print('after clear add', sys.getsizeof(d))
class B: pass
c = B(); c.a = 1; c.b = 2
dc = c.__dict__
dc[1] = 2
print('non-str key', sys.getsizeof(dc), len(dc))
class C: pass
e = C()
for i in range(30): setattr(e, 'k%d' % i, i)
de = e.__dict__
print('30 keys', sys.getsizeof(de))
de.setdefault('new', 1)
print('setdefault beyond', sys.getsizeof(de))
class D: pass
f = D(); f.a = 1
df = f.__dict__
import copy
print('copy', sys.getsizeof(df.copy()), sys.getsizeof(dict(df)))
g = D(); g.a = 1; g.b = 2
print('second D', sys.getsizeof(g.__dict__), sys.getsizeof(df))
df.update({'c': 3, 'd': 4})
print('update', sys.getsizeof(df))
class E:
    def __init__(self): self.a = 1; self.b = 2
es = [E() for i in range(5)]
print([sys.getsizeof(x.__dict__) for x in es])
h = E(); hd = h.__dict__; hd['c'] = 3
print('E add c', sys.getsizeof(hd), sys.getsizeof(es[0].__dict__))
class F: pass
fi = F(); fi.__dict__['a'] = 1; print('F', sys.getsizeof(fi.__dict__))
vars(fi).update(b=2); print('F2', sys.getsizeof(fi.__dict__))
fi2 = F(); print('F empty dict', sys.getsizeof(fi2.__dict__))

# {**d} and f(**d) merge a dict as PyDict_Update does.
a = {'x': 1, 'y': 2}
print(sys.getsizeof({**a}), sys.getsizeof({**a, 'z': 3}), sys.getsizeof({'q': 0, **a}))
big = {i: i for i in range(100)}
print(sys.getsizeof({**big}), sys.getsizeof({0: 1, **big}))
class M(dict):
    def __iter__(self): return iter(['x'])
    def keys(self): return ['x']
    def __getitem__(self, k): return 42
m = M(x=1, y=2)
print({**m})
def f(**kw): return kw
print(sys.getsizeof(f(**a)), f(**m))
try:
    {**1}
except TypeError as e: print(e)

# A split dict with holes copies as a split dict too.
K, o, d = fresh(6)
for name in ('a0', 'a2', 'a3', 'a5'):
    del d[name]
c = d.copy()
print('sparse copy', sys.getsizeof(c), sys.getsizeof(d), c, c == d)
c['z'] = 1
print(sys.getsizeof(c), list(c))
