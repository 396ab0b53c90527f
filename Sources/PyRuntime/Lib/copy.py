"""Shallow and deep copy operations: copy(x), deepcopy(x, memo=None).

Written for pyheap. A class controls its copies as in CPython: `__copy__` and
`__deepcopy__(memo)`, else `__reduce_ex__(4)` / `__reduce__()`, else the default
reduction of `object` (`copyreg.__newobj__`, `__getnewargs__`, the instance `__dict__`
and `__slots__`, the items of list and dict subclasses), with `__getstate__` and
`__setstate__` when defined.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_FunctionType = type(lambda: None)
_BuiltinFunctionType = type(len)

_ATOMIC = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool, complex,
           bytes, str, range, type, _FunctionType, _BuiltinFunctionType, property}
try:
    _ATOMIC.add(type(len.__call__))
except AttributeError:
    pass


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    if cls is tuple or cls is frozenset:
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _ATOMIC or issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An object that is its own copy is not remembered.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # A tuple inside itself (through a list) was copied on the way.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for old, new in zip(x, y):
        if old is not new:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    return type(x)(deepcopy(list(x), memo))


def _deepcopy_atomic(x, memo):
    return x


_deepcopy_dispatch = {list: _deepcopy_list, tuple: _deepcopy_tuple, dict: _deepcopy_dict,
                      set: _deepcopy_set, frozenset: _deepcopy_set}
for _t in _ATOMIC:
    _deepcopy_dispatch[_t] = _deepcopy_atomic
del _t


def _keep_alive(x, memo):
    """Keeps x alive as long as memo: ids in memo must stay unique."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = klass.__name__.lstrip('_')
                if stripped:
                    name = f'_{stripped}{name}'
            names.append(name)
    return names


def _reduce(x, cls):
    """The reduce value of x: its class's own __reduce_ex__ or __reduce__, else what
    object.__reduce_ex__(4) gives."""
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None:
        return reductor(x, 4)
    reductor = getattr(cls, '__reduce__', None)
    if reductor is not None:
        return reductor(x)
    return _object_reduce(x, cls)


def _object_reduce(x, cls):
    if hasattr(cls, '__getnewargs_ex__'):
        args, kwargs = x.__getnewargs_ex__()
        if kwargs:
            return (_newobj_ex, (cls, args, kwargs), _object_state(x, cls),
                    _list_items(x), _dict_items(x))
    elif hasattr(cls, '__getnewargs__'):
        args = x.__getnewargs__()
    elif isinstance(x, (int, float, complex, str, bytes)):
        for base in (bool, int, float, complex, str, bytes):
            if isinstance(x, base):
                args = (base(x),)
                break
    elif isinstance(x, tuple):
        args = (tuple(x),)
    elif isinstance(x, (set, frozenset)):
        return (cls, (list(x),), _object_state(x, cls))
    else:
        args = ()
    return (_newobj, (cls,) + tuple(args), _object_state(x, cls), _list_items(x), _dict_items(x))


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _list_items(x):
    return iter(x) if isinstance(x, list) else None


def _dict_items(x):
    return iter(x.items()) if isinstance(x, dict) else None


def _object_state(x, cls):
    getstate = getattr(cls, '__getstate__', None)
    if getstate is not None:
        return getstate(x)
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
