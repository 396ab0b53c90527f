"""Tools for functions: reduce, partial, partialmethod, wraps, update_wrapper,
total_ordering, cmp_to_key, lru_cache, cache, cached_property, singledispatch.

Written for pyheap; behaviour, reprs and messages follow CPython 3.11 (whose C parts,
`_functools`, are plain Python here).
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from collections import namedtuple
from _collections import _set_type_name

_MISSING = object()


# ---------------------------------------------------------------------------
# reduce

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a sequence
    or iterable, from left to right, so as to reduce the iterable to a single
    value.
    """
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    if len(args) < 2:
        raise TypeError(f'reduce expected at least 2 arguments, got {len(args)}')
    if len(args) > 3:
        raise TypeError(f'reduce expected at most 3 arguments, got {len(args)}')
    function, iterable = args[0], args[1]
    try:
        iterator = iter(iterable)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if len(args) == 3:
        value = args[2]
    else:
        for value in iterator:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in iterator:
        value = function(value, element)
    return value


# ---------------------------------------------------------------------------
# update_wrapper / wraps

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# ---------------------------------------------------------------------------
# total_ordering

# For each root operation, the three it supplies: (name, uses the root's result as is,
# how equality refines it). `mode` is 'not' (negate), 'or_eq' (result or equal),
# 'not_or_eq' (negated or equal), 'and_ne' (result and not equal), 'not_and_ne'.
_ORDERINGS = {
    '__lt__': [('__gt__', 'not_and_ne', '(not a < b) and (a != b)'),
               ('__le__', 'or_eq', '(a < b) or (a == b)'),
               ('__ge__', 'not', '(not a < b)')],
    '__le__': [('__ge__', 'not_or_eq', '(not a <= b) or (a == b)'),
               ('__lt__', 'and_ne', '(a <= b) and (a != b)'),
               ('__gt__', 'not', '(not a <= b)')],
    '__gt__': [('__lt__', 'not_and_ne', '(not a > b) and (a != b)'),
               ('__ge__', 'or_eq', '(a > b) or (a == b)'),
               ('__le__', 'not', '(not a > b)')],
    '__ge__': [('__le__', 'not_or_eq', '(not a >= b) or (a == b)'),
               ('__gt__', 'and_ne', '(a >= b) and (a != b)'),
               ('__lt__', 'not', '(not a >= b)')],
}

_SYMBOLS = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}


