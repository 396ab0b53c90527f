# get_type_hints, ForwardRef, get_origin/get_args, TypeVar and ParamSpec objects, and the
# small helpers (cast, assert_never, overload, final, no_type_check, dataclass_transform, ...).
import sys
import typing
from typing import *
from typing import T

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('-- get_type_hints on functions')
def f1(a: int, b: 'str', c: None, d: 'List[int]' = None, *args: int, e: Annotated[int, 'm'] = 1,
       **kw: 'float') -> 'Optional[int]':
    pass
show(lambda: get_type_hints(f1))
show(lambda: get_type_hints(f1, include_extras=True))
def f2(a: 'x y'): pass
show(lambda: get_type_hints(f2))
def f4(a: 3): pass
show(lambda: get_type_hints(f4))
def f5(a: List['int'], b: 'List["str"]', c: list['int']): pass
show(lambda: get_type_hints(f5))
def f6(a: 'ClassVar[int]'): pass
show(lambda: get_type_hints(f6))
def f7(a: 'Undefined'): pass
show(lambda: get_type_hints(f7))
def f8(a: 'Alias', b: 'Local'): pass
show(lambda: get_type_hints(f8, {'Alias': int}, {'Local': str}))
def f9(a: Annotated[List[Annotated[int, 'inner']], 'outer'], b: Optional[Annotated[str, 1]]): pass
show(lambda: get_type_hints(f9))
show(lambda: get_type_hints(f9, include_extras=True))
@no_type_check
def nt(x: int): pass
show(lambda: (nt.__no_type_check__, get_type_hints(nt)))
show(lambda: [get_type_hints(x) for x in (len, int, object, typing, lambda: 0)])
show(lambda: get_type_hints(3))

print('-- get_type_hints on classes')
class Base:
    a: int
    b: 'str'
    c: ClassVar[int] = 1
class Derived(Base):
    d: 'Derived'
    e: Final[int] = 3
    g: 'None'
    h: 'ClassVar[List[Derived]]'
class Broken(Base):
    f: 'Undefined'
show(lambda: get_type_hints(Base))
show(lambda: get_type_hints(Derived))
show(lambda: get_type_hints(Derived, localns={'X': 1}))
show(lambda: get_type_hints(Broken))
class Z:
    def m(self, other: 'Z') -> 'Z': pass
show(lambda: (get_type_hints(Z.m), get_type_hints(Z().m)))

print('-- ForwardRef')
fr = ForwardRef('int')
show(lambda: (fr, fr.__forward_arg__, fr.__forward_evaluated__, fr.__forward_value__,
              fr.__forward_is_argument__, fr.__forward_is_class__, fr.__forward_module__))
show(lambda: ForwardRef('int') == ForwardRef('int'))
show(lambda: ForwardRef('int', module='m'))
show(lambda: ForwardRef('int', module='m') == ForwardRef('int'))
show(lambda: hash(ForwardRef('int')) == hash(ForwardRef('int')))
show(lambda: ForwardRef(3))
show(lambda: ForwardRef('int')._evaluate(globals(), None, frozenset()))
show(lambda: ForwardRef('List[int]')._evaluate(globals(), None, frozenset()))
show(lambda: ForwardRef('int') | None)
show(lambda: List[ForwardRef('int')])

print('-- get_origin and get_args')
P = ParamSpec('P')
Ts = TypeVarTuple('Ts')
for x in [List[int], List, Dict[str, int], Union[int, str], Optional[int], int | str, Callable[[int], str],
          Callable[..., int], Callable[[], int], Callable[P, int], Callable[Concatenate[int, P], int], Callable,
          Annotated[int, 1, 2], Generic, Generic[T], Literal[1, 2], ClassVar[int], Final, Tuple[()],
          Tuple[int, ...], list[int], dict[str, list[int]], int, None, T, P.args, P.kwargs, Required[int],
          Concatenate[int, P], Unpack[Ts], Protocol]:
    show(lambda: (get_origin(x), get_args(x)))

