"""Heap queues: plain lists kept in heap order, where every item is no greater than the
two items below it (heap[k] <= heap[2*k + 1] and heap[k] <= heap[2*k + 2]). The
smallest item is therefore always heap[0].

    heap = []
    heappush(heap, 3); heappush(heap, 1)
    heappop(heap)        # 1

Items are compared with < only. Also: merge() for sorted inputs, nlargest() and
nsmallest(). pyheap's own implementation; the heaps it builds are item for item those
CPython builds (the same sifting strategy) and the error messages are CPython's.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


# ---------------------------------------------------------------------------------------
# Checking the arguments the way CPython's C functions do
# ---------------------------------------------------------------------------------------

def _one_list(name, args, kwargs):
    if kwargs:
        raise TypeError(f'_heapq.{name}() takes no keyword arguments')
    if len(args) != 1:
        raise TypeError(f'_heapq.{name}() takes exactly one argument ({len(args)} given)')
    heap = args[0]
    if not isinstance(heap, list):
        raise TypeError(f'{name}() argument must be list, not {type(heap).__name__}')
    return heap


def _list_and_item(name, args, kwargs):
    if kwargs:
        raise TypeError(f'_heapq.{name}() takes no keyword arguments')
    if len(args) != 2:
        raise TypeError(f'{name} expected 2 arguments, got {len(args)}')
    heap, item = args
    if not isinstance(heap, list):
        raise TypeError(f'{name}() argument 1 must be list, not {type(heap).__name__}')
    return heap, item


# ---------------------------------------------------------------------------------------
# Moving one item to its place. A min-heap and a max-heap differ only in which of two
# items goes up, so each routine takes `above(a, b)`: whether a belongs above b.
# ---------------------------------------------------------------------------------------

def _below_min(a, b):
    return a < b


def _below_max(a, b):
    return b < a


def _rise(heap, floor, pos, above):
    """The item at `pos` climbs while it belongs above its parent, never past `floor`."""
    climber = heap[pos]
    while pos > floor:
        up = (pos - 1) >> 1
        parent = heap[up]
        if not above(climber, parent):
            break
        heap[pos] = parent
        pos = up
    heap[pos] = climber


def _sink(heap, pos, above):
    """Refills the hole at `pos`: the better child moves up, all the way to a leaf, and
    the item that was at `pos` then climbs back from there. (Going down without
    comparing against the sinking item costs fewer comparisons, as the item usually
    belongs near the bottom.)"""
    size = len(heap)
    top = pos
    sinker = heap[pos]
    child = 2 * pos + 1
    while child < size:
        sibling = child + 1
        if sibling < size and not above(heap[child], heap[sibling]):
            child = sibling
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = sinker
    _rise(heap, top, pos, above)


def _order(heap, above):
    for pos in range(len(heap) // 2 - 1, -1, -1):
        _sink(heap, pos, above)


def _take_top(heap, above):
    tail = heap.pop()                  # IndexError on an empty list
    if not heap:
        return tail
    top = heap[0]
    heap[0] = tail
    _sink(heap, 0, above)
    return top


def _swap_top(heap, item, above):
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _sink(heap, 0, above)
    return top


# ---------------------------------------------------------------------------------------
# The heap functions
# ---------------------------------------------------------------------------------------

def heappush(*args, **kwargs):
    """heappush(heap, item): adds item to the heap, keeping it a heap."""
    heap, item = _list_and_item('heappush', args, kwargs)
    heap.append(item)
    _rise(heap, 0, len(heap) - 1, _below_min)


def heappop(*args, **kwargs):
    """heappop(heap): removes and returns the smallest item, keeping the rest a heap."""
    heap = _one_list('heappop', args, kwargs)
    if not heap:
        raise IndexError('index out of range')
    return _take_top(heap, _below_min)


def heapify(*args, **kwargs):
    """heapify(x): rearranges the list x into a heap, in place, in linear time."""
    _order(_one_list('heapify', args, kwargs), _below_min)


def heapreplace(*args, **kwargs):
    """heapreplace(heap, item): pops the smallest item and pushes item, in one step;
    returns the popped item (which may be larger than item). The heap must not be
    empty."""
    heap, item = _list_and_item('heapreplace', args, kwargs)
    return _swap_top(heap, item, _below_min)


def heappushpop(*args, **kwargs):
    """heappushpop(heap, item): pushes item then pops the smallest, in one step
    (faster than the two calls); returns item itself when it is the smallest."""
    heap, item = _list_and_item('heappushpop', args, kwargs)
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _sink(heap, 0, _below_min)
        return smallest
    return item


def _heapify_max(*args, **kwargs):
    """Max-heap version of heapify()."""
    _order(_one_list('_heapify_max', args, kwargs), _below_max)


def _heappop_max(*args, **kwargs):
    """Max-heap version of heappop()."""
    heap = _one_list('_heappop_max', args, kwargs)
    if not heap:
        raise IndexError('index out of range')
    return _take_top(heap, _below_max)


def _heapreplace_max(*args, **kwargs):
    """Max-heap version of heapreplace()."""
    heap, item = _list_and_item('_heapreplace_max', args, kwargs)
    return _swap_top(heap, item, _below_max)


# ---------------------------------------------------------------------------------------
# merge, nsmallest, nlargest
# ---------------------------------------------------------------------------------------

def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream, lazily:

        list(merge([1, 3, 5], [2, 4]))      # [1, 2, 3, 4, 5]

    Each input must already be sorted (by key, and from largest to smallest when
    reverse is true). Equal items come out in the order of the inputs they came from.
    """
    above = _below_max if reverse else _below_min
    rank = -1 if reverse else 1
    # One entry per input that still has items: [sort key, tie-breaker, item, iterator].
    # The tie-breaker (the input's position, negated for reverse) makes earlier inputs
    # win ties and keeps items themselves from ever being compared.
    fronts = []
    for position, iterable in enumerate(iterables):
        source = iter(iterable)
        for first in source:
            fronts.append([first if key is None else key(first), position * rank, first, source])
            break
    _order(fronts, above)
    while len(fronts) > 1:
        entry = fronts[0]
        yield entry[2]
        source = entry[3]
        for following in source:
            entry[0] = following if key is None else key(following)
            entry[2] = following
            _sink(fronts, 0, above)
            break
        else:
            _take_top(fronts, above)
    if fronts:
        last = fronts[0]
        yield last[2]
        yield from last[3]


