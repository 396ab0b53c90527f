# Enum class bodies and the class-level API: member rules, auto(), aliases, mixed-in
# types, custom __new__/__init__, _missing_, _ignore_/_order_, the functional API, dir().
import copy
import enum
from enum import (Enum, EnumType, Flag, IntEnum, IntFlag, ReprEnum, StrEnum, auto, member,
                  nonmember, pickle_by_enum_name, pickle_by_global_name)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def attempt(source):
    namespace = {'__name__': '__main__', 'enum': enum}
    namespace.update((name, getattr(enum, name)) for name in enum.__all__)
    try:
        exec(source, namespace)
        return namespace.get('X')
    except Exception as e:
        print(type(e).__name__, e)

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return self.name.lower()
    @classmethod
    def default(cls):
        return cls.RED

print('-- the class')
show(lambda: 1 in Color)
show(lambda: Color.RED in Color)
show(lambda: Color.RED.BLUE)
show(lambda: Color.name)
show(lambda: (Color._member_names_, Color._member_map_, Color._value2member_map_, Color._member_type_))
show(lambda: dir(Color))
show(lambda: dir(Color.RED))
show(lambda: (format(Color.RED, '>12'), f'{Color.RED}', '%s' % Color.RED))
show(lambda: Color.RED < Color.BLUE)
show(lambda: (Color.RED.__reduce_ex__(4), hash(Color.RED) == hash('RED'), bool(Color), len(Color)))
show(lambda: (Color['CRIMSON'], Color(1), Color(Color.RED), Color.__new__(Color, 2)))
show(lambda: Color('RED'))
show(lambda: (Color.__class__, Color.RED._sort_order_, Color.RED.__objclass__, Color.RED._name_, Color.RED._value_))
show(lambda: (Color.RED.describe(), Color.default(), Color.RED.default(), Color.RED.missing))
show(lambda: Color.RED.missing)
show(lambda: (copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED))
show(lambda: (pickle_by_enum_name(Color.RED, 2), pickle_by_global_name(Color.RED, 2)))
show(lambda: sorted(k for k in Color.__dict__ if not k.startswith('__')))
def set_value():
    Color.RED.value = 5
show(set_value)
show(lambda: (Enum, IntEnum, Flag, IntFlag, ReprEnum, StrEnum, EnumType, enum.EnumMeta is EnumType))
show(lambda: (IntEnum.__mro__, StrEnum.__mro__, IntFlag.__mro__, Flag.__mro__))
show(lambda: (list(Enum), len(Enum), Enum.__members__, Enum._member_type_, IntEnum._member_type_))
show(lambda: Enum())
show(lambda: Enum(1))

print('-- class bodies')
attempt('class X(Enum):\n    A = 1\n    A = 2\n')
attempt('class X(Enum):\n    A = 1\n    def A(self): pass\n')
attempt('class X(Enum):\n    _x_ = 1\n')
X = attempt('class X(Enum):\n    __x = 1\n'); show(lambda: (list(X), X._X__x))
X = attempt('class X(Enum):\n    _y = 1\n    z_ = 2\n'); show(lambda: list(X))
X = attempt('class X(Enum):\n    A = 1\n    B = lambda self: 3\n'); show(lambda: (list(X), X.A.B()))
X = attempt('class X(Enum):\n    A = member(abs)\n    B = nonmember(5)\n'); show(lambda: (list(X), X.B, X.A.value(-1)))
X = attempt('class X(Enum):\n    A = "a"\n    B = auto()\n'); show(lambda: list(X))
X = attempt('class X(Enum):\n    A = "a"\n    B = 1\n    C = auto()\n'); show(lambda: list(X))
X = attempt('class X(Enum):\n    A = 5\n    B = auto()\n    C = 2\n    D = auto()\n'); show(lambda: list(X))
X = attempt('class X(Enum):\n    A = auto()\n    B = 10\n    C = auto()\n    D = auto()\n'); show(lambda: [m.value for m in X])
X = attempt('class X(Enum):\n    A = 1.5\n    B = auto()\n'); show(lambda: [m.value for m in X])
X = attempt('class X(Enum):\n    A = auto(), 2\n'); show(lambda: [m.value for m in X])
show(lambda: (repr(auto(5)), repr(auto())))
X = attempt('class X(Enum):\n    @staticmethod\n    def _generate_next_value_(name, start, count, last_values):\n'
            '        return (name, start, count, list(last_values))\n    A = auto()\n    B = 7\n    C = auto()\n')
