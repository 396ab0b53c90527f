# gc.is_tracked: atoms never, containers always; tuples untracked by collections, dicts by full ones.
import gc
def fn():
    pass
def gen():
    yield 1
checks = [('int', 5), ('float', 1.5), ('str', 's'), ('bytes', b'b'), ('None', None), ('bool', True),
          ('complex', 2j), ('range', range(2)), ('object()', object()), ('list', []), ('set', set()),
          ('frozenset', frozenset()), ('function', fn), ('generator', gen()), ('empty tuple', ()),
          ('tuple of ints', tuple([1, 2])), ('empty dict', {}), ('dict of atoms', {'a': 1}),
          ('dict holding a list', {'a': []}), ('dict holding a tuple', {'a': (1,)})]
for label, value in checks:
    print('%-20s %s' % (label, gc.is_tracked(value)))
gc.disable()
gc.collect()
t = tuple(['a', 1])
print('fresh tuple:', gc.is_tracked(t))
gc.collect(0)
print('after a young collection:', gc.is_tracked(t))
nested = tuple([tuple([1]), 'x'])
gc.collect()
print('nested atoms untracked:', gc.is_tracked(nested), gc.is_tracked(nested[0]))
holder = tuple([[]])
gc.collect()
print('tuple holding a list stays tracked:', gc.is_tracked(holder))
d = {}
d['list'] = []
print('dict given a list:', gc.is_tracked(d))
del d['list']
d['n'] = 1
gc.collect(1)
print('after a middle collection:', gc.is_tracked(d))
gc.collect()
print('after a full collection:', gc.is_tracked(d))
gc.enable()
