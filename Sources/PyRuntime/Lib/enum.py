"""Enumerations: classes whose attributes are a fixed set of named, unique values.

    class Colour(Enum):
        RED = 1
        GREEN = 2

Colour.RED is a member: it has a name ('RED') and a value (1), Colour(1) and
Colour['RED'] find it, and iterating over Colour gives the members in definition order.
IntEnum and StrEnum members are also ints and strings; Flag and IntFlag members
combine with |, & and ^.

pyheap's own implementation of CPython 3.11's enum module: the same classes, reprs,
str() and format() results, lookups, flag arithmetic and error messages.
"""

import sys as _sys
from types import MappingProxyType

from _collections import _caller_module

__all__ = [
    # the classes
    'Enum', 'ReprEnum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'EnumType', 'EnumMeta',
    # class body helpers
    'auto', 'member', 'nonmember', 'property',
    # flag boundaries
    'FlagBoundary', 'CONFORM', 'EJECT', 'KEEP', 'STRICT',
    # checks
    'unique', 'verify', 'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    # module-global members and pickling
    'global_enum', 'global_enum_repr', 'global_flag_repr', 'global_str',
    'pickle_by_enum_name', 'pickle_by_global_name',
]

_plain_property = property      # the builtin; the name `property` is enum's own below

# Enum, Flag and ReprEnum are referred to before they exist (while they are being
# created); None until then.
Enum = Flag = ReprEnum = None


# ---------------------------------------------------------------------------------------
# Name rules
# ---------------------------------------------------------------------------------------

def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(class_name, name):
    # __x inside class C is stored as _C__x; such names never become members.
    prefix = '_' + class_name.lstrip('_') + '__'
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _single_bit(number):
    return number != 0 and number & (number - 1) == 0


def _bits_of(number):
    """The powers of two making up a non-negative int, smallest first."""
    while number:
        low = number & -number
        yield low
        number ^= low


def show_flag_values(value):
    """The single-bit values set in `value`, smallest first: [1, 4, 8] for 13."""
    return list(_bits_of(value))


def bin(num, max_bits=None):
    """Like the builtin bin(), but showing the sign as a separate first digit (0 for
    positive, 1 for negative, which are written in two's complement), and padding the
    digits with that sign digit to `max_bits` when they are shorter:

        bin(7) == '0b0 111'      bin(-5) == '0b1 011'      bin(5, 4) == '0b0 0101'
    """
    if num >= 0:
        sign = '0'
        digits = format(num, 'b') if num else ''
    else:
        width = num.bit_length()
        sign = '1'
        digits = format(num & ((1 << width) - 1), 'b').rjust(width, '0')
    if max_bits is not None and len(digits) < max_bits:
        digits = digits.rjust(max_bits, sign)
    return f'0b{sign} {digits}'


# ---------------------------------------------------------------------------------------
# Markers used in class bodies: auto(), member(), nonmember(), property
# ---------------------------------------------------------------------------------------

class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Stands for a value chosen when the class is made, by _generate_next_value_():
    1, 2, 3, ... for Enum, powers of two for Flag, the lower-cased name for StrEnum."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


class member:
    """Makes `value` a member even where it would not be one (a function, say)."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps `value` an ordinary class attribute instead of a member."""

    def __init__(self, value):
        self.value = value


