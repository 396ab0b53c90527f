"""Specialised containers beyond the built-in dict, list, set and tuple.

pyheap's `collections`, written for pyheap. The deque type, the field descriptor used by
namedtuple classes and the element-counting loop behind Counter come from the native
`_collections` module (Swift); everything else here is plain Python. What programs can
observe (results, reprs, error messages) follows CPython 3.11.
"""

__all__ = [
    'ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList', 'UserString',
    'defaultdict', 'deque', 'namedtuple',
]

import sys as _sys
import _collections_abc
from itertools import chain as _chain, repeat as _repeat
from keyword import iskeyword as _is_keyword
from _collections import deque, _count_elements, _tuplegetter, _caller_module, _set_type_name

# types.GenericAlias, reached without importing `types`.
_Alias = type(list[int])
_Mapping = _collections_abc.Mapping

# Marks an argument the caller left out.
_ABSENT = object()


# ---------------------------------------------------------------------------
# Reprs of containers that may contain themselves

# ids of the objects whose repr is being built right now, further up the stack.
_reprs_underway = set()


def _repr_once(target, render):
    """render(target), or '...' when target's repr is already being built (a container
    reached again through its own contents)."""
    token = id(target)
    if token in _reprs_underway:
        return '...'
    _reprs_underway.add(token)
    try:
        return render(target)
    finally:
        _reprs_underway.discard(token)


# ---------------------------------------------------------------------------
# defaultdict

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

A dict whose missing keys are filled in on lookup: d[key] for an absent key stores and
returns default_factory() (or raises KeyError when the factory is None). Any further
arguments are handled as dict() handles them.
"""

    __slots__ = ('default_factory',)

    def __init__(self, *args, **kwargs):
        factory = None
        if args:
            factory = args[0]
            args = args[1:]
            if factory is not None and not callable(factory):
                raise TypeError('first argument must be callable or None')
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    __class_getitem__ = classmethod(_Alias)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self):
        shown = _repr_once(self.default_factory, repr)
        return f'{type(self).__name__}({shown}, {dict.__repr__(self)})'

    def copy(self):
        """A shallow copy with the same default_factory."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        arguments = () if factory is None else (factory,)
        return type(self), arguments, None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self.default_factory, self)
        dict.update(merged, other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self.default_factory, other)
        dict.update(merged, self)
        return merged


# ---------------------------------------------------------------------------
# OrderedDict
#
# A dict already iterates in insertion order, so an OrderedDict keeps its entries in
# the order of the dict underneath it: what it adds is moving entries (move_to_end),
# popping from either end, order-sensitive equality, and its own reprs and views.

def _pair_from(entry):
    """The (key, value) of one item of an iterable of pairs, with CPython's messages."""
    parts = tuple(entry)
    if len(parts) == 2:
        return parts
    if len(parts) > 2:
        raise ValueError('too many values to unpack (expected 2)')
    plural = '' if len(parts) == 1 else 's'
    raise ValueError(f'need more than {len(parts)} value{plural} to unpack')


def _store_all(target, source, keywords):
    """MutableMapping-style update: each entry goes in through target[key] = value."""
    if source is not _ABSENT:
        if type(source) is dict or type(source) is OrderedDict:
            for key, value in list(dict.items(source)):
                target[key] = value
        elif hasattr(source, 'keys'):
            for key in source.keys():
                target[key] = source[key]
        elif hasattr(source, 'items'):
            for key, value in source.items():
                target[key] = value
        else:
            for entry in source:
                key, value = _pair_from(entry)
                target[key] = value
    for key, value in keywords.items():
        target[key] = value


class _OrderedView:
    """Shared part of the three OrderedDict views: a thin wrapper around the dict's own
    view, which already walks the entries in the OrderedDict's order."""

    __slots__ = ('_native',)

    def __init__(self, native):
        self._native = native

    def __len__(self):
        return len(self._native)

    def __iter__(self):
        return iter(self._native)

    def __reversed__(self):
        return reversed(self._native)

    def __repr__(self):
        return f'{type(self).__name__}({list(self._native)!r})'

    @property
    def mapping(self):
        """A read-only proxy of the OrderedDict this view belongs to."""
        return self._native.mapping


