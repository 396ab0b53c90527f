"""Names for the interpreter's built-in types, plus SimpleNamespace,
DynamicClassAttribute and the dynamic class-creation helpers (new_class,
prepare_class, resolve_bases).

pyheap's own module. A type that has no public name in builtins is found by
taking type() of a small sample object that has it.
"""

import sys as _sys
from _collections import _set_type_name


# ---------------------------------------------------------------- type names

def _samples():
    """Build sample objects and return {public name: their type}."""
    found = {}

    def plain_function():
        pass

    def generator_function():
        yield None

    def closure_maker():
        captured = None

        def inner():
            return captured
        return inner

    class Holder:
        __slots__ = ('slot',)

        def method(self):
            pass

    try:
        raise LookupError
    except LookupError as caught:
        traceback = caught.__traceback__

    found['FunctionType'] = type(plain_function)
    found['LambdaType'] = type(lambda: None)
    found['CodeType'] = type(plain_function.__code__)
    found['MappingProxyType'] = type(Holder.__dict__)
    found['CellType'] = type(closure_maker().__closure__[0])
    gen = generator_function()
    found['GeneratorType'] = type(gen)
    gen.close()
    found['MethodType'] = type(Holder().method)
    found['BuiltinFunctionType'] = type(abs)
    found['BuiltinMethodType'] = type([].append)
    found['WrapperDescriptorType'] = type(object.__init__)
    found['MethodWrapperType'] = type(object().__str__)
    found['MethodDescriptorType'] = type(str.join)
    found['ClassMethodDescriptorType'] = type(dict.__dict__['fromkeys'])
    found['ModuleType'] = type(_sys)
    found['TracebackType'] = type(traceback)
    found['FrameType'] = type(traceback.tb_frame)
    found['GetSetDescriptorType'] = type(type.__dict__['__dict__'])
    found['MemberDescriptorType'] = type(Holder.__dict__['slot'])
    found['GenericAlias'] = type(list[int])
    found['UnionType'] = type(int | str)
    found['EllipsisType'] = type(...)
    found['NoneType'] = type(None)
    found['NotImplementedType'] = type(NotImplemented)
    return found


globals().update(_samples())
del _samples


# ---------------------------------------------------------------- SimpleNamespace

_repr_active = {}     # id() of the namespaces whose repr is being built


def _both_namespaces(a, b):
    return isinstance(a, SimpleNamespace) and isinstance(b, SimpleNamespace)


class SimpleNamespace:
    """A simple attribute-based namespace.

SimpleNamespace(**kwargs)"""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        if kwargs:
            self.__dict__.update(kwargs)

    def __repr__(self):
        label = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        marker = id(self)
        if marker in _repr_active:
            return label + '(...)'
        _repr_active[marker] = self
        try:
            shown = []
            for key, value in self.__dict__.items():
                if isinstance(key, str) and key:
                    shown.append('%s=%r' % (key, value))
        finally:
            del _repr_active[marker]
        return '%s(%s)' % (label, ', '.join(shown))

    # Two namespaces compare as their attribute dicts do; anything else is
    # left to the other operand.
    def __eq__(self, other):
        return self.__dict__ == other.__dict__ if _both_namespaces(self, other) else NotImplemented

    def __ne__(self, other):
        return self.__dict__ != other.__dict__ if _both_namespaces(self, other) else NotImplemented

    def __lt__(self, other):
        return self.__dict__ < other.__dict__ if _both_namespaces(self, other) else NotImplemented

    def __le__(self, other):
        return self.__dict__ <= other.__dict__ if _both_namespaces(self, other) else NotImplemented

    def __gt__(self, other):
        return self.__dict__ > other.__dict__ if _both_namespaces(self, other) else NotImplemented

    def __ge__(self, other):
        return self.__dict__ >= other.__dict__ if _both_namespaces(self, other) else NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


SimpleNamespace.__module__ = 'types'
_set_type_name(SimpleNamespace, 'types.SimpleNamespace')


# ---------------------------------------------------------------- DynamicClassAttribute

