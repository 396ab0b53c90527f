# weakref.ref: calling, sharing of callback-less refs, __callback__, counting, hashing and equality.
import weakref

class Target:
    def __init__(self, v):
        self.v = v

t = Target(5)
r = weakref.ref(t)
print('call returns the object:', r() is t, r().v)
print('types:', type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print('a second plain ref is the same object:', weakref.ref(t) is r)
print('count and list:', weakref.getweakrefcount(t), weakref.getweakrefs(t) == [r])
cb = lambda ref: None
rc = weakref.ref(t, cb)
print('with a callback it is new:', rc is not r, rc.__callback__ is cb, r.__callback__)
print('None as callback means no callback:', weakref.ref(t, None) is r)
print('count:', weakref.getweakrefcount(t), len(weakref.getweakrefs(t)))
print('the plain ref is listed first:', weakref.getweakrefs(t)[0] is r)
print('equal while alive:', r == rc, r != rc)
print('hash is the referent\'s:', hash(r) == hash(t), hash(rc) == hash(t))
other = Target(5)
print('different referents:', weakref.ref(other) == r, weakref.ref(other) != r)
print('ordering is not supported:', end=' ')
try:
    r < rc
except TypeError as e:
    print(e)
print('comparing with a non-ref:', r == t, r != 5)
d = {r: 'by ref'}
print('lookup with another ref to the same object:', d[weakref.ref(t, cb)])
del t
print('dead:', r(), rc(), rc.__callback__)
print('dead refs compare by identity:', r == rc, r == r, r != rc)
print('a hash computed earlier survives:', hash(r) == hash(r), d[r])
fresh = weakref.ref(Target(0))
try:
    hash(fresh)
except TypeError as e:
    print('TypeError:', e)
print('counts for an object with no refs:', weakref.getweakrefcount(other), weakref.getweakrefs(other))
print('counts for an int:', weakref.getweakrefcount(1), weakref.getweakrefs(1))
