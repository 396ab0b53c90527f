"""WeakSet: a mutable set whose members are held through weak references.

Written for pyheap from the documented behaviour of CPython 3.11. A member vanishes
from the set when the object it stands for is freed. While one or more iterations over
the container are running, such removals are queued instead of being applied (so the
underlying `set` does not change size under the running loop); the queue is flushed
when the last iteration finishes or when a mutating method is called.

The iteration bookkeeping defined here is shared with the weak dictionaries in
`weakref`.
"""

from _weakref import ref
from types import GenericAlias

__all__ = ['WeakSet']


class _LoopMarker:
    """Context manager marking that one iteration over a weak container is running.

    The container keeps a set of live markers (`_open_loops`) and a list of queued
    removals (`_deferred`); when the last marker leaves, the container's
    `_apply_deferred()` runs. Only a weak reference to the container is kept, so a
    suspended iteration does not keep it alive through the marker."""

    __slots__ = ('_target',)

    def __init__(self, container):
        self._target = ref(container)

    def __enter__(self):
        container = self._target()
        if container is not None:
            container._open_loops.add(self)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        container = self._target()
        if container is None:
            return
        open_loops = container._open_loops
        open_loops.discard(self)
        if not open_loops:
            container._apply_deferred()


def _member_died_hook(owner):
    """The callback given to each member's weak reference: drop it from `owner`."""
    owner_ref = ref(owner)

    def _member_died(wr, owner_ref=owner_ref):
        target = owner_ref()
        if target is None:
            return
        if target._open_loops:
            target._deferred.append(wr)
        else:
            target.data.discard(wr)
    return _member_died


class WeakSet:
    # No docstring: WeakSet.__doc__ is None, as in CPython.

    def __init__(self, data=None):
        self.data = set()
        self._member_died = _member_died_hook(self)
        self._deferred = []
        self._open_loops = set()
        if data is not None:
            self.update(data)

    def _apply_deferred(self):
        queue = self._deferred
        members = self.data
        while queue:
            members.discard(queue.pop())

    def _settle(self):
        if self._deferred:
            self._apply_deferred()

    # -- reading ---------------------------------------------------------------------

    def __iter__(self):
        with _LoopMarker(self):
            for wr in self.data:
                member = wr()
                if member is not None:
                    # The generator holds `member` until it is resumed or closed.
                    yield member

    def __len__(self):
        return len(self.data) - len(self._deferred)

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        getstate = getattr(self, '__getstate__', None)
        if getstate is not None:
            state = getstate()
        else:
            state = getattr(self, '__dict__', None) or None
        return (self.__class__, (list(self),), state)

    __class_getitem__ = classmethod(GenericAlias)

    # -- single members --------------------------------------------------------------

    def add(self, item):
        self._settle()
        self.data.add(ref(item, self._member_died))

    def clear(self):
        self._settle()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        self._settle()
        members = self.data
        while True:
            try:
                wr = members.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            member = wr()
            if member is not None:
                return member

    def remove(self, item):
        self._settle()
        self.data.remove(ref(item))

    def discard(self, item):
        self._settle()
        self.data.discard(ref(item))

    # -- whole-set operations --------------------------------------------------------

    def update(self, other):
        self._settle()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def union(self, other):
        cls = self.__class__
        return cls(member for group in (self, other) for member in group)

    __or__ = union

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            self.data.difference_update(ref(element) for element in other)
        return self

    def intersection(self, other):
        return self.__class__(element for element in other if element in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self._settle()
        self.data.intersection_update(ref(element) for element in other)
        return self

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        self._settle()
        if other is self:
            self.data.clear()
        else:
            hook = self._member_died
            self.data.symmetric_difference_update(ref(element, hook) for element in other)
        return self

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    # -- comparisons -----------------------------------------------------------------

    def issubset(self, other):
        return self.data.issubset(ref(element) for element in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < {ref(element) for element in other}

    def issuperset(self, other):
        return self.data.issuperset(ref(element) for element in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > {ref(element) for element in other}

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return self.data == {ref(element) for element in other}
        return NotImplemented

    __hash__ = None
