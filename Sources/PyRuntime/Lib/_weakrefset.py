"""WeakSet: a set that holds its members through weak references.

A member disappears from the set as soon as nothing else keeps it alive. The set stores
one weak reference per member, each with a callback that takes it out again; while the
set is being iterated over, those removals wait in a list and happen when the last
iteration ends, so iterating never sees the set change size under it.

PyHeap writes this module itself (CPython's is Lib/_weakrefset.py); the behaviour,
reprs and messages are CPython 3.11's.
"""

from _weakref import ref

__all__ = ['WeakSet']


class _IterationGuard:
    """Marks a weak container as being iterated over for the duration of a `with` block.

    The container keeps a set of active guards in `_iterating`; when the last one leaves,
    the removals that piled up meanwhile are applied. The guard holds the container only
    weakly, so an abandoned iterator does not keep it alive.
    """

    __slots__ = ('container_ref', '__weakref__')

    def __init__(self, container):
        self.container_ref = ref(container)

    def __enter__(self):
        container = self.container_ref()
        if container is not None:
            container._iterating.add(self)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        container = self.container_ref()
        if container is not None:
            active = container._iterating
            active.remove(self)
            if not active:
                container._commit_removals()
        return False


def _make_remover(container):
    """The callback given to each member's weak reference: discard it from `container`
    (or note it for later while the container is being iterated over)."""
    container_ref = ref(container)

    def remove(item_ref):
        container = container_ref()
        if container is None:
            return
        if container._iterating:
            container._pending_removals.append(item_ref)
        else:
            container.data.discard(item_ref)

    return remove


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        self._remove = _make_remover(self)
        self._pending_removals = []
        self._iterating = set()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending = self._pending_removals
        discard = self.data.discard
        while pending:
            discard(pending.pop())

    def __iter__(self):
        with _IterationGuard(self):
            for item_ref in self.data:
                item = item_ref()
                if item is not None:
                    yield item

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            item_ref = ref(item)
        except TypeError:
            return False
        return item_ref in self.data

    def __reduce__(self):
        return (self.__class__, (list(self),), getattr(self, '__dict__', None))

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                item_ref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = item_ref()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        result = self.copy()
        result.difference_update(other)
        return result

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update([ref(item) for item in other])
        return self

    def intersection(self, other):
        return self.__class__([item for item in other if item in self])

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update([ref(item) for item in other])
        return self

    def issubset(self, other):
        return self.data.issubset([ref(item) for item in other])

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set([ref(item) for item in other])

    def issuperset(self, other):
        return self.data.issuperset([ref(item) for item in other])

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set([ref(item) for item in other])

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set([ref(item) for item in other])

    __hash__ = None

    def symmetric_difference(self, other):
        result = self.copy()
        result.symmetric_difference_update(other)
        return result

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update([ref(item, self._remove) for item in other])
        return self

    def union(self, other):
        return self.__class__([item for group in (self, other) for item in group])

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0
