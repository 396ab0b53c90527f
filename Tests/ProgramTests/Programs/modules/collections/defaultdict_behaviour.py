# defaultdict: factories, __missing__, reprs, copies, | operators, errors.
from collections import defaultdict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, len(d), d['a'], 'c' in d, d.get('c'), 'c' in d)
print(dict(d), d == {'a': [1], 'b': []}, isinstance(d, dict), type(d).__name__)
counts = defaultdict(int)
for word in 'the cat and the hat and the bat'.split():
    counts[word] += 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x'], dict(nested['x']))
show(lambda: defaultdict(1))
show(lambda: defaultdict(list, 1))
show(lambda: defaultdict(list, {'a': 1}, b=2))
show(lambda: defaultdict(list, [('k', 'v')]))
show(lambda: defaultdict(default_factory=list))
show(lambda: defaultdict())
show(lambda: defaultdict(None)['x'])
show(lambda: defaultdict.__missing__(defaultdict(int), 'q'))
show(lambda: defaultdict(set).__missing__('q'))
c = d.copy()
print(c, type(c).__name__, c.default_factory, c is d, c['a'] is d['a'])
print(d | {'z': 0}, {'z': 0} | d, type({'z': 0} | d).__name__)
d |= {'y': 9}
print(d)
class Sub(defaultdict):
    pass
s = Sub(str, x='1')
print(s, s['missing'] == '', s)
print(Sub(int).copy(), type(Sub(int).copy()).__name__)
d.default_factory = None
print(d)
show(lambda: d['nope'])
d.default_factory = 5
show(lambda: d['nope'])
show(lambda: d.default_factory)
print(defaultdict(tuple) == {}, defaultdict.__name__, defaultdict.__module__)
dd = defaultdict(list, a=[1])
dd.setdefault('b', []).append(2)
print(dd.pop('a'), dd.popitem(), dd, dd.keys(), dd.values(), dd.items())
print(defaultdict(int, {1: 2}).fromkeys('ab'))
print(repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda> at '))
