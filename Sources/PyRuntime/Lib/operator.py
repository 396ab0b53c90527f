"""Functions that stand for Python's operators, for pyheap.

`operator.add(x, y)` does what `x + y` does, `operator.getitem(s, i)` what `s[i]` does,
and so on; each is also reachable under its dunder spelling (`operator.__add__`).
`attrgetter`, `itemgetter` and `methodcaller` build small callables for `key=`
arguments and `map`. Results, reprs and error messages follow CPython 3.11.
"""

__all__ = [
    'abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
    'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand', 'iconcat',
    'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul', 'index', 'indexOf', 'inv',
    'invert', 'ior', 'ipow', 'irshift', 'is_', 'is_not', 'isub', 'itemgetter',
    'itruediv', 'ixor', 'le', 'length_hint', 'lshift', 'lt', 'matmul', 'methodcaller',
    'mod', 'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift', 'setitem', 'sub',
    'truediv', 'truth', 'xor',
]

import builtins as _builtins

_MAX_SSIZE = (1 << 63) - 1


# ---------------------------------------------------------------- comparisons and truth

def lt(a, b, /):
    "The result of a < b."
    return a < b


def le(a, b, /):
    "The result of a <= b."
    return a <= b


def eq(a, b, /):
    "The result of a == b."
    return a == b


def ne(a, b, /):
    "The result of a != b."
    return a != b


def ge(a, b, /):
    "The result of a >= b."
    return a >= b


def gt(a, b, /):
    "The result of a > b."
    return a > b


def not_(a, /):
    "True when a is false (the result of `not a`)."
    return not a


def truth(a, /):
    "True when a is true, False otherwise."
    return bool(a)


def is_(a, b, /):
    "The result of `a is b`."
    return a is b


def is_not(a, b, /):
    "The result of `a is not b`."
    return a is not b


# ---------------------------------------------------------------- arithmetic and bits

def abs(a, /):
    "The absolute value of a."
    return _builtins.abs(a)


def add(a, b, /):
    "The result of a + b."
    return a + b


def and_(a, b, /):
    "The result of a & b."
    return a & b


def floordiv(a, b, /):
    "The result of a // b."
    return a // b


def index(a, /):
    "a converted to an int through its __index__ method."
    if type(a) is int:
        return a
    return range(a).stop        # range() applies __index__, with CPython's message


def inv(a, /):
    "The result of ~a."
    return ~a


def invert(a, /):
    "The result of ~a."
    return ~a


def lshift(a, b, /):
    "The result of a << b."
    return a << b


def mod(a, b, /):
    "The result of a % b."
    return a % b


def mul(a, b, /):
    "The result of a * b."
    return a * b


def matmul(a, b, /):
    "The result of a @ b."
    return a @ b


def neg(a, /):
    "The result of -a."
    return -a


def or_(a, b, /):
    "The result of a | b."
    return a | b


def pos(a, /):
    "The result of +a."
    return +a


def pow(a, b, /):
    "The result of a ** b."
    return a ** b


def rshift(a, b, /):
    "The result of a >> b."
    return a >> b


def sub(a, b, /):
    "The result of a - b."
    return a - b


def truediv(a, b, /):
    "The result of a / b."
    return a / b


def xor(a, b, /):
    "The result of a ^ b."
    return a ^ b


# ---------------------------------------------------------------- sequences and mappings

# Types whose instances join with + as sequences (the C API's sq_concat); their own +
# reports a bad right operand.
_JOINABLE = (str, bytes, bytearray, list, tuple)
from _collections import deque as _deque
_JOINABLE += (_deque,)
del _deque


def _is_sequence(value):
    # A sequence in the C API's sense: its type has __getitem__ and it is not a mapping.
    return hasattr(type(value), '__getitem__') and not isinstance(value, dict)


def _join(a, b, in_place):
    # a + b (or a += b) for sequences, else "can't be concatenated", as
    # PySequence_Concat / PySequence_InPlaceConcat decide.
    if isinstance(a, _JOINABLE):
        if in_place:
            a += b
            return a
        return a + b
    if _is_sequence(a) and _is_sequence(b):
        left, right = type(a), type(b)
        if in_place and hasattr(left, '__iadd__'):
            result = left.__iadd__(a, b)
            if result is not NotImplemented:
                return result
        if hasattr(left, '__add__'):
            result = left.__add__(a, b)
            if result is not NotImplemented:
                return result
        if right is not left and hasattr(right, '__radd__'):
            result = right.__radd__(b, a)
            if result is not NotImplemented:
                return result
    raise TypeError(f"'{type(a).__name__}' object can't be concatenated")


