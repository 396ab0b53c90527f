# operator: the function forms of operators, itemgetter/attrgetter/methodcaller.
import operator as op
from operator import itemgetter, attrgetter, methodcaller

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(256, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'a'), op.gt(3, 1), op.ge(1, 3))
print(op.concat([1], [2]), op.contains('abc', 'b'), op.countOf([1, 2, 1, 1], 1), op.indexOf('hello', 'l'))
print(op.getitem({'k': 'v'}, 'k'), op.index(7), op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 9))
data = [1, 2, 3]
op.setitem(data, 0, 'x')
op.delitem(data, 1)
print(data, op.call(max, 4, 9), op.__add__(1, 1), op.matmul is op.__matmul__)
show(lambda: op.indexOf([1], 2))
show(lambda: op.concat(1, 2))
show(lambda: op.length_hint([], 'x'))
lst = [1]
print(op.iadd(lst, [2]) is lst, lst, op.iconcat([0], (1,)), op.imul([0], 3), op.isub(5, 2), op.ior({1}, {2}))

rows = [('bob', 25, 'ops'), ('ann', 31, 'eng'), ('cy', 25, 'eng')]
print(sorted(rows, key=itemgetter(1, 0)), list(map(itemgetter(0), rows)), itemgetter(slice(1, None))(rows[0]))
print(itemgetter(1), itemgetter(1, 'a'), itemgetter('name')({'name': 'n'}))
show(lambda: itemgetter())
show(lambda: itemgetter(5)([1]))

class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self if x > 100 else None
    def dist(self, scale=1, *, offset=0):
        return (abs(self.x) + abs(self.y)) * scale + offset
pts = [Pt(3, 4), Pt(-1, 0), Pt(2, -2)]
print([p.x for p in sorted(pts, key=attrgetter('y'))], attrgetter('x', 'y')(pts[0]), attrgetter('inner.inner.x')(Pt(200, 1)))
print(attrgetter('x'), attrgetter('a.b', 'c'))
show(lambda: attrgetter(1))
show(lambda: attrgetter('nope')(pts[0]))
print([methodcaller('dist')(p) for p in pts], methodcaller('dist', 2, offset=1)(pts[0]))
print(methodcaller('upper')('abc'), methodcaller('split', ',', 1)('a,b,c'), methodcaller('dist', 2, offset=1))
show(lambda: methodcaller())
show(lambda: methodcaller(5))
show(lambda: methodcaller('nope')(1))