class property:
    """A property for enum classes. Read on a member it runs the getter; read on the
    class it gives the member of that name, if there is one (so that members named
    `name` or `value` can coexist with the attributes of those names)."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc if doc is not None else getattr(fget, '__doc__', None)
        self.name = getattr(fget, '__name__', None)
        self.clsname = None

    def __set_name__(self, owner, name):
        self.name = name
        self.clsname = owner.__name__

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            found = getattr(ownerclass, '_member_map_', {}).get(self.name)
            if found is None:
                raise AttributeError(self.name)
            return found
        if self.fget is None:
            raise AttributeError(f'{self.name!r} is not readable')
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(f'<enum {self.clsname!r}> cannot set attribute {self.name!r}')
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(f'<enum {self.clsname!r}> cannot delete attribute {self.name!r}')
        self.fdel(instance)


class _MemberLink:
    """Put in a class's dict for a member whose name is also an attribute inherited by
    the members (`name`, `value`, a method of the mixed-in type, ...): on the class it
    is the member, on a member it is the inherited attribute."""

    def __init__(self, member, shadowed):
        self.member = member
        self.shadowed = shadowed

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            return self.member
        getter = getattr(type(self.shadowed), '__get__', None)
        if getter is None:
            return self.shadowed
        return getter(self.shadowed, instance, ownerclass)


# ---------------------------------------------------------------------------------------
# Storage for members that cannot hold attributes
# ---------------------------------------------------------------------------------------
# pyheap gives instances of subclasses of int, str, bytes and tuple no __dict__, so the
# attributes of such members (_name_, _value_, and whatever __new__ or __init__ sets)
# are kept by their class, in `_detached_attrs_`: member id -> {name: value}.

def _attr_home(obj):
    """The dict holding obj's attributes outside obj, or None if obj has a __dict__."""
    klass = type(obj)
    store = klass.__dict__.get('_detached_attrs_')
    if store is None:
        try:
            object.__getattribute__(obj, '__dict__')
            return None
        except AttributeError:
            store = {}
            type.__setattr__(klass, '_detached_attrs_', store)
    return store.setdefault(id(obj), {})


def _forget_attrs(obj):
    store = type(obj).__dict__.get('_detached_attrs_')
    if store is not None:
        store.pop(id(obj), None)


def _has_data_descriptor(klass, name):
    for ancestor in klass.__mro__:
        if name in ancestor.__dict__:
            return hasattr(type(ancestor.__dict__[name]), '__set__')
    return False


# ---------------------------------------------------------------------------------------
# The class body namespace
# ---------------------------------------------------------------------------------------

# _sunder_ names a class body may define.
_KNOWN_SUNDERS = frozenset({
    '_order_', '_generate_next_value_', '_missing_', '_ignore_', '_numeric_repr_',
    '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
})


class _EnumNamespace(dict):
    """What an enum class body writes into: it notes which names are members (in order),
    resolves auto() values and refuses names defined twice."""

    def __init__(self, class_name, next_value):
        super().__init__()
        self._class_name = class_name
        self._next_value = next_value
        self._members = []           # member names, in definition order
        self._values = []            # their values, for auto()
        self._ignored = []

    def _resolve_auto(self, name, value):
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = self._next_value(name, 1, len(self._members), self._values[:])
            return value.value
        if isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
            return tuple(self._resolve_auto(name, v) for v in value)
        return value

    def __setitem__(self, key, value):
        if _is_private(self._class_name, key):
            pass                                          # an ordinary attribute
        elif _is_sunder(key):
            if key not in _KNOWN_SUNDERS:
                raise ValueError(f'_sunder_ names, such as {key!r}, are reserved for future '
                                 f'Enum use')
            if key == '_generate_next_value_':
                if self._members:
                    raise TypeError('_generate_next_value_ must be defined before members')
                self._next_value = getattr(value, '__func__', value)
            elif key == '_ignore_':
                names = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
                self._ignored = names
                for name in names:
                    if name in self._members:
                        raise ValueError(f'_ignore_ cannot specify already set names: {name!r}')
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._ignored:
            return
        elif isinstance(value, nonmember):
            value = value.value
        elif key in self._members:
            raise TypeError(f'{key!r} already defined as {self[key]!r}')
        elif isinstance(value, member) or not _is_descriptor(value):
            if key in self:                 # e.g. a method of that name came first
                raise TypeError(f'{key!r} already defined as {self[key]!r}')
            if isinstance(value, member):
                value = value.value
            value = self._resolve_auto(key, value)
            self._members.append(key)
            self._values.append(value)
        super().__setitem__(key, value)


