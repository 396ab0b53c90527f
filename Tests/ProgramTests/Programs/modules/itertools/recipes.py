# The itertools documentation's recipes, built from the module's pieces.
from itertools import *

def take(n, iterable):
    return list(islice(iterable, n))

def tabulate(function, start=0):
    return map(function, count(start))

def nth(iterable, n, default=None):
    return next(islice(iterable, n, None), default)

def all_equal(iterable):
    g = groupby(iterable)
    return next(g, True) and not next(g, False)

def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))

def ncycles(iterable, n):
    return chain.from_iterable(repeat(tuple(iterable), n))

def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)

def grouper(iterable, n, fillvalue=None):
    args = [iter(iterable)] * n
    return zip_longest(*args, fillvalue=fillvalue)

def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for next_ in nexts:
                yield next_()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))

def partition(pred, iterable):
    t1, t2 = tee(iterable)
    return filterfalse(pred, t1), filter(pred, t2)

def powerset(iterable):
    s = list(iterable)
    return chain.from_iterable(combinations(s, r) for r in range(len(s) + 1))

def unique_everseen(iterable, key=None):
    seen = set()
    for element in filterfalse(seen.__contains__, iterable) if key is None else iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element

def unique_justseen(iterable, key=None):
    return map(next, map(lambda kg: kg[1], groupby(iterable, key)))

def first_true(iterable, default=False, pred=None):
    return next(filter(pred, iterable), default)

def random_product_like(*args, repeat=1):
    pools = [tuple(pool) for pool in args] * repeat
    return tuple(pool[len(pool) // 2] for pool in pools)

def sliding_window(iterable, n):
    it = iter(iterable)
    window = tuple(islice(it, n))
    if len(window) == n:
        yield window
    for x in it:
        window = window[1:] + (x,)
        yield window

def triplewise(iterable):
    for (a, _), (b, c) in pairwise(pairwise(iterable)):
        yield a, b, c

print(take(5, tabulate(lambda x: x * x)), nth(range(10), 3), nth(range(3), 5, 'none'))
print(all_equal('aaaa'), all_equal('aab'), all_equal(''), quantify([1, 0, 2, 0, 3]), list(ncycles('ab', 3)))
print(list(flatten([[1, 2], [3], []])), list(grouper('ABCDEFG', 3, 'x')), list(roundrobin('ABC', 'D', 'EF')))
evens, odds = partition(lambda x: x % 2, range(10))
print(list(evens), list(odds), list(powerset([1, 2, 3])))
print(list(unique_everseen('AAAABBBCCDAABBB')), list(unique_everseen('ABBcCAD', str.lower)), list(unique_justseen('AAAABBBCCDAABBB')))
print(first_true([0, None, 3, 4]), first_true([], 'default'), random_product_like('abc', range(5), repeat=2))
print(list(sliding_window('ABCDEFG', 4)), list(triplewise('ABCDEFG')))
print(sum(1 for _ in combinations(range(20), 3)), sum(1 for _ in permutations(range(7), 3)), len(set(product('01', repeat=8))))
print(list(accumulate(range(1, 6), lambda a, b: a * b)), list(starmap(max, zip_longest([1, 5, 3], [4, 2], fillvalue=0))))
print(take(7, compress(count(), cycle([1, 0, 0]))))
print(dict((k, len(list(g))) for k, g in groupby(sorted('mississippi'))), take(4, dropwhile(lambda x: x < 5, count())))