print('-- type variables')
show(lambda: (T, typing.T_co, typing.T_contra, typing.KT, typing.VT, typing.AnyStr, typing.CT_co.__bound__))
show(lambda: TypeVar('X', int))
show(lambda: TypeVar('X', covariant=True, contravariant=True))
show(lambda: TypeVar('X', int, str, bound=int))
show(lambda: TypeVar('X', bound=3))
show(lambda: TypeVar('X', bound=None).__bound__)
show(lambda: TypeVar('X', int, str).__constraints__)
show(lambda: TypeVar('X', bound=int).__bound__)
show(lambda: TypeVar('X', bound='Foo').__bound__)
X = TypeVar('X')
show(lambda: (X.__name__, X.__module__, X.__covariant__, X.__contravariant__, X.__bound__, X.__constraints__))
show(lambda: (T.__module__, typing.AnyStr.__module__))
show(lambda: X == TypeVar('X'))
show(lambda: (X | int, int | X, X | None))
show(lambda: X())
show(lambda: isinstance(1, X))
def sub():
    class Z(TypeVar): pass
show(sub)
def sub2():
    class Z(X): pass
show(sub2)
show(lambda: type(X))
import copy
show(lambda: (copy.copy(X) is X, copy.deepcopy([X])[0] is X))
show(lambda: (P, P.args, P.kwargs, P.__name__, type(P.args), type(P.kwargs), P.args.__origin__, P.args == P.args,
              P.kwargs == P.kwargs, P.args == P.kwargs))
show(lambda: ParamSpec('Q', covariant=True))
show(lambda: ParamSpec('Q', contravariant=True))
show(lambda: ParamSpec('Q', covariant=True, contravariant=True))
show(lambda: (Ts, Ts.__name__, type(Ts), Ts.__module__))

print('-- helpers')
show(lambda: (cast(int, '3'), cast('int', 3), assert_type(3, str), TYPE_CHECKING))
show(lambda: assert_never(3))
show(lambda: assert_never('x' * 200))
sys.stderr = sys.stdout
show(lambda: reveal_type(3))
show(lambda: reveal_type([1, 'a']))
show(lambda: reveal_type(None))
sys.stderr = sys.__stderr__
@final
def ff(): pass
@final
class FC: pass
show(lambda: (ff.__final__, FC.__final__, final(3)))
@overload
def ov(x: int) -> int: ...
@overload
def ov(x: str) -> str: ...
def ov(x): return x
show(lambda: ov(3))
show(lambda: [f.__annotations__ for f in get_overloads(ov)])
show(lambda: get_overloads(len))
@overload
def ov2(x: int) -> int: ...
show(lambda: ov2(1))
show(lambda: ov2.__name__)
class C:
    @overload
    def m(self, x: int) -> int: ...
    @overload
    def m(self, x: str) -> str: ...
    def m(self, x): return x
show(lambda: (len(get_overloads(C.m)), len(get_overloads(C().m)), C().m('s')))
clear_overloads()
show(lambda: (get_overloads(ov), get_overloads(C.m)))
@no_type_check
class NTC:
    def m(self, a: int): pass
    @classmethod
    def c(cls, a: int): pass
    class Inner:
        def q(self): pass
show(lambda: (NTC.__no_type_check__, NTC.m.__no_type_check__, NTC.c.__no_type_check__, NTC.Inner.q.__no_type_check__))
show(lambda: no_type_check(3))
def deco(f):
    return f
nd = no_type_check_decorator(deco)
show(lambda: (nd.__name__, nd(lambda x: x).__no_type_check__))
@dataclass_transform()
def dt(cls): return cls
show(lambda: dt.__dataclass_transform__)
@dataclass_transform(kw_only_default=True, field_specifiers=(int,), foo=1)
class DT: pass
show(lambda: DT.__dataclass_transform__)
