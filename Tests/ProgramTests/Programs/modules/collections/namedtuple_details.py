# namedtuple: generated methods' names and docs, defaults, rename rules, copying,
# subclassing, pattern matching, and the order in which bad names are reported.
import copy
from collections import namedtuple

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', 'x y')
print(Point.__new__.__name__, Point.__new__.__module__, Point.__new__.__defaults__)
print(Point._make.__doc__, '|', Point._replace.__doc__, '|', Point.__doc__)
print(Point._make.__qualname__, Point._replace.__qualname__, Point.__repr__.__qualname__,
      Point.__getnewargs__.__qualname__)
print(Point.y.__doc__, Point.__match_args__, Point._field_defaults)
print(Point(x=1, y=2), Point(*[3, 4]), Point(**{'y': 6, 'x': 5}))
show(lambda: Point())
show(lambda: Point(1, 2, 3, 4))
show(lambda: Point(1, x=2))
show(lambda: Point(1, 2, w=0))
show(lambda: Point._make(range(3)))
show(lambda: Point._make(5))
show(lambda: Point(1, 2)._replace(x=0, q=1, r=2))
print(Point(1, 2)._replace(), Point(1, 2)._replace(y=[0]), Point._make(iter('ab')))

print('generated from various field specs')
print(namedtuple('A', ('p', 'q'))._fields, namedtuple('B', 'p,q , r')._fields,
      namedtuple('C', (f for f in ['m', 'n']))._fields)
print(namedtuple('D', 'x', defaults=['d'])(), namedtuple('E', 'x y', defaults=iter([7]))(1))
print(namedtuple('F', 'x y', defaults=())._field_defaults, namedtuple('F', 'x y', defaults=()).__new__.__defaults__)
print(namedtuple('G', 'x y z', defaults=(1, 2))._field_defaults)
print(namedtuple('H', 'a', rename=True)._fields, namedtuple('I', ['for', 'x', 'x', '', '_y'], rename=True)._fields)
print(namedtuple('J', ['a', 'b', 'a', 'a'], rename=True)._fields)
print(namedtuple(b'K'.decode(), 'a').__name__, namedtuple('L', [1.5], rename=True)._fields)
show(lambda: namedtuple('Bad', ['_a', 'def']))
show(lambda: namedtuple('Bad', ['ok', 'with space']))
show(lambda: namedtuple('class', 'a'))
show(lambda: namedtuple('', 'a'))
show(lambda: namedtuple('Bad', 'a b a _c'))
show(lambda: namedtuple('Bad', 'a', defaults=5))
show(lambda: namedtuple('Bad', 'a', rename=True, defaults=[1, 2]))
print(namedtuple('N', 'a', module=None).__module__, namedtuple('N', 'a', module='pkg.mod').__module__)

def factory():
    return namedtuple('Inner', 'v')
print(factory().__module__, factory()(1))

print('values behave as tuples')
p = Point(3, 4)
print(copy.copy(p), copy.deepcopy(Point([1], [2])), copy.copy(p) == p, type(copy.deepcopy(p)).__name__)
print(p.count(3), p.index(4), p[::-1], p[:1], 3 in p, sorted(p, reverse=True), hash(p) == hash((3, 4)))
print(dict([p]), max(p), list(map(Point._make, [(1, 2), (3, 4)])))
print(p._asdict(), type(p._asdict()).__name__, p.__getnewargs__(), vars(p) if hasattr(p, '__dict__') else 'no __dict__')

class Labelled(namedtuple('Labelled', 'text score', defaults=[0])):
    __slots__ = ()
    @property
    def shout(self):
        return self.text.upper()
    def __repr__(self):
        return f'<{self.text}:{self.score}>'
lab = Labelled('hi')
print(lab, lab.shout, lab._replace(score=3), type(lab._replace(score=3)).__name__, Labelled._make(['a', 1]))
print(Labelled._fields, Labelled.__mro__[1].__name__, lab._asdict())

match Point(0, 5):
    case Point(0, y):
        print('on the y axis at', y)
    case _:
        print('elsewhere')
match Point(x=2, y=2):
    case Point(x=a, y=b) if a == b:
        print('diagonal', a)