class _PendingMember:
    """Holds a member's value in the namespace given to type.__new__; type.__new__ calls
    __set_name__ on it once the class exists, which makes the member (so members exist
    when __init_subclass__ runs, as in CPython)."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, name):
        _add_member(enum_class, name, self.value)


# ---------------------------------------------------------------------------------------
# EnumType
# ---------------------------------------------------------------------------------------

def _enum_bases(class_name, bases):
    """The type mixed in to members (object if none) and the enum class the new one
    derives from, checking that the bases make a valid enum."""
    if not bases or Enum is None:
        return object, Enum
    for base in bases:
        if isinstance(base, EnumType) and base._member_names_:
            raise TypeError(f'<enum {class_name!r}> cannot extend {base!r}')
    last = bases[-1]
    if not (isinstance(last, EnumType) and issubclass(last, Enum)):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    found = []
    for base in bases:
        for klass in base.__mro__:
            if klass is object:
                continue
            if isinstance(klass, EnumType):
                if klass._member_type_ is not object:
                    if klass._member_type_ not in found:
                        found.append(klass._member_type_)
                    break
                continue
            if '__new__' in klass.__dict__ or '__dataclass_fields__' in klass.__dict__:
                if klass not in found:
                    found.append(klass)
                break
    if len(found) > 1:
        raise TypeError(f'too many data types for {class_name!r}: {set(found)!r}')
    return (found[0] if found else object), last


def _member_factory(namespace, member_type, first_enum):
    """The function that makes member objects and whether it takes the value."""
    if first_enum is None:                  # Enum itself: its __new__ looks members up
        return object.__new__, False
    own = namespace.get('__new__')
    if own is not None:
        return getattr(own, '__func__', own), True
    if first_enum is not None:
        for klass in first_enum.__mro__:
            made_by = klass.__dict__.get('_new_member_')
            if made_by is not None and made_by is not object.__new__:
                return made_by, True
    if member_type is object:
        return object.__new__, False
    return member_type.__new__, True


def _shadowed_property(enum_class, name):
    """The property a member named `name` hides from the members, if any (other
    inherited attributes of that name are simply hidden by the member)."""
    for klass in enum_class.__mro__[1:]:
        found = klass.__dict__.get(name)
        if found is not None and hasattr(found, 'fget'):
            return found
    return None


def _set_member_attr(obj, name, value):
    home = _attr_home(obj)
    if home is None:
        object.__setattr__(obj, name, value)
    else:
        home[name] = value


def _add_member(enum_class, name, value):
    """Makes the member `name` of `enum_class` from the value written in the class body
    (or finds the member it is an alias of) and records it."""
    member_type = enum_class._member_type_
    args = value if isinstance(value, tuple) else (value,)
    if member_type is tuple:
        args = (args,)
    if enum_class._use_args_:
        made = enum_class._new_member_(enum_class, *args)
    else:
        made = enum_class._new_member_(enum_class)
    if not hasattr(made, '_value_'):
        if member_type is object:
            _set_member_attr(made, '_value_', value)
        else:
            try:
                _set_member_attr(made, '_value_', member_type(*args))
            except Exception as exc:
                problem = TypeError('_value_ not set in __new__, unable to create it')
                problem.__cause__ = exc
                raise problem
    value = made._value_
    _set_member_attr(made, '_name_', name)
    _set_member_attr(made, '__objclass__', enum_class)
    made.__init__(*args)
    _set_member_attr(made, '_sort_order_', len(enum_class._member_names_))

    existing = _find_by_value(enum_class, value)
    if existing is not None:
        _forget_attrs(made)
        made = existing                          # an alias of an earlier member
    elif Flag is not None and issubclass(enum_class, Flag) and not _single_bit_value(value):
        pass                                     # 0 and multi-bit flags are aliases too
    else:
        enum_class._member_names_.append(name)
    enum_class._member_map_[name] = made
    try:
        enum_class._value2member_map_.setdefault(value, made)
    except TypeError:
        enum_class._unhashable_values_.append(value)

    shadowed = _shadowed_property(enum_class, name)
    if shadowed is not None:
        type.__setattr__(enum_class, name, _MemberLink(made, shadowed))
    else:
        type.__setattr__(enum_class, name, made)


def _single_bit_value(value):
    return isinstance(value, int) and _single_bit(value)


def _find_by_value(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for candidate in enum_class._member_map_.values():
            if candidate._value_ == value:
                return candidate
        return None


class EnumType(type):
    """The metaclass of enumerations: makes the members when an enum class is created,
    and gives the class its container behaviour (iteration, len(), `in`, lookup by
    name with [] and by value by calling it)."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        member_type, first_enum = _enum_bases(cls, bases)
        next_value = getattr(first_enum, '_generate_next_value_', None)
        return _EnumNamespace(cls, next_value)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = _enum_bases(cls, bases)
        if isinstance(classdict, _EnumNamespace):
            member_names = list(classdict._members)
        else:
            member_names = []
        body = dict(classdict)
        body.pop('_ignore_', None)
        for name in getattr(classdict, '_ignored', ()):
            body.pop(name, None)
        order = body.pop('_order_', None)
        if isinstance(order, str):
            order = order.replace(',', ' ').split()

        new_member, use_args = _member_factory(body, member_type, first_enum)
        body['_new_member_'] = new_member
        body['_use_args_'] = use_args
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_value_repr_'] = _value_printer(member_type)
        next_value = getattr(classdict, '_next_value', None)
        if next_value is not None:
            body.setdefault('_generate_next_value_', next_value)
        if Flag is not None and first_enum is not None and issubclass(first_enum, Flag):
            body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            body['_flag_mask_'] = body['_singles_mask_'] = body['_all_bits_'] = 0
        elif boundary is not None:
            body['_boundary_'] = boundary
        for name in member_names:
            body[name] = _PendingMember(body[name])

        try:
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        except RuntimeError as error:
            # type.__new__ reports exceptions from __set_name__ (so from making a member)
            # wrapped in RuntimeError; raise the original one.
            if error.__cause__ is not None:
                raise error.__cause__ from None
            raise

        _adopt_enum_methods(enum_class, body, member_type, first_enum)
        if Flag is not None and issubclass(enum_class, Flag):
            _compute_flag_masks(enum_class)
        if order is not None:
            actual = list(enum_class._member_names_)
            if Flag is not None and issubclass(enum_class, Flag):
                order = [name for name in order if name in actual]
            if order != actual:
                raise TypeError(f'member order does not match _order_:\n  {actual}\n  {order}')
        return enum_class

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        """Color(1) is the member whose value is 1; Enum('Color', 'RED GREEN') makes a new
        enumeration (the "functional API")."""
        if names is None:
            return _lookup(cls, value)
        return _functional(cls, value, names, module=module, qualname=qualname,
                           type=type, start=start, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(value).__qualname__!r} and {type(cls).__qualname__!r}")
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {attr!r}.')
        super().__delattr__(attr)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__', '__init_subclass__',
                 '__iter__', '__len__', '__members__', '__module__', '__name__',
                 '__qualname__'}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_plain_property
    def __members__(cls):
        """All the names, aliases included, each with its member (read-only)."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        kind = 'flag' if Flag is not None and issubclass(cls, Flag) else 'enum'
        return f'<{kind} {cls.__name__!r}>'


EnumMeta = EnumType


def _value_printer(member_type):
    """How member reprs show values: with the mixed-in type's own repr if it has one."""
    if member_type is object:
        return None
    for klass in member_type.__mro__:
        if klass is object:
            break
        if '__repr__' in klass.__dict__:
            return klass.__dict__['__repr__']
    return None


