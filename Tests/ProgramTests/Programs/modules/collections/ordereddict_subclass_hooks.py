# OrderedDict: which overridden methods a subclass sees called, views' set operations,
# update's argument forms and errors, copy/pickle support, reprs and error messages.
import copy
from collections import OrderedDict
from collections.abc import KeysView, ValuesView, ItemsView, MutableMapping

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Traced(OrderedDict):
    def __init__(self, *args, **kwds):
        print('  init', args, kwds)
        super().__init__(*args, **kwds)
    def __getitem__(self, key):
        print('  get', key)
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        print('  set', key, value)
        super().__setitem__(key, value)
    def __delitem__(self, key):
        print('  del', key)
        super().__delitem__(key)
    def __contains__(self, key):
        print('  contains', key)
        return super().__contains__(key)
    def update(self, *args, **kwds):
        print('  update (overridden)')
        super().update(*args, **kwds)

print('construct')
t = Traced(a=1, b=2)
print('copy')
print(t.copy())
print('pop / popitem')
print(t.pop('a'), t.popitem())
t['x'] = 1
t['y'] = 2
print('setdefault')
print(t.setdefault('x', 5), t.setdefault('z', 5))
print('move_to_end')
t.move_to_end('x')
t.move_to_end('z', last=False)
print(list(t))
print('fromkeys')
print(Traced.fromkeys('pq', 0))
print('update')
t.update({'k': 1}, j=2)
print('or / ror / ior')
print(t | {'n': 1})
print({'n': 1} | t)
t |= {'w': 1}
print('repr')
print(t)

print('update forms')
class OnlyItems:
    def items(self):
        return [('i', 1)]
class KeysAndItems:
    def keys(self):
        return ['k']
    def __getitem__(self, key):
        return key * 3
    def items(self):
        return [('unused', 0)]
print(OrderedDict(OnlyItems()), OrderedDict(KeysAndItems()), OrderedDict(['ab', (1, 2)]))
print(OrderedDict([{1, 2}]) == {1: 2} or OrderedDict([{1, 2}]) == {2: 1})
for bad in ([1], [(1, 2, 3)], [[1]], [()], 5, None):
    show(lambda: OrderedDict(bad))
show(lambda: OrderedDict().update({}, {}))
show(lambda: OrderedDict(a=1).update([('b', 2)], c=3))

print('views')
o = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
k, v, i = o.keys(), o.values(), o.items()
print(k, v, i, len(k), len(v), len(i))
print(sorted(k ^ {'c', 'd'}), sorted(k - {'a'}), sorted({'a', 'z'} - k), sorted({'a', 'z'} & k))
print(sorted(i & {('a', 1), ('b', 9)}), sorted(i | {('z', 0)}), ('b', 2) in i, ('b', 3) in i)
print(k <= {'a', 'b', 'c', 'd'}, k < {'a', 'b', 'c'}, k >= {'a'}, k > {'a', 'b', 'c'}, k == o.keys(), k != {'a'})
print(k.isdisjoint(['x', 'y']), k.isdisjoint('abc'), i.isdisjoint([('a', 1)]))
print(o.keys() == OrderedDict([('c', 0), ('b', 0), ('a', 0)]).keys(), v == v, v == o.values())
print(isinstance(k, KeysView), isinstance(v, ValuesView), isinstance(i, ItemsView), isinstance(o, MutableMapping))
print(type(k).__name__, type(v).__name__, type(i).__name__)
o['d'] = 4
print(list(k), list(v), list(i))
del o['a']
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
show(lambda: hash(o.keys()))
show(lambda: k & 5)

print('equality and hashing')
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
print(OrderedDict(a=1) == Traced(a=1), OrderedDict(a=1) == 5, OrderedDict() != [])
show(lambda: hash(OrderedDict()))
show(lambda: OrderedDict() < OrderedDict())
show(lambda: OrderedDict().missing_attribute)

print('attributes, copies, reduce')
o = OrderedDict(x=[1, 2])
o.note = 'hi'
print(o.note, o.__dict__)
print(o.__reduce__()[:4])
print(OrderedDict(a=1).__reduce__()[:4])
c = copy.copy(o)
d = copy.deepcopy(o)
print(c, d, c['x'] is o['x'], d['x'] is o['x'], d == o)
print(type(copy.copy(Traced())).__name__)
proxy = o.keys().mapping
print(type(proxy).__name__, proxy['x'], dict(proxy) == o, OrderedDict(o) == o, OrderedDict(Traced(q=1)))
