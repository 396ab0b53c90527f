# WeakSet: the set API and set algebra over live members; members vanish when freed.
import weakref

class M:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return self.name

def names(s):
    return sorted(m.name for m in s)

a, b, c, d = M('a'), M('b'), M('c'), M('d')
s = weakref.WeakSet([a, b, c])
print('len, members:', len(s), names(s))
print('contains:', a in s, d in s, 1 in s, 'x' in s)
s.add(a)
print('add again:', len(s))
s.add(d)
s.discard(d)
s.discard(M('nobody'))
print('discard:', names(s))
try:
    s.remove(M('ghost'))
except KeyError:
    print('remove of a non-member: KeyError')
s.remove(c)
print('remove:', names(s))
t = weakref.WeakSet([b, c, d])
print('union:', names(s | t), names(s.union(t)))
print('intersection:', names(s & t), names(s.intersection([b, d])))
print('difference:', names(s - t), names(s.difference([a])))
print('symmetric difference:', names(s ^ t), names(s.symmetric_difference(t)))
print('subset/superset:', s <= weakref.WeakSet([a, b, c]), s < weakref.WeakSet([a, b]), s >= weakref.WeakSet([a]), s > s)
print('issubset/issuperset:', s.issubset([a, b, d]), s.issuperset([a]))
print('isdisjoint:', s.isdisjoint(weakref.WeakSet([d])), s.isdisjoint([a]))
print('equality:', s == weakref.WeakSet([a, b]), s == weakref.WeakSet([a]), s == {a, b}, s != {a, b})
u = weakref.WeakSet([a])
u |= [b]
u &= [a, b, c]
u -= [a]
u ^= [c, d]
print('in-place:', names(u))
u.update([a])
u.difference_update([c])
u.intersection_update([a, b, d])
u.symmetric_difference_update([b])
print('methods:', names(u))
cp = u.copy()
print('copy:', type(cp).__name__, names(cp), cp is not u)
popped = cp.pop()
print('pop:', popped in (a, b, d), len(cp))
cp.clear()
try:
    cp.pop()
except KeyError as e:
    print('KeyError:', e)
try:
    s.add('text')
except TypeError as e:
    print('TypeError:', e)
try:
    hash(s)
except TypeError as e:
    print('TypeError:', e)
del b
print('b freed:', names(s), len(s))
for m in s:
    del a
    break
print('freed during iteration, removed after it:', names(s), len(s))
s.add(M('temp'))
print('a temporary member is gone at once:', names(s))
