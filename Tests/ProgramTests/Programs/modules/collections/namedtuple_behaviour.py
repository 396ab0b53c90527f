# namedtuple: construction, defaults, rename, _make/_asdict/_replace/_fields, reprs, errors.
from collections import namedtuple

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point, Point.__name__, Point.__qualname__, Point.__module__, Point.__doc__)
print(Point._fields, Point._field_defaults, Point.__match_args__, Point.__slots__)
print(p._asdict(), p._replace(x=10), Point._make([5, 6]), p.__getnewargs__())
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), p < Point(1, 3))
print(isinstance(p, tuple), type(p).__mro__[1], p + (3,), p * 2)
show(lambda: Point(1))
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, y=2, z=3))
show(lambda: Point(1, 2, x=3))
show(lambda: Point._make([1]))
show(lambda: p._replace(z=1))
def setx():
    p.x = 5
show(setx)
def delx():
    del p.x
show(delx)
def setz():
    p.z = 5
show(setz)
print(Point.x, Point.x.__doc__, Point.__new__.__doc__)
print(Point.__new__.__qualname__, Point._make.__qualname__, Point._asdict.__qualname__)

P3 = namedtuple('P3', 'a, b c', defaults=[0, 1])
print(P3(5), P3(5, 6), P3(5, 6, 7), P3._field_defaults, P3.__new__.__defaults__)
show(lambda: P3())
Single = namedtuple('Single', 'only')
print(Single(1), Single._fields, Single.__doc__, Single._make('a'))
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields, len(Empty()))
R = namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x', '1y'], rename=True)
print(R._fields)
show(lambda: namedtuple('Bad', ['a', 'a']))
show(lambda: namedtuple('Bad', ['a', '_b']))
show(lambda: namedtuple('Bad', ['a', 'class']))
show(lambda: namedtuple('Bad', ['a', '1b']))
show(lambda: namedtuple('1Bad', ['a']))
show(lambda: namedtuple('Bad', 'a b', defaults=[1, 2, 3]))
show(lambda: namedtuple('Bad', [1, 2]))
M = namedtuple('M', 'a b', module='mymod')
print(M.__module__, M)

class Vector(namedtuple('Vector', 'x y')):
    __slots__ = ()
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
v = Vector(3, 4)
print(v, abs(v), v + Vector(1, 1), v._replace(y=0), type(v._replace(y=0)).__name__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print({Point(1, 2): 'a'}[(1, 2)])
print(max(Point(3, 0), Point(2, 9), key=lambda q: q.y))
print(Point(x=[1], y={'k': (1, 2)}))
Employee = namedtuple('Employee', 'name dept salary')
rows = [Employee('ann', 'eng', 10), Employee('bob', 'ops', 7), Employee('cy', 'eng', 12)]
print([e.name for e in rows if e.dept == 'eng'], sum(e.salary for e in rows))
print(Employee._make(['dee', 'hr', 5])._asdict())
