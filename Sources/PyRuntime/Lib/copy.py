"""Shallow and deep copies of Python objects.

    copy.copy(x)               a shallow copy: a new container holding the same items
    copy.deepcopy(x[, memo])   a deep copy: the items are copied too, recursively

A deep copy copies each object once, even when it is reachable along several paths or
through a cycle; `memo` maps id(original) to its copy for that purpose.

Immutable atoms (numbers, strings, None, functions, classes...) are not copied. A class
controls how its instances are copied by defining __copy__() or __deepcopy__(memo);
otherwise instances are copied the way pickle would rebuild them, from __reduce_ex__(4)
or __reduce__() (with __getnewargs_ex__/__getnewargs__, __getstate__ and __setstate__).
Errors specific to this module are raised as copy.Error.
"""

# Written for pyheap from the behaviour of CPython 3.11. pyheap's `object` has no
# __reduce_ex__/__reduce__/__getstate__, and several built-in types lack their
# __reduce__, so this module also works out itself the reduction CPython's
# object.__reduce_ex__(4) would give (see _default_reduction).

from _weakref import ref as _WeakrefType, ProxyType as _ProxyType
from _weakref import CallableProxyType as _CallableProxyType

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # the old name, still provided

try:
    from copyreg import dispatch_table
except ImportError:
    # No copyreg in pyheap: an empty table of per-class reducers, consulted as
    # CPython consults copyreg's.
    dispatch_table = {}


def _probe_function():
    pass


class _Probe:
    def method(self):
        pass


_FunctionType = type(_probe_function)
_CodeType = type(_probe_function.__code__)
_MethodType = type(_Probe().method)
_BuiltinFunctionType = type(len)
_NoneType = type(None)
_EllipsisType = type(Ellipsis)
_NotImplementedType = type(NotImplemented)
del _probe_function, _Probe

_MISSING = object()


# ---------------------------------------------------------------------------------------
# Shallow copies

# Exact types whose instances copy.copy() returns unchanged.
_SHALLOW_SELF = frozenset([
    _NoneType, int, float, bool, complex, str, tuple, bytes, frozenset, type, range,
    slice, property, _BuiltinFunctionType, _EllipsisType, _NotImplementedType,
    _FunctionType, _CodeType, _WeakrefType,
])

# Exact types copied by their own copy() method.
_SHALLOW_BY_METHOD = {list: list.copy, dict: dict.copy, set: set.copy,
                      bytearray: bytearray.copy}


def copy(x):
    """Return a shallow copy of x.

    See the module documentation for how each kind of object is copied.
    """
    cls = type(x)
    if cls in _SHALLOW_SELF:
        return x
    by_method = _SHALLOW_BY_METHOD.get(cls)
    if by_method is not None:
        return by_method(x)
    if issubclass(cls, type):
        return x    # classes, including those of custom metaclasses
    own = getattr(cls, "__copy__", None)
    if own is not None:
        return own(x)
    reduced = _reduction(x, cls, "shallow")
    if isinstance(reduced, str):
        return x    # a global name: the object stands for itself
    return _rebuild(x, None, *reduced)


# ---------------------------------------------------------------------------------------
# Deep copies

# Exact types whose instances deepcopy() returns unchanged. Unlike copy(), tuples,
# frozensets and slices are rebuilt when something inside them is copied.
_DEEP_SELF = frozenset([
    _NoneType, int, float, bool, complex, bytes, str, _CodeType, type, range,
    _BuiltinFunctionType, _EllipsisType, _NotImplementedType, _FunctionType,
    _WeakrefType, property,
])


def deepcopy(x, memo=None):
    """Return a deep copy of x.

    memo, if given, is the dictionary of objects already copied (id -> copy) shared
    by a whole deep copy; __deepcopy__ methods receive it and pass it on.
    """
    if memo is None:
        memo = {}
    key = id(x)
    earlier = memo.get(key, _MISSING)
    if earlier is not _MISSING:
        return earlier

    cls = type(x)
    if cls in _DEEP_SELF:
        return x
    handler = _DEEP_BY_TYPE.get(cls)
    if handler is not None:
        result = handler(x, memo)
    elif issubclass(cls, type):
        result = x
    else:
        own = getattr(x, "__deepcopy__", None)
        if own is not None:
            result = own(memo)
        else:
            reduced = _reduction(x, cls, "deep")
            if isinstance(reduced, str):
                result = x
            else:
                result = _rebuild(x, memo, *reduced)

    if result is not x:
        memo[key] = result
        _hold(x, memo)
    return result