def _derived_comparison(name, root, mode, formula):
    def compare(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        if mode == 'not':
            return not result
        if mode == 'or_eq':
            return result or self == other
        if mode == 'not_or_eq':
            return not result or self == other
        if mode == 'and_ne':
            return result and self != other
        return not result and self != other
    compare.__name__ = name
    compare.__qualname__ = f'_{name[2:-2]}_from_{root[2:-2]}'
    compare.__doc__ = f'Return a {_SYMBOLS[name]} b.  Computed by @total_ordering from {formula}.'
    return compare


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _ORDERINGS
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for name, mode, formula in _ORDERINGS[root]:
        if name not in roots:
            setattr(cls, name, _derived_comparison(name, root, mode, formula))
    return cls


# ---------------------------------------------------------------------------
# cmp_to_key

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        return mycmp(self.obj, other.obj) < 0

    def __gt__(self, other):
        return mycmp(self.obj, other.obj) > 0

    def __eq__(self, other):
        return mycmp(self.obj, other.obj) == 0

    def __le__(self, other):
        return mycmp(self.obj, other.obj) <= 0

    def __ge__(self, other):
        return mycmp(self.obj, other.obj) >= 0

    # Named as CPython's C type is, so "unhashable type: 'functools.KeyWrapper'" reads
    # the same.
    KeyWrapper = type('functools.KeyWrapper', (), {
        '__slots__': ['obj'], '__init__': __init__, '__lt__': __lt__, '__gt__': __gt__,
        '__eq__': __eq__, '__le__': __le__, '__ge__': __ge__, '__hash__': None,
        '__qualname__': 'KeyWrapper', '__module__': 'functools'})
    KeyWrapper.__name__ = 'KeyWrapper'
    return KeyWrapper


# ---------------------------------------------------------------------------
# partial

class partial:
    """New function with partial application of the given arguments
    and keywords.
    """

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial) and not func.__dict__:
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = object.__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    @property
    def func(self):
        """function object to use in future partial calls"""
        return self._func

    @func.setter
    def func(self, value):
        raise AttributeError('readonly attribute')

    @property
    def args(self):
        """tuple of arguments to future partial calls"""
        return self._args

    @args.setter
    def args(self, value):
        raise AttributeError('readonly attribute')

    @property
    def keywords(self):
        """dictionary of keyword arguments to future partial calls"""
        return self._keywords

    @keywords.setter
    def keywords(self, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        key = id(self)
        if key in _partial_repr_running:
            return '...'
        _partial_repr_running.add(key)
        try:
            pieces = [repr(self._func)]
            pieces.extend(repr(arg) for arg in self._args)
            pieces.extend(f'{k!s}={v!r}' for k, v in self._keywords.items())
            cls = type(self)
            name = 'functools.partial' if cls is partial else cls.__name__
            return f"{name}({', '.join(pieces)})"
        finally:
            _partial_repr_running.discard(key)

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError(f'expected 4 items in state, got {len(state)}')
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        self._func = func
        self._args = tuple(args)
        self._keywords = dict(kwds) if kwds is not None else {}
        self.__dict__.clear()
        if namespace:
            self.__dict__.update(namespace)


_partial_repr_running = set()
_set_type_name(partial, 'functools.partial')


class partialmethod(object):
    """Method descriptor with partial application of the given arguments
    and keywords.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        pieces = [repr(self.func)]
        pieces.extend(repr(arg) for arg in self.args)
        pieces.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(pieces)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        result = None
        if get is not None and not isinstance(self.func, partial):
            new_func = get(obj, cls)
            if new_func is not self.func:
                result = partial(new_func, *self.args, **self.keywords)
                try:
                    result.__self__ = new_func.__self__
                except AttributeError:
                    pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---------------------------------------------------------------------------
# lru_cache / cache

_CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
_KWD_MARK = object()
_FAST_KEY_TYPES = (int, str)


def _make_key(args, kwds, typed):
    """The cache key of a call: the argument itself for one int or str, else a tuple of
    the arguments, the keyword items after a marker, and with typed=True the types."""
    key = args
    if kwds:
        key += (_KWD_MARK,)
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _FAST_KEY_TYPES:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    # The cache is a dict in least- to most-recently-used order: a hit moves its key to
    # the end, a miss on a full cache drops the first key.
    cache = {}
    stats = [0, 0]   # hits, misses

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, _MISSING)
            if result is not _MISSING:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, _MISSING)
            if result is not _MISSING:
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call already stored it.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# ---------------------------------------------------------------------------
# singledispatch

def singledispatch(func):
    """Single-dispatch generic function decorator."""
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        for base in cls.__mro__:
            if base in registry:
                impl = registry[base]
                break
        else:
            impl = registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class.')
            annotations = getattr(cls, '__annotations__', {})
            if not annotations:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func = cls
            argname, cls = next(iter(annotations.items()))
            if not isinstance(cls, type):
                raise TypeError(f'Invalid annotation for {argname!r}. {cls!r} is not a class.')
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxy(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class _MappingProxy:
    """A read-only view of the registry dict."""
    __slots__ = ('_data',)

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)


class singledispatchmethod:
    """Single-dispatch generic method descriptor."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# ---------------------------------------------------------------------------
# cached_property

class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _MISSING)
        if value is _MISSING:
            value = self.func(instance)
            try:
                cache[self.attrname] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} "
                    'property.') from None
        return value
