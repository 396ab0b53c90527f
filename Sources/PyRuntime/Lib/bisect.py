"""Binary search in sorted sequences: where an item would go (bisect_left,
bisect_right) and putting it there (insort_left, insort_right).

pyheap's own implementation, with the arguments, results and error messages of
CPython's C module `_bisect`.
"""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right']

_PARAMETERS = ('a', 'x', 'lo', 'hi')


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    convert = getattr(type(value), '__index__', None)
    if convert is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return convert(value)


def _arguments(function, args, kwargs):
    """(a, x, lo, hi, key) from the call, checked as CPython's argument parser does;
    hi is None when the search runs to the end of `a`."""
    if len(args) > 4:
        raise TypeError(f'{function}() takes at most 4 positional arguments ({len(args)} given)')
    given = dict(zip(_PARAMETERS, args))
    key = None
    for name, value in kwargs.items():
        if name == 'key':
            key = value
        elif name not in _PARAMETERS:
            raise TypeError(f'{name!r} is an invalid keyword argument for {function}()')
        elif name in given:
            position = _PARAMETERS.index(name) + 1
            raise TypeError(f'argument for {function}() given by name ({name!r}) '
                            f'and position ({position})')
        else:
            given[name] = value
    for position, name in enumerate(('a', 'x'), 1):
        if name not in given:
            raise TypeError(f'{function}() missing required argument {name!r} (pos {position})')
    lo = _as_index(given['lo']) if 'lo' in given else 0
    hi = given.get('hi')
    if hi is not None:
        if not isinstance(hi, int) and getattr(type(hi), '__index__', None) is None:
            raise TypeError(f"argument should be integer or None, not '{type(hi).__name__}'")
        hi = _as_index(hi)
        if hi == -1:
            hi = None
    if lo < 0:
        raise ValueError('lo must be non-negative')
    return given['a'], given['x'], lo, hi, key


def _first_after(a, x, lo, hi, key):
    """The first position in a[lo:hi] whose item is greater than x."""
    if hi is None:
        hi = len(a)
    while lo < hi:
        middle = (lo + hi) // 2
        probe = a[middle] if key is None else key(a[middle])
        if x < probe:
            hi = middle
        else:
            lo = middle + 1
    return lo


def _first_not_before(a, x, lo, hi, key):
    """The first position in a[lo:hi] whose item is not less than x."""
    if hi is None:
        hi = len(a)
    while lo < hi:
        middle = (lo + hi) // 2
        probe = a[middle] if key is None else key(a[middle])
        if probe < x:
            lo = middle + 1
        else:
            hi = middle
    return lo


def bisect_right(*args, **kwargs):
    """bisect_right(a, x, lo=0, hi=len(a), *, key=None)

    Where to insert x into the sorted a to keep it sorted, after any items equal to
    x: every item of a[:i] is <= x and every item of a[i:] is > x. Only a[lo:hi] is
    searched. key, when given, is applied to the items of a (not to x)."""
    a, x, lo, hi, key = _arguments('bisect_right', args, kwargs)
    return _first_after(a, x, lo, hi, key)


def bisect_left(*args, **kwargs):
    """bisect_left(a, x, lo=0, hi=len(a), *, key=None)

    Where to insert x into the sorted a to keep it sorted, before any items equal to
    x: every item of a[:i] is < x and every item of a[i:] is >= x. Only a[lo:hi] is
    searched. key, when given, is applied to the items of a (not to x)."""
    a, x, lo, hi, key = _arguments('bisect_left', args, kwargs)
    return _first_not_before(a, x, lo, hi, key)


def insort_right(*args, **kwargs):
    """insort_right(a, x, lo=0, hi=len(a), *, key=None)

    Inserts x into the sorted a, after any items equal to it. key, when given, is
    applied to x too, to find its place."""
    a, x, lo, hi, key = _arguments('insort_right', args, kwargs)
    where = _first_after(a, x if key is None else key(x), lo, hi, key)
    a.insert(where, x)


def insort_left(*args, **kwargs):
    """insort_left(a, x, lo=0, hi=len(a), *, key=None)

    Inserts x into the sorted a, before any items equal to it. key, when given, is
    applied to x too, to find its place."""
    a, x, lo, hi, key = _arguments('insort_left', args, kwargs)
    where = _first_not_before(a, x if key is None else key(x), lo, hi, key)
    a.insert(where, x)


bisect = bisect_right
insort = insort_right
