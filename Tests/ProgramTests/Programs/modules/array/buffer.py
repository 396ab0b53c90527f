# An array's items are a bytes-like buffer: bytes(), concatenation, join, decode, comparisons of bytes.
from array import array

a = array('i', [1, 256, -1])
print(bytes(a), bytes(array('B', b'xyz')), bytes(array('d')), b'ab' + array('b', [67]), b'-'.join([array('B', b'ab'), b'c']))
print(str(array('B', b'hi'), 'ascii'), array('u', 'é').tobytes() == bytes(array('u', 'é')), b'x'.startswith(array('B', b'x')))
print(b'abc'.find(array('B', b'c')), b'a,b'.split(array('B', b',')), array('h', bytes(array('h', [5, -5]))))
b = array('b')
b.frombytes(array('B', [65]))
print(b, len(bytes(array('q', range(3)))))
for source in [array('B', b'ab'), array('i', [1]), b'ab', 's', 5]:
    c = array('b')
    try:
        c.frombytes(source)
        print(c)
    except TypeError as e:
        print(type(e).__name__, e)
