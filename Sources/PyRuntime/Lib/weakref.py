"""Weak references (PEP 205) and the containers and helpers built on them.

A weak reference lets a program refer to an object without keeping it alive. Besides
the reference and proxy types, this module offers mappings that hold their keys or
their values weakly, WeakSet, WeakMethod (a weak reference to a bound method) and
finalize (a callback run once, when an object dies or at interpreter exit).
"""

# Written for pyheap. The reference and proxy types are native (`_weakref`, in the
# runtime's Swift code); everything else here is Python, written from the behaviour
# CPython 3.11 documents and shows.

import itertools
import sys
import _collections_abc
from types import GenericAlias as _GenericAlias

from _weakref import (
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
    getweakrefcount,
    getweakrefs,
    proxy,
    ref,
)
from _weakrefset import WeakSet, _LoopMarker

__all__ = [
    "ref",
    "proxy",
    "getweakrefcount",
    "getweakrefs",
    "WeakKeyDictionary",
    "ReferenceType",
    "ProxyType",
    "CallableProxyType",
    "ProxyTypes",
    "WeakValueDictionary",
    "WeakSet",
    "WeakMethod",
    "finalize",
]

ProxyTypes = (ProxyType, CallableProxyType)

# A WeakSet counts as a MutableSet for isinstance() checks.
_collections_abc.MutableSet.register(WeakSet)


# =======================================================================================
# WeakMethod


def _rebind(method_type, function, target):
    """Rebuild a bound method from its function and the object it is bound to."""
    try:
        return method_type(function, target)
    except TypeError:
        # pyheap's `method` type cannot be called to build a method; bind through the
        # function's descriptor protocol instead.
        binder = getattr(type(function), '__get__', None)
        if binder is None:
            raise
    return binder(function, target, type(target))


class WeakMethod(ref):
    """A weak reference to a bound method.

    A bound method object is normally created afresh on each attribute access and
    dies at once, so a plain weak reference to one is useless. A WeakMethod instead
    refers weakly to both the method's object and its function, and calling it
    rebuilds the bound method while both are alive (None otherwise). The callback, if
    any, runs once, when the first of the two dies.
    """

    # The reference itself (the ref base) points at the bound object; `_fn_ref` at the
    # function. `_live` becomes False the first time either of them dies.
    __slots__ = ("_fn_ref", "_bound_type", "_live", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            bound_to, function = meth.__self__, meth.__func__
        except AttributeError:
            message = "argument should be a bound method, not {}".format(type(meth))
            raise TypeError(message) from None

        # Filled in below with a weak reference to the new object, so that the
        # callback does not keep the WeakMethod alive.
        handle = None

        def one_part_died(_dead, user_callback=callback):
            weak_method = handle()
            if weak_method is None or not weak_method._live:
                return
            weak_method._live = False
            if user_callback is not None:
                user_callback(weak_method)

        self = ref.__new__(cls, bound_to, one_part_died)
        self._fn_ref = ref(function, one_part_died)
        self._bound_type = type(meth)
        self._live = True
        handle = ref(self)
        return self

    def __call__(self):
        # (super().__call__() does not reach ref's call slot in pyheap.)
        bound_to = ref.__call__(self)
        function = self._fn_ref()
        if bound_to is None or function is None:
            return None
        return _rebind(self._bound_type, function, bound_to)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._live and other._live):
            return self is other
        return ref.__eq__(self, other) and self._fn_ref == other._fn_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._live and other._live):
            return self is not other
        return ref.__ne__(self, other) or self._fn_ref != other._fn_ref

    __hash__ = ref.__hash__


# =======================================================================================
# The weak mappings
#
# Both keep a plain dict in `data`. A dying referent removes its entry through a
# callback that holds the mapping only weakly. While iterations over the mapping are
# running (`_open_loops` is non-empty, see _weakrefset._LoopMarker) the callback queues
# the removal in `_deferred` instead, and `_apply_deferred()` performs the queued ones
# later.


class KeyedRef(ref):
    """A weak reference that also carries the key its referent is stored under.

    WeakValueDictionary stores its values through these: one callback shared by all
    entries can then read the key to remove from the reference it is given.
    """

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        instance = ref.__new__(cls, ob, callback)
        instance.key = key
        return instance

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _merged(target, *sources):
    for source in sources:
        target.update(source)
    return target


