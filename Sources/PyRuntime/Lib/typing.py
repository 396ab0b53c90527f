"""Type hints: the names of PEP 484 and its successors (Any, Union, Optional, List,
Callable, TypeVar, Generic, Protocol, NamedTuple, TypedDict, NewType, Annotated, ...)
and the functions that look into them (get_type_hints, get_origin, get_args, ...).

pyheap's own implementation. Nothing here checks types while a program runs; the
objects exist so that annotations can be written, evaluated, printed, compared and
taken apart, and they print and behave the way CPython 3.11's do.
"""

import abc as _abc
import collections as _collections
import collections.abc as _cabc
import contextlib as _contextlib
import functools as _functools
import operator as _operator
import sys as _sys
import types as _types

from _collections import _caller_module

__all__ = [
    # special forms and generic building blocks
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar',
    'TypeVarTuple', 'Union',
    # collections.abc counterparts
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView',
    'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable',
    'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager',
    # structural checks
    'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat',
    'SupportsIndex', 'SupportsInt', 'SupportsRound',
    # concrete collections
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set',
    'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator',
    # I/O and regular expressions
    'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO',
    # everything else
    'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads', 'dataclass_transform',
    'final', 'get_args', 'get_origin', 'get_overloads', 'get_type_hints', 'is_typeddict',
    'LiteralString', 'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs', 'ParamSpecKwargs', 'Required',
    'reveal_type', 'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias',
    'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False
_NoneType = type(None)


# ---------------------------------------------------------------------------------------
# Printing and vetting the arguments of a subscription
# ---------------------------------------------------------------------------------------

def _show(thing):
    """How an argument appears inside the brackets of a typing repr."""
    if isinstance(thing, _types.GenericAlias):
        return repr(thing)
    if isinstance(thing, type):
        if thing.__module__ == 'builtins':
            return thing.__qualname__
        return thing.__module__ + '.' + thing.__qualname__
    if thing is Ellipsis:
        return '...'
    if isinstance(thing, _types.FunctionType):
        return thing.__name__
    return repr(thing)


def _show_all(things):
    return ', '.join(_show(t) for t in things)


def _is_type_param(thing):
    """TypeVar, ParamSpec and TypeVarTuple objects: the things a subscription fills in."""
    return getattr(type(thing), '_fills_a_slot', False)


def _is_param_list(thing):
    """What may stand for the parameters of a Callable: `...`, a ParamSpec, a
    Concatenate[...], or a list of types."""
    return (thing is Ellipsis or isinstance(thing, (ParamSpec, _ConcatenateGenericAlias, list)))


def _plain_arg(arg, module=None, as_class=False):
    """The light conversion every argument gets: None means NoneType and a string is a
    forward reference."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=as_class)
    return arg


def _vet(arg, message, *, is_argument=True, module=None, special_ok=False):
    """Checks that `arg` may stand where a type is expected, converting None and strings
    first. `message` starts the error raised for a tuple. ClassVar and Final (bare or
    subscripted) are refused unless `special_ok` (class bodies) or, for Final, when
    the annotation is not a function argument."""
    arg = _plain_arg(arg, module, special_ok)
    refused = [Generic, Protocol]
    if not special_ok:
        refused.append(ClassVar)
    if is_argument:
        refused.append(Final)
    if isinstance(arg, _GenericAlias) and any(arg.__origin__ is form for form in refused):
        raise TypeError(f'{arg} is not valid as type argument')
    if any(arg is form for form in _ALWAYS_VALID):
        return arg
    if special_ok and (arg is ClassVar or arg is Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg is Generic or arg is Protocol:
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{message} Got {arg!r:.100}.')
    return arg


def _find_type_params(args):
    """The type parameters appearing anywhere in `args`, first appearance first."""
    seen = []

    def look(item):
        if _is_type_param(item):
            if not any(item is s for s in seen):
                seen.append(item)
        elif isinstance(item, (list, tuple)):
            for part in item:
                look(part)
        elif not isinstance(item, type):
            nested = getattr(item, '__parameters__', None)
            if isinstance(nested, tuple):
                for part in nested:
                    look(part)

    for arg in args:
        look(arg)
    return tuple(seen)


def _fill_in(item, values):
    """`item` with every type parameter replaced through the mapping `values`."""
    if _is_type_param(item):
        for param, value in values:
            if param is item:
                return value
        return item
    if isinstance(item, list):
        return [_fill_in(part, values) for part in item]
    if isinstance(item, tuple):
        return tuple(_fill_in(part, values) for part in item)
    if isinstance(item, type):
        return item
    nested = getattr(item, '__parameters__', None)
    if isinstance(nested, tuple) and nested:
        if isinstance(item, _UnpackGenericAlias) and isinstance(item.__args__[0], TypeVarTuple):
            replaced = _fill_in(item.__args__[0], values)
            return _Spliced(replaced) if isinstance(replaced, tuple) else item
        new = tuple(_fill_in(p, values) for p in nested)
        return item[new if len(new) != 1 else new[0]]
    return item


class _Spliced(tuple):
    """Arguments a TypeVarTuple stood for, to be spread into the enclosing list."""


def _spread(args):
    out = []
    for arg in args:
        if isinstance(arg, _Spliced):
            out.extend(arg)
        else:
            out.append(arg)
    return tuple(out)


def _match_arity(target, params, args):
    """Pairs the type parameters of `target` (an alias or a generic class) with the
    arguments of a subscription, as a list of (parameter, value)."""
    if len(params) == 1 and isinstance(params[0], ParamSpec):
        if not (len(args) == 1 and _is_param_list(args[0])):
            args = (list(args),)
    variadic = [i for i, p in enumerate(params) if isinstance(p, TypeVarTuple)]
    if variadic:
        at = variadic[0]
        after = len(params) - at - 1
        if len(args) < len(params) - 1:
            raise TypeError(f'Too few arguments for {target}; actual {len(args)}, '
                            f'expected at least {len(params) - 1}')
        middle = _Spliced(args[at:len(args) - after])
        args = args[:at] + (middle,) + args[len(args) - after:]
    if len(args) != len(params):
        word = 'many' if len(args) > len(params) else 'few'
        raise TypeError(f'Too {word} arguments for {target}; actual {len(args)}, '
                        f'expected {len(params)}')
    pairs = []
    for param, value in zip(params, args):
        if not isinstance(param, TypeVarTuple):
            value = param.__typing_subst__(value)
        pairs.append((param, value))
    return pairs


# Subscriptions are remembered, so that List[int] is List[int] as in CPython.
_remembered = {}


def _key_part(value):
    if isinstance(value, list):
        return ('[]',) + tuple(_key_part(v) for v in value)
    if isinstance(value, tuple):
        return ('()',) + tuple(_key_part(v) for v in value)
    return (value, type(value))


def _remembering(subscribe):
    def subscribe_once(owner, params):
        try:
            key = (owner, _key_part(params))
            found = _remembered.get(key)
        except TypeError:                 # something unhashable: no memory
            return subscribe(owner, params)
        if found is None:
            found = subscribe(owner, params)
            if len(_remembered) >= 2048:
                _remembered.clear()
            _remembered[key] = found
        return found
    subscribe_once.__name__ = subscribe.__name__
    subscribe_once.__qualname__ = subscribe.__qualname__
    subscribe_once.__doc__ = subscribe.__doc__
    return subscribe_once


# ---------------------------------------------------------------------------------------
# Special forms: typing.Union, typing.Optional, typing.ClassVar, ...
# ---------------------------------------------------------------------------------------

class _SpecialForm:
    """A name of the typing vocabulary that is neither a class nor an alias of one. What
    subscribing it means is up to the function it is made with."""

    def __init__(self, name, subscribe, doc):
        self._name = name
        self.__name__ = self.__qualname__ = name
        self.__doc__ = doc
        self._subscribe = subscribe

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __mro_entries__(self, bases):
        raise TypeError(f'Cannot subclass {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __iter__(self):
        raise TypeError(f"'{type(self).__name__}' object is not iterable")

    @_remembering
    def __getitem__(self, params):
        return self._subscribe(self, params)


def _no_subscript(form, params):
    raise TypeError(f'{form} is not subscriptable')


def _one_type(message):
    """A subscription taking exactly one type, wrapped in an alias of the form."""
    def subscribe(form, params):
        item = _vet(params, message.format(form=form, name=form._name))
        return _GenericAlias(form, (item,))
    return subscribe


def _subscript_union(form, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(params, tuple):
        params = (params,)
    members = []
    for param in params:
        param = _vet(param, 'Union[arg, ...]: each arg must be a type.')
        if isinstance(param, (_UnionGenericAlias, _types.UnionType)):
            members.extend(param.__args__)
        else:
            members.append(param)
    members = tuple(dict.fromkeys(members))
    if len(members) == 1:
        return members[0]
    return _UnionGenericAlias(form, members)


def _subscript_optional(form, params):
    item = _vet(params, f'{form} requires a single type.')
    return Union[item, None]


def _subscript_literal(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    values = []
    for param in params:
        if isinstance(param, _LiteralGenericAlias):
            values.extend(param.__args__)
        else:
            values.append(param)
    try:
        values = [value for value, _ in dict.fromkeys((v, type(v)) for v in values)]
    except TypeError:                     # unhashable values are kept as written
        pass
    return _LiteralGenericAlias(form, tuple(values))


def _subscript_concatenate(form, params):
    if params == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(params, tuple):
        params = (params,)
    last = params[-1]
    if not (last is Ellipsis or isinstance(last, ParamSpec)):
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')
    leading = tuple(_vet(p, 'Concatenate[arg, ...]: each arg must be a type.')
                    for p in params[:-1])
    return _ConcatenateGenericAlias(form, leading + (last,))


def _subscript_unpack(form, params):
    item = _vet(params, f'{form} accepts only single type.')
    return _UnpackGenericAlias(form, (item,))


Any = None       # replaced by the class below; _vet needs the name to exist

NoReturn = _SpecialForm('NoReturn', _no_subscript, """The type of functions that never return.

    def stop() -> NoReturn:
        raise RuntimeError('no way back')
""")
Never = _SpecialForm('Never', _no_subscript, """The bottom type: no value has it.

Used for functions that never return and for branches a type checker can prove
impossible.
""")
Self = _SpecialForm('Self', _no_subscript, """The type of the instance a method is called on.

    class Node:
        def link(self, other: Self) -> Self: ...
""")
LiteralString = _SpecialForm('LiteralString', _no_subscript, """Strings built only from literals
in the source, for APIs that must not receive text from outside.
""")
TypeAlias = _SpecialForm('TypeAlias', _no_subscript, """Marks an assignment as the definition
of a type alias:

    Vector: TypeAlias = list[float]
""")
ClassVar = _SpecialForm('ClassVar', _one_type('{form} accepts only single type.'),
                        """Marks an annotation in a class body as a class attribute,
not an instance attribute:

    class Counter:
        instances: ClassVar[int] = 0
""")
Final = _SpecialForm('Final', _one_type('{form} accepts only single type.'),
                     """A name that must not be reassigned or overridden:

    LIMIT: Final = 100
""")
Union = _SpecialForm('Union', _subscript_union, """Union[X, Y]: a value of type X or of type Y.

Nested unions are flattened, duplicates dropped, a union of one type is that type,
and the order does not matter for equality:

    Union[int, Union[str, int]] == Union[str, int]
""")
Optional = _SpecialForm('Optional', _subscript_optional, """Optional[X] is Union[X, None].""")
Literal = _SpecialForm('Literal', _subscript_literal, """Literal[v1, v2, ...]: exactly one of the
given values (ints, strings, bytes, bools, enum members or None).
""")
TypeGuard = _SpecialForm('TypeGuard', _one_type('{form} accepts only single type.'),
                         """The return type of a function that narrows the type of its
argument when it returns True:

    def is_names(items: list[object]) -> TypeGuard[list[str]]: ...
""")
Required = _SpecialForm('Required', _one_type('{name} accepts only a single type.'),
                        """A TypedDict key that must be present, even with total=False.""")
NotRequired = _SpecialForm('NotRequired', _one_type('{name} accepts only a single type.'),
                           """A TypedDict key that may be missing, even with total=True.""")
Concatenate = _SpecialForm('Concatenate', _subscript_concatenate, """Concatenate[X, Y, P]: the
parameters X and Y in front of those of the ParamSpec P, in a Callable.
""")
Unpack = _SpecialForm('Unpack', _subscript_unpack, """Unpack[Ts]: the types of a TypeVarTuple
spread out, as *Ts does.
""")

# Forms that need no argument and are accepted anywhere a type is.
_ALWAYS_VALID = (NoReturn, Never, Self, LiteralString, TypeAlias)


# ---------------------------------------------------------------------------------------
# Aliases: typing.List, typing.List[int], Box[int], Union[int, str], ...
# ---------------------------------------------------------------------------------------

def _is_dunder(name):
    return len(name) > 4 and name.startswith('__') and name.endswith('__')


class _AliasCommon:
    """What every alias of a class shares: instantiating the class it stands for,
    looking attributes up on it, refusing isinstance() once subscripted, `|`."""

    _inst = True
    _name = None

    def _set_names(self, name):
        self._name = name
        origin = self.__origin__
        shown = name or getattr(origin, '_name', None) or getattr(origin, '__name__', None)
        if shown is not None:
            self.__name__ = self.__qualname__ = shown

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; use '
                            f'{self.__origin__.__name__.lower()}() instead')
        made = self.__origin__(*args, **kwargs)
        try:
            made.__orig_class__ = self
        except AttributeError:
            pass
        return made

    def __getattr__(self, attr):
        # Only reached for attributes the alias does not have itself.
        if not _is_dunder(attr) and '__origin__' in self.__dict__:
            return getattr(self.__dict__['__origin__'], attr)
        raise AttributeError(attr)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _entries_for(self, bases):
        """The classes standing for a typing-provided alias (List[int], Iterable) in a
        class statement: its class, plus Generic unless a later base brings it."""
        entries = []
        if not any(self.__origin__ is b for b in bases):
            entries.append(self.__origin__)
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _AliasCommon) or (isinstance(b, type) and issubclass(b, Generic))
                   for b in later):
            entries.append(Generic)
        return tuple(entries)


class _SpecialGenericAlias(_AliasCommon):
    """typing.List, typing.Dict, ...: a class that can be subscripted with `arity` types."""

    def __init__(self, origin, arity, *, inst=True, name=None):
        self.__origin__ = origin
        self._arity = arity
        self._inst = inst
        self._set_names(name or origin.__name__)
        where = '' if origin.__module__ == 'builtins' else origin.__module__ + '.'
        self.__doc__ = f'A generic version of {where}{origin.__qualname__}.'

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __mro_entries__(self, bases):
        return self._entries_for(bases)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if isinstance(cls, _GenericAlias):
            raise TypeError('Subscripted generics cannot be used with class and instance checks')
        return issubclass(cls, self.__origin__)

    def __iter__(self):
        raise TypeError(f"'{type(self).__name__}' object is not iterable")

    @_remembering
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_vet(p, 'Parameters to generic types must be types.') for p in params)
        if self._arity == 0:
            raise TypeError(f'{self} is not a generic class')
        if len(params) != self._arity:
            word = 'many' if len(params) > self._arity else 'few'
            raise TypeError(f'Too {word} arguments for {self}; actual {len(params)}, '
                            f'expected {self._arity}')
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):
    """typing.Tuple: any number of types, `Tuple[()]` for the empty tuple and
    `Tuple[X, ...]` for a tuple of any length."""

    @_remembering
    def __getitem__(self, params):
        if params == ():
            return self.copy_with(())
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) == 2 and params[1] is Ellipsis:
            return self.copy_with((_vet(params[0], 'Tuple[t, ...]: t must be a type.'), Ellipsis))
        return self.copy_with(tuple(_vet(p, 'Tuple[t0, t1, ...]: each t must be a type.')
                                    for p in params))


class _CallableType(_SpecialGenericAlias):
    """typing.Callable: Callable[[arg types], return type], Callable[..., return type]
    or Callable[P, return type] with a ParamSpec."""

    @_remembering
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        arguments, result = params
        result = _vet(result, 'Callable[args, result]: result must be a type.')
        if isinstance(arguments, list):
            arguments = tuple(_vet(a, 'Callable[[arg, ...], result]: each arg must be a type.')
                              for a in arguments)
        elif not _is_param_list(arguments):
            arguments = (_vet(arguments, 'Callable[[arg, ...], result]: each arg must be a type.'),)
        else:
            arguments = (arguments,)
        return self.copy_with(arguments + (result,))

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _GenericAlias(_AliasCommon):
    """A subscripted alias: `__origin__` is what was subscripted, `__args__` the
    arguments and `__parameters__` the type parameters still open among them."""

    def __init__(self, origin, args, *, inst=True, name=None):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = _find_type_params(self.__args__)
        self._inst = inst
        self._set_names(name)
        if not name:
            self.__module__ = getattr(origin, '__module__', 'typing')

    def _head(self):
        if self._name:
            return 'typing.' + self._name
        return _show(self.__origin__)

    def __repr__(self):
        inside = _show_all(self.__args__) if self.__args__ else '()'
        return f'{self._head()}[{inside}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __reduce__(self):
        return _operator.getitem, (self.__origin__, self.__args__)

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        if self._name:
            return self._entries_for(bases)
        if origin is Generic:
            if any(b is Protocol for b in bases):
                return ()
            later = bases[bases.index(self) + 1:]
            if any(isinstance(b, _AliasCommon) and b is not self for b in later):
                return ()
        return (origin,)

    def __iter__(self):
        yield Unpack[self]

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_plain_arg(a) for a in args)
        values = _match_arity(self, self.__parameters__, args)
        new_args = _spread(_fill_in(a, values) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return type(self)(self.__origin__, args, name=self._name, inst=self._inst)


class _CallableGenericAlias(_GenericAlias):
    """Callable[[int, str], bool]: `__args__` holds the argument types then the result."""

    def _takes_param_list(self):
        return len(self.__args__) == 2 and _is_param_list(self.__args__[0])

    def __repr__(self):
        *arguments, result = self.__args__
        if self._takes_param_list():
            return f'typing.Callable[{_show(arguments[0])}, {_show(result)}]'
        return f'typing.Callable[[{_show_all(arguments)}], {_show(result)}]'

    def copy_with(self, args):
        flat = []
        for arg in args[:-1]:
            if isinstance(arg, (tuple, list)):
                flat.extend(arg)
            else:
                flat.append(arg)
        return _CallableGenericAlias(self.__origin__, tuple(flat) + (args[-1],),
                                     name=self._name, inst=self._inst)

    def __reduce__(self):
        *arguments, result = self.__args__
        if not self._takes_param_list():
            arguments = list(arguments)
        return _operator.getitem, (Callable, (arguments, result))


class _UnionGenericAlias(_GenericAlias):
    """Union[X, Y, ...]: equal to any union of the same members in any order."""

    def __init__(self, origin, args, *, inst=True, name=None):
        optional = len(args) == 2 and _NoneType in args
        super().__init__(origin, args, inst=inst, name='Optional' if optional else None)
        if not optional:
            self._name = None

    def copy_with(self, args):
        return Union[args]

    def __repr__(self):
        members = self.__args__
        if len(members) == 2 and _NoneType in members:
            other = members[1] if members[0] is _NoneType else members[0]
            return f'typing.Optional[{_show(other)}]'
        return f'typing.Union[{_show_all(members)}]'

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        return any(issubclass(cls, member) for member in self.__args__)

    def __iter__(self):
        raise TypeError(f"'{type(self).__name__}' object is not iterable")

    def __reduce__(self):
        return _operator.getitem, (Union, self.__args__)


class _LiteralGenericAlias(_GenericAlias):
    """Literal[...]: equality ignores order but tells 1 from True."""

    def _values(self):
        return {(value, type(value)) for value in self.__args__}

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self):
        return hash(frozenset(self._values()))


class _ConcatenateGenericAlias(_GenericAlias):
    """Concatenate[X, P]: leading parameter types then a ParamSpec (or `...`)."""

    def copy_with(self, params):
        last = params[-1]
        if isinstance(last, (list, tuple)):
            return tuple(params[:-1]) + tuple(last)
        if last is Ellipsis or isinstance(last, ParamSpec) or isinstance(last, _ConcatenateGenericAlias):
            return _ConcatenateGenericAlias(self.__origin__, params)
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')


class _UnpackGenericAlias(_GenericAlias):
    """Unpack[Ts], printed as *Ts."""

    def __repr__(self):
        return '*' + repr(self.__args__[0])

    def __iter__(self):
        raise TypeError(f"'{type(self).__name__}' object is not iterable")


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: the type T carrying extra values (`__metadata__`) for tools.
    It stands for T itself: calling it calls T and a class statement gets T."""

    def __init__(self, inner, extras):
        # `inner` is never itself an Annotated alias: Annotated[] merges nested ones.
        super().__init__(inner, (inner,))
        self.__metadata__ = extras
        self.__name__ = self.__qualname__ = 'Annotated'

    def copy_with(self, params):
        return Annotated[(params[0],) + self.__metadata__]

    def __repr__(self):
        extras = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{_show(self.__origin__)}, {extras}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __iter__(self):
        raise TypeError(f"'{type(self).__name__}' object is not iterable")

    def __reduce__(self):
        return _operator.getitem, (Annotated, (self.__origin__,) + self.__metadata__)


class Annotated:
    """Annotated[T, x]: the type T, with the value x attached for tools that read
    annotations (units, ranges, documentation, ...). Type checkers see just T;
    get_type_hints() drops the extra values unless include_extras=True.

        Distance = Annotated[float, 'metres']
    """

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    @_remembering
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        inner = _vet(params[0], 'Annotated[t, ...]: t must be a type.', special_ok=True)
        extras = tuple(params[1:])
        if isinstance(inner, _AnnotatedAlias):       # Annotated[Annotated[T, a], b]
            inner, extras = inner.__origin__, inner.__metadata__ + extras
        return _AnnotatedAlias(inner, extras)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f'Cannot subclass {cls.__module__}.Annotated')


