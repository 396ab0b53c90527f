# gc.get_referents of class instances: the attribute values (not the keys of
# inline values), then the class, then the built-in base's own references.
import gc
class A: pass
a = A(); a.x = [1]; a.y = 5
print(gc.get_referents(a))
b = A(); b.z = 1; b.__dict__
print(gc.get_referents(b))
class L(list): pass
l = L([7]); l.a = [1]
print(gc.get_referents(l))
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = [2]; s.q = 3
print(gc.get_referents(s))
print(a in gc.get_referrers(A), len([r for r in gc.get_referrers(S) if r is s]))
class D:
    __slots__ = ('p', '__dict__')
d = D(); d.p = 1; d.z = [5]
print(gc.get_referents(d))
class C(A): pass
c = C(); c.k = [3]
print(gc.get_referents(c))