class WeakKeyDictionary(_collections_abc.MutableMapping):
    """A mapping whose keys are referred to weakly.

    An entry disappears once nothing else keeps its key alive. Useful to attach
    data to objects owned elsewhere without setting attributes on them.
    """

    def __init__(self, dict=None):
        self.data = {}
        mapping_ref = ref(self)

        def key_died(wr, mapping_ref=mapping_ref):
            mapping = mapping_ref()
            if mapping is not None:
                if mapping._open_loops:
                    mapping._deferred.append(wr)
                else:
                    mapping.data.pop(wr, None)

        self._key_died = key_died
        self._deferred = []
        self._open_loops = set()
        # True once an entry has been taken out directly (del, pop, popitem): a
        # queued reference may then be gone from `data`, so len() prunes the queue.
        self._queue_may_be_stale = False
        if dict is not None:
            self.update(dict)

    def _apply_deferred(self):
        entries, queue = self.data, self._deferred
        while queue:
            entries.pop(queue.pop(), None)

    # -- reading ---------------------------------------------------------------------

    def __len__(self):
        if self._deferred and self._queue_may_be_stale:
            entries = self.data
            self._deferred = [wr for wr in self._deferred if wr in entries]
            self._queue_may_be_stale = False
        return len(self.data) - len(self._deferred)

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def __getitem__(self, key):
        return self.data[ref(key)]

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def keys(self):
        with _LoopMarker(self):
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    __iter__ = keys

    def values(self):
        with _LoopMarker(self):
            for wr, value in self.data.items():
                if wr() is None:
                    continue
                yield value

    def items(self):
        with _LoopMarker(self):
            for pair in self.data.items():
                obj = pair[0]()
                if obj is None:
                    continue
                yield obj, pair[1]

    def keyrefs(self):
        """A list of the weak references to the keys.

        Some of them may already be dead: call each and check for None before use.
        Working with the references rather than the keys avoids keeping the keys
        alive longer than needed.
        """
        return list(self.data)

    # -- writing ---------------------------------------------------------------------

    def __setitem__(self, key, value):
        self.data[ref(key, self._key_died)] = value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._key_died), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            source = dict if hasattr(dict, "items") else type({})(dict)
            entries, on_death = self.data, self._key_died
            for key, value in source.items():
                entries[ref(key, on_death)] = value
        if kwargs:
            self.update(kwargs)

    def __delitem__(self, key):
        self._queue_may_be_stale = True
        del self.data[ref(key)]

    def pop(self, key, *args):
        self._queue_may_be_stale = True
        return self.data.pop(ref(key), *args)

    def popitem(self):
        self._queue_may_be_stale = True
        entries = self.data
        while True:
            wr, value = entries.popitem()
            obj = wr()
            if obj is not None:
                return obj, value

    # -- copies and operators --------------------------------------------------------

    def copy(self):
        result = WeakKeyDictionary()
        with _LoopMarker(self):
            for wr, value in self.data.items():
                obj = wr()
                if obj is not None:
                    result[obj] = value
        return result

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        with _LoopMarker(self):
            for wr, value in self.data.items():
                obj = wr()
                if obj is not None:
                    result[obj] = deepcopy(value, memo)
        return result

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        return _merged(self.copy(), other)

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        return _merged(self.__class__(), other, self)

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    # CPython inherits this from the collection ABCs; pyheap does not find it there.
    __class_getitem__ = classmethod(_GenericAlias)


