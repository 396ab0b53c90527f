"""Data classes: the @dataclass decorator, which adds __init__, __repr__,
__eq__ (and on request ordering, hashing, immutability and __slots__) to a
class from its annotated attributes, and the helpers around it: field(),
fields(), asdict(), astuple(), replace(), make_dataclass(), is_dataclass(),
InitVar, KW_ONLY, MISSING and FrozenInstanceError.

pyheap's own implementation of the behaviour CPython 3.11 documents and
shows. The generated __init__ is compiled from a parameter list built here,
so calling it with wrong arguments fails as a hand-written one would; the
other generated methods are closures.
"""

__all__ = [
    'dataclass', 'field', 'Field',
    'FrozenInstanceError', 'InitVar', 'KW_ONLY', 'MISSING',
    'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass',
]

import sys
import abc
import keyword
from copy import deepcopy as _deepcopy
from types import FunctionType, GenericAlias, MappingProxyType, new_class


class FrozenInstanceError(AttributeError):
    # Raised on assigning to or deleting a field of a frozen instance.
    pass


# "No value given", distinct from None. Its class name shows in reprs.
class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


# The annotation `_: KW_ONLY` makes the fields after it keyword-only.
class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FactoryMarker:
    # The default of an __init__ parameter whose field has a default_factory.
    def __repr__(self):
        return '<factory>'


_FROM_FACTORY = _FactoryMarker()


class _FieldKind:
    # What an annotated name turned out to be: a field, a ClassVar or an
    # InitVar. The repr is what Field's repr shows as _field_type.
    __slots__ = ('label',)

    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return self.label


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_NO_METADATA = MappingProxyType({})