show(lambda: [m.value for m in X])
X = attempt('class X(Enum):\n    _ignore_ = "tmp i"\n    tmp = 5\n    A = 1\n'); show(lambda: (list(X), hasattr(X, 'tmp')))
attempt('class X(Enum):\n    _order_ = "B A"\n    A = 1\n    B = 2\n')
X = attempt('class X(Enum):\n    _order_ = "A B"\n    A = 1\n    B = 2\n'); show(lambda: (list(X), hasattr(X, '_order_')))
attempt('class X(Enum):\n    A = 1\nclass Y(X):\n    B = 2\n')
X = attempt('class Base(Enum):\n    def hello(self): return "hi"\nclass X(Base):\n    B = 2\n'); show(lambda: X.B.hello())
attempt('class X(Enum, int):\n    A = 1\n')
X = attempt('class X(Enum):\n    A = 1\n    B = [1]\n    C = [1]\n'); show(lambda: (list(X), X([1]), X.C, X._value2member_map_))
X = attempt('class X(Enum):\n    A = 1\n    @classmethod\n    def _missing_(cls, v):\n        return cls.A if v == 0 else None\n')
show(lambda: X(0)); show(lambda: X(5))
X = attempt('class X(Enum):\n    A = 1\n    @classmethod\n    def _missing_(cls, v):\n        return 3\n'); show(lambda: X(0))
X = attempt('class X(Enum):\n    A = 1\n    @classmethod\n    def _missing_(cls, v):\n        raise KeyError(v)\n')
try:
    X(0)
except KeyError as e:
    print('KeyError', e, 'context:', repr(e.__context__))
X = attempt('class Base(Enum):\n    def __init_subclass__(cls, **kw):\n        print("init_subclass", cls.__name__, list(cls.__members__))\n'
            '        super().__init_subclass__()\nclass X(Base):\n    A = 1\n')
X = attempt('class X(Enum):\n    A = 1\n    @property\n    def name(self): return "custom"\n'); show(lambda: (X.A.name, X.A._name_))
X = attempt('class X(Enum):\n    name = 1\n    value = 2\n'); show(lambda: (X.name, X.value, X.name.name, X.name.value, X.value.value, list(X)))
X = attempt('class X(Enum):\n    A = 1\n    def __str__(self): return "S"\n'); show(lambda: (str(X.A), format(X.A), f'{X.A}', repr(X.A)))
X = attempt('class X(Enum):\n    A = 1\n    def __repr__(self): return "R"\n'); show(lambda: (str(X.A), repr(X.A), [X.A]))
X = attempt('class X(Enum):\n    A = 1\n    def __format__(self, spec): return "F" + spec\n'); show(lambda: (str(X.A), format(X.A, "x"), f'{X.A}'))

print('-- mixed-in types')
X = attempt('class X(float, Enum):\n    A = 1\n    B = "2.5"\n'); show(lambda: [(m, m.value, repr(m)) for m in X])
X = attempt('class X(int, Enum):\n    A = "3"\n    B = ("10", 2)\n'); show(lambda: [(m, m.value, repr(m), str(m), format(m)) for m in X])
X = attempt('class X(str, Enum):\n    A = "a"\n'); show(lambda: [(m, m.value, repr(m), str(m), format(m), f"{m:>5}") for m in X])
X = attempt('class X(int, Enum):\n    A = 1\n    def __str__(self): return "S"\n'); show(lambda: (str(X.A), format(X.A), f'{X.A:>3}'))
X = attempt('class X(IntEnum):\n    A = 1\n    def __format__(self, spec): return "F"\n'); show(lambda: (str(X.A), format(X.A), f'{X.A}'))
attempt('class X(IntEnum):\n    A = "a"\n')
attempt('class X(StrEnum):\n    A = 1\n')
X = attempt('class X(StrEnum):\n    A = b"x", "utf-8"\n'); show(lambda: [m.value for m in X])
attempt('class X(StrEnum):\n    A = "a", "b", "c", "d"\n')
X = attempt('class X(StrEnum):\n    AbC = auto()\n    B = "b"\n')
show(lambda: ([m.value for m in X], str(X.AbC), repr(X.AbC), X("b"), X.B.upper(), X.AbC == "abc", "%s" % X.B))
class Big(IntEnum):
    X = 1
    Y = 2
    def __init__(self, v):
        self.double = v * 2
        self.label = 'L%d' % v
