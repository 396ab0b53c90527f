# Two-argument float functions: atan2, copysign, fmod, remainder, pow, nextafter, hypot, dist, ldexp.
import math

inf, nan = float('inf'), float('nan')
pairs = [(0.0, 0.0), (0.0, -0.0), (-0.0, 1.0), (1.0, 0.0), (3.0, 2.0), (-3.0, 2.0), (3.0, -2.0), (7.5, 0.5),
         (1e300, 1e-300), (2.0, 1024.0), (2.0, -1080.0), (-8.0, 1 / 3), (-2.0, 3.0), (-2.0, 0.5), (inf, 2.0),
         (-inf, 3.0), (-inf, -3.0), (-inf, 2.0), (inf, 0.0), (2.0, inf), (0.5, inf), (0.5, -inf), (-1.0, inf),
         (1.0, nan), (nan, 0.0), (nan, 1.0), (0.0, -1.0), (-0.0, -3.0), (10, 3), (-10, 3), (10, -3), (5, 5)]
for name in ['atan2', 'copysign', 'fmod', 'remainder', 'pow', 'nextafter', 'hypot', 'log']:
    f = getattr(math, name)
    out = []
    for x, y in pairs:
        try:
            out.append(repr(f(x, y)))
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
for x, i in [(1.0, 10), (0.75, -1074), (1.0, -1075), (1.0, 1023), (1.0, 1024), (-1.0, 1024), (0.0, 10 ** 30),
             (1.0, -10 ** 30), (inf, 3), (nan, 3), (3, True), (1.5, -1080)]:
    try:
        print('ldexp', x, i, math.ldexp(x, i))
    except OverflowError as e:
        print('ldexp', x, i, 'OverflowError', e)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e308, 1e308))
print(math.hypot(1e-320, 2e-320), math.hypot(0.1, 0.2, 0.3), math.hypot(inf, nan), math.hypot(nan, 1))
print(math.dist((1, 2, 3), (4, 5, 6)), math.dist([0.1, 0.2], (0.3, 0.4)), math.dist((), ()))
import random
random.seed(5)
for _ in range(200):
    n = random.randint(2, 6)
    v = [random.uniform(-1000, 1000) * 10 ** random.randint(-5, 5) for _ in range(n)]
    print(repr(math.hypot(*v)), repr(math.dist(v, v[::-1])))
