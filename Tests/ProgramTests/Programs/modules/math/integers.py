# The integer functions: factorial, gcd, lcm, isqrt, comb, perm, prod.
import math

print([math.factorial(n) for n in range(25)])
print(math.factorial(100))
print(len(str(math.factorial(1000))), math.factorial(3000) % (10 ** 9 + 7))
print(math.gcd(), math.gcd(-12), math.gcd(0, 0), math.gcd(12, -18), math.gcd(-12, -18), math.gcd(2 ** 100, 6 ** 50))
print(math.gcd(3 ** 200 * 5, 3 ** 150 * 7 * 5 ** 3), math.gcd(1, 10 ** 50), math.gcd(0, -10 ** 40), math.gcd(True, 4))
print(math.lcm(), math.lcm(-4), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2 ** 64, 3 ** 40, 10))
print([math.isqrt(n) for n in range(30)], math.isqrt(2 ** 64 - 1), math.isqrt(2 ** 64), math.isqrt(10 ** 100))
print(math.isqrt(2 ** 127 - 1), math.isqrt(10 ** 41 - 1), math.isqrt((10 ** 30 + 7) ** 2), math.isqrt((10 ** 30 + 7) ** 2 - 1))
for n in [0, 1, 2, 3, 4, 2 ** 52, 2 ** 53 + 1, 2 ** 62, 2 ** 63 - 1, 4503599761588224, 999999999999999999]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(0, 0), math.comb(5, 10))
print(math.comb(10 ** 20, 3), math.comb(10 ** 20, 10 ** 20 - 2), math.comb(300, 150) % 1000003)
print([math.perm(6, k) for k in range(8)], math.perm(6), math.perm(6, None), math.perm(10 ** 20, 2), math.perm(0, 0))
print(math.prod([]), math.prod(range(1, 11)), math.prod([1.5, 2, 4]), math.prod([2, 3], start=0.5))
print(math.prod(iter([[1], 2]), start=1), math.prod([], start='s'), math.prod((2 ** 40 for _ in range(3))))
print(math.prod([True, True, 3]), math.prod([2, 10 ** 20, -1]), math.prod([0.1] * 5))
print(math.fsum([]), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e-16, 1, 1e16]), math.fsum([1, 2, 3]), math.fsum(range(10)), math.fsum([float('inf'), 1]))
print(math.fsum([float('nan'), float('inf')]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -53]), math.fsum(x / 7 for x in range(100)))
import random
random.seed(3)
for _ in range(50):
    v = [random.uniform(-1, 1) * 10 ** random.randint(-20, 20) for _ in range(random.randint(1, 30))]
    print(repr(math.fsum(v)))
