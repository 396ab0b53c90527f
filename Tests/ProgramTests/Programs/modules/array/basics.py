# Construction from every kind of initializer, indexing, slicing, the methods, reprs.
from array import array, typecodes, ArrayType
import array as array_module

print(typecodes, ArrayType is array, array, array_module.array.__name__, array.__module__)
for code in typecodes:
    a = array(code) if code == 'u' else array(code, [1, 2, 3])
    print(code, a, a.typecode, a.itemsize, len(a), repr(array(code)))
print(array('d', range(5)), array('f', [0.1, 1.5, -2.25]), array('i', (x * x for x in range(6))))
print(array('b', b'\x01\xff'), array('h', b'abcd'), array('i', b'abcd'), array('B', array('i', [1, 2])))
print(array('u', 'héllo'), array('u', ['a', 'b']), array('i', array('i', [7, 8])), array('b', [True, False]))
a = array('i', [10, 20, 30, 40, 50])
print(a[0], a[-1], a[1:3], a[::2], a[::-1], a[10:], a[-100:2], list(a), a.tolist(), 30 in a, 35 in a, 'x' in a)
a.append(60)
a.extend([70, 80])
a.extend(array('i', [90]))
a.insert(0, 5)
a.insert(-1, 85)
a.insert(100, 95)
a.insert(-100, 1)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(50)
print(a, a.index(30), a.index(60, 2), a.index(40, -5), a.count(20), a.count(99))
a.reverse()
print(a)
a[0] = -1
a[-1] = 123
del a[1]
print(a)
a[1:3] = array('i', [7, 7, 7, 7])
print(a)
a[::2] = array('i', [0] * len(a[::2]))
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
a[3:1] = array('i', [9])
print(a)
a[:] = a
a[1:] = a
print(a)
b = array('h', [1, 2, 3])
b.byteswap()
print(b, b.tobytes())
b.frombytes(b'\x00\x01')
b.fromlist([4, 5])
print(b, b.tolist())
u = array('u', 'abc')
u.fromunicode('déf')
u.append('g')
print(u, u.tounicode(), u[1], u[::-1])
print(array('i', [1, 2]) + array('i', [3]), array('i', [1]) * 3, 3 * array('d', [0.5]), array('i', [1]) * -2)
c = array('i', [1, 2])
c += array('i', [3])
c *= 2
print(c)
c *= 0
print(c, bool(c), bool(array('i', [0])))
print([x for x in array('d', [1.5, 2.5])], sorted(array('i', [3, 1, 2])), sum(array('i', range(10))), max(array('b', [1, -5, 3])))
print(list(reversed(array('i', [1, 2, 3]))), list(enumerate(array('u', 'ab'))), dict(zip('ab', array('i', [1, 2]))))
it = iter(array('i', [1, 2]))
print(type(it).__name__, next(it), next(it), next(it, 'done'), type(it))
d = array('i', [1, 2, 3])
print(d.__copy__(), d.__deepcopy__({}), d.__reduce_ex__(2))