def _pick(n, iterable, key, largest):
    """The n smallest (or largest) items, as sorted(iterable, key=key,
    reverse=largest)[:n] would list them, keeping only n candidates at a time."""
    if n == 1:
        nothing = object()
        choose = max if largest else min
        found = choose(iterable, default=nothing) if key is None else \
            choose(iterable, default=nothing, key=key)
        return [] if found is nothing else [found]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    # Candidates are [sort key, tie-breaker, item]; the tie-breaker grows for smallest
    # and shrinks for largest, so that among equal keys the earlier item is preferred.
    # The kept candidates form a heap whose top is the worst of them.
    worst_on_top = _below_min if largest else _below_max
    step = -1 if largest else 1
    source = iter(iterable)
    kept = []
    for count, item in zip(range(n), source):
        kept.append([item if key is None else key(item), count * step, item])
    if not kept:
        return kept
    _order(kept, worst_on_top)
    count = len(kept) * step
    for item in source:
        item_key = item if key is None else key(item)
        worst = kept[0][0]
        if (worst < item_key) if largest else (item_key < worst):
            kept[0] = [item_key, count, item]
            _sink(kept, 0, worst_on_top)
        count += step
    kept.sort(key=lambda entry: (entry[0], entry[1]), reverse=largest)
    return [entry[2] for entry in kept]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first; the same as
    sorted(iterable, key=key)[:n]."""
    return _pick(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first; the same as
    sorted(iterable, key=key, reverse=True)[:n]."""
    return _pick(n, iterable, key, True)
