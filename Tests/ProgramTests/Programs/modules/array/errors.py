# The errors of construction, subscripts, operators and methods.
from array import array

A = array
tests = [
    'A()', 'A(1)', 'A("ii")', 'A("z")', 'A("i", [1], x=1)', 'A("i", [1], 2)', 'A("i", "abc")',
    'A("i", A("u", "a"))', 'A("i", b"abc")', 'A("i", 5)', 'A("", [])', 'A("é")',
    'A("i", [1, 2]) + [3]', 'A("i", [1, 2]) + A("d", [3])', 'A("i", [1]) * "a"', 'A("i", [1]) * 2.0',
    '[1] + A("i")', 'A("i", [1, 2, 3])[5]', 'A("i", [1, 2, 3])["a"]', 'A("i", [1, 2, 3])[1.0]', 'hash(A("i"))',
    'A("i", [1, 2]) == A("d", [1.0, 2.0])', 'A("i", [1, 2]) < A("i", [1, 3])', 'A("i", [1, 2]) == [1, 2]',
    'A("i", [1, 2]) < [1, 3]', 'A("i", [1, 2]) <= A("i", [1, 2])', 'A("i", [1, 2, 0]) > A("i", [1, 2])',
    'A("d", [float("nan")]) == A("d", [float("nan")])', 'A("i", [2]) >= A("b", [1, 5])',
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
calls = [
    'a.pop(10)', 'A("i").pop()', 'a.pop("x")', 'a.pop(1, 2)', 'a.remove(9)', 'a.index(9)', 'a.index(2, 0, 1)',
    'a.index()', 'a.index(1, "x")', 'a.extend(A("d"))', 'a.extend(5)', 'a.fromlist((1,))', 'a.fromlist([1, "a"])',
    'a.frombytes("s")', 'a.frombytes(b"abc")', 'a.tounicode()', 'a.fromunicode("x")', 'A("u").fromunicode(1)',
    'a.insert("x", 1)', 'a.insert(1)', 'a.append()', 'a.append(1, 2)', 'a.byteswap(1)', 'a.count()',
    'a.__setitem__(10, 1)', 'a.__delitem__(10)', 'a.__setitem__(slice(0, 2), [1])',
    'a.__setitem__(slice(0, 2), A("d", [1]))', 'a.__setitem__(slice(0, 4, 2), A("i", [1]))', 'a.__iadd__([1])',
    'a.__iadd__(A("b"))', 'a.__setitem__("x", 1)', 'a.typecode.upper()', 'a.itemsize + 1', 'a.__setitem__(0, "x")',
]
for t in calls:
    a = A('i', [1, 2, 3, 2])
    try:
        print(t, '->', repr(eval(t)), a)
    except Exception as e:
        print(t, '!!', type(e).__name__, e, a)
