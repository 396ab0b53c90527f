"""Names for type hints: Any, List, Dict, Optional, Union, Callable, TypeVar, Generic,
Protocol, NamedTuple, TypedDict, NewType, cast, overload, get_type_hints, ...

Written for pyheap. Annotations are evaluated at run time, so every form here can be
subscripted and prints as CPython 3.11's does (`typing.List[int]`,
`typing.Optional[str]`, `~T`); none of it checks types.
"""

import collections
import collections.abc
import sys as _sys
import functools as _functools

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef', 'Generic',
    'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'TypeVarTuple',
    'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
    'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
    'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex',
    'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter',
    'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple',
    'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr',
    'assert_never', 'assert_type', 'cast', 'final', 'get_args', 'get_origin', 'get_overloads',
    'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False


def _type_repr(obj):
    """How a type shows inside a subscription: `int`, `mod.C`, `...`, or its repr."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class _Final:
    __slots__ = ('__weakref__',)


class _SpecialForm(_Final):
    """A bare typing name (Any, Union, Optional, ...): printable, subscriptable by its
    own rule, never instantiable."""
    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in {'__name__', '__qualname__'}:
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


@_SpecialForm
def NoReturn(self, parameters):
    """Special type indicating functions that never return."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Never(self, parameters):
    """The bottom type, a type that has no members."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def Self(self, parameters):
    """Used to spell the type of "self" in classes."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def LiteralString(self, parameters):
    """Represents an arbitrary literal string."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def TypeAlias(self, parameters):
    """Special form for marking type aliases."""
    raise TypeError(f'{self} is not subscriptable')


@_SpecialForm
def ClassVar(self, parameters):
    """Special type construct to mark class variables."""
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def Final(self, parameters):
    """Special typing construct to indicate final names to type checkers."""
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def Required(self, parameters):
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def NotRequired(self, parameters):
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def TypeGuard(self, parameters):
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def Unpack(self, parameters):
    return _GenericAlias(self, (_type_check(parameters),))


@_SpecialForm
def Concatenate(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters)


def _flatten_union(parameters):
    flat = []
    for p in parameters:
        if isinstance(p, _UnionAlias):
            flat.extend(p.__args__)
        else:
            flat.append(_type_check(p))
    unique = []
    for p in flat:
        if p not in unique:
            unique.append(p)
    return tuple(unique)


@_SpecialForm
def Union(self, parameters):
    """Union type; Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    return _UnionAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional type: Optional[X] is equivalent to Union[X, None]."""
    return Union[parameters, None]


@_SpecialForm
def Literal(self, parameters):
    """Special typing form to define literal types (a.k.a. value types)."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralAlias(self, parameters)


class _GenericAlias(_Final):
    """A subscripted form: List[int], Dict[str, T], ClassVar[int], MyGeneric[int]."""

    def __init__(self, origin, args, *, name=None, inst=True):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_parameters(self.__args__)
        self._name = name
        self._inst = inst
        if name:
            self.__name__ = self.__qualname__ = name

    def _origin_repr(self):
        if self._name:
            return 'typing.' + self._name
        return _type_repr(self.__origin__)

    def __repr__(self):
        if self.__args__ == ():
            return f'{self._origin_repr()}[()]'
        return f'{self._origin_repr()}[{", ".join(_type_repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if not isinstance(args, tuple):
            args = (args,)
        substitution = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(a, substitution) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        if origin is Generic or origin is Protocol:
            if any(b is not self and isinstance(b, _GenericAlias) and b.__origin__ is origin
                   for b in bases):
                return ()
            return (origin,)
        for b in bases:
            if b is not self and isinstance(b, type) and issubclass(b, origin):
                return ()
        return (origin,)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __getattr__(self, attr):
        if attr in {'__origin__', '__args__', '_name', '_inst', '__parameters__'}:
            raise AttributeError(attr)
        if '__origin__' in self.__dict__:
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)


class _TypingEllipsis:
    pass


