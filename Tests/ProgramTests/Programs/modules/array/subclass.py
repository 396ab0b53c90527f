# array.array can be subclassed; instances get attributes.
from array import array

class Vector(array):
    def norm2(self):
        return sum(x * x for x in self)

v = Vector('d', [3.0, 4.0])
v.label = 'v'
print(v, v.norm2(), v.label, type(v).__name__, isinstance(v, array), v + array('d', [1.0]), v[::-1])
class Typed(array):
    def __new__(cls, items):
        return super().__new__(cls, 'i', items)
t = Typed([1, 2, 3])
print(t, t.typecode, len(t), type(t[0:2]).__name__)
print(array('i', [1, 2]) == Typed([1, 2]), Typed([1]) < Typed([2]))
