# floor, ceil, trunc through __floor__/__ceil__/__trunc__, and frexp, modf, ulp, isclose.
import math

class Floored:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
class AsFloat:
    def __float__(self): return 2.5
class AsIndex:
    def __index__(self): return 7
class F(float): pass
for x in [2.5, -2.5, 2.0, -0.0, 1e300, 7, -7, True, 10 ** 30, F(3.7), Floored(), AsFloat(), AsIndex()]:
    r = []
    for f in (math.floor, math.ceil, math.trunc):
        try:
            v = f(x)
            r.append(repr(v) + ':' + type(v).__name__)
        except TypeError as e:
            r.append('TypeError:' + str(e))
    print(' '.join(r))
for bad in [float('inf'), float('-inf'), float('nan'), 'x', None]:
    for f in (math.floor, math.ceil, math.trunc):
        try:
            f(bad)
        except (ValueError, OverflowError, TypeError) as e:
            print(f.__name__, type(e).__name__, e)
for x in [0.0, -0.0, 1.0, 8.0, -3.75, 0.1, 1e-310, 5e-324, 1e308, float('inf'), float('nan'), 12]:
    print(math.frexp(x), math.modf(x), math.ulp(x))
print(math.ulp(1.7976931348623157e308), math.ulp(-1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0))
cases = [(1.0, 1.0), (1.0, 1.0 + 1e-10), (1.0, 1.0 + 1e-8), (0.0, 1e-10), (float('inf'), float('inf')),
         (float('inf'), 1e308), (float('nan'), float('nan')), (-1.0, 1.0), (100, 100.00001)]
for a, b in cases:
    print(math.isclose(a, b), math.isclose(a, b, rel_tol=1e-5), math.isclose(a, b, abs_tol=1e-9), math.isclose(b=b, a=a))
print(math.isinf(1e308 * 10), math.isnan(0.0), math.isfinite(float('nan')), math.isfinite(10 ** 300))
print(repr(math.pi), repr(math.e), repr(math.tau), math.inf, math.nan, type(math.nan).__name__)