class _UnionAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is type(None):
                return f'typing.Optional[{_type_repr(args[0])}]'
        return f'typing.Union[{", ".join(_type_repr(a) for a in args)}]'

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return isinstance(obj, tuple(a for a in self.__args__ if isinstance(a, type)))

    def __subclasscheck__(self, cls):
        return issubclass(cls, tuple(a for a in self.__args__ if isinstance(a, type)))


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return f'typing.Literal[{", ".join(repr(a) for a in self.__args__)}]'

    def __eq__(self, other):
        if not isinstance(other, _LiteralAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return 'typing.Annotated[{}, {}]'.format(
            _type_repr(self.__origin__), ', '.join(repr(a) for a in self.__metadata__))

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


class Annotated:
    """Add context-specific metadata to a type."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        return _AnnotatedAlias(_type_check(params[0]), tuple(params[1:]))


def _collect_parameters(args):
    parameters = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in parameters:
                parameters.append(t)
        else:
            for p in getattr(t, '__parameters__', ()):
                if isinstance(p, TypeVar) and p not in parameters:
                    parameters.append(p)
    return tuple(parameters)


def _substitute(arg, substitution):
    if isinstance(arg, TypeVar):
        return substitution.get(arg, arg)
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple(substitution.get(p, p) for p in arg.__parameters__)]
    return arg


class _SpecialGenericAlias(_GenericAlias):
    """A bare alias of a class (List, Dict, Deque, ...): typing.List, typing.List[int]."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        self.__origin__ = origin
        self.__args__ = ()
        self.__parameters__ = ()
        self._name = name or origin.__name__
        self._inst = inst
        self._nparams = nparams
        self.__name__ = self.__qualname__ = self._name

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._nparams >= 0 and len(params) != self._nparams:
            if not (self._name in ('Tuple',)):
                raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self};"
                                f' actual {len(params)}, expected {self._nparams}')
        params = tuple(_type_check(p) for p in params)
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), name='Tuple')
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p) for p in params)
        return _GenericAlias(tuple, params, name='Tuple')


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        return _CallableGenericAlias(self.__origin__, (args, _type_check(result)), name='Callable')


class _CallableGenericAlias(_GenericAlias):
    def __init__(self, origin, args, *, name=None, inst=True):
        arguments, result = args
        if arguments is ...:
            flat = (_TypingEllipsis, result)
        else:
            flat = tuple(_type_check(a) for a in arguments) + (result,)
        super().__init__(origin, flat, name=name, inst=inst)

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, (list(params[:-1]), params[-1]), name=self._name)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        return (f'typing.Callable[[{", ".join(_type_repr(a) for a in args[:-1])}], '
                f'{_type_repr(args[-1])}]')


List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
Tuple = _TupleAlias(tuple, -1, inst=False, name='Tuple')
Type = _SpecialGenericAlias(type, 1, name='Type')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, name='OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, name='Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, name='ChainMap')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
Text = str

_abc = collections.abc
Callable = _CallableAlias(_abc.Callable, 2, name='Callable')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, name='Hashable')
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1, name='Awaitable')
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3, name='Coroutine')
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1, name='AsyncIterable')
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1, name='AsyncIterator')
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2, name='AsyncGenerator')
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, name='Iterable')
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, name='Iterator')
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, name='Reversible')
Sized = _SpecialGenericAlias(_abc.Sized, 0, name='Sized')
Container = _SpecialGenericAlias(_abc.Container, 1, name='Container')
Collection = _SpecialGenericAlias(_abc.Collection, 1, name='Collection')
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, name='MutableSet')
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, name='Mapping')
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, name='MutableMapping')
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, name='Sequence')
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, name='MutableSequence')
ByteString = _SpecialGenericAlias(_abc.ByteString, 0, name='ByteString')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, name='MappingView')
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, name='KeysView')
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, name='ItemsView')
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, name='ValuesView')
Generator = _SpecialGenericAlias(_abc.Generator, 3, name='Generator')


class TypeVar(_Final):
    """Type variable: T = TypeVar('T'), printed as ~T (+T covariant, -T contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(_type_check(t) for t in constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        try:
            from _collections import _caller_module
            module = _caller_module(1)
        except ImportError:
            module = None
        if module != 'typing':
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        return arg


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


ParamSpecArgs = ParamSpecKwargs = object

AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
for _var in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co):
    _var.__module__ = 'typing'
del _var


class Generic:
    """Abstract base class for generic types: class Stack(Generic[T]) makes
    Stack[int] a valid alias."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple)) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                f'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        parameters = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(base, _GenericAlias):
                for p in base.__parameters__:
                    if p not in parameters:
                        parameters.append(p)
        cls.__parameters__ = tuple(parameters)


class _ProtocolMeta(type(collections.abc.Iterable)):
    def __instancecheck__(cls, instance):
        if getattr(cls, '_is_runtime_protocol', False) and cls.__dict__.get('_is_protocol', False):
            return all(callable(getattr(instance, attr, None)) or hasattr(instance, attr)
                       for attr in _protocol_attrs(cls))
        return super().__instancecheck__(instance)


