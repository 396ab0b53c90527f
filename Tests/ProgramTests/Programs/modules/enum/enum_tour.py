# Enum: auto values, functional API, unique, iteration, members in dicts and sorting,
# IntEnum arithmetic, StrEnum, Flag and IntFlag operations, errors.
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Weekday(Enum):
    MON = auto()
    TUE = auto()
    WED = auto()
    def is_weekend(self):
        return False
    @classmethod
    def first(cls):
        return cls.MON
print(list(Weekday), [d.value for d in Weekday], Weekday.first(), Weekday.TUE.is_weekend())
print(list(reversed(Weekday)), Weekday.WED.name, Weekday['TUE'], Weekday(3))
show(lambda: Weekday(0))
show(lambda: Weekday['mon'])
show(lambda: Weekday.MON.value == 1)
show(lambda: Weekday.MON == Weekday.MON)
show(lambda: Weekday.MON != Weekday.TUE)
show(lambda: sorted(Weekday, key=lambda d: d.value, reverse=True))
show(lambda: {d: d.name.lower() for d in Weekday})
show(lambda: Weekday.MON in Weekday)
show(lambda: isinstance(Weekday.MON, Weekday))
show(lambda: Weekday.__members__['WED'])
show(lambda: list(Weekday.__members__))
show(lambda: Weekday.MON.__class__)
show(lambda: type(Weekday).__name__)

Animal = Enum('Animal', 'ANT BEE CAT')
print(Animal, list(Animal), Animal.BEE.value, Animal(3))
Shape = Enum('Shape', [('SQUARE', 4), ('TRIANGLE', 3)])
print(list(Shape), Shape(3))
Mood = Enum('Mood', {'HAPPY': 'h', 'SAD': 's'})
print(Mood.HAPPY, Mood('s'))

@unique
class Ok(Enum):
    A = 1
    B = 2
print(list(Ok))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)

class Priority(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10
print(Priority.MID + 1, Priority.HIGH > Priority.LOW, Priority.LOW < 3, sorted([10, Priority.MID, 0]), int(Priority.HIGH))
print(Priority(5), repr(Priority(5)), str(Priority.LOW), f'{Priority.HIGH:>4}', Priority.MID * 2, [1, 2, 3, 4, 5, 6][Priority.MID])
print({Priority.LOW: 'x'}[1], hash(Priority.LOW) == hash(1), Priority.LOW.name, max(Priority))

class Color(StrEnum):
    RED = auto()
    GREEN = 'verde'
print(Color.RED, repr(Color.RED), Color.GREEN.upper(), Color.RED == 'red', Color('verde'), f'<{Color.RED}>', '-'.join(Color))

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), Perm(0), repr(~Perm.X))
print(Perm.R & Perm.W, repr(Perm.R ^ rw), [p.value for p in Perm], Perm(7))
show(lambda: Perm(8))
class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
print(Bits.A | Bits.C, repr(Bits.A | Bits.C), Bits.A | 8, repr(Bits.A | 8), Bits(6), Bits.B & 3, Bits.C + 1)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.surface_gravity, 3), Planet.MERCURY.radius)

class Ordinal(Enum):
    def __new__(cls, value, label):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.label = label
        return obj
    FIRST = (1, '1st')
    SECOND = (2, '2nd')
print(Ordinal.FIRST.value, Ordinal.SECOND.label, Ordinal(2))
try:
    class Extended(Weekday):
        THU = 4
except TypeError as e:
    print('TypeError', e)
def reassign():
    Weekday.MON = 9
show(reassign)
def delete():
    del Weekday.MON
show(delete)
import copy
print(copy.copy(Weekday.TUE) is Weekday.TUE, copy.deepcopy([Weekday.TUE])[0] is Weekday.TUE)