class WeakValueDictionary(_collections_abc.MutableMapping):
    """A mapping whose values are referred to weakly.

    An entry disappears once nothing else keeps its value alive.
    """

    def __init__(self, other=(), /, **kw):
        mapping_ref = ref(self)

        def value_died(wr, mapping_ref=mapping_ref, drop=_remove_dead_weakref):
            mapping = mapping_ref()
            if mapping is not None:
                if mapping._open_loops:
                    mapping._deferred.append(wr.key)
                else:
                    # drop() leaves the entry alone if the key has been given a new,
                    # live value since this reference was stored.
                    drop(mapping.data, wr.key)

        self._value_died = value_died
        self._deferred = []
        self._open_loops = set()
        self.data = {}
        self.update(other, **kw)

    def _apply_deferred(self):
        entries, queue = self.data, self._deferred
        while queue:
            _remove_dead_weakref(entries, queue.pop())

    def _settle(self):
        # Nearly every operation first performs the removals queued while iterating
        # (even when an iteration is still running, as CPython 3.11 does).
        if self._deferred:
            self._apply_deferred()

    # -- reading ---------------------------------------------------------------------

    def __len__(self):
        self._settle()
        return len(self.data)

    def __contains__(self, key):
        self._settle()
        try:
            wr = self.data[key]
        except KeyError:
            return False
        return wr() is not None

    def __getitem__(self, key):
        self._settle()
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def get(self, key, default=None):
        self._settle()
        try:
            obj = self.data[key]()
        except KeyError:
            return default
        return default if obj is None else obj

    def keys(self):
        self._settle()
        with _LoopMarker(self):
            for key, wr in self.data.items():
                if wr() is None:
                    continue
                yield key

    __iter__ = keys

    def values(self):
        self._settle()
        with _LoopMarker(self):
            for wr in self.data.values():
                obj = wr()
                if obj is not None:
                    yield obj

    def items(self):
        self._settle()
        with _LoopMarker(self):
            for pair in self.data.items():
                obj = pair[1]()
                if obj is None:
                    continue
                yield pair[0], obj

    def itervaluerefs(self):
        """Iterate over the weak references to the values (KeyedRef objects).

        Some of them may already be dead: call each and check for None before use.
        Working with the references rather than the values avoids keeping the
        values alive longer than needed.
        """
        self._settle()
        with _LoopMarker(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values (KeyedRef objects).

        Some of them may already be dead: call each and check for None before use.
        """
        self._settle()
        return list(self.data.values())

    # -- writing ---------------------------------------------------------------------

    def __setitem__(self, key, value):
        self._settle()
        self.data[key] = KeyedRef(value, self._value_died, key)

    def setdefault(self, key, default=None):
        try:
            current = self.data[key]()
        except KeyError:
            current = None
        if current is not None:
            return current
        self._settle()
        self.data[key] = KeyedRef(default, self._value_died, key)
        return default

    def update(self, other=None, /, **kwargs):
        self._settle()
        entries, on_death = self.data, self._value_died
        if other is not None:
            source = other if hasattr(other, "items") else dict(other)
            for key, obj in source.items():
                entries[key] = KeyedRef(obj, on_death, key)
        for key, obj in kwargs.items():
            entries[key] = KeyedRef(obj, on_death, key)

    def __delitem__(self, key):
        self._settle()
        del self.data[key]

    def pop(self, key, *args):
        self._settle()
        try:
            obj = self.data.pop(key)()
        except KeyError:
            obj = None
        if obj is None:
            if not args:
                raise KeyError(key)
            return args[0]
        return obj

    def popitem(self):
        self._settle()
        entries = self.data
        while True:
            key, wr = entries.popitem()
            obj = wr()
            if obj is not None:
                return key, obj

    # -- copies and operators --------------------------------------------------------

    def copy(self):
        self._settle()
        result = WeakValueDictionary()
        with _LoopMarker(self):
            for key, wr in self.data.items():
                obj = wr()
                if obj is not None:
                    result[key] = obj
        return result

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        self._settle()
        result = self.__class__()
        with _LoopMarker(self):
            for key, wr in self.data.items():
                obj = wr()
                if obj is not None:
                    result[deepcopy(key, memo)] = obj
        return result

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        return _merged(self.copy(), other)

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        return _merged(self.__class__(), other, self)

    def __ior__(self, other):
        self.update(other)
        return self

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    # CPython inherits this from the collection ABCs; pyheap does not find it there.
    __class_getitem__ = classmethod(_GenericAlias)


# =======================================================================================
# finalize


class _Pending:
    """What a live finalizer will do when it fires."""

    __slots__ = ("obj_ref", "func", "args", "kwargs", "atexit", "serial")


def _report_exit_error():
    # An exception from a finalizer run at exit is reported like an uncaught one, and
    # the remaining finalizers still run.
    exc_type, exc, tb = sys.exc_info()
    hook = getattr(sys, "excepthook", None)
    if hook is not None:
        hook(exc_type, exc, tb)
        return
    # pyheap has no sys.excepthook: print the summary line an uncaught one ends with.
    name = exc_type.__qualname__
    module = getattr(exc_type, "__module__", None)
    if module not in (None, "builtins", "__main__"):
        name = module + "." + name
    text = str(exc)
    print("Traceback (most recent call last):", file=sys.stderr)
    print(name + ": " + text if text else name, file=sys.stderr)


class finalize:
    """A callback tied to the lifetime of an object.

    finalize(obj, func, /, *args, **kwargs) makes a callable finalizer. It fires when
    obj is garbage collected, when it is called, or (if its atexit attribute is true,
    the default) when the interpreter exits, whichever comes first; firing calls
    func(*args, **kwargs) once and returns the result. A fired ("dead") finalizer
    does nothing and returns None. At exit the remaining finalizers run newest first.
    """

    # A finalizer has no state of its own: `_live` maps every live finalizer to its
    # _Pending record. Being in that dict is what keeps the finalizer, its function
    # and arguments alive until it fires, even if the program drops it.
    __slots__ = ()
    _live = {}
    _serials = itertools.count()
    _created_since_scan = False
    _exit_hook_installed = False
    _exit_done = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_hook_installed:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._exit_hook_installed = True
        pending = _Pending()
        # The finalizer is itself the weak reference's callback: see __call__.
        pending.obj_ref = ref(obj, self)
        pending.func = func
        pending.args = args
        pending.kwargs = kwargs or None
        pending.atexit = True
        pending.serial = next(finalize._serials)
        self._live[self] = pending
        finalize._created_since_scan = True

    def _target(self):
        # (record, obj) while both the finalizer and its object are alive, else None.
        pending = self._live.get(self)
        if pending is not None:
            obj = pending.obj_ref()
            if obj is not None:
                return pending, obj
        return None

    def __call__(self, _=None):
        """Fire: if alive, mark dead and return func(*args, **kwargs); else None."""
        pending = self._live.pop(self, None)
        if pending is None or self._exit_done:
            return None
        return pending.func(*pending.args, **(pending.kwargs or {}))

    def detach(self):
        """If alive, mark dead without calling and return (obj, func, args, kwargs)."""
        found = self._target()
        if found is None or self._live.pop(self, None) is None:
            return None
        pending, obj = found
        return (obj, pending.func, pending.args, pending.kwargs or {})

    def peek(self):
        """If alive, return (obj, func, args, kwargs) and leave it alive; else None."""
        found = self._target()
        if found is None:
            return None
        pending, obj = found
        return (obj, pending.func, pending.args, pending.kwargs or {})

    @property
    def alive(self):
        """True until the finalizer fires or is detached."""
        return self in self._live

    @property
    def atexit(self):
        """Whether the finalizer fires at interpreter exit if still alive then."""
        pending = self._live.get(self)
        return pending is not None and pending.atexit

    @atexit.setter
    def atexit(self, value):
        pending = self._live.get(self)
        if pending is not None:
            pending.atexit = bool(value)

    def __repr__(self):
        found = self._target()
        where = '<%s object at %#x; ' % (type(self).__name__, id(self))
        if found is None:
            return where + 'dead>'
        obj = found[1]
        return where + 'for %r at %#x>' % (type(obj).__name__, id(obj))

    @classmethod
    def _exit_queue(cls):
        # The live finalizers that run at exit, oldest first (they are popped from
        # the end, so the newest runs first).
        chosen = sorted((pending.serial, fin) for fin, pending in cls._live.items()
                        if pending.atexit)
        return [fin for _, fin in chosen]

    @classmethod
    def _run_at_exit(cls):
        # Registered with atexit by the first finalizer. Fires the remaining atexit
        # finalizers, newest first, including any created while this runs; the
        # cyclic collector is paused meanwhile. Afterwards, finalizers whose objects
        # die no longer call anything.
        resume_gc = False
        try:
            if cls._live:
                import gc
                if gc.isenabled():
                    gc.disable()
                    resume_gc = True
                queue = cls._exit_queue()
                finalize._created_since_scan = False
                while queue:
                    fin = queue.pop()
                    try:
                        fin()
                    except Exception:
                        _report_exit_error()
                    if finalize._created_since_scan:
                        finalize._created_since_scan = False
                        queue = cls._exit_queue()
        finally:
            finalize._exit_done = True
            if resume_gc:
                gc.enable()