def concat(a, b, /):
    "a + b for sequences a and b."
    return _join(a, b, False)


def contains(a, b, /):
    "The result of `b in a` (note the order of the operands)."
    return b in a


def _iterate(container):
    try:
        return iter(container)
    except TypeError:
        raise TypeError(f"argument of type '{type(container).__name__}' is not iterable") from None


def countOf(a, b, /):
    "How many items of a are b or equal to b."
    total = 0
    for item in _iterate(a):
        if item is b or item == b:
            total += 1
    return total


def indexOf(a, b, /):
    "The position of the first item of a that is b or equals b."
    position = 0
    for item in _iterate(a):
        if item is b or item == b:
            return position
        position += 1
    raise ValueError('sequence.index(x): x not in sequence')


def getitem(a, b, /):
    "The result of a[b]."
    return a[b]


def setitem(a, b, c, /):
    "Does a[b] = c."
    a[b] = c


def delitem(a, b, /):
    "Does del a[b]."
    del a[b]


def length_hint(obj, default=0, /):
    """An estimate of how many items obj holds: len(obj) when it has a length, else its
    __length_hint__(), else default."""
    if isinstance(default, bool) or type(default) is int:
        pass
    elif not isinstance(default, int):
        raise TypeError(f"'{type(default).__name__}' object cannot be interpreted as an integer")
    try:
        return len(obj)
    except TypeError:
        pass
    kind = type(obj)
    try:
        estimate = kind.__length_hint__
    except AttributeError:
        return default
    try:
        estimate = estimate(obj)
    except TypeError:
        return default
    if estimate is NotImplemented:
        return default
    if not isinstance(estimate, int):
        raise TypeError(f'__length_hint__ must be an integer, not {type(estimate).__name__}')
    if estimate > _MAX_SSIZE:
        raise OverflowError('Python int too large to convert to C ssize_t')
    if estimate < 0:
        raise ValueError('__length_hint__() should return >= 0')
    return int(estimate)


def call(obj, /, *args, **kwargs):
    "Calls obj(*args, **kwargs)."
    return obj(*args, **kwargs)


# ---------------------------------------------------------------- in-place forms

def iadd(a, b, /):
    "Does a += b and returns a."
    a += b
    return a


def iand(a, b, /):
    "Does a &= b and returns a."
    a &= b
    return a


def iconcat(a, b, /):
    "Does a += b for sequences and returns a."
    return _join(a, b, True)


def ifloordiv(a, b, /):
    "Does a //= b and returns a."
    a //= b
    return a


def ilshift(a, b, /):
    "Does a <<= b and returns a."
    a <<= b
    return a


def imod(a, b, /):
    "Does a %= b and returns a."
    a %= b
    return a


def imul(a, b, /):
    "Does a *= b and returns a."
    a *= b
    return a


def imatmul(a, b, /):
    "Does a @= b and returns a."
    a @= b
    return a


def ior(a, b, /):
    "Does a |= b and returns a."
    a |= b
    return a


def ipow(a, b, /):
    "Does a **= b and returns a."
    a **= b
    return a


def irshift(a, b, /):
    "Does a >>= b and returns a."
    a >>= b
    return a


def isub(a, b, /):
    "Does a -= b and returns a."
    a -= b
    return a


def itruediv(a, b, /):
    "Does a /= b and returns a."
    a /= b
    return a


def ixor(a, b, /):
    "Does a ^= b and returns a."
    a ^= b
    return a


# ---------------------------------------------------------------- callable builders

_UNSET = object()


def _bad_call(kind, first, extra, keywords):
    # The TypeError for a getter called with anything but one positional argument.
    if keywords:
        return TypeError(f'{kind}() takes no keyword arguments')
    given = len(extra) + (0 if first is _UNSET else 1)
    return TypeError(f'{kind} expected 1 argument, got {given}')


def _final(kind):
    def refuse(cls, **ignored):
        raise TypeError(f"type 'operator.{kind}' is not an acceptable base type")
    return classmethod(refuse)


