# dataclasses with string annotations (from __future__ import annotations):
# ClassVar/InitVar/KW_ONLY recognised, every decorator option, slots,
# weakref_slot, match, abstract methods, nested asdict/astuple, make_dataclass.
from __future__ import annotations
import dataclasses, typing, abc, copy, weakref
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY, replace, asdict, astuple, make_dataclass, is_dataclass, FrozenInstanceError
from typing import ClassVar
def t(f):
    try: print(repr(f()))
    except BaseException as e: print(type(e).__name__, e)
@dataclass
class S:
    a: int
    b: ClassVar[int] = 3
    c: InitVar[int] = 4
    _: KW_ONLY
    d: list[int] = field(default_factory=list)
    e: typing.Optional[str] = None
    def __post_init__(self, c): self.total = self.a + c
print(S.__doc__, [f.name for f in fields(S)], S.__match_args__)
s = S(1, 2, d=[1]); print(s, s.total, S.__init__.__annotations__)
t(lambda: S(1, 2, [3]))
@dataclass(frozen=True)
class FZ:
    x: int
    items: tuple = ()
    tags: list = field(default_factory=list, compare=False, hash=False)
fz = FZ(1, (2,))
print(fz, hash(fz) == hash((1, (2,))), fz == FZ(1, (2,), ['z']))
t(lambda: setattr(fz, 'tags', []))
t(lambda: copy.deepcopy(fz)); t(lambda: copy.copy(fz))
t(lambda: replace(fz, x=5))
class Abstract(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
@dataclass
class Shape(Abstract):
    name: str
t(lambda: Shape('x'))
@dataclass
class Square(Shape):
    side: float = 1.0
    def area(self): return self.side ** 2
print(Square('sq', 3).area(), Square.__abstractmethods__)
@dataclass
class Base:
    x: int = 0
    def __post_init__(self): print('base post', self)
@dataclass
class Derived(Base):
    y: int = 1
    def __post_init__(self):
        super().__post_init__(); print('derived post')
Derived(5)
@dataclass(eq=False)
class NoEq:
    v: int
n = NoEq(1); print(n == n, n == NoEq(1), hash(n) == id(n) // 16 or True)
@dataclass
class WithRepr:
    v: int
    def __repr__(self): return 'custom'
print(WithRepr(1))
@dataclass(repr=False)
class NoRepr:
    v: int
print(repr(NoRepr(1)).startswith('<'))
@dataclass(slots=True)
class Sl:
    a: int
    b: str = 'b'
sl = Sl(1)
t(lambda: setattr(sl, 'c', 1))
t(lambda: sl.__dict__)
print(sl, Sl.__slots__)
@dataclass(slots=True, weakref_slot=True)
class WR:
    a: int
w = WR(1); r = weakref.ref(w); print(r() is w)
@dataclass
class Point:
    x: int
    y: int
def where(p):
    match p:
        case Point(0, 0): return 'origin'
        case Point(x, 0): return f'x-axis {x}'
        case Point(x=x, y=y): return f'{x},{y}'
print(where(Point(0, 0)), where(Point(3, 0)), where(Point(1, 2)))
@dataclass(order=True)
class Ver:
    major: int
    minor: int = 0
    note: str = field(default='', compare=False)
print(sorted([Ver(1, 2), Ver(1, 0, 'b'), Ver(0, 9)]), Ver(1) <= Ver(1, 0), Ver(2) > Ver(1, 9))
t(lambda: Ver(1) < (1,))
@dataclass
class Meta:
    v: int = field(default=0, metadata={'unit': 'm'})
print(fields(Meta)[0].metadata['unit'], fields(Meta)[0].metadata)
t(lambda: fields(Meta)[0].metadata.__setitem__('x', 1))
print(is_dataclass(Meta), is_dataclass(Meta()), is_dataclass(int), is_dataclass(list[int]))
Pt = make_dataclass('Pt', ['x', ('y', int, 5)], namespace={'norm': lambda self: self.x + self.y}, frozen=True)
print(Pt(1), Pt(1).norm(), Pt.__doc__, hash(Pt(1)) == hash((1, 5)))
t(lambda: Pt(1).__setattr__('x', 3))
print(asdict(Pt(1)), astuple(Pt(2, 3)))
@dataclass
class Node:
    val: int
    kids: list[Node] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
tree = Node(1, [Node(2), Node(3, [Node(4)])], {'k': Node(5)})
print(asdict(tree))
print(astuple(tree))
print(asdict(tree, dict_factory=lambda pairs: dict((k.upper(), v) for k, v in pairs)))
print(astuple(tree, tuple_factory=list))
@dataclass
class Selfish:
    self: int
    other: int = 2
print(Selfish(1), Selfish(self=3) == Selfish(3, 2))
@dataclass
class Empty: pass
print(Empty(), Empty() == Empty(), Empty.__match_args__, hash(Empty) is not None)
t(lambda: Empty(1))
@dataclass(init=False)
class NoInit:
    a: int = 1
ni = NoInit(); print(ni, NoInit.__doc__)
@dataclass
class Custom:
    a: int
    def __init__(self, a, b):
        self.a = a + b
print(Custom(1, 2), Custom.__doc__)
@dataclass(match_args=False)
class NoMatch:
    a: int
print(hasattr(NoMatch, '__match_args__'))
@dataclass(unsafe_hash=True)
class UH:
    a: int
    b: list = field(default_factory=list, hash=False)
print(hash(UH(1)) == hash((1,)))
t(lambda: dataclass(slots=True)(type('X', (), {'__annotations__': {'a': int}, '__slots__': ()})))
@dataclass
class Dflt:
    a: int = field(default=1, init=False)
    b: list = field(default_factory=lambda: [9], init=False)
    c: int = field(default=3, repr=False)
print(Dflt(), Dflt(c=4).c, Dflt.a, Dflt.__doc__)
t(lambda: Dflt(a=2))
@dataclass(kw_only=True)
class KO:
    a: int
    b: int = field(default=2, kw_only=False)
    c: int
print(KO.__doc__, KO(3, a=1, c=2), KO.__match_args__)
print(repr(field()).replace(repr(dataclasses.MISSING), 'MISSING'), repr(InitVar[ClassVar]))
print(dataclasses.MISSING is dataclasses.MISSING, type(dataclasses.MISSING).__name__, type(KW_ONLY).__name__)
t(lambda: FrozenInstanceError('x').__class__.__mro__)
print(S.__dataclass_params__, fields(S)[1].default_factory is list)
