# OrderedDict: order-aware equality, move_to_end, popitem(last=), views, reprs, errors.
from collections import OrderedDict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

od = OrderedDict()
print(od, repr(od), bool(od))
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), len(od))
od.move_to_end('b')
print(list(od))
od.move_to_end('c', last=False)
print(list(od))
od.move_to_end('a', False)
print(list(od))
show(lambda: od.move_to_end('zz'))
print(od.popitem(), od.popitem(last=False), od)
show(lambda: OrderedDict().popitem())
show(lambda: OrderedDict().popitem(last=False))
o1 = OrderedDict([('x', 1), ('y', 2)])
o2 = OrderedDict([('y', 2), ('x', 1)])
print(o1 == o2, o1 != o2, o1 == dict(o2), dict(o2) == o1, o1 == {'x': 1, 'y': 2})
print(o1.keys(), o1.values(), o1.items())
print(list(reversed(o1)), list(reversed(o1.keys())), list(reversed(o1.items())), list(reversed(o1.values())))
print('x' in o1.keys(), ('x', 1) in o1.items(), 2 in o1.values(), len(o1.keys()))
print(o1.keys() == {'x', 'y'}, o1.keys() & {'x'}, sorted(o1.keys() | {'z'}))
print(OrderedDict.fromkeys('abc', 0), OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
print(type({'b': 2} | OrderedDict(a=1)).__name__)
o3 = OrderedDict(a=1)
o3 |= [('c', 3)]
print(o3)
o3.update({'d': 4}, e=5)
o3.update([('f', 6)])
print(o3)
print(o3.pop('a'), o3.pop('zz', 'default'), o3.setdefault('c', 99), o3.setdefault('g', 7))
show(lambda: o3.pop('zz'))
show(lambda: OrderedDict(1, 2))
c = o3.copy()
print(c, type(c).__name__, c == o3, c is o3)
rec = OrderedDict(a=1)
rec['self'] = rec
print(rec)
class Sub(OrderedDict):
    pass
print(Sub(a=1), Sub(), Sub(a=1).copy())
lru = OrderedDict()
for key in [1, 2, 3, 1, 4, 2, 5]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
print(list(lru))
print(isinstance(od, dict), OrderedDict.__module__, type(o1.keys()).__name__)
del o1['x']
print(o1, OrderedDict(zip('abc', range(3))))
