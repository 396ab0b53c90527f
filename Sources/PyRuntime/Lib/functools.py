"""Higher-order helpers for callables: reduce, partial, partialmethod,
update_wrapper and wraps, total_ordering, cmp_to_key, lru_cache and cache,
cached_property, singledispatch and singledispatchmethod.

pyheap's own implementation. What programs can observe (results, reprs,
error messages, the names of the C types CPython implements some of these
with) follows CPython 3.11; the code is written here, in plain Python.
"""

__all__ = [
    'update_wrapper', 'wraps',
    'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
    'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
    'partial', 'partialmethod',
    'singledispatch', 'singledispatchmethod',
    'cached_property',
]

from collections import namedtuple
from abc import get_cache_token
from types import GenericAlias, MappingProxyType, UnionType
from _collections import _set_type_name

# A marker no caller can pass.
_ABSENT = object()


def _too_many(name, limit, given):
    return TypeError(f"{name}() takes at most {limit} argument{'' if limit == 1 else 's'} "
                     f"({given} given)")


# ===========================================================================
# reduce (a C function in CPython: its argument errors are worded as such)

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Fold the items of the iterable from the left into one value: with
    items a, b, c, the result is function(function(a, b), c). When initial
    is given it is placed before the items, and it is the result for an
    empty iterable. An empty iterable without initial is a TypeError."""
    if kwargs:
        raise TypeError("reduce() takes no keyword arguments")
    count = len(args)
    if count < 2:
        raise TypeError(f"reduce expected at least 2 arguments, got {count}")
    if count > 3:
        raise TypeError(f"reduce expected at most 3 arguments, got {count}")
    function, items = args[0], args[1]
    try:
        stream = iter(items)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if count == 3:
        total = args[2]
    else:
        total = next(stream, _ABSENT)
        if total is _ABSENT:
            raise TypeError("reduce() of empty iterable with no initial value")
    for item in stream:
        total = function(total, item)
    return total


# ===========================================================================
# update_wrapper / wraps

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the attributes named in
    `assigned` (those wrapped lacks are skipped), merge the dicts named in
    `updated` into wrapper's, and point wrapper.__wrapped__ at wrapped.
    Returns wrapper."""
    for attribute in assigned:
        value = getattr(wrapped, attribute, _ABSENT)
        if value is not _ABSENT:
            setattr(wrapper, attribute, value)
    for attribute in updated:
        source = getattr(wrapped, attribute, {})
        getattr(wrapper, attribute).update(source)
    # Set last, so that a __wrapped__ copied with __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper: wraps(f)(g) is
    update_wrapper(g, f). Returns a partial of update_wrapper."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ===========================================================================
# total_ordering

def _derive(target, root, negate, join):
    """Build the comparison `target` from the class's `root` comparison.

    The root's answer r is used as `not r` when negate is set; then `join`
    refines it with equality: 'or_eq' gives `r or a == b`, 'and_ne' gives
    `r and a != b`, None leaves it alone. NotImplemented passes through."""
    symbols = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}
    base = f"{'not ' if negate else ''}a {symbols[root]} b"
    if join == 'or_eq':
        formula = f'({base}) or (a == b)'
    elif join == 'and_ne':
        formula = f'({base}) and (a != b)'
    else:
        formula = f'({base})'

    def comparison(self, other):
        answer = getattr(type(self), root)(self, other)
        if answer is NotImplemented:
            return answer
        if negate:
            answer = not answer
        if join == 'or_eq':
            return answer or self == other
        if join == 'and_ne':
            return answer and self != other
        return answer

    comparison.__name__ = target
    comparison.__qualname__ = f'_{target[2:4]}_from_{root[2:4]}'
    comparison.__doc__ = (f'Return a {symbols[target]} b.  Computed by '
                          f'@total_ordering from {formula}.')
    return comparison