# ---------------------------------------------------------------------------------------
# Any
# ---------------------------------------------------------------------------------------

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
    """The type that goes with every value: every type is compatible with Any and Any
    with every type. It cannot be used with isinstance(); it may be subclassed, to let
    a class pass for anything."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


# ---------------------------------------------------------------------------------------
# Type parameters: TypeVar, ParamSpec, TypeVarTuple
# ---------------------------------------------------------------------------------------

class _TypeParameter:
    """Shared by TypeVar, ParamSpec and TypeVarTuple: identity equality, `|`, copied
    as themselves, and no subclasses outside this module."""

    _fills_a_slot = True

    def __init_subclass__(cls, *args, **kwargs):
        if cls.__module__ != __name__:
            raise TypeError('Cannot subclass special typing classes')
        super().__init_subclass__(*args, **kwargs)

    def _record_module(self):
        module = _caller_module(2)
        if module is not None and module != __name__:
            self.__module__ = module

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __reduce__(self):
        return self.__name__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _variance_mark(param):
    if param.__covariant__:
        return '+'
    if param.__contravariant__:
        return '-'
    return '~'


class TypeVar(_TypeParameter):
    """A type variable: T = TypeVar('T') stands for one type throughout a generic function
    or class. Constraints limit it to the types listed (AnyStr = TypeVar('AnyStr', str,
    bytes)); bound= to subclasses of one type; covariant= / contravariant= set the
    variance of a generic class over it. Prints as ~T, +T (covariant) or -T
    (contravariant)."""

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
        self.__constraints__ = tuple(
            _vet(c, 'TypeVar(name, constraint, ...): constraints must be types.')
            for c in constraints)
        self.__bound__ = None if bound is None else _vet(bound, 'Bound must be a type.')
        self._record_module()

    def __repr__(self):
        return _variance_mark(self) + self.__name__

    def __typing_subst__(self, arg):
        # What may replace this variable in a subscription (also how types.GenericAlias
        # recognises a type parameter).
        arg = _vet(arg, 'Parameters to generic types must be types.')
        if isinstance(arg, _UnpackGenericAlias):
            raise TypeError(f'{arg} is not valid as type argument')
        return arg


class ParamSpecArgs:
    """P.args: the positional arguments of the ParamSpec P, for annotating *args."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpecKwargs:
    """P.kwargs: the keyword arguments of the ParamSpec P, for annotating **kwargs."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__


class ParamSpec(_TypeParameter):
    """A parameter specification variable: P = ParamSpec('P') stands for a whole
    parameter list, so that a decorator can say it keeps the parameters of the function
    it wraps:

        def logged(f: Callable[P, R]) -> Callable[P, R]: ...

    P.args and P.kwargs annotate *args and **kwargs."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = None if bound is None else _vet(bound, 'Bound must be a type.')
        self._record_module()

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            return tuple(_vet(a, 'Expected a type.') for a in arg)
        if not _is_param_list(arg):
            raise TypeError(f'Expected a list of types, an ellipsis, ParamSpec, or '
                            f'Concatenate. Got {arg}')
        return arg

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return _variance_mark(self) + self.__name__


