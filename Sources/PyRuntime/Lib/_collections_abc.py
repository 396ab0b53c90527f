"""The abstract base classes of collections.abc (PEP 3119), written for pyheap.

Two kinds live here. The protocol ABCs (Hashable, Iterable, Sized, Callable, ...)
recognise any class whose MRO defines their methods, without registration. The
collection ABCs (Set, Mapping, Sequence and their mutable forms, the mapping views)
ask a subclass for a few primitive methods and supply the rest as mixins.

`import collections.abc` gives this module (collections puts it in sys.modules
under that name), and the classes report 'collections.abc' as their module.
"""

from abc import ABCMeta, abstractmethod
import sys

__all__ = [
    'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
    'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized',
    'Container', 'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping',
    'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView',
    'Sequence', 'MutableSequence', 'ByteString',
]

# Classes defined below take their __module__ from this.
__name__ = 'collections.abc'


# ---------------------------------------------------------------- built-in types
# The types of a few built-in objects, under the names their reprs use.

def _builtin_kinds():
    kinds = {}

    def sample_function():
        pass

    def sample_generator():
        yield None

    kinds['FunctionType'] = type(sample_function)
    kinds['EllipsisType'] = type(...)
    kinds['GenericAlias'] = type(list[int])
    gen = sample_generator()
    kinds['generator'] = type(gen)
    gen.close()
    table = {}
    table['bytes_iterator'] = iter(b'')
    table['bytearray_iterator'] = iter(bytearray())
    table['dict_keyiterator'] = iter({}.keys())
    table['dict_valueiterator'] = iter({}.values())
    table['dict_itemiterator'] = iter({}.items())
    table['list_iterator'] = iter([])
    table['list_reverseiterator'] = iter(reversed([]))
    table['range_iterator'] = iter(range(0))
    table['set_iterator'] = iter(set())
    table['str_iterator'] = iter('')
    table['tuple_iterator'] = iter(())
    table['zip_iterator'] = iter(zip())
    table['dict_keys'] = {}.keys()
    table['dict_values'] = {}.values()
    table['dict_items'] = {}.items()
    table['mappingproxy'] = type.__dict__
    for label, example in table.items():
        kinds[label] = type(example)
    try:
        kinds['longrange_iterator'] = type(iter(range(1 << 80)))
    except OverflowError:       # pyheap's range stops at the machine word
        pass
    return kinds


globals().update(_builtin_kinds())
del _builtin_kinds


# ---------------------------------------------------------------- protocol checks

# Where a pyheap built-in type's __dict__ differs from CPython's for a protocol
# method: True means "CPython's type defines it", False "CPython's sets it to None".
_DICT_GAPS = {
    (type, '__call__'): True,             # pyheap's type calls through a slot only
    (staticmethod, '__call__'): True,
    (bytearray, '__iter__'): True,
    (bytearray, '__hash__'): False,       # pyheap's entry raises "unhashable type"
}


def _check_methods(C, *methods):
    """True when every name in methods resolves along C's MRO to something other
    than None; NotImplemented when one is missing or set to None (which is how a
    class opts out of a protocol)."""
    mro = C.__mro__
    for wanted in methods:
        for klass in mro:
            defined = _DICT_GAPS.get((klass, wanted))
            if defined is None:
                namespace = klass.__dict__
                if wanted not in namespace:
                    continue
                defined = namespace[wanted] is not None
            if not defined:
                return NotImplemented
            break
        else:
            return NotImplemented
    return True


def _protocol(*methods):
    """A __subclasshook__ recognising classes that define all of methods.

    Only the ABC whose own body holds the hook applies the structural test; an ABC
    that merely inherits it answers NotImplemented, leaving the decision to its
    MRO and registry."""
    def subclasshook(cls, C):
        if cls.__dict__.get('__subclasshook__') is declared:
            return _check_methods(C, *methods)
        return NotImplemented
    declared = classmethod(subclasshook)
    return declared


# ---------------------------------------------------------------- one-method protocols

class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

    __subclasshook__ = _protocol('__hash__')


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    __subclasshook__ = _protocol('__await__')
    __class_getitem__ = classmethod(GenericAlias)


def _raise_into(typ, val, tb):
    """Raise what a generator-style throw(typ[, val[, tb]]) describes."""
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is not None:
        val = val.with_traceback(tb)
    raise val


def _close_by_throwing(target, what):
    """close() for generator-like objects: throw GeneratorExit in and insist that it
    comes back out (or that the object finishes)."""
    try:
        target.throw(GeneratorExit)
    except (GeneratorExit, StopIteration):
        return
    raise RuntimeError(f'{what} ignored GeneratorExit')


