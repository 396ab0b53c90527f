# product, permutations, combinations, combinations_with_replacement.
from itertools import *

print(list(product('ab', range(3))), list(product()), list(product([])), list(product('ab', [])))
print(list(product('ab', repeat=2)), list(product([1, 2], repeat=0)), list(product(1, repeat=0)), list(product('a', 'b', repeat=2)))
print(len(list(product(range(4), repeat=5))), sum(1 for _ in product(range(3), range(3), range(3))))
print(list(permutations('abc')), list(permutations('abcd', 2)), list(permutations([], 0)), list(permutations([])))
print(list(permutations('ab', 5)), list(permutations('abc', 0)), list(permutations(range(3), r=None)), len(list(permutations(range(6)))))
print(list(combinations('abcd', 2)), list(combinations('abc', 0)), list(combinations('ab', 3)), list(combinations([], 0)))
print(list(combinations(range(5), 3)), len(list(combinations(range(12), 6))), list(combinations(iterable='ab', r=1)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement([], 0)))
print(list(combinations_with_replacement('ab', 3)), list(combinations_with_replacement('a', 0)), len(list(combinations_with_replacement(range(5), 4))))
p = permutations(range(3))
print(next(p), next(p), list(p), list(p))
tests = [
    'product(1)', 'product([1], repeat=-1)', 'product([1], foo=1)', 'product([1], repeat=1.5)', 'permutations()',
    'permutations([1], -1)', 'permutations([1], 1.5)', 'permutations(1)', 'combinations([1])', 'combinations([1], -1)',
    'combinations([1], 1.5)', 'combinations_with_replacement([1], -1)', 'combinations_with_replacement([1])',
    'permutations([1], 2, 3)', 'combinations(1, 2)',
]
for t in tests:
    try:
        print(t, '->', repr(eval(t))[:20])
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
