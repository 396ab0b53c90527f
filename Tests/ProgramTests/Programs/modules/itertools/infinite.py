# count, cycle, repeat: values, reprs, and the errors.
from itertools import count, cycle, repeat, islice

print(list(islice(count(), 5)), list(islice(count(10), 3)), list(islice(count(5, -2), 4)))
print(list(islice(count(0.5, 0.25), 4)), list(islice(count(2 ** 64, 2 ** 64), 3)), list(islice(count(1, 0), 3)))
print(list(islice(count(True), 3)), list(islice(count(start=3, step=3), 3)), list(islice(count(1, 1.0), 3)))
c = count(7)
next(c)
print(c, count(5, 2), count(0.5), count(1, 1.0), count(2 ** 100), count(-3), count(5, True), count(True), count(1.5, 1))
print(repr(count(5, -1)), repr(count(complex(1, 2))), type(count()), count.__name__, count.__module__)
print(list(islice(cycle('abc'), 8)), list(islice(cycle([]), 3)), list(islice(cycle(iter([1, 2])), 5)))
print(list(repeat('x', 3)), list(repeat(None, 0)), list(repeat(1, -5)), list(islice(repeat([1]), 2)))
print(repeat('a'), repeat('a', 3), repeat(None, 0), repeat(1, -3), repeat(object=2, times=2), repeat([1, 2]))
r = repeat(1, 3)
next(r)
print(r, r.__length_hint__(), list(r), r.__length_hint__(), list(map(pow, range(4), repeat(2))))
tests = ['count(1, "a")', 'count("a")', 'count(1, 2, 3)', 'count(x=1)', 'cycle()', 'cycle(1)', 'cycle([1], [2])',
         'cycle(x=1)', 'repeat()', 'repeat(1, 2, 3)', 'repeat(1, 1.5)', 'repeat(1).__length_hint__()', 'repeat(x=1)']
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
class Counter(count):
    pass
print(Counter(3), list(islice(Counter(3, 2), 3)))