class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        """Send a value into the coroutine; returns the next value it yields, or
        raises StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside the coroutine; returns the next value it yields,
        or raises StopIteration."""
        _raise_into(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside the coroutine."""
        _close_by_throwing(self, 'coroutine')

    __subclasshook__ = _protocol('__await__', 'send', 'throw', 'close')


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __subclasshook__ = _protocol('__aiter__')
    __class_getitem__ = classmethod(GenericAlias)


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        """The next item; StopAsyncIteration when there are no more."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    __subclasshook__ = _protocol('__anext__', '__aiter__')


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        """The next item of the asynchronous generator; StopAsyncIteration at the end."""
        return await self.asend(None)

    @abstractmethod
    async def asend(self, value):
        """Send a value in; returns the next value yielded, or raises
        StopAsyncIteration."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception inside the asynchronous generator."""
        _raise_into(typ, val, tb)

    async def aclose(self):
        """Raise GeneratorExit inside the asynchronous generator."""
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            return
        raise RuntimeError('asynchronous generator ignored GeneratorExit')

    __subclasshook__ = _protocol('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')


class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        return
        yield

    __subclasshook__ = _protocol('__iter__')
    __class_getitem__ = classmethod(GenericAlias)


class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """The next item; StopIteration when there are no more."""
        raise StopIteration

    def __iter__(self):
        return self

    __subclasshook__ = _protocol('__iter__', '__next__')


class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return
        yield

    __subclasshook__ = _protocol('__reversed__', '__iter__')


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        """The next value the generator yields; StopIteration when it is finished."""
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Send a value into the generator; returns the next value it yields, or
        raises StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside the generator; returns the next value it yields,
        or raises StopIteration."""
        _raise_into(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside the generator."""
        _close_by_throwing(self, 'generator')

    __subclasshook__ = _protocol('__iter__', '__next__', 'send', 'throw', 'close')


class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

    __subclasshook__ = _protocol('__len__')


class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    __subclasshook__ = _protocol('__contains__')
    __class_getitem__ = classmethod(GenericAlias)


class Collection(Sized, Iterable, Container):
    __slots__ = ()

    __subclasshook__ = _protocol('__len__', '__iter__', '__contains__')


# ---------------------------------------------------------------- Callable[...]

def _typing_kind(obj):
    """'TypeVar', 'ParamSpec', ... for typing's parameter objects, else None."""
    kind = type(obj)
    if getattr(kind, '__module__', None) == 'typing':
        return kind.__name__
    return None


def _is_concatenate(obj):
    if _typing_kind(obj) is None:
        return False
    if type(obj).__name__ == '_ConcatenateGenericAlias':
        return True
    return repr(getattr(obj, '__origin__', None)) == 'typing.Concatenate'


def _stands_for_arguments(obj):
    """Whether obj can stand where Callable expects its argument list: ..., a
    ParamSpec or a Concatenate[...]."""
    return obj is Ellipsis or _typing_kind(obj) == 'ParamSpec' or _is_concatenate(obj)


def _show(obj):
    """How Callable's repr shows one argument type."""
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, FunctionType):
        return obj.__name__
    return repr(obj)


_CALLABLE_USAGE = 'Callable must be used as Callable[[arg, ...], result].'


def _type_parameters(args):
    """The TypeVars and ParamSpecs among args, nested ones included, in order."""
    found = []

    def visit(arg):
        if _typing_kind(arg) in ('TypeVar', 'ParamSpec', 'TypeVarTuple'):
            if arg not in found:
                found.append(arg)
        elif isinstance(arg, (list, tuple)):
            for inner in arg:
                visit(inner)
        elif _is_concatenate(arg):
            for inner in arg.__args__:
                visit(inner)
        else:
            for inner in getattr(arg, '__parameters__', None) or ():
                visit(inner)
    for arg in args:
        visit(arg)
    return tuple(found)


def _as_written(alias):
    """(argument part, result) of a Callable alias, as Callable[...] was written."""
    args = alias.__args__
    if len(args) == 2 and _stands_for_arguments(args[0]):
        return args[0], args[1]
    return list(args[:-1]), args[-1]


