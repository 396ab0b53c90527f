# groupby (groups invalidated as the groupby advances) and tee (independent copies).
from itertools import groupby, tee, count, islice

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [(k, list(g)) for k, g in groupby([])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
print([(k, ''.join(g)) for k, g in groupby(['apple', 'avocado', 'banana', 'blueberry', 'cherry'], lambda s: s[0])])
groups = [(k, g) for k, g in groupby('aabbc')]
print([(k, list(g)) for k, g in groups])
g = groupby('aaabbb')
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2), list(g), next(g, 'end'))
print(type(g1).__name__, type(groupby('')).__name__, [(k, len(list(v))) for k, v in groupby([1, 1.0, True, 2])])
a, b = tee([1, 2, 3])
print(list(a), list(b), list(a))
a, b, c = tee(iter('abcdef'), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
x, y = tee(count())
print(list(islice(x, 200))[-1], next(y), list(islice(y, 150))[-1], next(x))
t1, = tee('xy', 1)
t2, t3 = tee(t1)
print(type(t1).__name__, list(t2), list(t3), tee([], 0), list(t1))
c1 = t2.__copy__()
print(list(c1))
a, b = tee(range(100))
print(sum(a), sum(b))
for t in ['tee()', 'tee([1], -1)', 'tee([1], 1.5)', 'tee([1], n=3)', 'tee(1)', 'groupby()', 'groupby([1], 1, 2)',
          'list(groupby([1, 2], 5))', 'next(groupby(iterable=[1], key=None))[0]']:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
