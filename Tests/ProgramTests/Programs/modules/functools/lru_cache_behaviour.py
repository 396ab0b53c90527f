# lru_cache: hits, misses, eviction order, typed keys, keyword keys, clearing, methods.
from functools import lru_cache, cache, cached_property

calls = []

@lru_cache(maxsize=3)
def f(x):
    calls.append(x)
    return x * 10

for x in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3]:
    f(x)
print(calls, f.cache_info())
f.cache_clear()
print(f.cache_info(), f(1), f.cache_info())

@lru_cache(maxsize=None)
def collatz(n):
    if n == 1:
        return 0
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
print(max(range(1, 3000), key=collatz), collatz.cache_info().hits > 0, collatz.cache_info().maxsize)

@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print(ways(100), ways.cache_info().currsize > 100)

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed(1), typed.cache_info())

@lru_cache
def kw(a, b=1):
    return a + b
print(kw(1), kw(1, 2), kw(1, b=2), kw(b=2, a=1), kw(a=1, b=2), kw.cache_info())

@lru_cache(maxsize=-5)
def never(x):
    return x
print(never(1), never(1), never.cache_info())

@lru_cache
def unhashable(x):
    return x
try:
    unhashable([1])
except TypeError as e:
    print('TypeError', e)

@lru_cache(maxsize=2)
def boom(x):
    if x < 0:
        raise ValueError('negative')
    return x
try:
    boom(-1)
except ValueError as e:
    print('ValueError', e, boom.cache_info())
print(boom(1), boom.cache_info())

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r
    @lru_cache(maxsize=None)
    def scaled(self, k):
        return self.r * k
c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)
c.area = 99
print(c.area, Circle.area.__class__.__name__, Circle.area.attrname)
print(c.scaled(3), c.scaled(3), Circle.scaled.cache_info())

class NoDict:
    __slots__ = ('x',)
    @cached_property
    def value(self):
        return 1
try:
    NoDict().value
except TypeError as e:
    print('TypeError', e)
try:
    class Twice:
        @cached_property
        def a(self):
            return 1
        b = a
except Exception as e:
    print(type(e).__name__, e.__cause__ if e.__cause__ else e)
print(lru_cache(maxsize=10)(len).cache_parameters(), cache(len).cache_parameters())
try:
    lru_cache('bad')
except TypeError as e:
    print('TypeError', e)