def _present(accessor, complaint):
    if accessor is None:
        raise AttributeError(complaint)
    return accessor


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    A property-like descriptor: reading it through an instance calls fget, but
    reading it through the class raises AttributeError, so the class's (or its
    metaclass's) __getattr__ decides what the class-level name means. Subclass it
    to give class-level access another meaning.
    """

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        # Without an explicit doc the docstring follows fget, also through getter().
        self.overwrite_doc = doc is None
        self.__doc__ = getattr(fget, '__doc__', None) if doc is None else doc
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            return _present(self.fget, 'unreadable attribute')(instance)
        # Read through the class: abstract ones stay visible (for ABCMeta), all
        # others defer to __getattr__.
        if self.__isabstractmethod__:
            return self
        raise AttributeError()

    def __set__(self, instance, value):
        _present(self.fset, "can't set attribute")(instance, value)

    def __delete__(self, instance):
        _present(self.fdel, "can't delete attribute")(instance)

    def _replaced(self, fget, fset, fdel, doc):
        duplicate = type(self)(fget, fset, fdel, doc)
        duplicate.overwrite_doc = self.overwrite_doc
        return duplicate

    def getter(self, fget):
        doc = fget.__doc__ if self.overwrite_doc else self.__doc__
        return self._replaced(fget, self.fset, self.fdel, doc)

    def setter(self, fset):
        return self._replaced(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return self._replaced(self.fget, self.fset, fdel, self.__doc__)


# ---------------------------------------------------------------- class creation

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560.

    Each base that is not a class but has __mro_entries__ is replaced by the
    tuple that method returns. The same tuple object comes back when nothing
    needed replacing."""
    resolved = []
    changed = False
    for base in bases:
        if isinstance(base, type):
            resolved.append(base)
            continue
        hook = getattr(base, '__mro_entries__', None)
        if hook is None:
            resolved.append(base)
            continue
        entries = hook(bases)
        if not isinstance(entries, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        resolved.extend(entries)
        changed = True
    return tuple(resolved) if changed else bases


def _winning_metaclass(candidate, bases):
    """The most derived of candidate and the metaclasses of bases."""
    winner = candidate
    for base in bases:
        other = type(base)
        if issubclass(winner, other):
            continue
        if issubclass(other, winner):
            winner = other
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be '
                        'a (non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds): the metaclass to call, the namespace
    its __prepare__ made (a new dict when it has none) and a copy of kwds
    without a 'metaclass' entry."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _winning_metaclass(meta, bases)
    prepare = getattr(meta, '__prepare__', None)
    namespace = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, namespace, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass.

    exec_body, when given, is called with the fresh namespace to fill it."""
    effective = resolve_bases(bases)
    meta, namespace, kwds = prepare_class(name, effective, kwds)
    if exec_body is not None:
        exec_body(namespace)
    if effective is not bases:
        namespace['__orig_bases__'] = bases
    # CPython's type() takes __module__ from its caller's globals, which makes it
    # 'types' here; pyheap's type() does not look at the caller.
    if '__module__' not in namespace:
        namespace['__module__'] = __name__
    return meta(name, effective, namespace, **kwds)


# ---------------------------------------------------------------- coroutine

_GENERATOR_FLAG = 0x20      # co_flags bit of a generator function's code


def coroutine(func):
    """Convert a regular generator function into a generator-based coroutine.

    pyheap has no await, so a generator function comes back as it is; any other
    callable is wrapped so that a generator-like result it returns is handed on
    through an object with the generator protocol."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    code = getattr(func, '__code__', None)
    if type(func) is FunctionType and code is not None and code.co_flags & _GENERATOR_FLAG:
        return func

    def call(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is GeneratorType:
            return result
        if all(hasattr(result, name) for name in ('__next__', 'send', 'throw', 'close')):
            return _GeneratorProxy(result)
        return result

    for attribute in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(call, attribute, getattr(func, attribute))
        except AttributeError:
            pass
    call.__wrapped__ = func
    return call


class _GeneratorProxy:
    """A generator-like object seen through the generator protocol."""

    def __init__(self, target):
        self._target = target

    def send(self, value):
        return self._target.send(value)

    def throw(self, *args):
        return self._target.throw(*args)

    def close(self):
        return self._target.close()

    def __next__(self):
        return next(self._target)

    def __iter__(self):
        return self

    __await__ = __iter__


# In the order CPython lists them; CoroutineType and AsyncGeneratorType are left out
# because pyheap's `async def` functions make no coroutine objects to take them from.
__all__ = [
    'FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace',
    'CellType', 'GeneratorType', 'MethodType', 'BuiltinFunctionType',
    'BuiltinMethodType', 'WrapperDescriptorType', 'MethodWrapperType',
    'MethodDescriptorType', 'ClassMethodDescriptorType', 'ModuleType',
    'TracebackType', 'FrameType', 'GetSetDescriptorType', 'MemberDescriptorType',
    'new_class', 'resolve_bases', 'prepare_class', 'DynamicClassAttribute',
    'coroutine', 'GenericAlias', 'UnionType', 'EllipsisType', 'NoneType',
    'NotImplementedType',
]
