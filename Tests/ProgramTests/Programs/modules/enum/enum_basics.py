import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self): return f'{self.name}={self.value}'
    @property
    def lower(self): return self.name.lower()
print(Color.RED, repr(Color.RED), str(Color.GREEN), Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color(2), Color['BLUE'], Color.RED.describe(), Color.BLUE.lower)
t(lambda: Color(7)); t(lambda: Color['PINK']); t(lambda: Color.__members__); t(lambda: Color.RED in Color)
t(lambda: Color.RED == 1); t(lambda: Color.RED < Color.BLUE); t(lambda: hash(Color.RED) == hash(Color.RED)); t(lambda: {Color.RED: 'r'}[Color.CRIMSON])
def reassign(): Color.RED = 5
t(reassign)
t(lambda: type(Color.RED)); t(lambda: isinstance(Color.RED, Color)); t(lambda: Color); t(lambda: type(Color))
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO == 2, str(Num.ONE), f'{Num.TWO}', Num(1), sorted([Num.TWO, Num.ONE]))
class A(Enum):
    X = auto()
    Y = auto()
print(list(A), A.X.value, A.Y.value)
class P(Flag):
    R = 4
    W = 2
    X = 1
print(P.R | P.W, repr(P.R | P.W), P.R in (P.R | P.W), bool(P(0)), list(P), P(6))
t(lambda: unique(Color))
class S(str, Enum):
    A = 'a'
print(S.A, repr(S.A), S.A == 'a', S.A.upper())
print(Color.RED.__class__.__name__, Color.__name__, Color.__members__.keys())
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
t(lambda: Enum('Animal', 'ANT BEE CAT'))
t(lambda: list(Enum('Animal', 'ANT BEE CAT')))
t(lambda: Color.RED.value.__class__)
t(lambda: [c.name for c in Color])
t(lambda: Color._member_map_.keys() if hasattr(Color, '_member_map_') else None)