def _as_native_view(obj):
    return obj._native if isinstance(obj, _OrderedView) else obj


def _delegate(name):
    """A view method handing the call to the dict view's method of the same name (so
    set operations and comparisons behave exactly as dict_keys' and dict_items' do)."""
    def forward(self, other):
        return getattr(self._native, name)(_as_native_view(other))
    forward.__name__ = name
    return forward


def _make_view_type(type_name, set_like):
    """One of the view classes. They are named as CPython's C types (no module), and the
    keys and items views get the set operations and comparisons of dict views."""
    namespace = {'__slots__': (), '__module__': 'builtins'}
    if set_like:
        for name in ('__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__',
                     '__and__', '__rand__', '__or__', '__ror__', '__sub__', '__rsub__',
                     '__xor__', '__rxor__', 'isdisjoint'):
            namespace[name] = _delegate(name)
        namespace['__contains__'] = lambda self, item: item in self._native
        namespace['__hash__'] = None
    return type(type_name, (_OrderedView,), namespace)


_ODictKeys = _make_view_type('odict_keys', True)
_ODictValues = _make_view_type('odict_values', False)
_ODictItems = _make_view_type('odict_items', True)


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def __init__(self, *args, **kwds):
        if len(args) > 1:
            raise TypeError(f'expected at most 1 arguments, got {len(args)}')
        _store_all(self, args[0] if args else _ABSENT, kwds)

    def update(self, *args, **kwds):
        """Add the entries of a mapping or of an iterable of pairs, then the keyword
        arguments; keys already present keep their place."""
        if len(args) > 1:
            raise TypeError('update() takes at most 1 positional argument '
                            f'({len(args)} given)')
        _store_all(self, args[0] if args else _ABSENT, kwds)

    def move_to_end(self, key, last=True):
        """Move an existing key to the end (or, with last=False, to the front)."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        behind = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for other_key, other_value in behind:
            dict.__setitem__(self, other_key, other_value)

    def popitem(self, last=True):
        """Remove and return the last (key, value) pair, or the first with last=False."""
        if dict.__len__(self) == 0:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        first = next(iter(dict.keys(self)))
        return first, dict.pop(self, first)

    def pop(self, key, default=_ABSENT):
        """Remove key and return its value; without a default, a missing key raises
        KeyError."""
        if default is _ABSENT:
            return dict.pop(self, key)
        return dict.pop(self, key, default)

    def setdefault(self, key, default=None):
        """self[key] when present; otherwise store default under key and return it."""
        if key in self:
            return self[key]
        self[key] = default
        return default

    def keys(self):
        return _ODictKeys(dict.keys(self))

    def values(self):
        return _ODictValues(dict.values(self))

    def items(self):
        return _ODictItems(dict.items(self))

    def copy(self):
        """A shallow copy, of the same type."""
        duplicate = type(self)()
        if type(self) is OrderedDict:
            for key, value in dict.items(self):
                dict.__setitem__(duplicate, key, value)
        else:
            for key in list(dict.keys(self)):
                duplicate[key] = self[key]
        return duplicate

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """A new mapping of the given keys, each mapped to value."""
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __repr__(self):
        name = type(self).__name__
        if dict.__len__(self) == 0:
            return f'{name}()'

        def render(mapping):
            if type(mapping) is OrderedDict:
                pairs = list(dict.items(mapping))
            else:
                pairs = list(mapping.items())
            return f'{name}({pairs!r})'
        return _repr_once(self, render)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            if not dict.__eq__(self, other):
                return False
            return list(dict.keys(self)) == list(dict.keys(other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        verdict = OrderedDict.__eq__(self, other)
        if verdict is NotImplemented:
            return verdict
        return not verdict

    __hash__ = None

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return type(self), (), state, None, iter(dict.items(self))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(self)
        _store_all(merged, other, {})
        return merged

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        merged = type(self)(other)
        _store_all(merged, self, {})
        return merged

    def __ior__(self, other):
        _store_all(self, other, {})
        return self


# In CPython these two are C types; error messages name them by their full C name
# ("unhashable type: 'collections.OrderedDict'").
_set_type_name(defaultdict, 'collections.defaultdict')
_set_type_name(OrderedDict, 'collections.OrderedDict')


# ---------------------------------------------------------------------------
# namedtuple

def _rename_invalid(names):
    """rename=True: each name that could not be a field becomes _<position>."""
    originals = set()
    result = []
    for position, name in enumerate(names):
        unusable = (not name.isidentifier() or _is_keyword(name)
                    or name.startswith('_') or name in originals)
        result.append(f'_{position}' if unusable else name)
        originals.add(name)
    return result


def _unusable_name(name):
    """The error a type or field name deserves, or None when it is a usable name."""
    if type(name) is not str:
        return TypeError('Type names and field names must be strings')
    if _is_keyword(name):
        return ValueError(f'Type names and field names cannot be a keyword: {name!r}')
    if not name.isidentifier():
        return ValueError('Type names and field names must be valid identifiers: '
                          f'{name!r}')
    return None


def _validate_names(typename, fields, renamed):
    for name in (typename, *fields):
        problem = _unusable_name(name)
        if problem is not None:
            raise problem
    already = set()
    for name in fields:
        if not renamed and name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in already:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        already.add(name)


def _compile_constructor(typename, fields):
    """__new__ for the class, compiled from source so that calling the class checks its
    arguments exactly as calling a function with these parameters does."""
    parameters = ', '.join(fields)
    packed = parameters + ',' if len(fields) == 1 else parameters
    source = (f'def __new__(_cls, {parameters}):\n'
              f'    return _build(_cls, ({packed}))\n')
    scope = {'_build': tuple.__new__, '__name__': f'namedtuple_{typename}'}
    exec(source, scope)
    return scope['__new__']


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Make a tuple subclass whose items can also be read as named attributes.

    >>> Point = namedtuple('Point', 'x y')
    >>> p = Point(3, y=4)
    >>> p
    Point(x=3, y=4)
    >>> p.x + p[1]
    7
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = [str(name) for name in field_names]
    typename = _sys.intern(str(typename))
    if rename:
        fields = _rename_invalid(fields)
    _validate_names(typename, fields, rename)

    defaults_by_field = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        if defaults:
            defaults_by_field = dict(zip(fields[len(fields) - len(defaults):], defaults))

    fields = tuple(_sys.intern(name) for name in fields)
    width = len(fields)
    signature_text = ', '.join(fields) + (',' if width == 1 else '')
    item_format = ', '.join(f'{name}=%r' for name in fields)

    __new__ = _compile_constructor(typename, fields)
    __new__.__doc__ = f'Create new instance of {typename}({signature_text})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    def _make(cls, iterable):
        made = tuple.__new__(cls, iterable)
        if len(made) != width:
            raise TypeError(f'Expected {width} arguments, got {len(made)}')
        return made
    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, current) for name, current in zip(fields, self)]
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return self._make(values)
    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        """The class name and each field as name=value."""
        return f'{self.__class__.__name__}({item_format % self})'

    def _asdict(self):
        """A dict of the fields, by name."""
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        """The items as a plain tuple (for copy and pickle)."""
        return tuple(self)

    for function in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        function.__qualname__ = f'{typename}.{function.__name__}'

    body = {
        '__doc__': f'{typename}({signature_text})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': defaults_by_field,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': fields,
    }
    for position, name in enumerate(fields):
        body[name] = _tuplegetter(position, _sys.intern(f'Alias for field number {position}'))
    made_class = type(typename, (tuple,), body)

    # The class belongs to the module that called namedtuple (pickle finds it there).
    if module is None:
        module = _caller_module(1)
        if module is None:
            module = '__main__'
    made_class.__module__ = module
    return made_class


# ---------------------------------------------------------------------------
# Counter

def _count_of(entry):
    return entry[1]


def _counts_hold(left, right, relation):
    """relation(left[x], right[x]) for every element x of either Counter (an element
    absent from one counts as zero there)."""
    for element in left:
        if not relation(left[element], right[element]):
            return False
    for element in right:
        if element not in left and not relation(left[element], right[element]):
            return False
    return True


def _merged_counter(left, right, combine):
    """A new Counter of combine(left count, right count) per element, keeping only
    positive results; left's elements come first, then those only right has."""
    result = Counter()
    for element, count in left.items():
        combined = combine(count, right[element])
        if combined > 0:
            result[element] = combined
    for element, count in right.items():
        if element not in left:
            combined = combine(0, count)
            if combined > 0:
                result[element] = combined
    return result