def _hold(x, memo):
    """Keep x alive for as long as memo lives.

    memo is keyed by id(); an original that died during the copy could see its id
    reused by a new object, which would then wrongly be found in memo. The originals
    are therefore kept in a list stored in memo under memo's own id."""
    try:
        kept = memo[id(memo)]
    except KeyError:
        memo[id(memo)] = [x]
    else:
        kept.append(x)


def _deep_list(x, memo):
    result = []
    memo[id(x)] = result    # before the items, which may lead back to x
    add = result.append
    for item in x:
        add(deepcopy(item, memo))
    return result


def _deep_dict(x, memo):
    result = {}
    memo[id(x)] = result
    for k, v in x.items():
        copied_value = deepcopy(v, memo)
        result[deepcopy(k, memo)] = copied_value
    return result


def _deep_tuple(x, memo):
    members = [deepcopy(item, memo) for item in x]
    # A member may lead back to x through a mutable object, in which case x's copy
    # was already made (and recorded) further down.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for before, after in zip(x, members):
        if before is not after:
            return tuple(members)
    return x    # nothing inside needed copying: share the tuple


def _deep_method(x, memo):
    return _bind(type(x), x.__func__, deepcopy(x.__self__, memo))


_DEEP_BY_TYPE = {list: _deep_list, dict: _deep_dict, tuple: _deep_tuple,
                 _MethodType: _deep_method}


def _bind(method_type, function, obj):
    try:
        return method_type(function, obj)
    except TypeError:
        # pyheap cannot build a bound method by calling its type; bind instead.
        binder = getattr(type(function), "__get__", None)
        if binder is None:
            raise
    return binder(function, obj, type(obj))


# ---------------------------------------------------------------------------------------
# Copying through the reduce protocol

def _reduction(x, cls, depth):
    """The reduce value of x: what pickle's protocol 4 would use to rebuild it."""
    reducer = dispatch_table.get(cls)
    if reducer is not None:
        return reducer(x)
    hook = getattr(x, "__reduce_ex__", _MISSING)
    if hook is _MISSING:
        # (pyheap: object.__reduce_ex__ does not exist; do what it would do.)
        return _default_reduction(x, cls)
    if hook is not None:
        return hook(4)
    hook = getattr(x, "__reduce__", _MISSING)
    if hook is _MISSING:
        return _default_reduction(x, cls)
    if hook:
        return hook()
    raise Error("un(%s)copyable object of type %s" % (depth, cls))


def _rebuild(x, memo, func, args, state=None, listiter=None, dictiter=None):
    """Make the copy of x described by a reduce value; deep when memo is given."""
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    result = func(*args)
    if deep:
        memo[id(x)] = result

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(result, "__setstate__"):
            result.__setstate__(state)
        else:
            slot_values = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slot_values = state
            if state is not None:
                result.__dict__.update(state)
            if slot_values is not None:
                for name, value in slot_values.items():
                    setattr(result, name, value)

    if listiter is not None:
        for item in listiter:
            result.append(deepcopy(item, memo) if deep else item)

    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            result[k] = v
    return result


# ---------------------------------------------------------------------------------------
# The default reduction (object.__reduce_ex__(4) in CPython)

def _create(cls, *args):
    return cls.__new__(cls, *args)


def _create_with_keywords(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _is_python_class(klass):
    # Classes made by `class` statements or type() carry their names as strings in
    # their own namespace; pyheap's native types do not.
    namespace = klass.__dict__
    return (isinstance(namespace.get("__qualname__"), str)
            or isinstance(namespace.get("__module__"), str))


def _native_base(cls):
    for klass in cls.__mro__:
        if not _is_python_class(klass):
            return klass
    return object


def _type_label(cls):
    if _is_python_class(cls):
        return cls.__name__
    module = getattr(cls, "__module__", "builtins")
    if module == "builtins":
        return cls.__qualname__
    return "%s.%s" % (module, cls.__qualname__)


def _lookup_special(cls, x, name):
    """Find `name` on the class (not the instance) and bind it to x, as the
    interpreter does for special methods. _MISSING when no class defines it."""
    for klass in cls.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            attribute = namespace[name]
            binder = getattr(type(attribute), "__get__", None)
            if binder is None:
                return attribute
            return binder(attribute, x, cls)
    return _MISSING


def _slot_names(cls):
    """The names of the __slots__ of cls and its bases (mangled, as stored), without
    __dict__ and __weakref__. Cached as cls.__slotnames__, like copyreg does."""
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    names = []
    for klass in cls.__mro__:
        declared = klass.__dict__.get("__slots__", ())
        if isinstance(declared, str):
            declared = (declared,)
        for slot in declared:
            if slot in ("__dict__", "__weakref__"):
                continue
            if slot.startswith("__") and not slot.endswith("__"):
                owner = klass.__name__.lstrip("_")
                if owner:
                    slot = "_" + owner + slot
            names.append(slot)
    try:
        cls.__slotnames__ = names
    except (TypeError, AttributeError):
        pass
    return names


def _new_arguments(x, cls):
    """(args, kwargs) from __getnewargs_ex__ or __getnewargs__; (None, None) without."""
    hook = _lookup_special(cls, x, "__getnewargs_ex__")
    if hook is not _MISSING:
        pair = hook()
        if not isinstance(pair, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'"
                            % type(pair).__name__)
        if len(pair) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, "
                             "not %d" % len(pair))
        args, kwargs = pair
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            "must be a tuple, not '%s'" % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            "must be a dict, not '%s'" % type(kwargs).__name__)
        return args, kwargs
    hook = _lookup_special(cls, x, "__getnewargs__")
    if hook is not _MISSING:
        args = hook()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%s'"
                            % type(args).__name__)
        return args, None
    return None, None