def _adopt_enum_methods(enum_class, body, member_type, first_enum):
    """Makes repr(), str(), format() and pickling of the members come from the enum
    classes, not from the mixed-in type that precedes them in the MRO. ReprEnum
    subclasses keep the mixed-in type's str() and format()."""
    if first_enum is None or member_type is object:
        return
    keeps_value_str = ReprEnum is not None and issubclass(enum_class, ReprEnum)
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name in body:
            continue
        if keeps_value_str and name in ('__str__', '__format__'):
            if name == '__str__':
                native = member_type.__dict__.get('__str__') or member_type.__repr__
            else:
                native = member_type.__format__
            type.__setattr__(enum_class, name, native)
            continue
        found = getattr(enum_class, name, None)
        if found is None or found in (getattr(member_type, name, None), getattr(object, name, None)):
            type.__setattr__(enum_class, name, getattr(first_enum, name))


def _lookup(cls, value):
    """The member of `cls` with this value; then _missing_(); then ValueError."""
    if type(value) is cls:
        return value
    found = _find_by_value(cls, value)
    if found is not None:
        return found
    if not cls._member_map_ and not (Flag is not None and issubclass(cls, Flag)):
        raise TypeError(f'{cls!r} has no members defined')
    not_valid = ValueError(f'{value!r} is not a valid {cls.__qualname__}')
    raised = None
    try:
        result = cls._missing_(value)
    except Exception as exc:
        raised, result = exc, None
    if isinstance(result, cls):
        return result
    if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
            and isinstance(result, int)):
        return result
    if raised is None:
        if result is None:
            raise not_valid
        raised = TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                           f'instead of None or a valid member')
    if not isinstance(raised, ValueError):
        raised.__context__ = not_valid
    try:
        raise raised
    finally:
        raised = not_valid = None