class TypeVarTuple(_TypeParameter):
    """A variadic type variable: Ts = TypeVarTuple('Ts') stands for any number of
    types, written Unpack[Ts] (or *Ts) where they are spread out:

        Shape = Tuple[Unpack[Ts]]
    """

    def __init__(self, name):
        self.__name__ = name
        self._record_module()

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError('Substitution of bare TypeVarTuple is not supported')


# ---------------------------------------------------------------------------------------
# Generic and Protocol
# ---------------------------------------------------------------------------------------

# Classes of this module allowed to derive from plain Generic.
_GENERIC_ROOTS = ('Protocol',)


def _declares_params(thing):
    return _is_type_param(thing) or (isinstance(thing, _UnpackGenericAlias)
                                      and isinstance(thing.__args__[0], TypeVarTuple))


class Generic:
    """The base of generic classes. A class lists its type parameters by deriving from
    Generic[...]:

        class Box(Generic[T]):
            def __init__(self, item: T): self.item = item

    or from other generic classes and aliases (class Pairs(Dict[K, List[V]])).
    Box[int] is then an alias of Box that can be used in annotations and called
    like the class."""

    __slots__ = ()
    _is_protocol = False

    @_remembering
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_plain_arg(p) for p in params)
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(_declares_params(p) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type '
                                f'variables or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
            return _GenericAlias(cls, params)
        own = cls.__dict__.get('__parameters__', None)
        if own is None:
            own = getattr(cls, '__parameters__', ())
        if not own:
            raise TypeError(f'{cls} is not a generic class')
        values = _match_arity(cls, own, params)
        return _GenericAlias(cls, _spread(value for _, value in values))

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        written = cls.__dict__.get('__orig_bases__')
        if written is None:
            if Generic in cls.__bases__ and not (cls.__module__ == __name__
                                                 and cls.__qualname__ in _GENERIC_ROOTS):
                raise TypeError('Cannot inherit from plain Generic')
            cls.__parameters__ = ()
            return
        if Generic in written:
            raise TypeError('Cannot inherit from plain Generic')
        found = _find_type_params(written)
        declared = [b for b in written
                    if isinstance(b, _GenericAlias) and b.__origin__ is Generic]
        if len(declared) > 1:
            raise TypeError('Cannot inherit from Generic[...] multiple times.')
        if declared:
            listed = declared[0].__parameters__
            unlisted = [p for p in found if p not in listed]
            if unlisted:
                raise TypeError(f'Some type variables ({", ".join(map(str, unlisted))}) '
                                f'are not listed in Generic[{", ".join(map(str, listed))}]')
            found = listed
        cls.__parameters__ = tuple(found)


# Attributes of a protocol class that are not part of what it asks of other classes.
_NOT_PROTOCOL_MEMBERS = frozenset({
    '__abstractmethods__', '__annotations__', '__class_getitem__', '__dict__', '__doc__',
    '__init__', '__init_subclass__', '__module__', '__name__', '__new__', '__orig_bases__',
    '__parameters__', '__qualname__', '__slots__', '__subclasshook__', '__weakref__',
    '__match_args__', '_is_protocol', '_is_runtime_protocol',
})

# Non-protocol classes a protocol may still derive from, by module.
_PROTOCOL_FRIENDLY_BASES = {
    'collections.abc': ('Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
                        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible'),
    'contextlib': ('AbstractContextManager', 'AbstractAsyncContextManager'),
}


def _protocol_members(proto):
    """The names a class must have to match the protocol `proto`."""
    names = set()
    for klass in proto.__mro__[:-1]:
        if klass is Protocol or klass is Generic:
            continue
        for name in list(klass.__dict__) + list(klass.__dict__.get('__annotations__', {})):
            if name not in _NOT_PROTOCOL_MEMBERS and not name.startswith('_abc_'):
                names.add(name)
    return names


def _methods_only(proto):
    return all(callable(getattr(proto, name, None)) for name in _protocol_members(proto))


def _class_provides(klass, name):
    for ancestor in klass.__mro__:
        if name in ancestor.__dict__:
            return ancestor.__dict__[name] is not None
    return False


def _require_runtime(proto):
    if not getattr(proto, '_is_runtime_protocol', False):
        raise TypeError('Instance and class checks can only be used with '
                        '@runtime_checkable protocols')


class _ProtocolMeta(_abc.ABCMeta):
    """Makes isinstance() and issubclass() against a @runtime_checkable protocol look
    at the members an object has instead of its classes."""

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        _require_runtime(cls)
        if cls in type(instance).__mro__:
            return True
        for name in _protocol_members(cls):
            if not hasattr(instance, name):
                return False
            if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                return False
        return True

    def __subclasscheck__(cls, other):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__subclasscheck__(other)
        _require_runtime(cls)
        if not _methods_only(cls):
            raise TypeError("Protocols with non-method members don't support issubclass()")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in other.__mro__:
            return True
        return all(_class_provides(other, name) for name in _protocol_members(cls))


def _protocol_init(self, *args, **kwargs):
    """The __init__ given to protocol classes: a protocol cannot be instantiated, and a
    concrete class deriving from one runs the next __init__ along its MRO."""
    klass = type(self)
    if klass._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    for ancestor in klass.__mro__:
        init = ancestor.__dict__.get('__init__')
        if init is not None and init is not _protocol_init:
            return init(self, *args, **kwargs)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of protocol classes, which describe a type by the members it has
    ("structural subtyping"):

        class Closable(Protocol):
            def close(self) -> None: ...

    Any class with a close() method matches Closable for a type checker, without
    deriving from it. Decorated with @runtime_checkable, a protocol also works with
    isinstance() (and, when it has only methods, issubclass()), which then check that
    the members are present. Protocol[T] makes a generic protocol."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(base is Protocol for base in cls.__bases__)
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            friendly = base.__name__ in _PROTOCOL_FRIENDLY_BASES.get(base.__module__, ())
            if not (base is object or base is Generic or friendly
                    or (isinstance(base, _ProtocolMeta) and base._is_protocol)):
                raise TypeError(f'Protocols can only inherit from other protocols, got {base!r}')
        if '__init__' not in cls.__dict__:
            cls.__init__ = _protocol_init


def runtime_checkable(cls):
    """Class decorator: lets isinstance() and issubclass() be used with the protocol
    class `cls`. They only check that the members exist, not their signatures."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and cls.__dict__.get('_is_protocol', False)):
        raise TypeError(f'@runtime_checkable can be only applied to protocol classes, got {cls!r}')
    cls._is_runtime_protocol = True
    return cls


# ---------------------------------------------------------------------------------------
# Generic versions of the standard collections and ABCs
# ---------------------------------------------------------------------------------------

def _stand_in(module, name):
    """A placeholder class for an origin pyheap does not provide."""
    return type(name, (), {'__module__': module, '__doc__': None})


_AsyncContextManagerBase = getattr(_contextlib, 'AbstractAsyncContextManager', None) \
    or _stand_in('contextlib', 'AbstractAsyncContextManager')
try:
    import re as _re
    _PatternClass = type(_re.compile(''))
    _MatchClass = type(_re.match('', ''))
except ImportError:
    _PatternClass = _stand_in('re', 'Pattern')
    _MatchClass = _stand_in('re', 'Match')

Hashable = _SpecialGenericAlias(_cabc.Hashable, 0)
Awaitable = _SpecialGenericAlias(_cabc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(_cabc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_cabc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_cabc.AsyncIterator, 1)
Iterable = _SpecialGenericAlias(_cabc.Iterable, 1)
Iterator = _SpecialGenericAlias(_cabc.Iterator, 1)
Reversible = _SpecialGenericAlias(_cabc.Reversible, 1)
Sized = _SpecialGenericAlias(_cabc.Sized, 0)
Container = _SpecialGenericAlias(_cabc.Container, 1)
Collection = _SpecialGenericAlias(_cabc.Collection, 1)
Callable = _CallableType(_cabc.Callable, 2)
AbstractSet = _SpecialGenericAlias(_cabc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_cabc.MutableSet, 1)
Mapping = _SpecialGenericAlias(_cabc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(_cabc.MutableMapping, 2)
Sequence = _SpecialGenericAlias(_cabc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(_cabc.MutableSequence, 1)
ByteString = _SpecialGenericAlias(_cabc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias(_collections.deque, 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _SpecialGenericAlias(_cabc.MappingView, 1)
KeysView = _SpecialGenericAlias(_cabc.KeysView, 1)
ItemsView = _SpecialGenericAlias(_cabc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(_cabc.ValuesView, 1)
ContextManager = _SpecialGenericAlias(_contextlib.AbstractContextManager, 1,
                                      name='ContextManager')
AsyncContextManager = _SpecialGenericAlias(_AsyncContextManagerBase, 1,
                                           name='AsyncContextManager')
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias(_collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(_collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(_collections.Counter, 1)
ChainMap = _SpecialGenericAlias(_collections.ChainMap, 2)
Generator = _SpecialGenericAlias(_cabc.Generator, 3)
AsyncGenerator = _SpecialGenericAlias(_cabc.AsyncGenerator, 2)
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
Pattern = _SpecialGenericAlias(_PatternClass, 1, name='Pattern')
Match = _SpecialGenericAlias(_MatchClass, 1, name='Match')

Text = str

# The type variables typing itself uses.
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
AnyStr = TypeVar('AnyStr', bytes, str)


# ---------------------------------------------------------------------------------------
# Protocols for the special methods behind the built-in conversions
# ---------------------------------------------------------------------------------------

@runtime_checkable
class SupportsInt(Protocol):
    """Anything int() accepts through __int__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """Anything float() accepts through __float__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """Anything complex() accepts through __complex__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """Anything bytes() accepts through __bytes__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """Anything usable as an index, through __index__."""
    __slots__ = ()

    @_abc.abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """Anything abs() accepts; abs() returns T_co."""
    __slots__ = ()

    @_abc.abstractmethod
    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """Anything round() accepts; round() returns T_co."""
    __slots__ = ()

    @_abc.abstractmethod
    def __round__(self, ndigits: int = 0) -> T_co:
        pass


# ---------------------------------------------------------------------------------------
# IO, TextIO, BinaryIO: the interface of file objects, for annotations
# ---------------------------------------------------------------------------------------

class IO(Generic[AnyStr]):
    """The methods of a file object; IO[str] for text, IO[bytes] for binary data.
    For annotations only: open() does not return instances of this class."""

    __slots__ = ()

    # What the stream is.
    @property
    @_abc.abstractmethod
    def name(self) -> str:
        """The file name or descriptor the stream was opened with."""

    @property
    @_abc.abstractmethod
    def mode(self) -> str:
        """The mode string given to open()."""

    @property
    @_abc.abstractmethod
    def closed(self) -> bool:
        """Whether close() has been called."""

    @_abc.abstractmethod
    def fileno(self) -> int:
        """The operating system's descriptor for the stream."""

    @_abc.abstractmethod
    def isatty(self) -> bool:
        """Whether the stream is an interactive terminal."""

    @_abc.abstractmethod
    def readable(self) -> bool:
        """Whether read() may be called."""

    @_abc.abstractmethod
    def writable(self) -> bool:
        """Whether write() may be called."""

    @_abc.abstractmethod
    def seekable(self) -> bool:
        """Whether seek(), tell() and truncate() may be called."""

    # Reading.
    @_abc.abstractmethod
    def read(self, n: int = -1) -> AnyStr:
        """Up to n characters (or bytes); everything left when n is negative."""

    @_abc.abstractmethod
    def readline(self, limit: int = -1) -> AnyStr:
        """The next line, newline included; at most `limit` long if limit >= 0."""

    @_abc.abstractmethod
    def readlines(self, hint: int = -1) -> List[AnyStr]:
        """The remaining lines, stopping once `hint` characters were read."""

    # Writing.
    @_abc.abstractmethod
    def write(self, s: AnyStr) -> int:
        """Writes s and returns how much was written."""

    @_abc.abstractmethod
    def writelines(self, lines: List[AnyStr]) -> None:
        """Writes each of the lines (no newlines are added)."""

    @_abc.abstractmethod
    def flush(self) -> None:
        """Pushes buffered data out."""

    # Position.
    @_abc.abstractmethod
    def seek(self, offset: int, whence: int = 0) -> int:
        """Moves to `offset` from the start, the current position or the end."""

    @_abc.abstractmethod
    def tell(self) -> int:
        """The current position."""

    @_abc.abstractmethod
    def truncate(self, size: int = None) -> int:
        """Cuts the stream at `size` (default: the current position)."""

    # Closing, also through `with`.
    @_abc.abstractmethod
    def close(self) -> None:
        """Flushes and closes the stream."""

    @_abc.abstractmethod
    def __enter__(self) -> 'IO[AnyStr]':
        """Returns the stream itself."""

    @_abc.abstractmethod
    def __exit__(self, type, value, traceback) -> None:
        """Closes the stream."""


class BinaryIO(IO[bytes]):
    """A file object reading and writing bytes."""

    __slots__ = ()

    @_abc.abstractmethod
    def write(self, s: Union[bytes, bytearray]) -> int:
        """Writes the bytes of s and returns how many were written."""

    @_abc.abstractmethod
    def __enter__(self) -> 'BinaryIO':
        """Returns the stream itself."""


class TextIO(IO[str]):
    """A file object reading and writing str."""

    __slots__ = ()

    @property
    @_abc.abstractmethod
    def encoding(self) -> str:
        """The name of the encoding text is stored in."""

    @property
    @_abc.abstractmethod
    def errors(self) -> Optional[str]:
        """How encoding errors are handled."""

    @property
    @_abc.abstractmethod
    def newlines(self) -> Any:
        """The line endings met so far while reading."""

    @property
    @_abc.abstractmethod
    def line_buffering(self) -> bool:
        """Whether every newline written flushes the stream."""

    @property
    @_abc.abstractmethod
    def buffer(self) -> BinaryIO:
        """The binary stream underneath."""

    @_abc.abstractmethod
    def __enter__(self) -> 'TextIO':
        """Returns the stream itself."""


# ---------------------------------------------------------------------------------------
# NamedTuple
# ---------------------------------------------------------------------------------------

# Names a NamedTuple class body may not define, and names it defines that are not
# copied onto the tuple class.
_NAMEDTUPLE_RESERVED = frozenset({
    '__new__', '__init__', '__slots__', '__getnewargs__', '_fields', '_field_defaults',
    '_make', '_replace', '_asdict', '_source',
})
_NAMEDTUPLE_NOT_COPIED = frozenset({'__module__', '__name__', '__annotations__'})


def _build_namedtuple(typename, field_types, defaults, module, generic=False, extra=None):
    """The tuple class for a NamedTuple: collections.namedtuple, plus the annotations,
    the class body's other attributes (`extra`) and, for a generic one, Generic."""
    names = [name for name, _ in field_types]
    annotations = {name: _vet(kind, f'field {name} annotation must be a type')
                   for name, kind in field_types}
    made = _collections.namedtuple(typename, names, defaults=defaults, module=module)
    made.__annotations__ = annotations
    if extra:
        for key, value in extra.items():
            if key in _NAMEDTUPLE_RESERVED:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in _NAMEDTUPLE_NOT_COPIED and key not in names:
                setattr(made, key, value)
    if generic:
        # The namespace of the plain tuple class, rebuilt with Generic among the bases
        # (Generic.__init_subclass__ then reads the type parameters).
        namespace = {key: value for key, value in made.__dict__.items()
                     if key not in ('__dict__', '__weakref__')}
        made = type(typename, (tuple, Generic), namespace)
    return made


class NamedTupleMeta(type):
    """Turns a class statement deriving from NamedTuple into a collections.namedtuple
    class with the annotated fields."""

    def __new__(mcls, typename, bases, namespace):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        annotations = namespace.get('__annotations__', {})
        fields = list(annotations.items())
        defaults = []
        for name, _ in fields:
            if name in namespace:
                defaults.append(name)
            elif defaults:
                plural = 's' if len(defaults) > 1 else ''
                raise TypeError(f'Non-default namedtuple field {name} cannot follow '
                                f'default field{plural} {", ".join(defaults)}')
        return _build_namedtuple(typename, fields, [namespace[n] for n in defaults],
                                 namespace['__module__'], generic=Generic in bases,
                                 extra=namespace)


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed version of collections.namedtuple. As a base class:

        class Employee(NamedTuple):
            name: str
            id: int = 3

    or called: Employee = NamedTuple('Employee', [('name', str), ('id', int)]).
    The field types end up in __annotations__; defaults come from the class body.
    """
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords can be provided to NamedTuple, '
                        'not both')
    return _build_namedtuple(typename, list(fields), None, _caller_module(1) or '__main__')


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {'__module__': __name__})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


# ---------------------------------------------------------------------------------------
# TypedDict
# ---------------------------------------------------------------------------------------

def _peel_required(kind):
    """Whether an annotation says Required (True), NotRequired (False) or neither (None),
    looking inside Annotated."""
    while isinstance(kind, _GenericAlias):
        if kind.__origin__ is Required:
            return True
        if kind.__origin__ is NotRequired:
            return False
        if isinstance(kind, _AnnotatedAlias):
            kind = kind.__origin__
            continue
        break
    return None


class _TypedDictMeta(type):
    """Makes TypedDict classes: subclasses of dict (calling one makes a plain dict) that
    record their keys' types and which keys are required."""

    def __new__(mcls, name, bases, namespace, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        real_bases = ((Generic,) if Generic in bases else ()) + (dict,)
        made = type.__new__(_TypedDictMeta, name, real_bases, namespace)
        module = made.__module__
        own = {key: _vet(kind, 'TypedDict(\'Name\', {f0: t0, f1: t1, ...}); each t must be a type',
                         module=module)
               for key, kind in namespace.get('__annotations__', {}).items()}
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, kind in own.items():
            says = _peel_required(kind)
            if says is None:
                says = bool(total)
            (required if says else optional).add(key)
        made.__annotations__ = annotations
        made.__required_keys__ = frozenset(required)
        made.__optional_keys__ = frozenset(optional)
        if '__total__' not in made.__dict__:
            made.__total__ = total
        return made

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of string keys, each with its own value type:

        class Point2D(TypedDict):
            x: int
            y: int
            label: NotRequired[str]

    or Point2D = TypedDict('Point2D', {'x': int, 'y': int}). Calling the class makes
    an ordinary dict; the key types are for type checkers and get_type_hints().
    With total=False every key may be missing; Required[] and NotRequired[] mark
    single keys.
    """
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments, but not both')
    namespace = {'__annotations__': dict(fields)}
    module = _caller_module(1)
    if module is not None:
        namespace['__module__'] = module
    return _TypedDictMeta(typename, (), namespace, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {'__module__': __name__})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Whether `tp` is a class made with TypedDict."""
    return isinstance(tp, _TypedDictMeta)


# ---------------------------------------------------------------------------------------
# NewType
# ---------------------------------------------------------------------------------------

class NewType:
    """A distinct name for an existing type, for type checkers:

        UserId = NewType('UserId', int)

    At run time UserId(5) is just 5; the call costs nothing and checks nothing."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[2]
        self.__supertype__ = tp
        module = _caller_module(1)
        if module is not None and module != __name__:
            self.__module__ = module

    def __call__(self, value):
        return value

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        # A class statement cannot derive from a NewType; the error names the class
        # being defined, so it is raised when that class is created.
        wanted = self.__name__

        class _RefuseSubclass:
            def __init_subclass__(cls, **kwargs):
                name = cls.__name__
                raise TypeError(f'Cannot subclass an instance of NewType. Perhaps you were '
                                f'looking for: `{name} = NewType({name!r}, {wanted})`')

        return (_RefuseSubclass,)


# ---------------------------------------------------------------------------------------
# Forward references and get_type_hints()
# ---------------------------------------------------------------------------------------

class ForwardRef:
    """An annotation written as a string, kept until get_type_hints() evaluates it."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_module__ = module
        # Where the annotation was written: a function's parameter (where ClassVar and
        # Final are refused) and/or a class body (where they are allowed).
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self._store(None, evaluated=False)

    def _store(self, value, *, evaluated=True):
        self.__forward_value__ = value
        self.__forward_evaluated__ = evaluated
        return value

    def _evaluate(self, globalns, localns, recursive_guard):
        text = self.__forward_arg__
        if text in recursive_guard:
            return self
        if self.__forward_evaluated__ and localns is globalns:
            return self.__forward_value__
        if globalns is None:
            globalns = {} if localns is None else localns
        if localns is None:
            localns = globalns
        if self.__forward_module__ is not None:
            home = _sys.modules.get(self.__forward_module__)
            globalns = getattr(home, '__dict__', globalns)
        try:
            value = eval(text, globalns, localns)
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {text!r}') from None
        value = _vet(value, 'Forward references must evaluate to types.',
                     is_argument=self.__forward_is_argument__,
                     special_ok=self.__forward_is_class__)
        return self._store(_evaluate_hint(value, globalns, localns, recursive_guard | {text}))

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_arg__ != other.__forward_arg__:
            return False
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return self.__forward_value__ == other.__forward_value__
        return self.__forward_module__ == other.__forward_module__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        where = '' if self.__forward_module__ is None else f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{where})'


def _evaluate_hint(hint, globalns, localns, recursive_guard=frozenset()):
    """`hint` with its forward references evaluated, however deeply nested."""
    if isinstance(hint, ForwardRef):
        return hint._evaluate(globalns, localns, recursive_guard)
    if isinstance(hint, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        if isinstance(hint, _types.GenericAlias):
            args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in hint.__args__)
        else:
            args = hint.__args__
        done = tuple(_evaluate_hint(a, globalns, localns, recursive_guard) for a in args)
        if all(a is b for a, b in zip(args, done)) and args is hint.__args__:
            return hint
        if isinstance(hint, _types.GenericAlias):
            return _types.GenericAlias(hint.__origin__, done)
        if isinstance(hint, _types.UnionType):
            return _functools.reduce(_operator.or_, done)
        return hint.copy_with(done)
    return hint


def _without_extras(hint):
    """`hint` with Annotated, Required and NotRequired taken off, however deeply nested."""
    if isinstance(hint, _AnnotatedAlias):
        return _without_extras(hint.__origin__)
    if isinstance(hint, _GenericAlias) and (hint.__origin__ is Required
                                             or hint.__origin__ is NotRequired):
        return _without_extras(hint.__args__[0])
    if isinstance(hint, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        bare = tuple(_without_extras(a) for a in hint.__args__)
        if all(a is b for a, b in zip(bare, hint.__args__)):
            return hint
        if isinstance(hint, _types.GenericAlias):
            return _types.GenericAlias(hint.__origin__, bare)
        if isinstance(hint, _types.UnionType):
            return _functools.reduce(_operator.or_, bare)
        return hint.copy_with(bare)
    return hint


_KINDS_WITH_HINTS = tuple(k for k in (
    _types.FunctionType, _types.BuiltinFunctionType, _types.MethodType, _types.ModuleType,
    getattr(_types, 'WrapperDescriptorType', None), getattr(_types, 'MethodWrapperType', None),
    getattr(_types, 'MethodDescriptorType', None)) if k is not None)


def _hints_of_class(cls, globalns, localns):
    hints = {}
    for klass in reversed(cls.__mro__):
        if globalns is None:
            module_dict = getattr(_sys.modules.get(klass.__module__), '__dict__', {})
        else:
            module_dict = globalns
        written = klass.__dict__.get('__annotations__', {})
        if not isinstance(written, dict):
            written = {}
        class_dict = dict(vars(klass)) if localns is None else localns
        if globalns is None and localns is None:
            # Names of the module come first, then those of the class body.
            look_global, look_local = class_dict, module_dict
        else:
            look_global, look_local = module_dict, class_dict
        for name, value in written.items():
            if value is None:
                value = _NoneType
            elif isinstance(value, str):
                value = ForwardRef(value, is_argument=False, is_class=True)
            hints[name] = _evaluate_hint(value, look_global, look_local)
    return hints


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, method, module or class, with string annotations
    evaluated and None replaced by NoneType. For a class, the annotations of all its
    bases are merged (the class's own last). Annotated[T, ...], Required[T] and
    NotRequired[T] are reduced to T unless include_extras is true.

    Strings are evaluated in `globalns` and `localns`; by default in the globals of the
    function or module, and for a class in its module and its own namespace."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = _hints_of_class(obj, globalns, localns)
    else:
        if globalns is None:
            if isinstance(obj, _types.ModuleType):
                globalns = obj.__dict__
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        written = getattr(obj, '__annotations__', None)
        if written is None:
            if isinstance(obj, _KINDS_WITH_HINTS):
                return {}
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        in_module = isinstance(obj, _types.ModuleType)
        hints = {}
        for name, value in dict(written).items():
            if value is None:
                value = _NoneType
            elif isinstance(value, str):
                value = ForwardRef(value, is_argument=not in_module, is_class=False)
            hints[name] = _evaluate_hint(value, globalns, localns)
    if include_extras:
        return hints
    return {name: _without_extras(hint) for name, hint in hints.items()}


# ---------------------------------------------------------------------------------------
# Taking aliases apart
# ---------------------------------------------------------------------------------------

def get_origin(tp):
    """What an alias was made from: get_origin(List[int]) is list, get_origin(Union[int,
    str]) is Union, get_origin(Annotated[int, x]) is Annotated, get_origin(int | str) is
    types.UnionType, get_origin(P.args) is P. None for anything else."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_AliasCommon, _types.GenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return None


def get_args(tp):
    """The arguments of a subscripted alias, as written: get_args(Dict[str, int]) is
    (str, int), get_args(Callable[[int], str]) is ([int], str), get_args(Annotated[int,
    x]) is (int, x). () for anything else."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        args = tp.__args__
        if (get_origin(tp) is _cabc.Callable and args
                and not (len(args) == 2 and _is_param_list(args[0]))):
            return (list(args[:-1]), args[-1])
        return args
    if isinstance(tp, _types.UnionType):
        return tp.__args__
    return ()


# ---------------------------------------------------------------------------------------
# Helpers for programs: cast, assert_type, overload, final, ...
# ---------------------------------------------------------------------------------------

def cast(typ, val):
    """Tells a type checker that `val` has type `typ`; returns `val` unchanged."""
    return val


def assert_type(val, typ, /):
    """Asks a type checker to confirm that `val` has type `typ`; returns `val`."""
    return val


def assert_never(arg, /):
    """For code a type checker should find unreachable; fails if it is reached."""
    shown = repr(arg)
    if len(shown) > 100:
        shown = shown[:100] + '...'
    raise AssertionError(f'Expected code to be unreachable, but got: {shown}')


def reveal_type(obj, /):
    """Asks a type checker for the type it infers for `obj`; at run time prints the
    actual type on stderr and returns `obj`."""
    print(f'Runtime type is {type(obj).__name__!r}', file=_sys.stderr)
    return obj


def final(f):
    """Marks a method that must not be overridden, or a class that must not be
    subclassed, for type checkers. Sets __final__ = True when it can."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


# module -> qualified name -> first line -> the @overload-decorated function
_overloads = {}


def _overload_dummy(*args, **kwds):
    """What an @overload-decorated function becomes: it must never be called."""
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def _overload_key(func):
    func = getattr(func, '__func__', func)
    return func, getattr(func, '__module__', None), getattr(func, '__qualname__', None)


def overload(func):
    """Declares one signature of a function with several; the definition without
    @overload that follows is the implementation. get_overloads() lists them."""
    func, module, qualname = _overload_key(func)
    try:
        line = func.__code__.co_firstlineno
    except AttributeError:
        pass
    else:
        _overloads.setdefault(module, {}).setdefault(qualname, {})[line] = func
    return _overload_dummy


def get_overloads(func):
    """The @overload signatures recorded for `func`, in definition order."""
    func, module, qualname = _overload_key(func)
    found = _overloads.get(module, {}).get(qualname, {})
    return list(found.values())


def clear_overloads():
    """Forgets every recorded @overload signature."""
    _overloads.clear()


def no_type_check(arg):
    """Tells type checkers to ignore the annotations of a function, or of every method
    of a class (then its nested classes too)."""
    if isinstance(arg, type):
        for value in list(arg.__dict__.values()):
            if isinstance(value, (classmethod, staticmethod)):
                value = value.__func__
            if isinstance(value, _types.FunctionType) or (
                    isinstance(value, type) and value.__qualname__.startswith(arg.__qualname__ + '.')):
                if isinstance(value, type):
                    no_type_check(value)
                else:
                    value.__no_type_check__ = True
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Makes `decorator` apply @no_type_check to what it returns."""
    @_functools.wraps(decorator)
    def decorate(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return decorate


def dataclass_transform(*, eq_default=True, order_default=False, kw_only_default=False,
                        field_specifiers=(), **kwargs):
    """Marks a decorator, base class or metaclass as making dataclass-like classes
    (PEP 681). Records its arguments in __dataclass_transform__."""
    def mark(target):
        target.__dataclass_transform__ = {
            'eq_default': eq_default,
            'order_default': order_default,
            'kw_only_default': kw_only_default,
            'field_specifiers': field_specifiers,
            'kwargs': kwargs,
        }
        return target
    return mark
