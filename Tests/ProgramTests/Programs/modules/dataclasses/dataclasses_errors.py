# The errors dataclass() and its helpers raise, and when they do not.
import typing
from dataclasses import (dataclass, field, fields, asdict, astuple, replace, make_dataclass,
                         InitVar, KW_ONLY, FrozenInstanceError)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def make(lines, options=None, bases=()):
    namespace = {'__annotations__': {}}
    for line in lines:
        name, _, rest = line.partition(':')
        annotation, _, default = rest.partition('=')
        namespace['__annotations__'][name.strip()] = eval(annotation)
        if default:
            namespace[name.strip()] = eval(default)
    cls = type('C', bases, namespace)
    return dataclass(**(options or {}))(cls)

t(lambda: make(['x: list = []']))
t(lambda: make(['x: dict = {}']))
t(lambda: make(['x: set = set()']))
t(lambda: make(['x: InitVar[list] = []']).__name__)
t(lambda: make(['x: typing.ClassVar[list] = []']).__name__)
t(lambda: make(['x: int = 1', 'y: int']))
t(lambda: make(['x: int = 1', 'y: int'], {'init': False}).__name__)
t(lambda: make(['x: int = 1', 'y: int = field(init=False)', 'z: int = field(init=False)']).__doc__)
t(lambda: make(['x: int = 1', 'y: int = field(kw_only=True)']).__doc__)
t(lambda: make(['x: typing.ClassVar[int] = field(default_factory=int)']))
t(lambda: make(['x: InitVar[int] = field(default_factory=int)']))
t(lambda: make(['x: typing.ClassVar[int] = field(kw_only=True)']))
t(lambda: make(['_: KW_ONLY', 'a: int', 'b: KW_ONLY']))
t(lambda: make(['x: int'], {'order': True, 'eq': False}))
t(lambda: make(['x: int'], {'weakref_slot': True}))
t(lambda: field(default=1, default_factory=list))
t(lambda: field(1))
t(lambda: dataclass(1))
t(lambda: fields(1)); t(lambda: fields(int))
t(lambda: asdict(1)); t(lambda: astuple(int)); t(lambda: replace(1))

def with_method(name, options):
    namespace = {'__annotations__': {'x': int}, name: lambda *a: None}
    return dataclass(**options)(type('C', (), namespace))
t(lambda: with_method('__lt__', {'order': True}))
t(lambda: with_method('__ge__', {'order': True}))
t(lambda: with_method('__setattr__', {'frozen': True}))
t(lambda: with_method('__delattr__', {'frozen': True}))
t(lambda: with_method('__hash__', {'unsafe_hash': True}))
t(lambda: with_method('__init__', {}).__init__(None))
t(lambda: with_method('__repr__', {})(1).__repr__())
t(lambda: dataclass(slots=True)(type('C', (), {'__annotations__': {'x': int}, '__slots__': ()})))
t(lambda: dataclass(type('C', (), {'x': field()})))

@dataclass(frozen=True)
class FrozenBase:
    a: int = 0
@dataclass
class PlainBase:
    b: int = 0
def inherit(options, *bases):
    return dataclass(**options)(type('X', bases, {'__annotations__': {}})).__mro__[1:]
t(lambda: inherit({}, FrozenBase))
t(lambda: inherit({'frozen': True}, PlainBase))
t(lambda: inherit({'frozen': True}, FrozenBase, PlainBase))
t(lambda: inherit({}, PlainBase, FrozenBase))
class NotADataclass:
    pass
@dataclass(frozen=True)
class FrozenFromPlain(NotADataclass):
    c: int = 1
x = FrozenFromPlain()
t(lambda: setattr(x, 'c', 2)); t(lambda: delattr(x, 'c')); t(lambda: setattr(x, 'other', 2))
class Loose(FrozenFromPlain):
    pass
lo = Loose()
lo.other = 3
t(lambda: lo.other)
t(lambda: setattr(lo, 'c', 5))
t(lambda: isinstance(FrozenInstanceError(), AttributeError))

@dataclass
class R:
    x: int
    y: int = field(init=False, default=3)
    z: InitVar[typing.Optional[int]] = None
    def __post_init__(self, z):
        print('post', z)
t(lambda: replace(R(1), y=2))
t(lambda: replace(R(1), q=2))
t(lambda: replace(R(1, 5)))
@dataclass
class NeedsInit:
    x: int
    z: InitVar[int]
    def __post_init__(self, z):
        print('post', z)
t(lambda: replace(NeedsInit(1, 2)))
t(lambda: replace(NeedsInit(1, 2), z=4))
t(lambda: NeedsInit.__init__())
t(lambda: NeedsInit(1))
t(lambda: NeedsInit(1, 2, 3))
t(lambda: NeedsInit(x=1, z=2, w=3))
t(lambda: NeedsInit(1, x=1))
@dataclass
class Selfish:
    self: int
    x: int = 0
t(lambda: Selfish.__init__())
t(lambda: Selfish(1, 2, 3))

t(lambda: make_dataclass('X', [('a',)]))
t(lambda: make_dataclass('X', ['if']))
t(lambda: make_dataclass('X', ['a', 'a']))
t(lambda: make_dataclass('X', [3]))
t(lambda: make_dataclass('X', ['a b']))
t(lambda: make_dataclass('X', [(1, int)]))
t(lambda: make_dataclass('X', [('a', int, field(default=1)), ('b', int)]))
t(lambda: make_dataclass('X', ['a'], order=True, eq=False))