def _functional(cls, class_name, names, *, module, qualname, type, start, boundary):
    """Enum('Animal', 'ANT BEE CAT') and its variations: names as one string, a list of
    names, a list of (name, value) pairs or a mapping."""
    metacls = cls.__class__
    bases = (cls,) if type is None else (type, cls)
    _, first_enum = _enum_bases(class_name, bases)
    namespace = metacls.__prepare__(class_name, bases)
    if isinstance(names, str):
        names = names.replace(',', ' ').split()
    if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
        pairs, seen = [], []
        for count, name in enumerate(names):
            value = first_enum._generate_next_value_(name, start, count, seen[:])
            seen.append(value)
            pairs.append((name, value))
        names = pairs
    for item in names:
        if isinstance(item, str):
            name, value = item, names[item]
        else:
            name, value = item
        namespace[name] = value
    if module is None:
        module = _caller_module(2)
    if module is not None:
        namespace['__module__'] = module
    if qualname is not None:
        namespace['__qualname__'] = qualname
    return metacls.__new__(metacls, class_name, bases, namespace, boundary=boundary)


# ---------------------------------------------------------------------------------------
# Enum and its standard variants
# ---------------------------------------------------------------------------------------

class Enum(metaclass=EnumType):
    """The base of enumerations. Subclass it and give the members as class attributes:

        class Colour(Enum):
            RED = 1
            GREEN = 2
            BLUE = auto()

    Members are looked up by value with Colour(1) and by name with Colour['RED'].
    A second name for an existing value becomes an alias of the first member.
    Functions, descriptors, _sunder_ and __dunder__ names are not members.

    Enum('Colour', 'RED GREEN BLUE') makes the same kind of class in one call.
    """

    def __new__(cls, value):
        return _lookup(cls, value)

    def __init__(self, *args, **kwds):
        pass

    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)

    def _generate_next_value_(name, start, count, last_values):
        """The value auto() stands for: one more than the largest value so far, or
        `start` for the first member."""
        if not last_values:
            return start
        try:
            return max(last_values) + 1
        except TypeError:
            pass
        for earlier in reversed(last_values):
            try:
                return earlier + 1
            except TypeError:
                continue
        return start

    @classmethod
    def _missing_(cls, value):
        """Called when no member has `value`; may return a member to use instead."""
        return None

    def __getattr__(self, name):
        if name != '__dict__':
            store = type(self).__dict__.get('_detached_attrs_')
            if store is not None:
                attrs = store.get(id(self), ())
                if name in attrs:
                    return attrs[name]
        raise AttributeError(f'{type(self).__name__!r} object has no attribute {name!r}')

    def __setattr__(self, name, value):
        home = None if _has_data_descriptor(type(self), name) else _attr_home(self)
        if home is None:
            object.__setattr__(self, name, value)
        else:
            home[name] = value

    def __repr__(self):
        show = type(self)._value_repr_ or repr
        if self._name_ is None:
            return f'<{type(self).__name__}: {show(self._value_)}>'
        return f'<{type(self).__name__}.{self._name_}: {show(self._value_)}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __dir__(self):
        klass = type(self)
        if klass._member_type_ is object:
            names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'}
        else:
            names = set(object.__dir__(self))
        for ancestor in klass.__mro__:
            if isinstance(ancestor, EnumType):
                names.update(key for key in ancestor.__dict__
                             if key[0] != '_' and key not in klass._member_map_)
        own = _attr_home(self)
        if own is None:
            own = object.__getattribute__(self, '__dict__')
        names.update(key for key in own if key[0] != '_')
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """An Enum whose members keep the str() and format() of the mixed-in type; only
    repr() shows the enum."""


