# copy through the reduce protocol: __reduce_ex__/__reduce__ values, __getnewargs(_ex)__, __getstate__/__setstate__, slots, memo.
import copy


class Loud:
    def __init__(self, n):
        self.n = n

    def __deepcopy__(self, memo):
        print('  deepcopy of Loud', self.n)
        return Loud(self.n)

    def __hash__(self):
        return self.n

    def __eq__(self, other):
        return self is other


# A reduce value that is a string means "this object is a global": it is not copied.
class Singleton:
    def __reduce_ex__(self, protocol):
        print('  __reduce_ex__ called with protocol', protocol)
        return 'Singleton'


one = Singleton()
print(copy.copy(one) is one, copy.deepcopy(one) is one)


# Full reduce tuples: callable, args, state, list items, dict items.
class Bag:
    def __init__(self, *args):
        self.args = args
        self.items = []
        self.pairs = {}

    def append(self, item):
        self.items.append(item)

    def __setitem__(self, key, value):
        self.pairs[key] = value

    def __reduce__(self):
        return (Bag, self.args, {'label': 'restored'}, iter(self.items), iter(self.pairs.items()))


bag = Bag(1, [2])
bag.items.append([3])
bag.pairs['k'] = [4]
for fn in (copy.copy, copy.deepcopy):
    new = fn(bag)
    print(fn.__name__, new.args, new.label, new.items, new.pairs,
          new.args[1] is bag.args[1], new.items[0] is bag.items[0], new.pairs['k'] is bag.pairs['k'])

# Order of deep copies: a dict copies each value before its key; the reduce dict
# items copy the key first.
print('dict:')
copy.deepcopy({Loud(1): Loud(2)})


class DictItems:
    def __setitem__(self, key, value):
        pass

    def __reduce__(self):
        return (DictItems, (), None, None, iter([(Loud(3), Loud(4))]))


print('reduce dict items:')
copy.deepcopy(DictItems())


# __reduce_ex__ = None falls back to __reduce__; both None is copy.Error.
class OnlyReduce:
    __reduce_ex__ = None

    def __reduce__(self):
        print('  __reduce__ used')
        return (OnlyReduce, ())


copy.copy(OnlyReduce())


class Uncopyable:
    __reduce_ex__ = None
    __reduce__ = None


for fn in (copy.copy, copy.deepcopy):
    try:
        fn(Uncopyable())
    except copy.Error as e:
        print('copy.Error:', e)


# __getnewargs_ex__ / __getnewargs__ feed __new__; __init__ is not called.
class Point:
    def __new__(cls, *args, **kwargs):
        print('  __new__', args, kwargs)
        return super().__new__(cls)

    def __init__(self, *args, **kwargs):
        print('  __init__ (only when built normally)')

    def __getnewargs_ex__(self):
        return (1, 2), {'z': 3}


p = Point(0)
print('copying a Point:')
copy.copy(p)


class Pair(Point):
    __getnewargs_ex__ = None

    def __getnewargs__(self):
        return ('a', 'b')


try:
    copy.copy(Pair(0))
except TypeError as e:
    print('TypeError:', e)

for bad in ([1], (1, 2, 3), (1, {}), ((), 1)):
    class Bad(Point):
        def __getnewargs_ex__(self, bad=bad):
            return bad
    try:
        copy.copy(Bad.__new__(Bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)


class BadArgs:
    def __getnewargs__(self):
        return [1]


try:
    copy.copy(BadArgs())
except TypeError as e:
    print('TypeError:', e)


# __setstate__ receives whatever __getstate__ returned, unless it is None.
class Stateful:
    def __init__(self, state):
        self.state = state

    def __getstate__(self):
        return self.state

    def __setstate__(self, state):
        print('  __setstate__', repr(state))


for state in ({}, 0, False, None, (), 'text'):
    print('state', repr(state))
    copy.copy(Stateful(state))


# Without __setstate__: a dict updates __dict__, a pair (dict, slots) sets both.
class Plain:
    def __init__(self, state):
        self.state = state

    def __getstate__(self):
        return self.state


for state in ({'a': 1}, None, ({'b': 2}, {'c': 3}), (None, {'d': 4}), [('e', 5)]):
    print(repr(state), '->', sorted(vars(copy.copy(Plain(state))).items(), key=repr))


# Slots: copied when set (mangled private names included); the names are cached.
class Base:
    __slots__ = ('__hidden', 'shown', '__weakref__')


class Derived(Base):
    __slots__ = ('extra', '__dict__')


d = Derived()
d._Base__hidden = 'h'
d.extra = [1]
d.free = 'in the dict'
for fn in (copy.copy, copy.deepcopy):
    new = fn(d)
    print(fn.__name__, new._Base__hidden, new.extra, new.extra is d.extra, new.free, hasattr(new, 'shown'))
print(Derived.__slotnames__, '__slotnames__' in vars(Base))


class Simple:
    pass


copy.copy(Simple())
print('a plain class caches no slots:', Simple.__slotnames__)

# The memo: every copied object under its id, plus a keep-alive list under id(memo).
memo = {}
shared = [1]
data = [shared, shared, (shared,), {'k': shared}]
result = copy.deepcopy(data, memo)
print(result[0] is result[1] is result[2][0] is result[3]['k'], len(memo))
kept = memo[id(memo)]
print([type(x).__name__ for x in kept], memo[id(data)] is result)
print(copy.deepcopy(data, memo) is result)
