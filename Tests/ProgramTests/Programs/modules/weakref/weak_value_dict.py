# WeakValueDictionary: the whole mapping API; entries vanish when their values die.
import weakref

class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'V(%d)' % self.n

a, b, c = V(1), V(2), V(3)
d = weakref.WeakValueDictionary({'a': a}, b=b)
d['c'] = c
print('len, keys:', len(d), sorted(d), sorted(d.keys()))
print('items:', sorted(d.items(), key=lambda kv: kv[0]))
print('values:', sorted(v.n for v in d.values()))
print('getitem, get:', d['a'], d.get('b'), d.get('zz'), d.get('zz', 'dflt'))
print('contains:', 'a' in d, 'zz' in d, 1 in d)
try:
    d['zz']
except KeyError as e:
    print('KeyError:', e)
print('repr names the class:', repr(d).startswith('<WeakValueDictionary at 0x'))
del b
print('b died:', len(d), sorted(d), 'b' in d, d.get('b'))
print('pop:', d.pop('c'), d.pop('c', 'gone'), sorted(d))
try:
    d.pop('c')
except KeyError as e:
    print('KeyError:', e)
print('setdefault existing:', d.setdefault('a', V(9)))
keep = V(7)
print('setdefault new:', d.setdefault('k', keep), sorted(d))
print('popitem:', d.popitem() in [('a', a), ('k', keep)], len(d))
d.update([('x', a)], y=keep)
print('after update:', sorted(d))
print('valuerefs:', sorted(r().n for r in d.valuerefs()), all(isinstance(r, weakref.KeyedRef) for r in d.valuerefs()))
print('itervaluerefs:', sorted(r.key for r in d.itervaluerefs()))
cp = d.copy()
print('copy:', type(cp).__name__, sorted(cp), cp is not d)
merged = d | {'z': keep}
print('or:', type(merged).__name__, sorted(merged))
d |= {'w': a}
print('ior:', sorted(d))
print('eq:', d == dict(d.items()), d != {})
del d['x']
print('delitem:', sorted(d))
while True:
    try:
        d.popitem()
    except KeyError:
        break
print('emptied:', len(d), list(d))
d['again'] = a
d.clear()
print('clear:', len(d))
for name in 'pqrs':
    d[name] = V(ord(name))
print('temporaries died at once:', len(d))
d['key'] = a
for k in d:
    del a
    break
print('a value dying during iteration is removed afterwards:', len(d), list(d))
try:
    d['bad'] = 1
except TypeError as e:
    print('TypeError:', e)