class IntEnum(int, ReprEnum):
    """An Enum whose members are also ints (and compare equal to them)."""


class StrEnum(str, ReprEnum):
    """An Enum whose members are also strings; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError(f'too many arguments for str(): {values!r}')
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(f'{values[0]!r} is not a string')
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError(f'encoding must be a string, not {values[1]!r}')
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError(f'errors must be a string, not {values[2]!r}')
        text = str(*values)
        made = str.__new__(cls, text)
        made._value_ = text
        return made

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    """What a Flag does with a value holding bits no member has: STRICT raises
    ValueError, CONFORM drops those bits, EJECT returns a plain int, KEEP keeps them."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


def _compute_flag_masks(flag_class):
    every = singles = 0
    for item in flag_class._member_map_.values():
        value = item._value_
        if isinstance(value, int) and value >= 0:
            every |= value
            if _single_bit(value):
                singles |= value
    type.__setattr__(flag_class, '_flag_mask_', every)
    type.__setattr__(flag_class, '_singles_mask_', singles)
    type.__setattr__(flag_class, '_all_bits_', 2 ** every.bit_length() - 1)


def _flag_parts(flag):
    """The single-bit members a flag value is made of, in definition order."""
    klass = type(flag)
    value = flag._value_
    parts = []
    for name in klass._member_names_:
        part = klass._member_map_[name]
        if part._value_ & value:
            parts.append(part)
    return parts


class Flag(Enum, boundary=STRICT):
    """An Enum whose members are bit flags that combine with |, & and ^ (and ~):

        class Perm(Flag):
            R = auto()      # 1
            W = auto()      # 2
            X = auto()      # 4

    Perm.R | Perm.W is a flag value of its own, printed Perm.R|W, that contains
    Perm.R and Perm.W. Iterating over a flag gives the single-bit members in it.
    """

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above the last value (`start`, normally 1, first)."""
        if not count:
            return start if start is not None else 1
        last = last_values[-1]
        try:
            return 2 ** last.bit_length()
        except Exception:
            raise TypeError(f'invalid flag value {last!r}') from None

    @classmethod
    def _missing_(cls, value):
        """Makes (and remembers) the flag value for a combination of members."""
        if not isinstance(value, int):
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        asked = value
        mask = cls._flag_mask_
        if value < 0:
            value += cls._all_bits_ + 1
        if value < 0 or value & ~mask:
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(asked.bit_length(), mask.bit_length())
                raise ValueError(f'{cls!r} invalid value {asked!r}\n'
                                 f'    given {bin(asked, width)}\n'
                                 f'  allowed {bin(mask, width)}')
            if boundary is CONFORM:
                value &= mask
            elif boundary is EJECT:
                return asked
            elif asked < 0:                                   # KEEP
                value = max(cls._all_bits_ + 1, 2 ** asked.bit_length()) + asked
        extra = value & ~mask
        if cls._member_type_ is object:
            made = object.__new__(cls)
        else:
            made = cls._member_type_.__new__(cls, value)
        _set_member_attr(made, '_value_', value)
        names = [part._name_ for part in _flag_parts(made)]
        if names and extra:
            names.append(str(extra))
        _set_member_attr(made, '_name_', '|'.join(names) if names else None)
        made = cls._value2member_map_.setdefault(value, made)
        if asked != value:
            cls._value2member_map_.setdefault(asked, made)
        return made

    def __str__(self):
        if self._name_ is None:
            return f'{type(self).__name__}({self._value_!r})'
        return f'{type(self).__name__}.{self._name_}'

    def __iter__(self):
        return iter(_flag_parts(self))

    def __len__(self):
        return format(self._value_, 'b').count('1')

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"{type(other).__qualname__!r} and {type(self).__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, type(self)):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        bits = self._other_value(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ | bits)

    def __and__(self, other):
        bits = self._other_value(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ & bits)

    def __xor__(self, other):
        bits = self._other_value(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ ^ bits)

    def __invert__(self):
        if self._boundary_ is EJECT or self._boundary_ is KEEP:
            return type(self)(~self._value_)
        return type(self)(self._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


_compute_flag_masks(Flag)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are also ints; combining one with an int gives a flag."""

    # int's operators come first in the MRO; the flag ones are wanted.
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__