class InitVar:
    # Annotation for an __init__-only parameter that is passed on to
    # __post_init__ and not stored: `x: InitVar[int]`.
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        inner = self.type
        if isinstance(inner, type):
            shown = inner.__name__
        else:
            shown = repr(inner)
        return f'dataclasses.InitVar[{shown}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    # One field of a dataclass, as field() describes it; name, type and
    # _field_type are filled in when the class is processed.
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash',
                 'init', 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _NO_METADATA
        else:
            self.metadata = MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        shown = ','.join(f'{name}={getattr(self, name)!r}' for name in _FIELD_REPR_ORDER)
        return f'Field({shown})'

    def __set_name__(self, owner, name):
        # A default that is itself a descriptor still learns its name.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook is not None:
            hook(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


_FIELD_REPR_ORDER = ('name', 'type', 'default', 'default_factory', 'init', 'repr',
                     'hash', 'compare', 'metadata', 'kw_only', '_field_type')


class _DataclassParams:
    # The options a dataclass was made with: cls.__dataclass_params__.
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        shown = ','.join(f'{slot}={getattr(self, slot)!r}'
                         for slot in _DataclassParams.__slots__)
        return f'_DataclassParams({shown})'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field of a dataclass, beyond its annotation and default.

    default or default_factory (a zero-argument callable, called for each
    new instance) give the field's default; init, repr and compare say
    whether the field takes part in __init__, __repr__ and the comparisons;
    hash whether it takes part in __hash__ (None: as compare says);
    metadata is a read-only mapping kept for third parties; kw_only makes
    the __init__ parameter keyword-only.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Recognising ClassVar, InitVar and KW_ONLY annotations

def _plain_classvar(annotation, typing):
    if annotation is typing.ClassVar:
        return True
    return getattr(annotation, '__origin__', None) is typing.ClassVar


def _plain_initvar(annotation, dataclasses_module):
    return annotation is InitVar or type(annotation) is InitVar


def _plain_kw_only(annotation, dataclasses_module):
    return annotation is KW_ONLY


def _leading_name(text, start):
    """The identifier at text[start:] after any spaces, and where it ends."""
    position = start
    while position < len(text) and text[position].isspace():
        position += 1
    end = position
    while end < len(text) and (text[end].isalnum() or text[end] == '_'):
        end += 1
    return text[position:end], end


def _string_names(cls, text, module, test):
    """Whether the string annotation `text` (as written under
    `from __future__ import annotations`) names what `test` looks for.

    "Name[...]" is looked up in the class's module; "mod.Name[...]" counts
    when `mod` is, in the class's module, the very module `module`, and
    Name is looked up there."""
    first, end = _leading_name(text, 0)
    if not first:
        return False
    name = first
    space = None
    position = end
    while position < len(text) and text[position].isspace():
        position += 1
    if position < len(text) and text[position] == '.':
        second, _ = _leading_name(text, position + 1)
        if second:
            name = second
            home = sys.modules.get(cls.__module__)
            if home is not None and home.__dict__.get(first) is module:
                space = module.__dict__
            else:
                return False
    if space is None:
        home = sys.modules.get(cls.__module__)
        if home is None:
            return False
        space = home.__dict__
    return test(space.get(name), module)


def _annotation_is(cls, annotation, module, test):
    if test(annotation, module):
        return True
    return isinstance(annotation, str) and _string_names(cls, annotation, module, test)


# ---------------------------------------------------------------------------
# Collecting the fields

_SlotMember = type(_FieldKind.label)     # the type of a __slots__ attribute


def _field_for(cls, name, annotation, kw_only_default):
    """The Field for one annotated name of the class body."""
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        made = default
    else:
        if isinstance(default, _SlotMember):
            # A slot, not a default value.
            default = MISSING
        made = field(default=default)
    made.name = name
    made.type = annotation
    made._field_type = _FIELD

    typing = sys.modules.get('typing')
    if typing is not None and _annotation_is(cls, annotation, typing, _plain_classvar):
        made._field_type = _FIELD_CLASSVAR
    elif _annotation_is(cls, annotation, sys.modules[__name__], _plain_initvar):
        made._field_type = _FIELD_INITVAR

    if made._field_type is not _FIELD and made.default_factory is not MISSING:
        raise TypeError(f'field {name} cannot have a default factory')
    if made._field_type is _FIELD_CLASSVAR:
        if made.kw_only is not MISSING:
            raise TypeError(f'field {name} is a ClassVar but specifies kw_only')
    elif made.kw_only is MISSING:
        made.kw_only = kw_only_default

    # Values whose class is unhashable (list, dict, set...) are taken to be
    # mutable: every instance would share the one object.
    if made._field_type is _FIELD and type(made.default).__hash__ is None:
        raise ValueError(f'mutable default {type(made.default)} for field '
                         f'{name} is not allowed: use default_factory')
    return made


# ---------------------------------------------------------------------------
# Building the methods

def _install(cls, name, function):
    """Put a generated method on cls unless the class body defined that name
    itself. Returns True when the class already had it (nothing is done)."""
    if name in cls.__dict__:
        return True
    if isinstance(function, FunctionType):
        function.__qualname__ = f'{cls.__qualname__}.{function.__name__}'
    setattr(cls, name, function)
    return False


def _named(function, name, cls):
    function.__name__ = name
    function.__qualname__ = f'{cls.__qualname__}.{name}'
    function.__module__ = cls.__module__
    return function


class _Source:
    """One method for a class, compiled from text. The objects the text
    uses are passed in as closure variables under names held here, so
    nothing in the class's module can shadow them; the method's globals
    are the module's, as if the class body had defined it."""

    def __init__(self):
        self.held = {}

    def hold(self, value):
        label = f'__dataclass_{len(self.held)}__'
        self.held[label] = value
        return label

    def build(self, cls, name, params, lines):
        source = (f"def __dataclass_build__({', '.join(self.held)}):\n"
                  f"    def {name}({', '.join(params)}):\n"
                  + ''.join(f'        {line}\n' for line in lines)
                  + f'    return {name}\n')
        home = sys.modules.get(cls.__module__)
        scope = home.__dict__ if home is not None else {}
        built = {}
        exec(source, scope, built)
        function = built['__dataclass_build__'](**self.held)
        function.__qualname__ = f'{cls.__qualname__}.{name}'
        return function


def _attribute_tuple(owner, names):
    if not names:
        return '()'
    return '(' + ''.join(f'{owner}.{name}, ' for name in names) + ')'


def _make_init(cls, every, positional, keyword_only, frozen, call_post_init,
               self_name, slots):
    """Compile __init__ for the class: the parameters are the fields that
    take part in __init__, so a call with wrong arguments fails just as
    it would with a hand-written __init__."""
    text = _Source()
    marker = text.hold(_FROM_FACTORY)

    def parameter(f):
        if f.default is not MISSING:
            return f'{f.name}={text.hold(f.default)}'
        if f.default_factory is not MISSING:
            return f'{f.name}={marker}'
        return f.name

    params = [self_name] + [parameter(f) for f in positional]
    if keyword_only:
        params.append('*')
        params.extend(parameter(f) for f in keyword_only)

    store = text.hold(object.__setattr__) if frozen else None
    lines = []
    for f in every:
        if f.default_factory is not MISSING:
            factory = text.hold(f.default_factory)
            if f.init:
                value = f'{factory}() if {f.name} is {marker} else {f.name}'
            else:
                value = f'{factory}()'
        elif f.init:
            value = f.name
        elif slots and f.default is not MISSING:
            # Without a class attribute to fall back on, store the default.
            value = text.hold(f.default)
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        if frozen:
            lines.append(f'{store}({self_name}, {f.name!r}, {value})')
        else:
            lines.append(f'{self_name}.{f.name} = {value}')
    if call_post_init:
        passed = ', '.join(f.name for f in every if f._field_type is _FIELD_INITVAR)
        lines.append(f'{self_name}.__post_init__({passed})')
    if not lines:
        lines.append('pass')

    init = text.build(cls, '__init__', params, lines)
    annotations = {f.name: f.type for f in positional}
    annotations.update((f.name, f.type) for f in keyword_only)
    annotations['return'] = None
    init.__annotations__ = annotations
    return init


def _make_repr(cls, names):
    shown = ', '.join(f'{name}={{self.{name}!r}}' for name in names)
    describe = _Source().build(
        cls, '__repr__', ['self'],
        [f'return self.__class__.__qualname__ + f"({shown})"'])
    busy = set()

    def __repr__(self):
        # An instance that contains itself shows as `...` the second time.
        marker = id(self)
        if marker in busy:
            return '...'
        busy.add(marker)
        try:
            return describe(self)
        finally:
            busy.discard(marker)

    return _named(__repr__, '__repr__', cls)


def _make_comparison(cls, name, names, symbol):
    text = _Source()
    declined = text.hold(NotImplemented)
    return text.build(cls, name, ['self', 'other'], [
        'if other.__class__ is self.__class__:',
        f'    return {_attribute_tuple("self", names)} {symbol} '
        f'{_attribute_tuple("other", names)}',
        f'return {declined}',
    ])


def _make_hash(cls, names):
    text = _Source()
    hasher = text.hold(hash)
    return text.build(cls, '__hash__', ['self'],
                      [f'return {hasher}({_attribute_tuple("self", names)})'])


def _make_frozen_guards(cls, names):
    names = tuple(names)
    owner = cls

    def __setattr__(self, name, value):
        if type(self) is owner or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(owner, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is owner or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(owner, self).__delattr__(name)

    return (_named(__setattr__, '__setattr__', cls),
            _named(__delattr__, '__delattr__', cls))


def _hash_plan(unsafe_hash, eq, frozen, explicit_hash):
    """What to do about __hash__: 'add' one, set it to 'none', 'raise' for
    an explicit __hash__ that unsafe_hash would replace, or None (leave)."""
    if unsafe_hash:
        return 'raise' if explicit_hash else 'add'
    if not eq or explicit_hash:
        return None
    return 'add' if frozen else 'none'


# ---------------------------------------------------------------------------
# The text of the class's signature, for a missing docstring

def _shown_annotation(annotation):
    if getattr(annotation, '__module__', None) == 'typing':
        # typing's reprs, without the module prefix on each dotted name.
        text = repr(annotation)
        pieces = []
        start = 0
        while start < len(text):
            end = start
            while end < len(text) and (text[end].isalnum() or text[end] in '_.'):
                end += 1
            if end > start:
                word = text[start:end]
                if word.startswith('typing.'):
                    word = word[len('typing.'):]
                pieces.append(word)
                start = end
            else:
                pieces.append(text[start])
                start += 1
        return ''.join(pieces)
    if isinstance(annotation, GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return f'{annotation.__module__}.{annotation.__qualname__}'
    return repr(annotation)


def _python_function(candidate):
    """The function whose parameters a method written in Python shows
    (through any functools.wraps layers); None for anything else."""
    if not isinstance(candidate, FunctionType):
        return None
    while hasattr(candidate, '__wrapped__'):
        candidate = candidate.__wrapped__
    return candidate if isinstance(candidate, FunctionType) else None


def _function_signature(function, drop_first):
    code = function.__code__
    positional_count = code.co_argcount
    keyword_count = code.co_kwonlyargcount
    names = code.co_varnames
    star = bool(code.co_flags & 0x04)
    double_star = bool(code.co_flags & 0x08)
    annotations = getattr(function, '__annotations__', None) or {}
    defaults = function.__defaults__ or ()
    keyword_defaults = function.__kwdefaults__ or {}

    # (name, kind, default) with kind one of 'only', 'pos', '*', 'kw', '**'.
    params = []
    first_default = positional_count - len(defaults)
    for index in range(positional_count):
        kind = 'only' if index < code.co_posonlyargcount else 'pos'
        default = defaults[index - first_default] if index >= first_default else MISSING
        params.append((names[index], kind, default))
    position = positional_count + keyword_count
    if star:
        params.append((names[position], '*', MISSING))
        position += 1
    for index in range(positional_count, positional_count + keyword_count):
        params.append((names[index], 'kw', keyword_defaults.get(names[index], MISSING)))
    if double_star:
        params.append((names[position], '**', MISSING))

    if drop_first:
        if not params or params[0][1] in ('kw', '**'):
            return None
        if params[0][1] != '*':
            params = params[1:]

    shown = []
    saw_star = False
    for index, (name, kind, default) in enumerate(params):
        if kind == 'kw' and not saw_star:
            shown.append('*')
            saw_star = True
        if kind == '*':
            saw_star = True
        text = {'*': '*', '**': '**'}.get(kind, '') + name
        if name in annotations:
            text += f': {_shown_annotation(annotations[name])}'
            if default is not MISSING:
                text += f' = {default!r}'
        elif default is not MISSING:
            text += f'={default!r}'
        shown.append(text)
        if kind == 'only' and (index + 1 == len(params) or params[index + 1][1] != 'only'):
            shown.append('/')
    text = f"({', '.join(shown)})"
    if 'return' in annotations:
        text += f" -> {_shown_annotation(annotations['return'])}"
    return text


def _class_signature(cls):
    """What str(inspect.signature(cls)) gives, or None for no signature."""
    for meta in type(cls).__mro__:
        if meta is type:
            break
        if '__call__' in meta.__dict__:
            function = _python_function(meta.__dict__['__call__'])
            return None if function is None else _function_signature(function, True)
    maker = _python_function(getattr(cls, '__new__', None))
    initializer = _python_function(getattr(cls, '__init__', None))
    for base in cls.__mro__:
        if maker is not None and '__new__' in base.__dict__:
            return _function_signature(maker, True)
        if initializer is not None and '__init__' in base.__dict__:
            return _function_signature(initializer, True)
    if cls.__init__ is object.__init__ and cls.__new__ is object.__new__:
        return '()'
    return None


# ---------------------------------------------------------------------------
# __slots__

def _declared_slots(cls):
    declared = cls.__dict__.get('__slots__')
    if declared is None:
        return ()
    if isinstance(declared, str):
        return (declared,)
    if hasattr(declared, '__next__'):
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return tuple(declared)


def _state_of(self):
    return [getattr(self, f.name) for f in fields(self)]


def _restore_state(self, state):
    for f, value in zip(fields(self), state):
        object.__setattr__(self, f.name, value)


def _with_slots(cls, frozen, weakref_slot):
    """The class made again, with __slots__ for its fields (a class's slots
    can only be given when it is created)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')
    namespace = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_declared_slots(base))
    wanted = names + (('__weakref__',) if weakref_slot else ())
    namespace['__slots__'] = tuple(name for name in wanted if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop('__dict__', None)
    namespace.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    remade = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        remade.__qualname__ = qualname
    if frozen:
        # Instances cannot be restored by plain attribute assignment.
        if '__getstate__' not in namespace:
            remade.__getstate__ = _state_of
        if '__setstate__' not in namespace:
            remade.__setstate__ = _restore_state
    return remade


# ---------------------------------------------------------------------------
# The decorator

def _make_dataclass_of(cls, init, repr, eq, order, unsafe_hash, frozen,
                       match_args, kw_only, slots, weakref_slot):
    cls.__module__      # (anything but a class fails here, as in CPython)
    setattr(cls, '__dataclass_params__',
            _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    table = {}
    from_dataclass = False
    frozen_parent = False
    for base in reversed(cls.__mro__[1:]):
        inherited = getattr(base, '__dataclass_fields__', None)
        if inherited is None:
            continue
        from_dataclass = True
        table.update((f.name, f) for f in inherited.values())
        if getattr(base, '__dataclass_params__').frozen:
            frozen_parent = True

    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    after_marker = kw_only
    marker_seen = False
    for name, annotation in annotations.items():
        if _annotation_is(cls, annotation, sys.modules[__name__], _plain_kw_only):
            if marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has '
                                f'already been specified')
            marker_seen = True
            after_marker = True
        else:
            own.append(_field_for(cls, name, annotation, after_marker))

    for f in own:
        table[f.name] = f
        # The Field object in the class body gives way to the plain default.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if from_dataclass:
        if frozen_parent and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not frozen_parent and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, '__dataclass_fields__', table)

    own_hash = cls.__dict__.get('__hash__', MISSING)
    explicit_hash = not (own_hash is MISSING
                         or (own_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    # Fields that are parameters of __init__, positional ones first.
    initialised = [f for f in table.values() if f._field_type is not _FIELD_CLASSVAR]
    positional = [f for f in initialised if f.init and not f.kw_only]
    keyword_only = [f for f in initialised if f.init and f.kw_only]
    stored = [f for f in table.values() if f._field_type is _FIELD]

    if init:
        after_default = False
        for f in positional:
            if f.default is not MISSING or f.default_factory is not MISSING:
                after_default = True
            elif after_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        self_name = '__dataclass_self__' if 'self' in table else 'self'
        _install(cls, '__init__',
                 _make_init(cls, initialised, positional, keyword_only, frozen,
                            hasattr(cls, '__post_init__'), self_name, slots))

    if repr:
        _install(cls, '__repr__', _make_repr(cls, [f.name for f in stored if f.repr]))

    compared = [f.name for f in stored if f.compare]
    if eq:
        _install(cls, '__eq__', _make_comparison(cls, '__eq__', compared, '=='))
    if order:
        for name, symbol in (('__lt__', '<'), ('__le__', '<='),
                             ('__gt__', '>'), ('__ge__', '>=')):
            if _install(cls, name, _make_comparison(cls, name, compared, symbol)):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')

    if frozen:
        for guard in _make_frozen_guards(cls, [f.name for f in stored]):
            if _install(cls, guard.__name__, guard):
                raise TypeError(f'Cannot overwrite attribute {guard.__name__} '
                                f'in class {cls.__name__}')

    plan = _hash_plan(unsafe_hash, eq, frozen, explicit_hash)
    if plan == 'raise':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if plan == 'add':
        hashed = [f.name for f in stored
                  if (f.compare if f.hash is None else f.hash)]
        cls.__hash__ = _make_hash(cls, hashed)
    elif plan == 'none':
        cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            signature = _class_signature(cls)
        except (TypeError, ValueError):
            signature = None
        cls.__doc__ = cls.__name__ + (signature or '').replace(' -> None', '')

    if match_args:
        _install(cls, '__match_args__', tuple(f.name for f in positional))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _with_slots(cls, frozen, weakref_slot)

    abc.update_abstractmethods(cls)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Turn a class with annotated attributes into a data class.

    Adds __init__ (init), __repr__ (repr), __eq__ (eq), __lt__ and the other
    orderings (order), __hash__ (as unsafe_hash, eq and frozen decide),
    read-only instances (frozen), __match_args__ (match_args), keyword-only
    __init__ parameters (kw_only), __slots__ (slots, with a __weakref__
    slot when weakref_slot). Methods the class defines itself are kept.
    Usable bare, @dataclass, or with options, @dataclass(order=True).
    """
    def apply(target):
        return _make_dataclass_of(target, init, repr, eq, order, unsafe_hash,
                                  frozen, match_args, kw_only, slots, weakref_slot)

    if cls is None:
        return apply
    return apply(cls)


# ---------------------------------------------------------------------------
# Working with dataclasses and their instances

def fields(class_or_instance):
    """The Field objects of a dataclass or instance, in order (ClassVar and
    InitVar pseudo-fields left out)."""
    try:
        table = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in table.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    kind = obj if isinstance(obj, type) and not isinstance(obj, GenericAlias) else type(obj)
    return hasattr(kind, '__dataclass_fields__')


def _converted(value, build):
    """value with every dataclass instance inside it replaced by build(instance)
    and containers remade; anything else deep-copied."""
    if _is_dataclass_instance(value):
        return build(value)
    if isinstance(value, tuple) and hasattr(value, '_fields'):
        # A named tuple takes its items as separate arguments.
        return type(value)(*[_converted(item, build) for item in value])
    if isinstance(value, (list, tuple)):
        return type(value)(_converted(item, build) for item in value)
    if isinstance(value, dict):
        return type(value)((_converted(key, build), _converted(item, build))
                           for key, item in value.items())
    return _deepcopy(value)


def asdict(obj, *, dict_factory=dict):
    """A dataclass instance as a dict of its fields, recursively (nested
    dataclasses, lists, tuples and dicts are converted; other values are
    deep-copied). dict_factory receives a list of (name, value) pairs."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')

    def build(instance):
        return dict_factory([(f.name, _converted(getattr(instance, f.name), build))
                             for f in fields(instance)])

    return build(obj)


def astuple(obj, *, tuple_factory=tuple):
    """A dataclass instance as a tuple of its field values, recursively, as
    asdict does. tuple_factory receives a list of the values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')

    def build(instance):
        return tuple_factory([_converted(getattr(instance, f.name), build)
                              for f in fields(instance)])

    return build(obj)


def replace(obj, /, **changes):
    """A new instance like obj, with the fields named in changes set to the
    given values; made by calling the class, so __post_init__ runs."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, '__dataclass_fields__').values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, '
                                 f'it cannot be specified with replace()')
            continue
        if f.name in changes:
            continue
        if f._field_type is _FIELD_INITVAR and f.default is MISSING:
            raise ValueError(f'InitVar {f.name!r} must be specified with replace()')
        changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def _bad_field_name(name, taken):
    """Why make_dataclass cannot use `name`, or None."""
    if not (isinstance(name, str) and name.isidentifier()):
        return 'Field names must be valid identifiers'
    if keyword.iskeyword(name):
        return 'Field names must not be keywords'
    if name in taken:
        return 'Field name duplicated'
    return None


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a dataclass named cls_name. Each entry of fields is a name,
    (name, type) or (name, type, default-or-field()); a bare name gets the
    annotation 'typing.Any'. namespace adds to the class body; the other
    options are dataclass()'s."""
    extra = {} if namespace is None else namespace
    annotations = {}
    values = {}
    for item in fields:
        if isinstance(item, str):
            name, kind = item, 'typing.Any'
        elif len(item) == 2:
            name, kind = item
        elif len(item) == 3:
            name, kind, spec = item
            values[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')
        problem = _bad_field_name(name, annotations)
        if problem:
            raise TypeError(f'{problem}: {name!r}')
        annotations[name] = kind

    def fill(body):
        # CPython 3.11 creates the class from inside module types, which is
        # where the class says it comes from unless namespace says otherwise.
        body['__module__'] = 'types'
        body.update(extra)
        body.update(values)
        body['__annotations__'] = annotations

    made = new_class(cls_name, bases, {}, fill)
    return dataclass(made, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
