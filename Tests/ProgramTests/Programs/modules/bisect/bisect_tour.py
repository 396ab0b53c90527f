# bisect: insertion points, insort, key functions, lo/hi bounds, classic lookups.
import bisect

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 3, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect(a, 4, hi=3), bisect.bisect_left(a, 100, lo=7))
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(s, x)
print(s)
bisect.insort_left(s, 5)
bisect.insort_right(s, 0, hi=0)
print(s)
records = [('ann', 21), ('bob', 25), ('cy', 30)]
ages = [r[1] for r in records]
print(bisect.bisect_left(records, 25, key=lambda r: r[1]), bisect.bisect_right(records, 25, key=lambda r: r[1]))
bisect.insort(records, ('dee', 27), key=lambda r: r[1])
bisect.insort_left(records, ('eve', 21), key=lambda r: r[1])
print(records)
def index(a, x):
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f'{x} not found')
print(index([10, 20, 30], 20))
try:
    index([10, 20, 30], 25)
except ValueError as e:
    print('ValueError', e)
for bad in [lambda: bisect.bisect(a, 1, -1), lambda: bisect.bisect(a, 1, 1.5), lambda: bisect.bisect(5, 1), lambda: bisect.insort(a, 'x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
words = sorted(['delta', 'alpha', 'charlie', 'bravo'])
print(words, bisect.bisect(words, 'beta'), bisect.bisect_left(words, 'charlie'))