def _protocol_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in base.__dict__:
            if not attr.startswith('_abc_') and attr not in (
                    '__abstractmethods__', '__annotations__', '__weakref__', '_is_protocol',
                    '_is_runtime_protocol', '__dict__', '__args__', '__slots__', '__next_in_mro__',
                    '__parameters__', '__origin__', '__orig_bases__', '__extra__', '__tree_hash__',
                    '__doc__', '__subclasshook__', '__init__', '__new__', '__module__', '_MutableMapping__marker',
                    '__qualname__', '__init_subclass__', '__class_getitem__'):
                attrs.add(attr)
    return attrs


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol."""
    if not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        f' got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


class ForwardRef(_Final):
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)


def cast(typ, val):
    """Cast a value to a type (returns the value unchanged)."""
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {value}')


def reveal_type(obj, /):
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
    return obj


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @typing.overload-ed.')


def overload(func):
    """Decorator for overloaded functions/methods."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    _overload_registry.clear()


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def get_origin(tp):
    """Get the unsubscripted version of a type: List[int] -> list, Optional[int] -> Union."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _UnionAlias):
        return Union
    if isinstance(tp, _LiteralAlias):
        return Literal
    if isinstance(tp, _GenericAlias):
        origin = tp.__origin__
        return origin
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        args = tp.__args__
        if len(args) == 2 and args[0] is ...:
            return args
        return (list(args[:-1]), args[-1])
    if isinstance(tp, _GenericAlias) and not isinstance(tp, _SpecialGenericAlias):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object (strings evaluated in its module)."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            module = _sys.modules.get(base.__module__)
            base_globals = globalns if globalns is not None else getattr(module, '__dict__', {})
            for name, value in ann.items():
                hints[name] = _evaluate_hint(value, base_globals, localns)
        return hints
    annotations = getattr(obj, '__annotations__', None)
    if annotations is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    if globalns is None:
        globalns = getattr(obj, '__globals__', {})
    for name, value in annotations.items():
        hints[name] = _evaluate_hint(value, globalns, localns)
    return hints


def _evaluate_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return value._evaluate(globalns, localns)
    return value


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        try:
            from _collections import _caller_module
            module = _caller_module(1)
        except ImportError:
            module = None
        if module != 'typing':
            self.__module__ = module

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _make_namedtuple(name, fields, defaults, module):
    nm_tpl = collections.namedtuple(name, [n for n, t in fields], defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(fields)
    return nm_tpl


_NAMEDTUPLE_PROHIBITED = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                                    '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_NAMEDTUPLE_SPECIAL = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                                 '__doc__', '__orig_bases__'})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get('_root', False):
            return super().__new__(cls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_namedtuple(typename, list(types.items()),
                                  defaults=[ns[n] for n in default_names],
                                  module=ns['__module__'])
        for key in ns:
            if key in _NAMEDTUPLE_PROHIBITED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _NAMEDTUPLE_SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__doc__' in ns and ns['__doc__'] is not None:
            nm_tpl.__doc__ = ns['__doc__']
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        try:
            from _collections import _caller_module
            module = _caller_module(1)
        except ImportError:
            module = '__main__'
        return _make_namedtuple(typename, list(fields), None, module)


class NamedTuple(metaclass=NamedTupleMeta):
    """Typed version of namedtuple: class Employee(NamedTuple): name: str; id: int"""
    _root = True


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return super().__new__(cls, name, bases, ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        ns['__annotations__'] = annotations
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        tp_dict.__total__ = total
        tp_dict.__required_keys__ = frozenset(annotations) if total else frozenset()
        tp_dict.__optional_keys__ = frozenset() if total else frozenset(annotations)
        return tp_dict

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_root', False) and args and isinstance(args[0], str):
            name, fields = args[0], (args[1] if len(args) > 1 else kwargs)
            ns = {'__annotations__': dict(fields)}
            try:
                from _collections import _caller_module
                ns['__module__'] = _caller_module(1)
            except ImportError:
                pass
            return _TypedDictMeta(name, (), ns)
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


class TypedDict(metaclass=_TypedDictMeta):
    """A simple typed namespace. At runtime it is equivalent to a plain dict."""
    _root = True


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


class SupportsInt(Protocol):
    __slots__ = ()

    def __int__(self) -> int:
        ...


class SupportsFloat(Protocol):
    __slots__ = ()

    def __float__(self) -> float:
        ...


class SupportsComplex(Protocol):
    __slots__ = ()

    def __complex__(self) -> complex:
        ...


class SupportsBytes(Protocol):
    __slots__ = ()

    def __bytes__(self) -> bytes:
        ...


class SupportsIndex(Protocol):
    __slots__ = ()

    def __index__(self) -> int:
        ...


class SupportsAbs(Protocol):
    __slots__ = ()

    def __abs__(self):
        ...


class SupportsRound(Protocol):
    __slots__ = ()

    def __round__(self, ndigits=0):
        ...


for _protocol in (SupportsInt, SupportsFloat, SupportsComplex, SupportsBytes, SupportsIndex,
                  SupportsAbs, SupportsRound):
    _protocol._is_runtime_protocol = True
del _protocol


class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO."""
    __slots__ = ()


class BinaryIO(IO[bytes]):
    __slots__ = ()


class TextIO(IO[str]):
    __slots__ = ()


ContextManager = _SpecialGenericAlias(object, 1, name='ContextManager')
AsyncContextManager = _SpecialGenericAlias(object, 1, name='AsyncContextManager')
Pattern = _SpecialGenericAlias(object, 1, name='Pattern')
Match = _SpecialGenericAlias(object, 1, name='Match')
