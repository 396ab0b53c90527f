# NamedTuple, TypedDict and NewType: class syntax, functional syntax, generics and errors.
import typing
from typing import Generic, List, NamedTuple, NewType, NotRequired, Required, TypedDict, TypeVar, get_type_hints, is_typeddict

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def attempt(source):
    namespace = dict(globals())
    try:
        exec(source, namespace)
        return namespace['Q']
    except (TypeError, AttributeError, ValueError) as e:
        print(type(e).__name__, e)

T = TypeVar('T')

print('-- NamedTuple classes')
class P(NamedTuple):
    x: int
    y: float = 0.0
    z: str = 'a'
    label = 'class attribute'
    def total(self):
        return self.x + self.y
show(lambda: (P(1), P(1, 2.0, 'b').total(), P._fields, P._field_defaults, P.__annotations__))
show(lambda: (P.label, P.__mro__, P.__bases__, P.__module__, P.__qualname__))
show(lambda: (P(1)._replace(x=5), P(1)._asdict(), P._make([1, 2, 3]), P(1) == (1, 0.0, 'a')))
show(lambda: isinstance(P(1), tuple))
show(lambda: isinstance(P(1), NamedTuple))
show(lambda: type(NamedTuple).__name__)
show(lambda: P.__orig_bases__[0] is NamedTuple)
attempt('class Q(NamedTuple):\n    x: int = 1\n    y: int\n')
attempt('class Q(NamedTuple):\n    x: int = 1\n    w: int = 2\n    y: int\n')
attempt('class Q(NamedTuple):\n    _fields = 3\n')
attempt('class Q(NamedTuple):\n    x: int\n    def __init__(self, *a): pass\n')
attempt('class Q(NamedTuple):\n    x: int\n    __slots__ = ("a",)\n')
attempt('class Q(NamedTuple, int):\n    x: int\n')
attempt('class Q(NamedTuple):\n    _x: int\n')
Q = attempt('class Q(NamedTuple, Generic[T]):\n    x: T\n')
show(lambda: (Q, Q[int], Q[int](3), Q.__mro__, Q.__parameters__, Q(4)._replace(x=1)))
Q = attempt('class Q(P):\n    w: int = 3\n')
show(lambda: (Q(1), Q._fields))
Q = attempt('class Q(NamedTuple):\n    x: int\n    def __repr__(self): return "Q!"\n    def _private(self): return 1\n')
show(lambda: (Q(1), Q(1)._private()))
Q = attempt('class Q(NamedTuple):\n    x: "int"\n')
show(lambda: (Q.__annotations__, get_type_hints(Q)))
Q = attempt('class Q(NamedTuple):\n    pass\n')
show(lambda: (Q(), Q._fields))
Q = attempt('''class Q(NamedTuple):
    x: int
    @property
    def double(self): return self.x * 2
    @classmethod
    def make(cls): return cls(4)
    @staticmethod
    def s(): return 's'
    __doc__ = 'my doc'
''')
show(lambda: (Q(2).double, Q.make(), Q.s(), Q.__doc__))

print('-- NamedTuple calls')
E = NamedTuple('E', [('a', int), ('b', str)])
show(lambda: (E, E(1, 'x'), E.__annotations__, E.__module__, E._fields))
show(lambda: NamedTuple('E', a=int, b=str)._fields)
show(lambda: NamedTuple('E')._fields)
show(lambda: NamedTuple('E', [('a', int)], b=str))
show(lambda: NamedTuple('E', [('_a', int)]))
show(lambda: NamedTuple('E', [('a', 3)]).__annotations__)

print('-- TypedDict classes')
class Movie(TypedDict):
    title: str
    year: int
class Partial(TypedDict, total=False):
    a: int
    b: Required[str]
class Sub(Movie, total=False):
    rating: float
    extra: NotRequired[int]
    must: Required[int]
show(lambda: (Movie, Movie(title='x', year=1), Movie.__annotations__, Movie.__total__, Movie.__mro__, Movie.__bases__))
show(lambda: (sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__)))
show(lambda: (sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__, Partial.__annotations__))
show(lambda: (sorted(Sub.__required_keys__), sorted(Sub.__optional_keys__), Sub.__total__, Sub.__annotations__, Sub.__mro__))
show(lambda: Movie.__orig_bases__[0] is TypedDict)
show(lambda: (type(Movie), type(Movie(title='t', year=2)), Movie.__module__, Movie.__qualname__, Movie.__doc__))
show(lambda: isinstance({}, Movie))
show(lambda: issubclass(dict, Movie))
show(lambda: Movie({'title': 'a'}, year=3))
show(lambda: (is_typeddict(Movie), is_typeddict(dict), is_typeddict(TypedDict), is_typeddict(Sub)))
Q = attempt('class Q(TypedDict, int): pass')
Q = attempt('class Q(TypedDict):\n    x: int\n    def meth(self): return 1\n')
show(lambda: Q.meth(None))
Q = attempt('class Q(TypedDict, Generic[T]):\n    x: T\n')
show(lambda: (Q, Q[int], Q.__parameters__, Q.__mro__, Q[int](x=1)))
Q = attempt('class Q(TypedDict):\n    x: "int"\n')
show(lambda: (Q.__annotations__, get_type_hints(Q)))
Q = attempt('class Q(TypedDict):\n    x: Required[int]\n    y: NotRequired["str"]\n')
show(lambda: (get_type_hints(Q), get_type_hints(Q, include_extras=True)))

print('-- TypedDict calls')
F = TypedDict('F', {'a': int, 'b': str})
show(lambda: (F, F.__annotations__, F.__module__, sorted(F.__required_keys__), F(a=1, b='x')))
G = TypedDict('G', {'a': int}, total=False)
show(lambda: (G.__total__, G.__optional_keys__))
show(lambda: TypedDict('H', {'a': int}, b=str))

print('-- NewType')
UserId = NewType('UserId', int)
show(lambda: (UserId, UserId(5), type(UserId(5)), UserId.__supertype__, UserId.__name__, UserId.__qualname__))
show(lambda: (UserId.__module__, type(UserId)))
show(lambda: UserId | None)
show(lambda: None | UserId)
show(lambda: List[UserId])
attempt('class Q(UserId): pass')
show(lambda: NewType('A', List[int]))
show(lambda: NewType('Sub', UserId)(3))
show(lambda: NewType('Sub', UserId).__supertype__)
show(lambda: isinstance(3, UserId))
show(lambda: (NewType('a.b', int), NewType('a.b', int).__name__))
import copy
show(lambda: copy.copy(UserId) is UserId)