# ---------------------------------------------------------------------------------------
# Checks on finished enumerations
# ---------------------------------------------------------------------------------------

def unique(enumeration):
    """Class decorator: raises ValueError if any value has more than one name."""
    aliases = [f'{name} -> {found.name}' for name, found in enumeration.__members__.items()
               if name != found.name]
    if aliases:
        raise ValueError(f'duplicate values found in {enumeration!r}: {", ".join(aliases)}')
    return enumeration


class EnumCheck(StrEnum):
    """The properties verify() can require of an enumeration."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


def _require_unique(enumeration):
    aliases = [f'{name} -> {found.name}' for name, found in enumeration.__members__.items()
               if name != found.name]
    if aliases:
        raise ValueError(f'aliases found in {enumeration!r}: {", ".join(aliases)}')


def _require_continuous(enumeration, is_flag):
    values = {item.value for item in enumeration}
    if len(values) < 2:
        return
    low, high = min(values), max(values)
    if is_flag:
        expected = [1 << bit for bit in range(low.bit_length(), high.bit_length() - 1)]
    else:
        expected = range(low + 1, high)
    missing = [str(v) for v in expected if v not in values]
    if missing:
        kind = 'flag' if is_flag else 'enum'
        raise ValueError(f'invalid {kind} {enumeration.__name__!r}: missing values '
                         f'{", ".join(missing)}')


def _require_named_flags(enumeration):
    canonical = enumeration._member_names_
    single_values = {enumeration._member_map_[name]._value_ for name in canonical}
    offenders = []
    unnamed = 0
    for name, item in enumeration._member_map_.items():
        if name in canonical or item._value_ < 0:
            continue
        gaps = [bit for bit in _bits_of(item._value_) if bit not in single_values]
        if gaps:
            offenders.append(name)
            for bit in gaps:
                unnamed |= bit
    if not offenders:
        return
    if len(offenders) == 1:
        who = f'alias {offenders[0]} is missing'
    else:
        who = f'aliases {", ".join(offenders[:-1])} and {offenders[-1]} are missing'
    what = f'value {unnamed:#x}' if _single_bit(unnamed) else f'combined values of {unnamed:#x}'
    raise ValueError(f'invalid Flag {enumeration.__name__!r}: {who} {what} '
                     f'[use enum.show_flag_values(value) for details]')


class verify:
    """Class decorator checking an enumeration for the given EnumCheck properties:

        @verify(UNIQUE, CONTINUOUS)
        class Level(IntEnum): ...
    """

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        is_flag = issubclass(enumeration, Flag)
        for check in self.checks:
            if check is UNIQUE:
                _require_unique(enumeration)
            elif check is CONTINUOUS:
                _require_continuous(enumeration, is_flag)
            elif check is NAMED_FLAGS and is_flag:
                _require_named_flags(enumeration)
        return enumeration


# ---------------------------------------------------------------------------------------
# Members as module globals, and pickling by name
# ---------------------------------------------------------------------------------------

def _module_tail(member):
    return type(member).__module__.rpartition('.')[2]


def global_enum_repr(self):
    """repr() of a member of a @global_enum class: module.NAME."""
    return f'{_module_tail(self)}.{self._name_}'


def global_flag_repr(self):
    """repr() of a flag of a @global_enum class: module.A|module.B."""
    module = _module_tail(self)
    if self._name_ is None:
        return f'{module}.{type(self).__name__}({self._value_!r})'
    if _single_bit(self._value_):
        return f'{module}.{self._name_}'
    return '|'.join(part if part[:1].isdigit() else f'{module}.{part}'
                    for part in self._name_.split('|'))


def global_str(self):
    """str() of a member of a @global_enum class: just its name."""
    if self._name_ is None:
        return f'{type(self).__name__}({self._value_!r})'
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: puts the members into the module's globals and makes their
    repr() module.NAME (and their str() NAME, unless the class keeps its mixed-in
    type's str())."""
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    _sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def pickle_by_global_name(self, proto):
    """A __reduce_ex__ for members that are module globals."""
    return self.name


def pickle_by_enum_name(self, proto):
    """A __reduce_ex__ that finds the member again by its name."""
    return getattr, (type(self), self._name_)
