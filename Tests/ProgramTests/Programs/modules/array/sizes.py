# sys.getsizeof follows CPython's allocation: exact for construction from lists, tuples,
# arrays, slices and concatenation; growth by array_resize's rule for appends and extends.
import sys
from array import array

for code in 'bhidu':
    b = array(code)
    sizes = []
    for i in range(40):
        b.append('x' if code == 'u' else 1)
        sizes.append(sys.getsizeof(b))
    print(code, sys.getsizeof(array(code)), sizes)
b = array('i', range(100))
print(sys.getsizeof(b))
while b:
    b.pop()
print(sys.getsizeof(b))
b = array('i', [1, 2, 3])
print(sys.getsizeof(b), b.__sizeof__(), sys.getsizeof(array('i', (1, 2, 3))), sys.getsizeof(array('d', range(10))))
b = array('i', range(10)); b.extend(range(10)); print(sys.getsizeof(b))
b.extend(array('i', range(30))); print(sys.getsizeof(b))
b.frombytes(bytes(40)); print(sys.getsizeof(b))
b.fromlist([1] * 7); print(sys.getsizeof(b))
b *= 2; print(sys.getsizeof(b))
print(sys.getsizeof(b * 2), sys.getsizeof(b + b), sys.getsizeof(b[1:5]), sys.getsizeof(array('i', b'x' * 40)))
del b[0:30]; print(sys.getsizeof(b), len(b))
b.insert(0, 5); print(sys.getsizeof(b))
b[0:1] = array('i', range(50)); print(sys.getsizeof(b), len(b))
del b[:]; print(sys.getsizeof(b), len(b))
b.append(1); print(sys.getsizeof(b))
print(sys.getsizeof(array('u', 'hello')), sys.getsizeof(array('q', [1]) * 5))
