"""Names for the interpreter's built-in types, SimpleNamespace, new_class and
MappingProxyType.

Written for pyheap: each name is the type of a sample object, as CPython's Lib/types.py
does.
"""

import sys as _sys
from _collections import _set_type_name


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
WrapperDescriptorType = type(object.__init__)
MethodDescriptorType = type(str.join)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)

try:
    raise TypeError
except TypeError as _error:
    TracebackType = type(_error.__traceback__)

del _f, _g, _C


class SimpleNamespace:
    """A simple attribute-based namespace.

SimpleNamespace(**kwargs)"""

    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return f'{name}(...)'
        _repr_running.add(key)
        try:
            items = (f'{k}={v!r}' for k, v in self.__dict__.items())
            return f"{name}({', '.join(items)})"
        finally:
            _repr_running.discard(key)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


SimpleNamespace.__module__ = 'types'
_set_type_name(SimpleNamespace, 'types.SimpleNamespace')
_repr_running = set()


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    kwds = dict(kwds) if kwds else {}
    meta = kwds.pop('metaclass', type)
    namespace = {}
    if exec_body is not None:
        exec_body(namespace)
    return meta(name, tuple(bases), namespace, **kwds)


def resolve_bases(bases):
    return tuple(bases)


def coroutine(func):
    return func


__all__ = [n for n in globals() if n[:1] != '_']
