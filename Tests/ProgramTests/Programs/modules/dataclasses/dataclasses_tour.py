# dataclasses: generated __init__/__repr__/__eq__/order/hash, defaults, factories,
# frozen, inheritance, __post_init__, InitVar, KW_ONLY, asdict/astuple/replace, errors.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY, make_dataclass

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(5), p == Point(1, 2), p != Point(1, 3), p.x, Point.y)
show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, z=3))
show(lambda: hash(p))
show(lambda: p < Point(2, 2))
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
print(Point.__match_args__, Point.__doc__)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
vs = [Version(1, 2), Version(1, 0, 'x'), Version(0, 9)]
print(sorted(vs), max(vs), Version(1, 0, 'a') == Version(1, 0, 'b'), hash(Version(1)) == hash(Version(1)))
def mutate():
    vs[0].major = 5
show(mutate)
def delete():
    del vs[0].minor
show(delete)
print({Version(1): 'one'}[Version(1)])

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    owner: str = 'nobody'
a, b = Inventory(), Inventory()
a.items.append('apple')
print(a, b, a.items is b.items)
show(lambda: make_bad())
def make_bad():
    @dataclass
    class Bad:
        items: list = []
    return Bad
show(make_bad)
def order_bad():
    @dataclass
    class Bad:
        a: int = 1
        b: int
show(order_bad)
show(lambda: field(default=1, default_factory=list))

@dataclass
class Base:
    id: int
    name: str = 'base'
@dataclass
class Child(Base):
    extra: float = 1.5
    def describe(self):
        return f'{self.name}#{self.id}'
c = Child(7, extra=2.5)
print(c, c.describe(), [f.name for f in fields(c)], isinstance(c, Base))

@dataclass
class Circle:
    radius: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.radius *= scale
        self.area = round(3.14159 * self.radius ** 2, 2)
print(Circle(2), Circle(1, 3), [f.name for f in fields(Circle)])
show(lambda: replace(Circle(1), area=5))

@dataclass
class Options:
    path: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1
print(Options('x', verbose=True), Options('y', level=3))
show(lambda: Options('x', True))

@dataclass(eq=False)
class Identity:
    v: int
print(Identity(1) == Identity(1), Identity(1).__eq__(Identity(1)))

@dataclass(unsafe_hash=True)
class Hashable:
    v: int
print(hash(Hashable(3)) == hash((3,)), {Hashable(1), Hashable(1)} == {Hashable(1)})

@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(t)
print(asdict(t))
print(astuple(t))
t.children.append(t)
print(repr(t)[:60])
Dyn = make_dataclass('Dyn', [('a', int), ('b', str, field(default='z'))])
print(Dyn(1), Dyn.__name__)
@dataclass(frozen=True)
class Frozen:
    a: int
show(lambda: replace(Frozen(1), a=2))
show(lambda: setattr(Frozen(1), 'a', 5))
show(lambda: fields(5))
show(lambda: asdict(Point))
class Plain:
    pass
print(is_dataclass(Plain), Point.__init__.__qualname__, Point.__repr__.__qualname__)