# For each root comparison, the three derived from it, in the order they are
# added to the class.
_DERIVED = {
    '__lt__': [_derive('__gt__', '__lt__', True, 'and_ne'),
               _derive('__le__', '__lt__', False, 'or_eq'),
               _derive('__ge__', '__lt__', True, None)],
    '__le__': [_derive('__ge__', '__le__', True, 'or_eq'),
               _derive('__lt__', '__le__', False, 'and_ne'),
               _derive('__gt__', '__le__', True, None)],
    '__gt__': [_derive('__lt__', '__gt__', True, 'and_ne'),
               _derive('__ge__', '__gt__', False, 'or_eq'),
               _derive('__le__', '__gt__', True, None)],
    '__ge__': [_derive('__le__', '__ge__', True, 'or_eq'),
               _derive('__gt__', '__ge__', False, 'and_ne'),
               _derive('__lt__', '__ge__', True, None)],
}


def total_ordering(cls):
    """Class decorator: given one of __lt__, __le__, __gt__, __ge__ (and
    __eq__), supply the other ordering methods."""
    defined = [name for name in ('__lt__', '__le__', '__gt__', '__ge__')
               if getattr(cls, name, None) is not getattr(object, name, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # Preference when several are defined: <, then <=, then >, then >=.
    root = defined[0]
    for method in _DERIVED[root]:
        if method.__name__ not in defined:
            setattr(cls, method.__name__, method)
    return cls


# ===========================================================================
# cmp_to_key

class KeyWrapper:
    """A sort key built by cmp_to_key: compares by calling the
    comparison function on the wrapped objects."""

    __slots__ = ('_compare', 'obj')
    __hash__ = None

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'functools.KeyWrapper' instances")

    def __call__(self, *args, **kwargs):
        given = len(args) + len(kwargs)
        if given > 1:
            raise _too_many('K', 1, given)
        if args:
            value = args[0]
        elif 'obj' in kwargs:
            value = kwargs['obj']
        else:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        key = object.__new__(KeyWrapper)
        key._compare = self._compare
        key.obj = value
        return key

    # Each comparison checks `other` itself: sorting calls __lt__ a lot.
    def __lt__(self, other):
        if type(other) is not KeyWrapper and not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) < 0

    def __le__(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) <= 0

    def __gt__(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) > 0

    def __ge__(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) >= 0

    def __eq__(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) == 0

    def __ne__(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self._compare(self.obj, other.obj) != 0


_set_type_name(KeyWrapper, 'functools.KeyWrapper')


def cmp_to_key(*args, **kwargs):
    """Turn an old-style comparison function, cmp(a, b) returning a
    negative, zero or positive number, into a key function."""
    given = len(args) + len(kwargs)
    if given > 1:
        raise _too_many('cmp_to_key', 1, given)
    if args:
        compare = args[0]
    elif 'mycmp' in kwargs:
        compare = kwargs['mycmp']
    else:
        raise TypeError("cmp_to_key() missing required argument 'mycmp' (pos 1)")
    maker = object.__new__(KeyWrapper)
    maker._compare = compare
    maker.obj = None
    return maker


# ===========================================================================
# partial

class _ReadOnlySlot:
    """Exposes a partial's hidden slot under its public name, read-only."""

    def __init__(self, hidden):
        self._hidden = hidden

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self._hidden.__get__(instance, owner)

    def __set__(self, instance, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, instance):
        raise AttributeError('readonly attribute')


# partial objects whose repr is being built, to print `...` on recursion.
_reprs_running = set()


class partial:
    """partial(func, *args, **keywords): a callable that calls func with
    the stored arguments followed by those of the call, and the stored
    keywords updated by those of the call."""

    __slots__ = ('_target', '_bound', '_named', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        target, bound = args[0], args[1:]
        if not callable(target):
            raise TypeError('the first argument must be callable')
        # A partial called the plain way, without attributes of its own, is
        # merged into the new one rather than wrapped.
        if (isinstance(target, partial) and type(target).__call__ is partial.__call__
                and not target.__dict__):
            bound = target._bound + bound
            keywords = {**target._named, **keywords}
            target = target._target
        self = object.__new__(cls)
        self._target = target
        self._bound = bound
        self._named = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self._named:
            keywords = {**self._named, **keywords}
        return self._target(*self._bound, *args, **keywords)

    def __repr__(self):
        marker = id(self)
        if marker in _reprs_running:
            return '...'
        _reprs_running.add(marker)
        try:
            shown = [repr(self._target)]
            shown.extend(repr(value) for value in self._bound)
            shown.extend(f'{name}={value!r}' for name, value in self._named.items())
        finally:
            _reprs_running.discard(marker)
        name = 'functools.partial' if type(self) is partial else type(self).__name__
        return f"{name}({', '.join(shown)})"

    def __reduce__(self):
        return (type(self), (self._target,),
                (self._target, self._bound, self._named, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError('invalid partial state')
        target, bound, named, extra = state
        if (not callable(target) or not isinstance(bound, tuple)
                or (named is not None and not isinstance(named, dict))):
            raise TypeError('invalid partial state')
        self._target = target
        self._bound = tuple(bound)
        self._named = {} if named is None else dict(named)
        self.__dict__.clear()
        if extra is not None:
            self.__dict__.update(extra)

    __class_getitem__ = classmethod(GenericAlias)


partial.func = _ReadOnlySlot(partial._target)
partial.func.__doc__ = 'function object to use in future partial calls'
partial.args = _ReadOnlySlot(partial._bound)
partial.args.__doc__ = 'tuple of arguments to future partial calls'
partial.keywords = _ReadOnlySlot(partial._named)
partial.keywords.__doc__ = 'dictionary of keyword arguments to future partial calls'
_set_type_name(partial, 'functools.partial')


# ===========================================================================
# partialmethod

class partialmethod:
    """Like partial, but for use in a class body: accessed through an
    instance (or, for classmethods, the class), it yields a callable with
    the stored arguments applied after the instance. Wraps descriptors
    (classmethod, staticmethod, ...) and plain callables alike."""

    def __init__(self, func, /, *args, **keywords):
        if not (callable(func) or hasattr(func, '__get__')):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            # Flatten: keep one level of partial application.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        # Always three parts, even when the last two are empty.
        positional = ', '.join(repr(value) for value in self.args)
        named = ', '.join(f'{key}={value!r}' for key, value in self.keywords.items())
        kind = type(self)
        return (f'{kind.__module__}.{kind.__qualname__}'
                f'({self.func!r}, {positional}, {named})')

    def _make_unbound_method(self):
        owner = self

        def _method(first, /, *args, **keywords):
            return owner.func(first, *owner.args, *args,
                              **{**owner.keywords, **keywords})

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        binder = getattr(self.func, '__get__', None)
        if binder is not None:
            bound = binder(obj, cls)
            if bound is not self.func:
                # A descriptor (classmethod, a bound method...) that gave
                # something new: apply the arguments to that.
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', _ABSENT)
                if owner is not _ABSENT:
                    result.__self__ = owner
                return result
        return self._make_unbound_method().__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        inner = self.func
        return getattr(inner, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(GenericAlias)


# ===========================================================================
# lru_cache / cache

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])

# Separates positional arguments from keyword pairs inside a cache key.
_KEYWORDS_FOLLOW = object()


class _HashedKey(list):
    """A composite cache key that hashes its items once, when built, so a
    lookup and the store after it do not call the items' __hash__ again."""

    __slots__ = ('_hash',)

    def __hash__(self):
        return self._hash


# Types whose hash runs no Python code: a key made only of these can stay a
# plain tuple, as hashing it again for each dict operation shows nowhere.
_QUIET_HASH = frozenset([int, str, float, bool, bytes, complex, type(None),
                         object, type])


def _cache_key(args, kwargs, typed):
    """The key under which a call's result is kept. One int or str
    argument is its own key (when neither typed nor keywords apply)."""
    if not kwargs and not typed:
        if len(args) == 1:
            only = args[0]
            if type(only) is int or type(only) is str:
                return only
        parts = args
    else:
        parts = list(args)
        if kwargs:
            parts.append(_KEYWORDS_FOLLOW)
            for pair in kwargs.items():
                parts.extend(pair)
        if typed:
            parts.extend(type(value) for value in args)
            if kwargs:
                parts.extend(type(value) for value in kwargs.values())
        parts = tuple(parts)
    for part in parts:
        if type(part) not in _QUIET_HASH:
            break
    else:
        return parts
    key = _HashedKey(parts)
    key._hash = hash(parts)
    return key


class _Link:
    """An entry of a bounded cache, in a ring ordered from least to most
    recently used."""

    __slots__ = ('older', 'newer', 'key', 'value')


def _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type):
    """The callable lru_cache returns: calls user_function, keeping results
    by argument. maxsize None keeps every result, 0 keeps none.

    CPython's is an object of a C type that binds like a function; pyheap's
    is a function (it cannot make method objects for other callables), so
    that methods decorated with lru_cache bind to their instance."""
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    limit = None if maxsize is None else max(int(maxsize), 0)
    counts = [0, 0]     # hits, misses
    entries = {}
    ring = _Link()      # ring.newer: least recently used; ring.older: most
    ring.older = ring.newer = ring

    def uncached(*args, **kwargs):
        counts[1] += 1
        return user_function(*args, **kwargs)

    def unbounded(*args, **kwargs):
        if kwargs or typed or len(args) != 1:
            key = _cache_key(args, kwargs, typed)
        else:
            key = args[0]
            if type(key) is not int and type(key) is not str:
                key = (key,) if type(key) in _QUIET_HASH else _cache_key(args, kwargs, typed)
        found = entries.get(key, _ABSENT)
        if found is not _ABSENT:
            counts[0] += 1
            return found
        counts[1] += 1
        result = user_function(*args, **kwargs)
        entries[key] = result
        return result

    def bounded(*args, **kwargs):
        if kwargs or typed or len(args) != 1:
            key = _cache_key(args, kwargs, typed)
        else:
            key = args[0]
            if type(key) is not int and type(key) is not str:
                key = (key,) if type(key) in _QUIET_HASH else _cache_key(args, kwargs, typed)
        link = entries.get(key)
        if link is not None:
            # Move it to the most recently used end.
            link.older.newer = link.newer
            link.newer.older = link.older
            link.older = ring.older
            link.newer = ring
            ring.older.newer = link
            ring.older = link
            counts[0] += 1
            return link.value
        counts[1] += 1
        result = user_function(*args, **kwargs)
        if key in entries:
            # A call made while computing this one stored it already.
            return result
        if len(entries) >= limit:
            # Reuse the least recently used entry for the new result.
            link = ring.newer
            del entries[link.key]
            link.older.newer = link.newer
            link.newer.older = link.older
            dropped = link.value
        else:
            link = _Link()
            dropped = None
        link.key = key
        link.value = result
        link.older = ring.older
        link.newer = ring
        ring.older.newer = link
        ring.older = link
        entries[key] = link
        del dropped
        return result

    def cache_info():
        """Report cache statistics"""
        return cache_info_type(counts[0], counts[1], limit, len(entries))

    def cache_clear():
        """Clear the cache and cache statistics"""
        entries.clear()
        ring.older = ring.newer = ring
        counts[0] = counts[1] = 0

    if limit == 0:
        wrapper = uncached
    elif limit is None:
        wrapper = unbounded
    else:
        wrapper = bounded
    wrapper.cache_clear = cache_clear
    wrapper.cache_info = cache_info
    return wrapper


def _build_cache(user_function, maxsize, typed):
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    settings = {'maxsize': maxsize, 'typed': typed}
    wrapper.cache_parameters = lambda: dict(settings)
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    With maxsize None the cache grows without bound. With typed true,
    arguments of different types are cached separately (f(3) and f(3.0)).
    Arguments must be hashable. The decorated function has cache_info()
    (hits, misses, maxsize, currsize), cache_clear() and
    cache_parameters(); the original is at __wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used bare, as @lru_cache: the argument is the function.
        return _build_cache(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return _build_cache(user_function, maxsize, typed)

    return decorating_function


def cache(user_function, /):
    """lru_cache(maxsize=None) as a plain decorator: keeps every result."""
    return _build_cache(user_function, None, False)


# ===========================================================================
# singledispatch

def _dispatchable(candidate):
    """Whether register() accepts `candidate` as a class to dispatch on."""
    if isinstance(candidate, GenericAlias):
        return False
    if isinstance(candidate, type):
        return True
    members = _union_members(candidate)
    return members is not None and all(
        isinstance(member, type) and not isinstance(member, GenericAlias)
        for member in members)


def _union_members(candidate):
    """The classes of `int | str` or `Union[int, str]`, else None."""
    if isinstance(candidate, UnionType):
        return candidate.__args__
    if getattr(candidate, '__origin__', None) is not None:
        import typing
        if candidate.__origin__ is typing.Union:
            return candidate.__args__
    return None


def _merge_orders(sequences):
    """C3 merge: one order keeping every sequence's order, taking at each
    step the first head that is in no other sequence's tail."""
    pending = [list(seq) for seq in sequences if seq]
    merged = []
    while pending:
        for seq in pending:
            head = seq[0]
            if not any(head in other[1:] for other in pending):
                break
        else:
            raise RuntimeError('Inconsistent hierarchy')
        merged.append(head)
        for seq in pending:
            if seq[0] is head:
                del seq[0]
        pending = [seq for seq in pending if seq]
    return merged


def _order_with_abcs(cls, abcs):
    """cls's MRO with the abstract classes in `abcs` woven in where cls or
    one of its bases first becomes their (virtual) subclass. An abstract
    class placed here is not offered again to the classes above cls."""
    bases = list(cls.__bases__)
    # The bases up to the last abstract one keep their place; the abstract
    # classes cls itself brings in go right after them.
    split = 0
    for index, base in enumerate(bases):
        if hasattr(base, '__abstractmethods__'):
            split = index + 1
    leading, trailing = bases[:split], bases[split:]
    introduced = [abc for abc in abcs
                  if issubclass(cls, abc) and not any(issubclass(b, abc) for b in bases)]
    abcs = [abc for abc in abcs if abc not in introduced]
    groups = [leading, introduced, trailing]
    orders = [[_order_with_abcs(base, abcs) for base in group] for group in groups]
    return _merge_orders([[cls]] + orders[0] + orders[1] + orders[2] + groups)


def _full_order(cls, kinds):
    """The order in which dispatch looks for an implementation for cls:
    its MRO plus the registered classes it is only a virtual subclass of."""
    real = set(cls.__mro__)
    related = [kind for kind in kinds
               if kind not in real and hasattr(kind, '__mro__')
               and not isinstance(kind, GenericAlias) and issubclass(cls, kind)]
    # Those that are bases of another related class come in with it.
    related = [kind for kind in related
               if not any(kind is not other and kind in other.__mro__ for other in related)]
    if not related:
        return cls.__mro__
    wanted = set(related)
    abcs = []
    for kind in related:
        chains = [[step for step in sub.__mro__ if step in wanted]
                  for sub in kind.__subclasses__()
                  if sub not in real and issubclass(cls, sub)]
        if not chains:
            abcs.append(kind)
            continue
        chains.sort(key=len, reverse=True)
        for chain in chains:
            for step in chain:
                if step not in abcs:
                    abcs.append(step)
    return _order_with_abcs(cls, abcs)


def _choose(cls, registry):
    """The registered implementation that serves cls best."""
    found = None
    for kind in _full_order(cls, registry.keys()):
        if found is not None:
            if (kind in registry and kind not in cls.__mro__
                    and found not in cls.__mro__ and not issubclass(found, kind)):
                raise RuntimeError(f'Ambiguous dispatch: {found} or {kind}')
            break
        if kind in registry:
            found = kind
    return registry.get(found)


def singledispatch(func):
    """Make func a generic function of its first argument's type.

    func serves the types nothing better is registered for; register more
    with the returned function's register(cls, impl), @register(cls) or a
    bare @register on a function whose first parameter is annotated. The
    best implementation follows the argument's MRO, abstract base classes
    included. dispatch(cls) tells which one is used; registry maps each
    registered type to its implementation."""
    import weakref
    implementations = {object: func}
    remembered = weakref.WeakKeyDictionary()
    token = [None]      # abc cache token, once an abstract class is registered

    def dispatch(cls):
        """The implementation calls with a first argument of type cls run."""
        if token[0] is not None:
            current = get_cache_token()
            if current != token[0]:
                remembered.clear()
                token[0] = current
        try:
            return remembered[cls]
        except KeyError:
            pass
        impl = implementations.get(cls)
        if impl is None:
            impl = _choose(cls, implementations)
        remembered[cls] = impl
        return impl

    def register(cls, func=None):
        """Add func as the implementation for cls (a class or a union of
        classes, or taken from func's first annotation). Returns func, or a
        decorator when func is not given."""
        if _dispatchable(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            annotations = _annotations_of(cls)
            if not annotations:
                raise TypeError(f'Invalid first argument to `register()`: {cls!r}. '
                                f'Use either `@register(some_class)` or plain `@register` '
                                f'on an annotated function.')
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(_hinted(func)).items()))
            if not _dispatchable(cls):
                if _union_members(cls) is not None:
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
                raise TypeError(f'Invalid annotation for {argname!r}. {cls!r} is not a class.')
        members = _union_members(cls)
        for kind in (cls,) if members is None else members:
            implementations[kind] = func
        if token[0] is None and hasattr(cls, '__abstractmethods__'):
            token[0] = get_cache_token()
        remembered.clear()
        return func

    title = getattr(func, '__name__', 'singledispatch function')

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{title} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.registry = MappingProxyType(implementations)
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper._clear_cache = remembered.clear
    update_wrapper(wrapper, func)
    return wrapper


def _annotations_of(func):
    annotations = getattr(func, '__annotations__', None)
    if annotations is None:
        # classmethod and staticmethod objects: the function they hold.
        inner = getattr(func, '__func__', None)
        annotations = getattr(inner, '__annotations__', None)
    return annotations or {}


def _hinted(func):
    """The object whose annotations get_type_hints should read."""
    if getattr(func, '__annotations__', None) is None and hasattr(func, '__func__'):
        return func.__func__
    return func


class singledispatchmethod:
    """singledispatch for methods: dispatches on the type of the first
    argument after self (or cls). Works over classmethod, staticmethod
    and other descriptors as well as plain functions."""

    def __init__(self, func):
        if not (callable(func) or hasattr(func, '__get__')):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register method for cls, as singledispatch's register does."""
        dispatcher = self.dispatcher
        return dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        choose = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            implementation = choose(args[0].__class__).__get__(obj, cls)
            return implementation(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        return update_wrapper(_method, self.func)

    @property
    def __isabstractmethod__(self):
        inner = self.func
        return getattr(inner, '__isabstractmethod__', False)


# ===========================================================================
# cached_property

class _NoLock:
    """Stands in for threading.RLock: pyheap runs one thread."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class cached_property:
    """Like property, but the getter runs once per instance: its result is
    stored in the instance's __dict__ under the same name, which then
    shadows this descriptor."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = getattr(func, '__doc__', None)
        self.lock = _NoLock()

    def __set_name__(self, owner, name):
        known = self.attrname
        if known is None:
            self.attrname = name
        elif known != name:
            raise TypeError('Cannot assign the same cached_property to two different '
                            f'names ({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError('Cannot use cached_property instance without calling '
                            '__set_name__ on it.')
        try:
            store = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        value = store.get(name, _ABSENT)
        if value is _ABSENT:
            with self.lock:
                value = store.get(name, _ABSENT)
                if value is _ABSENT:
                    value = self.func(instance)
                    try:
                        store[name] = value
                    except TypeError:
                        raise TypeError(
                            f"The '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance does not support item assignment for caching "
                            f"{name!r} property.") from None
        return value

    __class_getitem__ = classmethod(GenericAlias)