show(lambda: (Big.X.double, Big.Y.label, Big.X.name, Big.Y.value, Big(2), Big['X'], hasattr(Big.X, 'label')))
show(lambda: (Big.X.__objclass__, Big.X._sort_order_, Big.Y._sort_order_, Big.X.missing))
show(lambda: Big.X.missing)
show(lambda: [m for m in dir(Big) if not m.startswith('__')])
show(lambda: (Big.X.__reduce_ex__(2), Big.X.real, Big.X.bit_length(), Big.X * 3, -Big.X, Big.X / 2, hex(Big.Y)))
class Labelled(IntEnum):
    A = 1, 'one'
    B = 2, 'two'
    def __new__(cls, value, label):
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj
show(lambda: (Labelled.A, Labelled.A.label, Labelled(2), Labelled.B.label, Labelled.A + 1, repr(Labelled.B)))
class Word(StrEnum):
    A = 'alpha'
    B = auto()
    def shout(self):
        self.shouted = True
        return self.upper() + '!'
show(lambda: (Word.A.shout(), Word.A.shouted, Word.B, Word.B.value, Word('alpha'), len(Word.A), Word.A[0], Word.A + 'x'))
class Pair(tuple, Enum):
    ORIGIN = (0, 0)
    UNIT = (1, 1)
    def norm(self):
        return sum(self)
show(lambda: (Pair.ORIGIN, Pair.UNIT.norm(), Pair((1, 1)), Pair.UNIT[0], Pair.UNIT.value, len(Pair.UNIT), str(Pair.UNIT)))
class By(bytes, Enum):
    A = b'a'
    B = b'b'
show(lambda: (By.A, By(b'b'), By.A.value, By.A + b'x', repr(By.B)))
class Fl(float, Enum):
    PI = 3.14
    E = 2.71
    @property
    def double(self):
        return self * 2
show(lambda: (Fl.PI, repr(Fl.E), Fl.PI.double, Fl(2.71), Fl.PI + 1, f'{Fl.PI}', round(Fl.PI)))
show(lambda: format(Fl.PI, '.1f'))
class Mixed(int, Enum):
    count = 1
    real = 2
show(lambda: (Mixed.count, Mixed.real, Mixed.count.real, Mixed.count.value, list(Mixed)))

print('-- the functional API')
show(lambda: Enum('Animal', 'ANT BEE CAT'))
show(lambda: list(Enum('Animal', 'ANT, BEE, CAT', start=10)))
show(lambda: list(Enum('Animal', ['ANT', 'BEE'])))
show(lambda: list(Enum('Animal', [('ANT', 'a'), ('BEE', 'b')])))
show(lambda: list(Enum('Animal', {'ANT': 5, 'BEE': 6})))
show(lambda: list(IntEnum('Animal', 'ANT BEE')))
show(lambda: list(Enum('Animal', 'ANT BEE', type=int)))
show(lambda: list(Flag('Perm', 'R W X')))
show(lambda: list(StrEnum('Kind', 'FAST SLOW')))
show(lambda: Enum('Animal', 'ANT BEE', module='mymod').ANT.__class__.__module__)
show(lambda: Enum('Animal', 'ANT BEE', qualname='A.Animal').__qualname__)
show(lambda: Enum('Animal', 'ANT BEE').__module__)
show(lambda: Color('X', 'A B'))
show(lambda: Enum('A', 3))
