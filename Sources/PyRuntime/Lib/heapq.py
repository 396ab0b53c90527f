"""Heap queue algorithm (a.k.a. priority queue): lists kept so that heap[k] <= heap[2*k+1]
and heap[k] <= heap[2*k+2], so heap[0] is the smallest item.

Written for pyheap; comparisons (only `<`), results and messages follow CPython 3.11's
`_heapq`.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _arguments(function, args, count):
    """The positional arguments of a heapq function, with the C module's messages."""
    if len(args) != count:
        if count == 1:
            raise TypeError(f'_heapq.{function}() takes exactly one argument ({len(args)} given)')
        raise TypeError(f'{function} expected {count} arguments, got {len(args)}')
    return args if count > 1 else args[0]


def _check_list(heap, function):
    if not isinstance(heap, list):
        raise TypeError(f'{function}() argument 1 must be list, not {type(heap).__name__}')


def _sift_toward_root(heap, start, pos):
    """Moves heap[pos] up while it is smaller than its parent (stopping at `start`)."""
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_to_leaf(heap, pos):
    """Moves the smaller child up into `pos` until a leaf is reached, puts heap[pos]
    there and sifts it back toward the root (fewer comparisons than stopping early)."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def heappush(*args):
    """Push item onto heap, maintaining the heap invariant."""
    heap, item = _arguments('heappush', args, 2)
    _check_list(heap, 'heappush')
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(*args):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    heap = _arguments('heappop', args, 1)
    _check_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_to_leaf(heap, 0)
        return smallest
    return last


def heapreplace(*args):
    """Pop and return the current smallest value, and add the new item."""
    heap, item = _arguments('heapreplace', args, 2)
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _sift_to_leaf(heap, 0)
    return smallest


def heappushpop(*args):
    """Push item on the heap, then pop and return the smallest item from the heap."""
    heap, item = _arguments('heappushpop', args, 2)
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_to_leaf(heap, 0)
    return item


def heapify(*args):
    """Transform list into a heap, in-place, in O(len(heap)) time."""
    heap = _arguments('heapify', args, 1)
    if not isinstance(heap, list):
        raise TypeError(f'heapify() argument must be list, not {type(heap).__name__}')
    for pos in reversed(range(len(heap) // 2)):
        _sift_to_leaf(heap, pos)


# The max-heap forms (heap[0] the largest), which merge(reverse=True) uses.

def _sift_toward_root_max(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if parent < item:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_to_leaf_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root_max(heap, start, pos)


def _heapify_max(heap):
    """Maxheap version of heapify."""
    for pos in reversed(range(len(heap) // 2)):
        _sift_to_leaf_max(heap, pos)


def _heappop_max(heap):
    """Maxheap version of heappop."""
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _sift_to_leaf_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """Maxheap version of heapreplace."""
    largest = heap[0]
    heap[0] = item
    _sift_to_leaf_max(heap, 0)
    return largest


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Equal items come out in the order of their iterables (a stable merge).
    """
    iterators = [iter(iterable) for iterable in iterables]
    heads = []   # [key, value, iterator index] for each iterator not exhausted
    for index, iterator in enumerate(iterators):
        for value in iterator:
            heads.append([value if key is None else key(value), value, index])
            break
    while heads:
        best = 0
        for position in range(1, len(heads)):
            if reverse:
                if heads[best][0] < heads[position][0]:
                    best = position
            elif heads[position][0] < heads[best][0]:
                best = position
        head = heads[best]
        yield head[1]
        for value in iterators[head[2]]:
            head[0] = value if key is None else key(value)
            head[1] = value
            break
        else:
            del heads[best]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]
    """
    if n <= 0:
        return []
    if n == 1:
        marker = object()
        result = min(iterable, default=marker, key=key)
        return [] if result is marker else [result]
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]
    """
    if n <= 0:
        return []
    if n == 1:
        marker = object()
        result = max(iterable, default=marker, key=key)
        return [] if result is marker else [result]
    return sorted(iterable, key=key, reverse=True)[:n]
