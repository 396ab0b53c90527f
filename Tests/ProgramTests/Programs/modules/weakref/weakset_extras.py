# WeakSet details: subclasses, comparisons, errors, pickling support (__reduce__) and what copy.copy/deepcopy make of it.
import weakref, copy
from collections.abc import MutableSet, Set


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Obj(%s)' % self.name


a, b, c = Obj('a'), Obj('b'), Obj('c')
WS = weakref.WeakSet


def names(s):
    return sorted(o.name for o in s)


print(isinstance(WS(), MutableSet), isinstance(WS(), Set), WS.__doc__, WS[Obj])
print(WS.__module__, type(WS.__hash__), weakref.WeakSet is __import__('_weakrefset').WeakSet)


class MySet(WS):
    pass


m = MySet([a, b])
results = [m.copy(), m | [c], m - [a], m & [a, c], m ^ [b, c], m.union([c]), m.difference([b]),
           m.intersection([b]), m.symmetric_difference([a])]
print([(type(r).__name__, names(r)) for r in results])
print(m == WS([a, b]), WS([a, b]) == m, m == {a, b}, m != {a, b}, WS() == WS())
print(m <= {a, b, c}, m < [a, b], m >= [a], m > [a], m.issubset([a, b]), m.issuperset([a, b, c]))
print(m.isdisjoint([c]), m.isdisjoint([b, c]), a in m, c in m, 5 in m, [] in m)

s = WS([a, b])
for label, action in [
    ('pop from empty', lambda: WS().pop()),
    ('remove missing', lambda: s.remove(c)),
    ('add an int', lambda: s.add(5)),
    ('discard an int', lambda: s.discard(5)),
    ('build from an int', lambda: WS(5)),
    ('compare with an int', lambda: s < 5),
    ('hash', lambda: hash(s)),
    ('reversed', lambda: reversed(s)),
]:
    try:
        action()
        print(label, '-> no error')
    except (KeyError, TypeError) as e:
        print(label, '->', type(e).__name__, 'a weakref' if isinstance(e.args[0], weakref.ref) else e)
print(s == 5, s.discard(c), names(s))

s = WS([a, b])
s -= s
print('s -= s:', len(s))
s = WS([a, b])
s ^= s
print('s ^= s:', len(s))
s = WS([a])
s |= [b]
s &= [b, c]
print('|= then &=:', names(s))
s.symmetric_difference_update([b, c])
s.difference_update([])
s.intersection_update([c, a])
print('updates:', names(s))
popped = WS([a]).pop()
print('popped', popped, '| clear:', len((lambda t: (t.clear(), t)[1])(WS([a, b]))))

# __reduce__: the class, the members as a list, and the instance dict.
s = WS([a])
cls, args, state = s.__reduce__()
print(cls.__name__, args, state is s.__dict__, [k for k in state if not k.startswith('_')])

# copy.copy goes through __reduce__ and ends up sharing the underlying set.
original = WS([a, b])
shallow = copy.copy(original)
shallow.add(c)
print('shallow copy shares data:', shallow.data is original.data, names(original))
deep = copy.deepcopy(original)
print('deep copy has its own data:', deep.data is not original.data, names(deep))

# Members freed disappear.
temp = Obj('temp')
s = WS([temp, a])
del temp
print(len(s), names(s))
