# ChainMap: lookup order, iteration order, __missing__ in subclasses, recursive reprs,
# new_child/parents, copies, the | operators, and errors from the first mapping.
import copy
from collections import ChainMap, OrderedDict, UserDict
from collections.abc import MutableMapping

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

first, second, third = {'a': 1, 'b': 2}, {'b': 20, 'c': 30}, {'d': 400, 'a': 100}
cm = ChainMap(first, second, third)
print(cm, len(cm), list(cm), list(cm.values()), list(cm.items()), dict(cm))
print(cm['a'], cm['b'], cm['c'], cm['d'], cm.get('e'), cm.get('e', 'fallback'), 'd' in cm, 'e' in cm)
print(cm.keys(), 'c' in cm.keys(), ('a', 1) in cm.items(), 100 in cm.values())
print(cm == {'a': 1, 'b': 2, 'c': 30, 'd': 400}, cm == ChainMap(dict(cm)), cm != {})
print(bool(ChainMap({}, {})), bool(ChainMap({}, {'x': 0})), ChainMap().maps, ChainMap({}).maps)

class Defaulted(ChainMap):
    def __missing__(self, key):
        return f'<no {key}>'
dm = Defaulted({'k': 'v'})
print(dm['k'], dm['zz'], dm.get('zz', 'get skips __missing__'), 'zz' in dm)

child = cm.new_child()
child['a'] = 'child'
print(child, child.parents == cm, child.maps[1:] == cm.maps, cm['a'])
print(cm.new_child({'n': 1}, k=2), cm.new_child(None, k=3).maps[0], cm.new_child(k=4).maps[0], cm.new_child(m={'m': 0}).maps[0])
print(cm.parents, cm.parents.parents, cm.parents.parents.parents, type(cm.parents).__name__)

c2 = cm.copy()
c2['a'] = 'changed'
c2['b'] = 'also'
print(first, c2.maps[0], c2.maps[1] is second, copy.copy(cm).maps[0] is first, copy.deepcopy(cm) == cm)
print(ChainMap.fromkeys(['p', 'q']), ChainMap.fromkeys('pq', 5), Defaulted.fromkeys('r'))

cm['new'] = 'n'
print(first)
del cm['new']
show(lambda: cm.__delitem__('c'))
show(lambda: cm.pop('c'))
print(cm.pop('c', 'default'), cm.pop('a'), first)
print(cm.popitem(), first)
show(lambda: cm.popitem())
cm.clear()
print(cm, first, second)

base = ChainMap({'x': 1}, {'y': 2})
print(base | {'z': 3}, {'z': 3, 'x': 0} | base, base | OrderedDict(w=0), UserDict(u=1) | base)
show(lambda: base | [('a', 1)])
show(lambda: [('a', 1)] | base)
base |= {'y': 'first'}
base |= [('v', 5)]
print(base)
print(type(base | {}).__name__, type({} | Defaulted()).__name__, isinstance(base, MutableMapping))

loop = ChainMap()
loop['me'] = loop
print(loop)
both = ChainMap({'a': 1})
both.maps.append(both)
print(both)
print(ChainMap(OrderedDict(a=1), UserDict(b=2)))
print(list(ChainMap({'b': 1, 'a': 2}, {'c': 3, 'a': 4, 'd': 5})))
print(ChainMap({'a': 1}).setdefault('b', 2), sorted(ChainMap({1: 'x'}, {2: 'y'}).items()))
counts = ChainMap({}, {'hits': 0})
counts['hits'] += 1
print(counts, counts.maps)