def _instance_state(x, cls):
    """What __getstate__() returns; by default (as object.__getstate__ in 3.11) the
    instance dict, or None when it is empty, paired with a dict of the slots that
    are set when there are any: (dict_or_None, slots)."""
    getter = _lookup_special(cls, x, "__getstate__")
    if getter is not _MISSING:
        return getter()
    state = getattr(x, "__dict__", None) or None
    slot_values = {}
    for name in _slot_names(cls):
        try:
            slot_values[name] = getattr(x, name)
        except AttributeError:
            pass
    if slot_values:
        return (state, slot_values)
    return state


def _generic_reduction(x, cls):
    args, kwargs = _new_arguments(x, cls)
    if kwargs:
        creator, creator_args = _create_with_keywords, (cls, args, kwargs)
    else:
        creator, creator_args = _create, (cls,) + (args or ())
    state = _instance_state(x, cls)
    list_items = iter(x) if isinstance(x, list) else None
    dict_items = iter(x.items()) if isinstance(x, dict) else None
    return creator, creator_args, state, list_items, dict_items


def _reduce_exception(x, cls):
    extra = getattr(x, "__dict__", None)
    if extra:
        return (cls, x.args, extra)
    return (cls, x.args)


def _reduce_bytearray(x, cls):
    return (cls, (bytes(x),), getattr(x, "__dict__", None) or None)


def _reduce_slice(x, cls):
    return (cls, (x.start, x.stop, x.step))


def _reduce_bound_method(x, cls):
    return (getattr, (x.__self__, x.__func__.__name__))


def _union_of(members):
    combined = members[0]
    for member in members[1:]:
        combined = combined | member
    return combined


def _reduce_union(x, cls):
    # (copyreg registers the like of this for `X | Y` types in CPython.)
    return (_union_of, (x.__args__,))


def _reduce_set_subclass(x, cls):
    return (cls, (list(x),), getattr(x, "__dict__", None) or None)


# Native bases whose instances (and subclasses' instances) the generic reduction
# handles: it needs no more than __new__, __getnewargs__, the instance dict and
# slots, and list or dict items.
_GENERIC_BASES = frozenset([object, list, dict, int, float, complex, str, bytes, tuple])

# Native types whose CPython __reduce__ pyheap lacks, done here instead.
_NATIVE_REDUCERS = {bytearray: _reduce_bytearray, slice: _reduce_slice,
                    _MethodType: _reduce_bound_method, type(int | str): _reduce_union}


def _default_reduction(x, cls):
    if cls is _ProxyType or cls is _CallableProxyType:
        # A proxy forwards the attribute lookups to its referent, which is what
        # CPython ends up reducing.
        cls = x.__class__
    own_reduce = getattr(x, "__reduce__", _MISSING)
    if own_reduce is not _MISSING:
        if (isinstance(x, (set, frozenset)) and cls not in (set, frozenset)
                and _defined_by(cls, "__reduce__") in (set, frozenset)):
            # pyheap's set.__reduce__ leaves out a subclass instance's dict.
            return _reduce_set_subclass(x, cls)
        return own_reduce()
    base = _native_base(cls)
    if base in _GENERIC_BASES:
        return _generic_reduction(x, cls)
    special = _NATIVE_REDUCERS.get(base)
    if special is not None:
        return special(x, cls)
    if issubclass(base, BaseException):
        return _reduce_exception(x, cls)
    if hasattr(x, "__objclass__") and hasattr(x, "__name__"):
        # A descriptor of a built-in type: found again by name on its class.
        return (getattr, (x.__objclass__, x.__name__))
    raise TypeError("cannot pickle %r object" % _type_label(cls))


def _defined_by(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass
    return None
