# WeakKeyDictionary: the whole mapping API; entries vanish when their keys die.
import weakref

class K:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return 'K(%s)' % self.name

a, b, c = K('a'), K('b'), K('c')
d = weakref.WeakKeyDictionary({a: 1, b: 2})
d[c] = 3
print('len:', len(d), sorted(k.name for k in d))
print('getitem, get:', d[a], d.get(b), d.get(K('new')), d.get(K('new'), 'dflt'))
print('contains:', a in d, K('x') in d, 'str' in d, 5 in d)
try:
    d[K('missing')]
except KeyError:
    print('KeyError for a missing key')
try:
    d['string'] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    d.get('string')
except TypeError as e:
    print('get TypeError:', e)
print('repr names the class:', repr(d).startswith('<WeakKeyDictionary at 0x'))
del b
print('b died:', len(d), sorted(k.name for k in d.keys()))
print('items:', sorted((k.name, v) for k, v in d.items()))
print('values:', sorted(d.values()))
print('keyrefs:', sorted(r().name for r in d.keyrefs()))
print('pop:', d.pop(c), d.pop(c, 'gone'), len(d))
print('setdefault:', d.setdefault(a, 99), d.setdefault(c, 30), d[c])
print('popitem:', d.popitem()[1] in (1, 30), len(d))
d.update({a: 10}, )
d.update([(c, 31)])
print('update:', sorted((k.name, v) for k, v in d.items()))
cp = d.copy()
print('copy:', type(cp).__name__, len(cp))
x = K('x')
merged = d | {x: 0}
print('or:', type(merged).__name__, len(merged))
d |= {x: 1}
print('ior:', d[x])
print('eq:', d == dict(d.items()))
del d[x]
print('delitem:', x in d, len(d))
d.clear()
print('clear:', len(d))
for name in 'pqr':
    d[K(name)] = name
print('temporary keys died at once:', len(d))
d[a] = 'a'; d[c] = 'c'
for k in d:
    del c
    break
print('a key dying during iteration is removed afterwards:', len(d), [k.name for k in d])