class _CallableGenericAlias(GenericAlias):
    """What Callable[[arg, ...], result] makes: a GenericAlias whose __args__ hold
    the argument types followed by the result type.

    A GenericAlias hands unknown attribute reads on to its origin, so the helpers
    of this class are module functions, not methods."""

    __slots__ = ()

    def __new__(cls, origin, args):
        if not isinstance(args, tuple) or len(args) != 2:
            raise TypeError(_CALLABLE_USAGE)
        arguments, result = args
        if isinstance(arguments, (tuple, list)):
            flat = (*arguments, result)
        elif _stands_for_arguments(arguments):
            flat = args
        else:
            raise TypeError('Expected a list of types, an ellipsis, ParamSpec, or '
                            f'Concatenate. Got {arguments}')
        return super().__new__(cls, origin, flat)

    def __repr__(self):
        arguments, result = _as_written(self)
        if isinstance(arguments, list):
            shown = '[' + ', '.join(_show(a) for a in arguments) + ']'
        else:
            shown = _show(arguments)
        return f'collections.abc.Callable[{shown}, {_show(result)}]'

    def __reduce__(self):
        return (_CallableGenericAlias, (Callable, _as_written(self)))

    @property
    def __parameters__(self):
        return _type_parameters(self.__args__)

    def __getitem__(self, item):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        values = item if isinstance(item, tuple) else (item,)
        if (len(params) == 1 and _typing_kind(params[0]) == 'ParamSpec'
                and not (len(values) == 1 and (isinstance(values[0], (list, tuple))
                                               or _stands_for_arguments(values[0])))):
            values = (list(values),)
        if len(values) != len(params):
            verdict = 'many' if len(values) > len(params) else 'few'
            raise TypeError(f'Too {verdict} arguments for {self!r}; '
                            f'actual {len(values)}, expected {len(params)}')
        binding = dict(zip(params, values))
        for param, value in binding.items():
            if (_typing_kind(param) == 'ParamSpec' and not isinstance(value, (list, tuple))
                    and not _stands_for_arguments(value)):
                raise TypeError('Expected a list of types, an ellipsis, ParamSpec, or '
                                f'Concatenate. Got {value}')
        arguments, result = _as_written(self)
        result = _substitute(result, binding)
        if isinstance(arguments, list):
            new_arguments = [_substitute(a, binding) for a in arguments]
        else:
            new_arguments = _substitute(arguments, binding)
            if isinstance(new_arguments, tuple):
                new_arguments = list(new_arguments)
        return _CallableGenericAlias(Callable, (new_arguments, result))


def _substitute(arg, binding):
    """arg with the type parameters in binding replaced by their values."""
    if _typing_kind(arg) in ('TypeVar', 'ParamSpec', 'TypeVarTuple'):
        return binding.get(arg, arg)
    if _is_concatenate(arg):
        *prefix, tail = arg.__args__
        replaced = binding.get(tail, tail)
        if isinstance(replaced, (list, tuple)):
            return [*prefix, *replaced]
        return arg
    inner = getattr(arg, '__parameters__', None)
    if inner:
        return arg[tuple(binding.get(p, p) for p in inner)]
    return arg


class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    __subclasshook__ = _protocol('__call__')
    __class_getitem__ = classmethod(_CallableGenericAlias)


# ---------------------------------------------------------------- Set

class Set(Collection):
    """A finite, iterable container of distinct elements.

    A subclass supplies __contains__, __iter__ and __len__; comparisons, the
    operators & | - ^ and isdisjoint() come from here. Results of the operators
    are built by the classmethod _from_iterable, which calls cls(iterable):
    override it when the constructor takes something else.
    """

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        """Build an instance of cls from an iterable (used for operator results)."""
        return cls(it)

    # Comparisons, only against other Sets. <, > and == go through __le__ and
    # __ge__, so a subclass that speeds those two up speeds up all of them.
    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return _all_within(self, other)

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return _all_within(other, self)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    # operators: any iterable as the other operand
    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(item for item in other if item in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        """Whether self and other (any iterable) have no element in common."""
        return not any(item in self for item in other)

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(_chained(self, other))

    __ror__ = __or__

    def __sub__(self, other):
        other = _as_set(self, other)
        if other is NotImplemented:
            return other
        return self._from_iterable(item for item in self if item not in other)

    def __rsub__(self, other):
        other = _as_set(self, other)
        if other is NotImplemented:
            return other
        return self._from_iterable(item for item in other if item not in self)

    def __xor__(self, other):
        other = _as_set(self, other)
        if other is NotImplemented:
            return other
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash for set-like objects, equal to that of the frozenset with the same
        elements (so equal sets hash alike). Sets are not hashable by default; a
        hashable Set subclass can use this as its __hash__."""
        return hash(frozenset(self))


def _all_within(inner, outer):
    """Whether every element of inner is in outer (inner no larger than outer)."""
    if len(inner) > len(outer):
        return False
    for item in inner:
        if item not in outer:
            return False
    return True


def _chained(*iterables):
    for iterable in iterables:
        yield from iterable


def _as_set(template, other):
    """other as a Set for the operators: a Set as it is, another iterable through
    template._from_iterable, anything else NotImplemented."""
    if isinstance(other, Set):
        return other
    if isinstance(other, Iterable):
        return template._from_iterable(other)
    return NotImplemented


class MutableSet(Set):
    """A Set that can change.

    A subclass supplies __contains__, __iter__, __len__, add() and discard();
    remove, pop, clear and the in-place operators come from here.
    """

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Add value to the set."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove value if present; no error when it is not."""
        raise NotImplementedError

    def remove(self, value):
        """Remove value; KeyError when it is not present."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Remove and return some element; KeyError when the set is empty."""
        try:
            value = next(iter(self))
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        """Remove every element."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        if not isinstance(it, Set):
            it = self._from_iterable(it)
        for value in it:
            if value in self:
                self.discard(value)
            else:
                self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for value in it:
            self.discard(value)
        return self


# ---------------------------------------------------------------- Mapping

class Mapping(Collection):
    """A read-only container of key/value pairs.

    A subclass supplies __getitem__, __iter__ (over the keys) and __len__; get,
    __contains__, keys, items, values and == come from here.
    """

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key] when key is present, else default."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __reversed__ = None


def _plain_set(cls, it):
    """The views' _from_iterable: operator results are plain sets."""
    return set(it)


class MappingView(Sized):
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    __class_getitem__ = classmethod(GenericAlias)


class KeysView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_plain_set)

    def __contains__(self, item):
        key, value = item
        mapping = self._mapping
        try:
            present = mapping[key]
        except KeyError:
            return False
        return present is value or present == value

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield (key, mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        mapping = self._mapping
        for key in mapping:
            present = mapping[key]
            if present is value or present == value:
                return True
        return False

    def __iter__(self):
        mapping = self._mapping
        for key in mapping:
            yield mapping[key]


_absent = object()      # pop()'s "no default given"


class MutableMapping(Mapping):
    """A Mapping that can change.

    A subclass supplies __getitem__, __setitem__, __delitem__, __iter__ and
    __len__; pop, popitem, clear, update and setdefault come from here.
    """

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_absent):
        """Remove key and return its value; when key is missing return default, or
        raise KeyError if no default was given."""
        try:
            value = self[key]
        except KeyError:
            if default is _absent:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError when empty."""
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Add the items of other (a Mapping, an object with keys(), or an iterable
        of pairs), then those given as keywords."""
        if isinstance(other, Mapping):
            pairs = ((key, other[key]) for key in other)
        elif hasattr(other, 'keys'):
            pairs = ((key, other[key]) for key in other.keys())
        else:
            pairs = other
        for key, value in pairs:
            self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """self[key] when present; otherwise store default under key and return it."""
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


