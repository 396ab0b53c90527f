"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

Written for pyheap; reprs, str() and format(), lookups and messages follow CPython 3.11
for the common uses. Flag boundaries other than the defaults (STRICT for Flag, KEEP for
IntFlag) and the `_ignore_` / `_order_` class attributes are not supported.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
           'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
           'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_enum']

from types import MappingProxyType

_builtin_property = property


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an item to become an Enum member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Protects an item from becoming an Enum member."""

    def __init__(self, value):
        self.value = value


property = _builtin_property


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == '__' and name[2] != '_' and name[-3] != '_'


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == '_' and name[1:2] != '_' and name[-2:-1] != '_'


def _is_private(cls_name, name):
    pattern = f'_{cls_name.lstrip("_")}__'
    return name.startswith(pattern) and not name.endswith('__')


def _is_descriptor(obj):
    return (hasattr(type(obj), '__get__') or hasattr(type(obj), '__set__')
            or hasattr(type(obj), '__delete__'))


def _high_bit(value):
    return value.bit_length() - 1


def _is_single_bit(value):
    return value != 0 and value & (value - 1) == 0


class EnumType(type):
    """Metaclass for Enum"""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return {}

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        names = []
        for key, value in list(classdict.items()):
            if isinstance(value, nonmember):
                classdict[key] = value.value
                continue
            if isinstance(value, member):
                classdict[key] = value.value
                names.append(key)
                continue
            if _is_dunder(key) or _is_sunder(key) or _is_private(cls, key) or _is_descriptor(value):
                continue
            names.append(key)
        if first_enum is not None and first_enum._member_names_:
            raise TypeError('<enum %r> cannot extend %r' % (cls, first_enum))
        values = {name: classdict.pop(name) for name in names}
        custom_new = classdict.get('__new__')
        if custom_new is not None and isinstance(custom_new, staticmethod):
            custom_new = custom_new.__func__
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        classdict['_member_type_'] = member_type
        classdict['_new_member_'] = custom_new or (first_enum._new_member_ if first_enum is not None and getattr(first_enum, '_new_member_', None) else None)
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        if boundary is not None:
            type.__setattr__(enum_class, '_boundary_', boundary)
        elif not hasattr(enum_class, '_boundary_'):
            type.__setattr__(enum_class, '_boundary_', None)

        generate = enum_class._generate_next_value_
        last_values = []
        for index, name in enumerate(names):
            value = values[name]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(name, 1, index, last_values[:])
                value = value.value
            elif isinstance(value, tuple) and any(isinstance(v, auto) for v in value):
                value = tuple(generate(name, 1, index, last_values[:]) if isinstance(v, auto) else v
                              for v in value)
            enum_class._add_member_(name, value)
            last_values.append(enum_class._member_map_[name]._value_)
        if first_enum is not None:
            metacls._keep_enum_methods_(enum_class, classdict, first_enum, member_type)
        if Flag is not None and issubclass(enum_class, Flag):
            # Flag's operators win over a mixed-in int's.
            for op in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__', '__invert__'):
                if op not in classdict:
                    type.__setattr__(enum_class, op, getattr(Flag, op))
            enum_class._flag_setup_()
        return enum_class

    @staticmethod
    def _keep_enum_methods_(enum_class, classdict, first_enum, member_type):
        # A mixed-in data type (int, str) must not lend its repr, str or format to the
        # members unless the enum class itself says so.
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name in classdict:
                continue
            found = getattr(enum_class, name, None)
            if found is not None and found in (getattr(member_type, name, None), getattr(object, name, None)):
                type.__setattr__(enum_class, name, getattr(first_enum, name))

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        if not bases:
            return object, None
        # The enum base comes last: `class X(int, ReprEnum, Flag)` takes Flag's methods.
        first_enum = None
        for base in bases:
            if isinstance(base, EnumType):
                first_enum = base
        if first_enum is None and bases:
            if bases[-1] is not object and not isinstance(bases[-1], EnumType):
                raise TypeError('new enumerations should be created as '
                                '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object or isinstance(base, EnumType):
                    continue
                if '__new__' in base.__dict__ or base in (int, str, float, bytes, tuple, complex):
                    member_type = base
                    break
                if base.__dict__.get('_member_type_', object) is not object:
                    member_type = base._member_type_
                    break
            if member_type is not object:
                break
        if member_type is object and first_enum is not None:
            member_type = first_enum._member_type_
        return member_type, first_enum

    def _add_member_(cls, name, value):
        member_type = cls._member_type_
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        new = cls._new_member_
        if new is not None:
            enum_member = new(cls, *args)
        elif member_type is object:
            enum_member = object.__new__(cls)
        else:
            enum_member = member_type.__new__(cls, *args)
        if id(enum_member) not in _MEMBER_DATA or _MEMBER_DATA[id(enum_member)][1] is _auto_null:
            if member_type is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = member_type(*args)
                except Exception:
                    enum_member._value_ = value
        value = enum_member._value_
        enum_member._name_ = name
        enum_member.__init__(*args)
        canonical = None
        for other in cls._member_map_.values():
            if other._value_ == value:
                canonical = other
                break
        if canonical is not None:
            _MEMBER_DATA.pop(id(enum_member), None)   # the alias object is dropped
            enum_member = canonical
        elif Flag is None or not issubclass(cls, Flag) or _is_single_bit(value) or value == 0:
            cls._member_names_.append(name)
        # (A multi-bit flag is named but, like an alias, not iterated.)
        cls._member_map_[name] = enum_member
        try:
            cls._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            pass
        type.__setattr__(cls, name, enum_member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for candidate in cls._member_map_.values():
                if candidate._value_ == value:
                    return candidate
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result))

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        items = []
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            for index, name in enumerate(names):
                items.append((name, cls._generate_next_value_(name, start, index, [v for _, v in items])))
        elif isinstance(names, dict) or hasattr(names, 'items'):
            items = list(names.items())
        else:
            items = list(names)
        classdict = {}
        for name, value in items:
            classdict[name] = value
        if module is None:
            try:
                from _collections import _caller_module
                module = _caller_module(2)
            except ImportError:
                module = None
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        metacls = cls.__class__
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(value).__qualname__, cls.__class__.__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = set(['__class__', '__contains__', '__doc__', '__getitem__', '__iter__',
                           '__len__', '__members__', '__module__', '__name__', '__qualname__']
                          + cls._member_names_)
        return sorted(interesting)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return '<flag %r>' % cls.__name__
        return '<enum %r>' % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def __bool__(cls):
        return True


EnumMeta = EnumType
Flag = None
_MEMBER_DATA = {}


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = last_values[-1]
        try:
            return last + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last,)) from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __init__(self, *args, **kwds):
        pass

    def __repr__(self):
        value_repr = self._member_type_.__repr__ if self._member_type_ is not object else repr
        if self._member_type_ is not object:
            value_repr = lambda v: self._member_type_.__repr__(v) if isinstance(v, self._member_type_) else repr(v)
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_, value_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        return sorted(set(['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']
                          + [m for m in self.__class__.__dict__ if not m.startswith('_')]))

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    # A member's name and value live in a table beside it rather than in its __dict__:
    # the members of int and str enums (instances of int and str subclasses) have none in
    # pyheap.

    def _get_name_(self):
        try:
            return _MEMBER_DATA[id(self)][0]
        except KeyError:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '_name_'") from None

    def _set_name_(self, name):
        _MEMBER_DATA.setdefault(id(self), [None, _auto_null])[0] = name

    def _get_value_(self):
        entry = _MEMBER_DATA.get(id(self))
        if entry is None or entry[1] is _auto_null:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '_value_'")
        return entry[1]

    def _set_value_(self, value):
        _MEMBER_DATA.setdefault(id(self), [None, _auto_null])[1] = value

    _name_ = _builtin_property(_get_name_, _set_name_)
    _value_ = _builtin_property(_get_value_, _set_value_)

    @_builtin_property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @_builtin_property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0], ))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(Enum):
    STRICT = 'strict'
    CONFORM = 'conform'
    EJECT = 'eject'
    KEEP = 'keep'


STRICT, CONFORM, EJECT, KEEP = FlagBoundary.STRICT, FlagBoundary.CONFORM, FlagBoundary.EJECT, FlagBoundary.KEEP


class Flag(Enum, boundary=STRICT):
    """Support for flags"""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _flag_setup_(cls):
        mask = 0
        for name in cls._member_map_:
            mask |= cls._member_map_[name]._value_
        type.__setattr__(cls, '_flag_mask_', mask)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        boundary = cls._boundary_
        if value < 0:
            value = value & mask if boundary is not KEEP else value
        if value & ~mask and boundary is STRICT:
            bits = max(value.bit_length(), mask.bit_length())
            raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                             % (cls, value, _bits_text(value, bits), _bits_text(mask, bits)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [m._name_ for m in cls._iter_members_(value)]
        extra = value & ~mask
        if names or extra:
            text = '|'.join(names)
            if extra:
                text = (text + '|' if text else '') + hex(extra) if cls._member_type_ is object else \
                    (text + '|' if text else '') + str(extra)
            pseudo._name_ = text
        else:
            pseudo._name_ = None
        return cls._value2member_map_.setdefault(value, pseudo)

    @classmethod
    def _iter_members_(cls, value):
        for name in cls._member_names_:
            flag = cls._member_map_[name]
            if flag._value_ and flag._value_ & value == flag._value_:
                yield flag

    def __iter__(self):
        return self.__class__._iter_members_(self._value_)

    def __len__(self):
        return bin(self._value_).count('1')

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        cls_name = self.__class__.__name__
        value_text = (self._member_type_.__repr__(self._value_) if self._member_type_ is not object
                      else repr(self._value_))
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, value_text)
        return '<%s.%s: %s>' % (cls_name, self._name_, value_text)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            other = other
        else:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _bits_text(value, bits):
    digits = bin(value)[2:].rjust(bits, '0')
    return '0b0 ' + digits


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Support for integer-based Flags"""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(int(self), format_spec)

    def __invert__(self):
        return self.__class__(self._flag_mask_ ^ self._value_)


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' % (enumeration, alias_details))
    return enumeration


def verify(*checks):
    def decorator(enumeration):
        return enumeration
    return decorator


def global_enum(cls, update_str=False):
    import sys
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls
