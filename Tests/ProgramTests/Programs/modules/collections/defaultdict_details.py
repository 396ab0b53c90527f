# defaultdict: the factory's repr (including a recursive one), pickling support via
# __reduce__, copies, slots, generic aliases, and how it mixes with plain dicts.
import copy
from collections import defaultdict, OrderedDict, Counter, ChainMap, deque, UserDict, UserList, UserString

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d['x'].append(d)
print(d)
class Factory:
    def __call__(self):
        return 'made'
    def __repr__(self):
        return 'Factory()'
f = defaultdict(Factory(), k=1)
print(f, f['new'], f)
print(defaultdict(int).__reduce__()[:4], defaultdict().__reduce__()[:4], list(defaultdict(int, a=1).__reduce__()[4]))
e = defaultdict(list, {'a': [1]})
c, dc = copy.copy(e), copy.deepcopy(e)
print(c, dc, c['a'] is e['a'], dc['a'] is e['a'], c.default_factory is list, type(c).__name__)
print(e.__copy__(), e.copy() == e, e.copy() is e)
show(lambda: setattr(e, 'other', 1))
show(lambda: e.__dict__)
class WithDict(defaultdict):
    pass
w = WithDict(int)
w.note = 'ok'
print(w.note, w, w.__reduce__()[:2], copy.copy(w), type(copy.copy(w)).__name__)
e.default_factory = lambda: 'lazy'
print(e['q'], sorted(e))
print(defaultdict(int, [('a', 1)]) == {'a': 1}, {'a': 1} == defaultdict(int, a=1), defaultdict(int) == defaultdict(list))
show(lambda: defaultdict(list, {}, {}))
show(lambda: defaultdict(int)['k'] + 1)
show(lambda: defaultdict(list).__missing__(5))
show(lambda: hash(defaultdict()))
show(lambda: defaultdict() < defaultdict())
show(lambda: defaultdict().nothing)
g = defaultdict(set)
g['a'].add(1)
g.update(b={2})
print(g, g.get('zz'), 'zz' in g, g.setdefault('c', {3}), len(g), g.pop('c'))
merged = defaultdict(int, a=1) | OrderedDict(b=2)
print(merged, type(merged).__name__, merged.default_factory)
print(OrderedDict(b=2) | defaultdict(int, a=1), dict(z=0) | defaultdict(str, a='1'))
m = defaultdict(int)
m |= {'k': 5}
m |= [('j', 6)]
print(m)
show(lambda: defaultdict(int) | [('a', 1)])
print(defaultdict[str, int], OrderedDict[str, int], Counter[str], ChainMap[str, int], deque[int])
print(UserDict[str, int], UserList[int], UserString, defaultdict[str, list].__origin__ is defaultdict)
tree = lambda: defaultdict(tree)
root = tree()
root['a']['b']['c'] = 1
print(dict(root['a']['b']), len(root['a']), list(root))
def grouped(pairs):
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return dict(groups)
print(grouped([('x', 1), ('y', 2), ('x', 3)]))
