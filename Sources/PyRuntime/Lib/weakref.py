"""Weak references: refer to an object without keeping it alive.

The reference and proxy types come from `_weakref` (written in Swift, in the runtime).
This module adds what CPython's Lib/weakref.py adds on top of them: mappings whose keys
or values are held weakly, `WeakSet` (from `_weakrefset`), `WeakMethod` for bound methods,
and `finalize`, a callback that runs once when an object dies or at interpreter exit.

PyHeap writes this module itself; the behaviour, reprs and messages are CPython 3.11's.
"""

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)

from _weakrefset import WeakSet, _IterationGuard

import sys

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method: the method is alive while both its object and
    its function are; calling the reference rebuilds the bound method (or gives None)."""

    __slots__ = "_func_ref", "_meth_type", "_alive", "__weakref__"

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        # Either part dying kills the method; the user's callback runs only the first time.
        def on_death(_, callback=callback):
            method_ref = self_ref()
            if method_ref is not None and method_ref._alive:
                method_ref._alive = False
                if callback is not None:
                    callback(method_ref)

        self = ref.__new__(cls, obj, on_death)
        self._func_ref = ref(func, on_death)
        self._meth_type = type(meth)
        self._alive = True
        self_ref = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers a key: `WeakValueDictionary` stores its values in
    these, so the removal callback knows which entry to drop."""

    __slots__ = "key",

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _is_mapping(other):
    return isinstance(other, (dict, WeakValueDictionary, WeakKeyDictionary)) or (
        hasattr(other, 'keys') and hasattr(other, '__getitem__'))


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry disappears when its value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(value_ref, self_ref=ref(self), _atomic_removal=_remove_dead_weakref):
            self = self_ref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(value_ref.key)
                else:
                    # The key may have been reused for a live value meanwhile: only a
                    # dead entry is removed.
                    _atomic_removal(self.data, value_ref.key)
        self._remove = remove
        self._pending_removals = []
        self._iterating = set()
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self, _atomic_removal=_remove_dead_weakref):
        pending = self._pending_removals
        data = self.data
        while pending:
            _atomic_removal(data, pending.pop())

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            value = self.data[key]()
        except KeyError:
            return False
        return value is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        with _IterationGuard(self):
            for key, value_ref in self.data.items():
                value = value_ref()
                if value is not None:
                    new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending_removals:
            self._commit_removals()
        new = self.__class__()
        with _IterationGuard(self):
            for key, value_ref in self.data.items():
                value = value_ref()
                if value is not None:
                    new[deepcopy(key, memo)] = value
        return new

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            value_ref = self.data[key]
        except KeyError:
            return default
        value = value_ref()
        if value is None:
            # The value died but its callback has not run yet.
            return default
        return value

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for key, value_ref in self.data.items():
                value = value_ref()
                if value is not None:
                    yield key, value

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for key, value_ref in self.data.items():
                if value_ref() is not None:
                    yield key

    __iter__ = keys

    def itervaluerefs(self):
        """The weak references to the values, one by one (some may be dead by the time
        they are used)."""
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        with _IterationGuard(self):
            for value_ref in self.data.values():
                value = value_ref()
                if value is not None:
                    yield value

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, value_ref = self.data.popitem()
            value = value_ref()
            if value is not None:
                return key, value

    def pop(self, key, *args):
        if self._pending_removals:
            self._commit_removals()
        try:
            value = self.data.pop(key)()
        except KeyError:
            value = None
        if value is None:
            if args:
                return args[0]
            raise KeyError(key)
        return value

    def setdefault(self, key, default=None):
        try:
            value = self.data[key]()
        except KeyError:
            value = None
        if value is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return value

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        data = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, value in other.items():
                data[key] = KeyedRef(value, self._remove, key)
        for key, value in kwargs.items():
            data[key] = KeyedRef(value, self._remove, key)

    def clear(self):
        # Whatever removals were pending concern entries that are gone now.
        self.data.clear()
        del self._pending_removals[:]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if _is_mapping(other):
            result = self.copy()
            result.update(other)
            return result
        return NotImplemented

    def __ror__(self, other):
        if _is_mapping(other):
            result = self.__class__()
            result.update(other)
            result.update(self)
            return result
        return NotImplemented

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry disappears when its key dies. Keys
    must support weak references."""

    def __init__(self, dict=None):
        self.data = {}

        def remove(key_ref, self_ref=ref(self)):
            self = self_ref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(key_ref)
                else:
                    try:
                        del self.data[key_ref]
                    except KeyError:
                        pass
        self._remove = remove
        # Dead weak references waiting for the iterations in progress to finish.
        self._pending_removals = []
        self._iterating = set()
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pending = self._pending_removals
        data = self.data
        while pending:
            key_ref = pending.pop()
            try:
                del data[key_ref]
            except KeyError:
                pass

    def _scrub_removals(self):
        data = self.data
        self._pending_removals = [key_ref for key_ref in self._pending_removals if key_ref in data]
        self._dirty_len = False

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            # Entries may have been deleted while removals were pending: count only the
            # pending removals still in the dict.
            self._scrub_removals()
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    new[key] = value
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    new[key] = deepcopy(value, memo)
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            key_ref = ref(key)
        except TypeError:
            return False
        return key_ref in self.data

    def items(self):
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                key = key_ref()
                if key is not None:
                    yield key, value

    def keys(self):
        with _IterationGuard(self):
            for key_ref in self.data:
                key = key_ref()
                if key is not None:
                    yield key

    __iter__ = keys

    def values(self):
        with _IterationGuard(self):
            for key_ref, value in self.data.items():
                if key_ref() is not None:
                    yield value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            key_ref, value = self.data.popitem()
            key = key_ref()
            if key is not None:
                return key, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        data = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                data[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)

    def clear(self):
        # Whatever removals were pending concern entries that are gone now.
        self.data.clear()
        del self._pending_removals[:]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if _is_mapping(other):
            result = self.copy()
            result.update(other)
            return result
        return NotImplemented

    def __ror__(self, other):
        if _is_mapping(other):
            result = self.__class__()
            result.update(other)
            result.update(self)
            return result
        return NotImplemented

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None


class _FinalizerInfo:
    __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): call `func(*args, **kwargs)` once, when
    `obj` dies, when the finalizer is called, or at interpreter exit (while `atexit` is
    true), whichever comes first.

    The state of live finalizers is kept in a class-level registry, so a finalizer stays
    alive (and runs) even when the program drops it. At exit the registered ones run
    newest first.
    """

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _next_index = 0
    _dirty = False
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            # Registered at the first finalizer, so programs that never make one do not
            # import atexit.
            import atexit
            atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        info = _FinalizerInfo()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._next_index
        finalize._next_index += 1
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Runs the callback if the finalizer is alive, and returns its result (None
        otherwise); it is dead afterwards."""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Kills the finalizer without calling it; returns (obj, func, args, kwargs) if
        it was alive, None otherwise."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) while the finalizer is alive, None otherwise."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer has not run, been called or been detached yet."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether the finalizer runs at interpreter exit if still alive."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        chosen = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        chosen.sort(key=lambda entry: entry[0])
        return [f for _, f in chosen]

    @classmethod
    def _exitfunc(cls):
        # Runs the finalizers still alive, newest first. A finalizer made while they run
        # is picked up too. Collections are off meanwhile, so none runs a finalizer behind
        # this loop's back.
        reenable_gc = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception:
                        _report_exception()
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()


def _report_exception():
    hook = getattr(sys, 'excepthook', None)
    if hook is not None:
        hook(*sys.exc_info())
    else:
        error = sys.exc_info()[1]
        print('%s: %s' % (type(error).__name__, error), file=sys.stderr)
