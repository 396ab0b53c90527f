# What generated methods look like from outside: the class docstring made from
# the signature (annotations of every kind), __init__'s annotations, defaults
# and qualname, Field and params reprs, and inherited fields.
import dataclasses
import typing
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Plain:
    pass

@dataclass
class Ann:
    a: typing.List[int]
    b: list[int]
    c: typing.Optional[str] = None
    d: 'typing.Any' = None
    e: typing.Any = None
    f: Plain = None
    g: type(None) = None
    h: None = None
    i: typing.Union[int, str] = 0
    j: int | None = None
    k: typing.Callable[[int], str] = None
    l: dataclasses.Field = None
    m: 5 = None
    n: tuple = ()
    o: typing.Dict[str, typing.List[int]] = field(default_factory=dict)
    p: InitVar[int] = 1
print(Ann.__doc__)
print(Ann.__init__.__defaults__)
print(Ann.__init__.__annotations__['p'], Ann.__init__.__annotations__['return'])
print(Ann.__init__.__qualname__, Ann.__repr__.__qualname__, Ann.__eq__.__qualname__, Ann.__init__.__name__)

@dataclass(frozen=True, order=True)
class Q:
    x: int
    _: KW_ONLY
    y: float = 1.0
print(Q.__doc__, Q.__init__.__kwdefaults__, Q.__init__.__defaults__)
print([getattr(Q, name).__qualname__ for name in ('__lt__', '__le__', '__gt__', '__ge__', '__setattr__', '__delattr__', '__hash__')])

class Outer:
    @dataclass
    class Inner:
        v: int = 0
print(Outer.Inner(), Outer.Inner.__init__.__qualname__, Outer.Inner.__doc__)

@dataclass
class OwnInit:
    a: int
    def __init__(self, q, /, r: int = 1, *args, s, t: str = 'x', **kw) -> None:
        self.a = q
print(OwnInit.__doc__)

class Meta(type):
    def __call__(cls, special, *rest):
        made = cls.__new__(cls)
        made.__init__(*rest)
        return made
@dataclass
class WithMeta(metaclass=Meta):
    a: int = 0
print(WithMeta.__doc__, WithMeta('ignored', 4))

class NewBase:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)
@dataclass
class WithNew(NewBase):
    a: int
print(WithNew.__doc__)

@dataclass
class B1:
    a: int
@dataclass(init=False)
class B2(B1):
    b: int = 0
print(B2.__doc__)

@dataclass
class Documented:
    "Kept."
    a: int
print(Documented.__doc__)

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    x: int = 5
    z: int = 3
print(Derived(), Derived.__doc__, [f.name for f in fields(Derived)], Derived.__match_args__)

def show(f):
    return repr(f).replace(repr(dataclasses.MISSING), 'MISSING')
print(show(fields(Ann)[0]))
print(show(Ann.__dataclass_fields__['p']))
print(show(field(default=3, repr=False, hash=True, compare=False, metadata={'k': 'v'}, kw_only=True)))
print(show(fields(Q)[1]))
print(Q.__dataclass_params__, Ann.__dataclass_params__)
print(type(Ann.__dataclass_fields__['o'].default_factory), InitVar[int], InitVar[list[int]], InitVar(typing.List[int]))
t(lambda: dataclasses.Field[int])
t(lambda: dataclasses.field().metadata)
t(lambda: dataclasses.field(metadata={}).metadata)
print(sorted(dataclasses.__all__))
