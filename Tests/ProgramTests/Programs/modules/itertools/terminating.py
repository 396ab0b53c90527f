# accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice, pairwise, starmap, zip_longest.
from itertools import *


print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([])))
print(list(accumulate([1, 2], initial=10)), list(accumulate([], initial=5)), list(accumulate('abc')))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=None)))
print(list(chain()), list(chain('ab', [1], (), range(2))), list(chain.from_iterable(['ab', 'cd'])))
print(list(chain.from_iterable([[1], [], [2, 3]])), type(chain.from_iterable([])).__name__)
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(compress(range(10), [True] * 3)), list(compress(data='ab', selectors=[0, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', [], [1]])), list(filterfalse(bool, [0, 2])))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
print(list(islice('abcdefg', None)), list(islice('abc', 10)), list(islice(count(), 3, 10, 3)), list(islice('abcdefg', 1, 6, 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 0)), next(it))
print(list(pairwise('abcd')), list(pairwise('a')), list(pairwise([])), list(pairwise(range(4))))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: sum(a), [[1, 2, 3], (4,), ()])))
print(list(zip_longest('abc', [1])), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()), list(zip_longest([], [])))
print(list(zip_longest(range(2), range(3), range(1), fillvalue=None)))
tests = [
    'accumulate()', 'accumulate([1], None, None)', 'accumulate([1], foo=1)', 'accumulate(1)', 'list(accumulate([1, "a"]))',
    'chain(x=1)', 'list(chain(1))', 'list(chain([1], 2))', 'chain.from_iterable()', 'chain.from_iterable([1], [2])',
    'list(chain.from_iterable([1]))', 'compress()', 'compress([1])', 'compress(1, [1])', 'dropwhile(1)',
    'dropwhile(None, [1], 1)', 'dropwhile(f=1, it=2)', 'takewhile(1, 2)', 'list(takewhile(None, [1]))',
    'filterfalse(None)', 'islice()', 'islice([1])', 'islice([1], -1)', 'islice([1], "a")', 'islice([1], 1, -2)',
    'islice([1], -1, 2)', 'islice([1], 0, 2, 0)', 'islice([1], 0, 2, -1)', 'islice([1], 0, 2, 1, 5)',
    'islice([1], stop=2)', 'islice([1], 1.5)', 'islice([1], None, 1.5)', 'islice([1], 2 ** 70)', 'islice(1, 2)',
    'pairwise()', 'pairwise([1], [2])', 'pairwise(iterable=[1])', 'starmap(1)', 'list(starmap(pow, [1]))',
    'zip_longest(x=1)', 'zip_longest(1)', 'zip_longest(fillvalue=1, x=2)', 'list(starmap(None, [()]))',
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
