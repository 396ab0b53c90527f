# Numeric algorithms programs write with math: primes, Newton's method, statistics, geometry.
import math

def is_prime(n):
    if n < 2:
        return False
    for p in range(2, math.isqrt(n) + 1):
        if n % p == 0:
            return False
    return True

print([n for n in range(60) if is_prime(n)], sum(1 for n in range(10000) if is_prime(n)))

def newton_sqrt(x, tolerance=1e-12):
    guess = x / 2 or 1.0
    while not math.isclose(guess * guess, x, rel_tol=tolerance):
        guess = (guess + x / guess) / 2
    return guess

print([round(newton_sqrt(v), 10) for v in (2, 10, 12345.678)], newton_sqrt(2) - math.sqrt(2) < 1e-9)
data = [2.5, 3.1, 4.7, 1.2, 9.9, 5.5, 3.3]
mean = math.fsum(data) / len(data)
variance = math.fsum((x - mean) ** 2 for x in data) / (len(data) - 1)
print(mean, variance, math.sqrt(variance), math.prod(data), math.exp(math.fsum(map(math.log, data)) / len(data)))
points = [(0, 0), (3, 4), (6, 8), (-1, 2.5), (1e3, -7)]
print([math.dist(p, q) for p, q in zip(points, points[1:])], [round(math.degrees(math.atan2(y, x)), 6) for x, y in points])
print([math.hypot(x, y) for x, y in points], math.tau * 2.5, math.pi * 2.5 ** 2)
print([math.comb(8, k) for k in range(9)], [math.perm(6, k) for k in range(7)], math.factorial(20) // math.factorial(18))
print(math.gcd(*[2 ** 10 * 3 ** 5, 2 ** 7 * 3 ** 9, 2 ** 12 * 3 ** 2]), math.lcm(*range(1, 21)))
print([math.floor(x) for x in (-1.5, -0.5, 0.5, 1.5)], [math.ceil(x) for x in (-1.5, -0.5, 0.5, 1.5)], [math.trunc(x) for x in (-1.5, 1.5)])
print([round(math.sin(math.radians(a)), 12) for a in range(0, 361, 45)], [round(math.cos(math.radians(a)), 12) for a in range(0, 361, 90)])
print(math.log(1024, 2), math.log2(1 << 100), math.log10(1e-10), math.log1p(1e-15), math.expm1(1e-10), math.exp(-745.2))
print(math.copysign(0.0, -1), math.fabs(-0.0), math.fmod(10, 3), math.fmod(-10, 3), math.remainder(10, 3), math.remainder(11, 2))
print(math.frexp(1e-320), math.ldexp(*math.frexp(123.456)), math.modf(-7.25), math.nextafter(0, 1), math.ulp(1e16))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5.5), math.lgamma(100), math.cbrt(27), math.exp2(0.5), math.isqrt(99))
