# Every typecode's range: the values at the edges, and the overflow errors with CPython's messages.
from array import array

edges = {
    'b': (-128, 127), 'B': (0, 255), 'h': (-32768, 32767), 'H': (0, 65535), 'i': (-2 ** 31, 2 ** 31 - 1),
    'I': (0, 2 ** 32 - 1), 'l': (-2 ** 63, 2 ** 63 - 1), 'L': (0, 2 ** 64 - 1), 'q': (-2 ** 63, 2 ** 63 - 1),
    'Q': (0, 2 ** 64 - 1),
}
for code, (low, high) in edges.items():
    a = array(code, [low, high])
    print(code, a, a.tobytes().hex())
    for bad in [low - 1, high + 1, 2 ** 20, -2 ** 20, 2 ** 40, 2 ** 70, -2 ** 70, 1.5, 'a', None]:
        try:
            array(code, [bad])
            print(' ', bad, 'ok')
        except (OverflowError, TypeError) as e:
            print(' ', repr(bad)[:12], type(e).__name__, e)
print(array('f', [1e300, -1e300, 1e-50, 3.14159]), array('d', [1e300, float('inf'), float('nan')]))
for bad in ['x', None, [1]]:
    for code in 'fd':
        try:
            array(code, [bad])
        except TypeError as e:
            print(code, type(e).__name__, e)
for bad in [1, 'ab', '', None]:
    try:
        array('u', [bad])
    except TypeError as e:
        print('u', repr(bad), e)
class Index:
    def __index__(self):
        return 7
print(array('i', [Index()]), array('Q', [Index()]), array('b', [True]))
a = array('B', [1])
try:
    a[0] = 256
except OverflowError as e:
    print(e, a)
try:
    a.append(-1)
except OverflowError as e:
    print(e, a)
try:
    a.extend([1, 2, 300, 4])
except OverflowError as e:
    print(e, a)
try:
    a.fromlist([5, 6, -7])
except OverflowError as e:
    print(e, a)
