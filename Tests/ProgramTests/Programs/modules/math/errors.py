# The messages math's functions raise for bad arguments.
import math

calls = [
    'math.sqrt()', 'math.sqrt(1, 2)', 'math.sqrt("a")', 'math.sqrt(x=1)', 'math.sqrt(-1)', 'math.sqrt(10 ** 400)',
    'math.pow(1)', 'math.pow(1, 2, 3)', 'math.pow(x=1, y=2)', 'math.pow(0, -1)', 'math.pow(10, 400)', 'math.pow(-8, 1 / 3)',
    'math.atan2(1)', 'math.log()', 'math.log(1, 2, 3)', 'math.log(x=1)', 'math.log(0)', 'math.log(-1)', 'math.log(1, 1)',
    'math.log(2, 0)', 'math.log("a")', 'math.log(10, "a")', 'math.log(-10 ** 400)', 'math.log(0, 10)', 'math.log2(0)',
    'math.hypot("a")', 'math.hypot(x=1)', 'math.gcd(1.5)', 'math.gcd(1, "a")', 'math.gcd(a=1)', 'math.lcm(2, 3.0)',
    'math.factorial(-1)', 'math.factorial(1.0)', 'math.factorial(10 ** 30)', 'math.factorial(-10 ** 30)', 'math.factorial()',
    'math.isqrt(-1)', 'math.isqrt(2.0)', 'math.comb(-1, 2)', 'math.comb(1, -2)', 'math.comb(1.0, 2)', 'math.comb(1)',
    'math.comb(10 ** 20, 10 ** 19)', 'math.perm(1, -2)', 'math.perm()', 'math.perm(1, 2, 3)', 'math.perm(x=1)',
    'math.perm(10 ** 20, 10 ** 20)', 'math.perm(-1)', 'math.perm(2.5, 1)', 'math.ldexp(1.0, 1.5)', 'math.ldexp(1, 10000)',
    'math.ldexp(x=1, i=2)', 'math.floor("a")', 'math.floor()', 'math.floor(x=1)', 'math.trunc("a")', 'math.ceil(float("inf"))',
    'math.floor(float("nan"))', 'math.isclose(1, 2, 3)', 'math.isclose(1, 2, rel_tol=-1)', 'math.isclose(1, 2, foo=3)',
    'math.isclose(x=1, y=2)', 'math.isclose(1)', 'math.isclose(1, 2, abs_tol="x")', 'math.prod()', 'math.prod([1], 2)',
    'math.prod([1], foo=2)', 'math.prod(iterable=[1])', 'math.prod(["a"], start="")', 'math.prod(5)', 'math.fsum(1)',
    'math.fsum(["a"])', 'math.fsum([1e308, 1e308])', 'math.fsum([float("inf"), -float("inf")])', 'math.fsum()',
    'math.dist([1], [1, 2])', 'math.dist(1, 2)', 'math.dist((1,))', 'math.dist(p=1, q=2)', 'math.dist(("a",), (1,))',
    'math.exp(1000)', 'math.fmod(1, 0)', 'math.fmod(float("inf"), 1)', 'math.gamma(0)', 'math.gamma(-1)', 'math.lgamma(0)',
    'math.gamma(200)', 'math.gamma(float("-inf"))', 'math.cosh(1000)', 'math.nextafter(1)', 'math.ulp("a")',
    'math.remainder(1, 0)', 'math.remainder(float("inf"), 1)', 'math.modf("x")', 'math.frexp(None)', 'math.copysign(1)',
    'math.exp2(1025)', 'math.expm1(1000)', 'math.log1p(-1)', 'math.acosh(0)', 'math.atanh(1)', 'math.asin(2)',
    'math.sin(float("inf"))', 'math.tan(float("-inf"))', 'math.erf("a")', 'math.isnan("a")', 'math.isinf()',
]
for call in calls:
    try:
        print(call, '->', repr(eval(call)))
    except Exception as e:
        print(call, '!!', type(e).__name__, e)