def _counter_operands(method):
    """For Counter's binary operators: NotImplemented unless both sides are Counters."""
    def operator(self, other):
        if isinstance(other, Counter):
            return method(self, other)
        return NotImplemented
    operator.__name__ = method.__name__
    operator.__qualname__ = method.__qualname__
    operator.__doc__ = method.__doc__
    return operator


class Counter(dict):
    """A dict subclass that counts hashable things: each key is an element and its
    value how many times it occurs. Missing elements count as zero.

    >>> c = Counter('mississippi')
    >>> c.most_common(2)
    [('i', 4), ('s', 4)]
    >>> c['z']
    0
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """An element never counted has a count of zero."""
        return 0

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """(element, count) pairs from the highest count down, equal counts in the
        order the elements were first seen; only the first n when n is given."""
        ranked = sorted(self.items(), key=_count_of, reverse=True)
        if n is None:
            return ranked
        if n <= 0:
            return []
        return ranked[:n]

    def elements(self):
        """An iterator over the elements, each repeated as many times as its count
        (elements with counts below one are left out)."""
        return _chain.from_iterable(_repeat(element, count)
                                    for element, count in self.items())

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts: from a mapping of element to count, or one for each item of an
        iterable, then from the keyword arguments."""
        if iterable is not None:
            if isinstance(iterable, _Mapping):
                if self:
                    current = self.get
                    for element, count in iterable.items():
                        self[element] = count + current(element, 0)
                else:
                    super().update(iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Take away counts, as update adds them; counts may drop to zero or below."""
        if iterable is not None:
            current = self.get
            if isinstance(iterable, _Mapping):
                for element, count in iterable.items():
                    self[element] = current(element, 0) - count
            else:
                for element in iterable:
                    self[element] = current(element, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """A shallow copy, of the same type."""
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, element):
        """Delete element's count; an absent element is not an error."""
        if element in self:
            super().__delitem__(element)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return f'{name}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # Counts that cannot be ordered are shown in insertion order.
            shown = dict(self)
        return f'{name}({shown!r})'

    # Comparisons treat missing elements as having a count of zero.

    @_counter_operands
    def __eq__(self, other):
        return _counts_hold(self, other, lambda mine, theirs: mine == theirs)

    @_counter_operands
    def __ne__(self, other):
        return not self == other

    @_counter_operands
    def __le__(self, other):
        return _counts_hold(self, other, lambda mine, theirs: mine <= theirs)

    @_counter_operands
    def __ge__(self, other):
        return _counts_hold(self, other, lambda mine, theirs: mine >= theirs)

    @_counter_operands
    def __lt__(self, other):
        return self <= other and self != other

    @_counter_operands
    def __gt__(self, other):
        return self >= other and self != other

    # Multiset arithmetic: the results keep positive counts only.

    @_counter_operands
    def __add__(self, other):
        return _merged_counter(self, other, lambda mine, theirs: mine + theirs)

    @_counter_operands
    def __sub__(self, other):
        return _merged_counter(self, other, lambda mine, theirs: mine - theirs)

    @_counter_operands
    def __or__(self, other):
        return _merged_counter(self, other,
                               lambda mine, theirs: theirs if mine < theirs else mine)

    @_counter_operands
    def __and__(self, other):
        return _merged_counter(self, other,
                               lambda mine, theirs: mine if mine < theirs else theirs)

    def __pos__(self):
        result = Counter()
        for element, count in self.items():
            if count > 0:
                result[element] = count
        return result

    def __neg__(self):
        result = Counter()
        for element, count in self.items():
            if count < 0:
                result[element] = 0 - count
        return result

    def _keep_positive(self):
        """Drop the elements whose count is zero or negative; return self."""
        for element in [element for element, count in self.items() if not count > 0]:
            del self[element]
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for element, theirs in other.items():
            if theirs > self[element]:
                self[element] = theirs
        return self._keep_positive()

    def __iand__(self, other):
        for element, mine in self.items():
            theirs = other[element]
            if theirs < mine:
                self[element] = theirs
        return self._keep_positive()


# ---------------------------------------------------------------------------
# ChainMap

class ChainMap(_collections_abc.MutableMapping):
    """Several mappings seen as one: lookups try each mapping in turn, writes and
    deletions act on the first one only.

    >>> defaults = {'colour': 'red', 'size': 1}
    >>> ChainMap({'size': 3}, defaults)['colour']
    'red'
    """

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    __class_getitem__ = classmethod(_Alias)

    # Reading: every mapping, first to last.

    def __getitem__(self, key):
        for layer in self.maps:
            try:
                return layer[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        for layer in self.maps:
            if key in layer:
                return True
        return False

    def _key_order(self):
        # Keys in the order a dict built from the last mapping to the first would have.
        order = {}
        for layer in self.maps[::-1]:
            for key in layer:
                order[key] = None
        return order

    def __iter__(self):
        return iter(self._key_order())

    def __len__(self):
        return len(self._key_order())

    def __bool__(self):
        for layer in self.maps:
            if layer:
                return True
        return False

    def __repr__(self):
        return _repr_once(self, lambda chain: '{}({})'.format(
            chain.__class__.__name__, ', '.join(repr(layer) for layer in chain.maps)))

    # Writing: the first mapping only.

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def pop(self, key, *args):
        """Remove key from the first mapping and return its value."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        """Remove and return an item of the first mapping."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def clear(self):
        """Empty the first mapping."""
        self.maps[0].clear()

    # New chains.

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (a new dict if None), updated with kwargs, put in
        front of this one's mappings."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """A new ChainMap of every mapping but the first."""
        return self.__class__(*self.maps[1:])

    def copy(self):
        """A new ChainMap over a copy of the first mapping and the same others."""
        first, *rest = self.maps
        return self.__class__(first.copy(), *rest)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, *args):
        """A ChainMap over one new dict made by dict.fromkeys(iterable, *args)."""
        return cls(dict.fromkeys(iterable, *args))

    def __or__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        combined = self.copy()
        combined.maps[0].update(other)
        return combined

    def __ror__(self, other):
        if not isinstance(other, _Mapping):
            return NotImplemented
        flat = dict(other)
        for layer in self.maps[::-1]:
            flat.update(layer)
        return self.__class__(flat)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


# ---------------------------------------------------------------------------
# UserDict, UserList, UserString: classes wrapping a real dict, list or str kept in
# the `data` attribute, meant to be subclassed.

def _dict_inside(value):
    """The dict a `|` with a UserDict works on: a UserDict's data, a dict itself, or
    None for any other operand."""
    if isinstance(value, UserDict):
        return value.data
    if isinstance(value, dict):
        return value
    return None


class UserDict(_collections_abc.MutableMapping):
    """A mapping kept in a real dict, self.data; subclass it to customise a dict."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    __class_getitem__ = classmethod(_Alias)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        # Like dict, a subclass may supply __missing__ for absent keys.
        missing = getattr(self.__class__, '__missing__', None)
        if missing is None:
            raise KeyError(key)
        return missing(self, key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        return key in self.data

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        right = _dict_inside(other)
        if right is None:
            return NotImplemented
        return self.__class__(self.data | right)

    def __ror__(self, other):
        left = _dict_inside(other)
        if left is None:
            return NotImplemented
        return self.__class__(left | self.data)

    def __ior__(self, other):
        inside = _dict_inside(other)
        self.data |= other if inside is None else inside
        return self

    def __copy__(self):
        cls = self.__class__
        clone = cls.__new__(cls)
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.__dict__['data'].copy()
        return clone

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        # copy.copy duplicates the other attributes; the entries go in afterwards
        # through the subclass's own __setitem__.
        kept = self.data
        try:
            self.data = {}
            clone = copy.copy(self)
        finally:
            self.data = kept
        clone.update(self)
        return clone

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


def _list_inside(value):
    """What a UserList compares its data with: another UserList's data, or value."""
    return value.data if isinstance(value, UserList) else value


def _list_operand(value):
    """The list a UserList concatenates with: a UserList's data, a list as is, or the
    items of any other iterable."""
    if isinstance(value, UserList):
        return value.data
    if isinstance(value, list):
        return value
    return list(value)


class UserList(_collections_abc.MutableSequence):
    """A sequence kept in a real list, self.data; subclass it to customise a list."""

    def __init__(self, initlist=None):
        if initlist is None:
            self.data = []
        elif isinstance(initlist, UserList):
            self.data = list(initlist.data)
        else:
            self.data = list(initlist)

    __class_getitem__ = classmethod(_Alias)

    def __repr__(self):
        return repr(self.data)

    # The sequence protocol; a slice gives a new instance of the class.

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __contains__(self, item):
        return item in self.data

    # Comparisons, against lists or other UserLists.

    def __eq__(self, other):
        return self.data == _list_inside(other)

    def __lt__(self, other):
        return self.data < _list_inside(other)

    def __le__(self, other):
        return self.data <= _list_inside(other)

    def __gt__(self, other):
        return self.data > _list_inside(other)

    def __ge__(self, other):
        return self.data >= _list_inside(other)

    __hash__ = None

    # Concatenation and repetition.

    def __add__(self, other):
        return self.__class__(self.data + _list_operand(other))

    def __radd__(self, other):
        return self.__class__(_list_operand(other) + self.data)

    def __iadd__(self, other):
        self.data += _list_operand(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    # Queries and copies.

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def copy(self):
        return self.__class__(self)

    def __copy__(self):
        cls = self.__class__
        clone = cls.__new__(cls)
        clone.__dict__.update(self.__dict__)
        clone.__dict__['data'] = self.__dict__['data'][:]
        return clone

    # In-place changes, made to self.data.

    def append(self, item):
        self.data.append(item)

    def extend(self, other):
        self.data.extend(_list_inside(other))

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)


def _text(value):
    """A UserString's data, or value itself."""
    return value.data if isinstance(value, UserString) else value


class UserString(_collections_abc.Sequence):
    """A string kept in a real str, self.data; subclass it to customise a str. Methods
    that make a new string return an instance of the same class."""

    def __init__(self, seq):
        if isinstance(seq, UserString):
            self.data = seq.data[:]
        elif isinstance(seq, str):
            self.data = seq
        else:
            self.data = str(seq)

    __class_getitem__ = classmethod(_Alias)

    # Conversions.

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    # Comparisons, against strs or other UserStrings.

    def __eq__(self, string):
        return self.data == _text(string)

    def __lt__(self, string):
        return self.data < _text(string)

    def __le__(self, string):
        return self.data <= _text(string)

    def __gt__(self, string):
        return self.data > _text(string)

    def __ge__(self, string):
        return self.data >= _text(string)

    # The sequence protocol; items and slices are instances of the class.

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __contains__(self, char):
        return _text(char) in self.data

    # Operators.

    def __add__(self, other):
        if isinstance(other, UserString):
            other = other.data
        elif not isinstance(other, str):
            other = str(other)
        return self.__class__(self.data + other)

    def __radd__(self, other):
        text = other if isinstance(other, str) else str(other)
        return self.__class__(text + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    # str methods with arguments that give a new string of this class. (Those without
    # arguments are added below the class.) A UserString given as the text to look
    # for or to put in is unwrapped.

    def center(self, width, *args):
        return self.__class__(self.data.center(width, *args))

    def ljust(self, width, *args):
        return self.__class__(self.data.ljust(width, *args))

    def rjust(self, width, *args):
        return self.__class__(self.data.rjust(width, *args))

    def zfill(self, width):
        return self.__class__(self.data.zfill(width))

    def expandtabs(self, tabsize=8):
        return self.__class__(self.data.expandtabs(tabsize))

    def strip(self, chars=None):
        return self.__class__(self.data.strip(chars))

    def lstrip(self, chars=None):
        return self.__class__(self.data.lstrip(chars))

    def rstrip(self, chars=None):
        return self.__class__(self.data.rstrip(chars))

    def removeprefix(self, prefix, /):
        return self.__class__(self.data.removeprefix(_text(prefix)))

    def removesuffix(self, suffix, /):
        return self.__class__(self.data.removesuffix(_text(suffix)))

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(_text(old), _text(new), maxsplit))

    def translate(self, *args):
        return self.__class__(self.data.translate(*args))

    # Searching.

    def count(self, sub, start=0, end=_sys.maxsize):
        return self.data.count(_text(sub), start, end)

    def find(self, sub, start=0, end=_sys.maxsize):
        return self.data.find(_text(sub), start, end)

    def rfind(self, sub, start=0, end=_sys.maxsize):
        return self.data.rfind(_text(sub), start, end)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(sub, start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(sub, start, end)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    # Results that are not strings of this class: bytes, plain strs, lists, tuples.

    def encode(self, encoding='utf-8', errors='strict'):
        return self.data.encode('utf-8' if encoding is None else encoding,
                                'strict' if errors is None else errors)

    def splitlines(self, keepends=False):
        return self.data.splitlines(keepends)

    def split(self, sep=None, maxsplit=-1):
        return self.data.split(sep, maxsplit)

    def partition(self, sep):
        return self.data.partition(sep)

    def rsplit(self, sep=None, maxsplit=-1):
        return self.data.rsplit(sep, maxsplit)

    def rpartition(self, sep):
        return self.data.rpartition(sep)

    # Formatting: printf-style % gives an instance of the class, the format methods
    # (and join) a plain str.

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def join(self, seq):
        return self.data.join(seq)

    maketrans = str.maketrans


def _add_string_methods(names, same_class):
    """Give UserString the str methods without arguments: each calls the method on
    self.data; same_class says whether the result is wrapped in self's class."""
    def forwarding(name):
        def method(self):
            result = getattr(self.data, name)()
            return self.__class__(result) if same_class else result
        method.__name__ = name
        method.__qualname__ = f'UserString.{name}'
        return method

    for name in names:
        setattr(UserString, name, forwarding(name))


_add_string_methods(('capitalize', 'casefold', 'lower', 'swapcase', 'title', 'upper'), True)
_add_string_methods(('isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier',
                     'islower', 'isnumeric', 'isprintable', 'isspace', 'istitle', 'isupper'),
                    False)


# ---------------------------------------------------------------------------
# collections.abc, and the ABC registrations of the types defined here

# `collections` is a package in CPython, with `abc` as a submodule; here the
# `_collections_abc` module stands in for it under both names.
__path__ = []
abc = _collections_abc
_sys.modules['collections.abc'] = _collections_abc

_collections_abc.MutableSequence.register(deque)
_collections_abc.KeysView.register(_ODictKeys)
_collections_abc.ValuesView.register(_ODictValues)
_collections_abc.ItemsView.register(_ODictItems)