class attrgetter:
    """attrgetter(attr, ...): a callable that reads attributes of its argument.

    attrgetter('x')(obj) is obj.x; attrgetter('x', 'y')(obj) is (obj.x, obj.y); a dotted
    name such as 'x.y' follows the chain, obj.x.y."""

    __slots__ = ('_names', '_paths', '_single')
    __init_subclass__ = _final('attrgetter')

    def __init__(self, *names, **keywords):
        if keywords:
            raise TypeError('attrgetter() takes no keyword arguments')
        if not names:
            raise TypeError('attrgetter expected 1 argument, got 0')
        paths = []
        for name in names:
            if not isinstance(name, str):
                raise TypeError('attribute name must be a string')
            paths.append(tuple(str(part) for part in name.split('.')))
        self._names = names
        self._paths = tuple(paths)
        self._single = len(paths) == 1

    @staticmethod
    def _follow(target, path):
        for step in path:
            target = getattr(target, step)
        return target

    def __call__(self, obj=_UNSET, /, *extra, **keywords):
        if extra or keywords or obj is _UNSET:
            raise _bad_call('attrgetter', obj, extra, keywords)
        if self._single:
            path = self._paths[0]
            if len(path) == 1:
                return getattr(obj, path[0])
            return self._follow(obj, path)
        follow = self._follow
        return tuple([follow(obj, path) for path in self._paths])

    def __repr__(self):
        return 'operator.attrgetter(%s)' % ', '.join(map(repr, self._names))

    def __reduce__(self):
        return (type(self), tuple('.'.join(path) for path in self._paths))


class itemgetter:
    """itemgetter(item, ...): a callable that indexes its argument.

    itemgetter(2)(seq) is seq[2]; itemgetter(2, 0)(seq) is (seq[2], seq[0])."""

    __slots__ = ('_keys', '_key', '_single')
    __init_subclass__ = _final('itemgetter')

    def __init__(self, *keys, **keywords):
        if keywords:
            raise TypeError('itemgetter() takes no keyword arguments')
        if not keys:
            raise TypeError('itemgetter expected 1 argument, got 0')
        self._keys = keys
        self._single = len(keys) == 1
        self._key = keys[0]

    def __call__(self, obj=_UNSET, /, *extra, **keywords):
        if extra or keywords or obj is _UNSET:
            raise _bad_call('itemgetter', obj, extra, keywords)
        if self._single:
            return obj[self._key]
        return tuple([obj[key] for key in self._keys])

    def __repr__(self):
        return 'operator.itemgetter(%s)' % ', '.join(map(repr, self._keys))

    def __reduce__(self):
        return (type(self), self._keys)


class methodcaller:
    """methodcaller(name, /, *args, **kwargs): a callable that calls a method.

    methodcaller('strip', 'x')(text) is text.strip('x'); keyword arguments are passed
    along the same way."""

    __slots__ = ('_method', '_positional', '_keyword')
    __init_subclass__ = _final('methodcaller')

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError('methodcaller needs at least one argument, the method name')
        name = args[0]
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._method = name
        self._positional = args[1:]
        self._keyword = kwargs

    def __call__(self, obj=_UNSET, /, *extra, **keywords):
        if extra or keywords or obj is _UNSET:
            raise _bad_call('methodcaller', obj, extra, keywords)
        bound = getattr(obj, self._method)
        return bound(*self._positional, **self._keyword)

    def __repr__(self):
        shown = [repr(self._method)]
        shown.extend(repr(value) for value in self._positional)
        shown.extend(f'{key}={value!r}' for key, value in self._keyword.items())
        return 'operator.methodcaller(%s)' % ', '.join(shown)

    def __reduce__(self):
        if not self._keyword:
            return (type(self), (self._method,) + self._positional)
        import functools
        maker = functools.partial(type(self), self._method, **self._keyword)
        return (maker, self._positional)


for _cls in (attrgetter, itemgetter, methodcaller):
    _cls.__module__ = 'operator'
del _cls


# ---------------------------------------------------------------- dunder spellings

def _alias_dunders(namespace):
    plain = ('lt le eq ne ge gt abs add and floordiv index inv invert lshift mod mul '
             'matmul neg or pos pow rshift sub truediv xor not concat contains delitem '
             'getitem setitem iadd iand iconcat ifloordiv ilshift imod imul imatmul ior '
             'ipow irshift isub itruediv ixor call').split()
    for name in plain:
        function = namespace.get(name)
        if function is None:            # and_, or_, not_ carry a trailing underscore
            function = namespace[name + '_']
        namespace['__' + name + '__'] = function


_alias_dunders(globals())
del _alias_dunders