# ---------------------------------------------------------------- Sequence

class Sequence(Reversible, Collection):
    """A read-only sequence indexed by 0 .. len-1.

    A subclass supplies __getitem__ and __len__; iteration, in, reversed(),
    index() and count() come from here.
    """

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def __reversed__(self):
        position = len(self)
        while position > 0:
            position -= 1
            yield self[position]

    def index(self, value, start=0, stop=None):
        """The first index of value, searching [start:stop] when given (negative
        bounds count from the end); ValueError when it is not there."""
        if start is not None and start < 0:
            start = max(0, len(self) + start)
        if stop is not None and stop < 0:
            stop = len(self) + stop
        position = start
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if item is value or item == value:
                return position
            position += 1
        raise ValueError

    def count(self, value):
        """How many items are value or equal to it."""
        total = 0
        for item in self:
            if item is value or item == value:
                total += 1
        return total


class ByteString(Sequence):
    """The common ABC of bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """A Sequence that can change.

    A subclass supplies __getitem__, __setitem__, __delitem__, __len__ and
    insert(); append, extend, pop, remove, reverse, clear and += come from here.
    """

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        """Insert value before position index."""
        raise IndexError

    def append(self, value):
        """Add value at the end."""
        self.insert(len(self), value)

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverse the items in place."""
        low, high = 0, len(self) - 1
        while low < high:
            self[low], self[high] = self[high], self[low]
            low += 1
            high -= 1

    def extend(self, values):
        """Append every item of values."""
        if values is self:
            values = list(values)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        """Remove the first occurrence of value; ValueError when absent."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# ---------------------------------------------------------------- built-ins

def _adopt_builtin_containers():
    """Make the built-in containers virtual subclasses of their ABCs. (The
    built-in iterators and generators need no registration: they define the
    methods the protocol ABCs look for.)"""
    builtins = sys.modules['builtins']
    virtual = {
        Set: [frozenset],
        MutableSet: [set],
        Mapping: [mappingproxy],
        MutableMapping: [dict],
        KeysView: [dict_keys],
        ItemsView: [dict_items],
        ValuesView: [dict_values],
        Sequence: [tuple, str, range],
        ByteString: [bytes, bytearray],
        MutableSequence: [list, bytearray],
    }
    if hasattr(builtins, 'memoryview'):
        virtual[Sequence].append(builtins.memoryview)
    for abstract, concrete_types in virtual.items():
        for concrete in concrete_types:
            abstract.register(concrete)


_adopt_builtin_containers()
del _adopt_builtin_containers
