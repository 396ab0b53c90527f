# Weak mappings: copies, deep copies, the | operators, subclasses, ABCs, reprs, KeyedRef values and error cases.
import weakref, copy
from collections.abc import MutableMapping, Mapping


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Obj(%s)' % self.name


a, b, c = Obj('a'), Obj('b'), Obj('c')
W = weakref.WeakValueDictionary
K = weakref.WeakKeyDictionary


def show(mapping):
    return type(mapping).__name__ + str(sorted(mapping.items(), key=repr))


print(issubclass(W, MutableMapping), issubclass(K, MutableMapping), isinstance(W(), Mapping))
print(repr(W()).startswith('<WeakValueDictionary at 0x'), repr(K()).startswith('<WeakKeyDictionary at 0x'))
print(W[int, Obj], K[Obj, int])

# Construction and update forms.
print(show(W({1: a}, x=b)), show(W([(2, c)])), show(W(self=a, other=b)))
print(show(K({a: 1})), show(K([(b, 2)])), show(K(dict={c: 3})))
w = W()
w.update({1: a}, two=b)
w.update([(3, c)])
w.update(None)
print(show(w))
k = K()
k.update({a: 1})
k.update([(b, 2)])
print(show(k))

# Equality comes from Mapping: contents compared with any mapping.
print(W({1: a}) == {1: a}, K({a: 1}) == {a: 1}, W({1: a}) == W({1: a}), W() != {1: 2})

# The | operators: copies of the base class on the left, of the subclass on the right.
class MyW(W):
    pass


class MyK(K):
    pass


mw, mk = MyW({1: a}), MyK({a: 1})
print(show(mw | {2: b}), show({2: b} | mw), show(mk | {b: 2}), show({b: 2} | mk))
merged = mw
merged |= {3: c}
print(merged is mw, show(mw))
print(W.__or__(mw, 5), W.__ror__(mw, [1]), K.__or__(mk, 'x'))
try:
    mw | [(4, a)]
except TypeError as e:
    print('TypeError:', e)

# copy() gives the base class, copy.deepcopy keeps the subclass; deepcopy copies the
# keys of a WeakValueDictionary and the values of a WeakKeyDictionary.
print(type(mw.copy()).__name__, type(copy.copy(mw)).__name__, type(copy.deepcopy(mw)).__name__)
print(type(mk.copy()).__name__, type(copy.copy(mk)).__name__, type(copy.deepcopy(mk)).__name__)
key = (1, Obj("k"))
wv = W({key: a})
deep = copy.deepcopy(wv)
print([(k2[0], k2[1].name, k2 is not key, k2[1] is not key[1]) for k2 in deep], list(deep.values()) == [a])
wk = K({a: [1, 2]})
deep = copy.deepcopy(wk)
print(deep[a] == [1, 2], deep[a] is wk[a], list(deep) == [a])

# Values are stored as KeyedRef objects carrying their key.
refs = W({'x': a, 'y': b}).valuerefs()
print(sorted((type(r).__name__, r.key, r().name) for r in refs))
gen = W({'z': c}).itervaluerefs()
print(type(gen).__name__, [(r.key, r()) for r in gen])
print(sorted(type(r).__name__ for r in K({a: 1, b: 2}).keyrefs()))

# Methods that generate.
print(type(W().keys()).__name__, type(iter(K())).__name__)

# Missing keys and odd keys.
w = W({1: a})
k = K({a: 1})
for label, action in [
    ('W[2]', lambda: w[2]),
    ('W.pop(2)', lambda: w.pop(2)),
    ('W.popitem() on empty', lambda: W().popitem()),
    ('W[[]]', lambda: w[[]]),
    ('W.setdefault(9)', lambda: w.setdefault(9)),
    ('W({1: 5})', lambda: W({1: 5})),
    ('K[b]', lambda: k[b]),
    ('K[5]', lambda: k[5]),
    ('K.popitem() on empty', lambda: K().popitem()),
    ('K.update(x=1)', lambda: K().update(x=1)),
    ('K.pop(a, 1, 2)', lambda: k.pop(a, 1, 2)),
]:
    try:
        print(label, '->', action())
    except (KeyError, TypeError) as e:
        print(label, '->', type(e).__name__, e if not isinstance(e.args[0], weakref.ref) else 'a weakref')
print(w.pop(2, 'dflt'), w.get(2, 'dflt'), w.setdefault(1, b), 5 in k, [] in k, k.get(b, 'dflt'), k.setdefault(b))
print(w.pop(1, 'x', 'ignored extra'))

# Entries go away with their referents.
temp = Obj('temp')
w = W({'t': temp})
k = K({temp: 't'})
del temp
print(len(w), len(k), list(w), list(k))
