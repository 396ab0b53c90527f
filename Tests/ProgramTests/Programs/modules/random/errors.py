# The errors random reports, with CPython's messages.
import random, _random

tests = [
    '_random.Random(1, 2)', '_random.Random(x=1)', 'random.Random(x=3).random()', 'random.getrandbits(-1)',
    'random.getrandbits(1.5)', 'random.getrandbits()', 'random.getrandbits(2 ** 40)',
    'random.setstate((3, (1,) * 624 + (625,), None))', 'random.setstate((3, (-1,) * 625, None))',
    'random.setstate((3, [1] * 625, None))', 'random.setstate((3, (1,) * 624, None))',
    'random.setstate((9, (1,) * 624, None))', 'random.setstate((3, ("a",) * 625, None))',
    'random.setstate((3, (2 ** 40,) * 625, None))', 'random.setstate((3, (2 ** 70,) * 625, None))',
    'random.seed([1])', 'random.Random([1])', '_random.Random().seed([1])', '_random.Random().seed(1, 2)',
    'random.randrange(0)', 'random.randrange(-3)', 'random.randrange(5, 2)', 'random.randrange(1, 5, 0)',
    'random.randrange(1.5)', 'random.randrange(1, 5.5)', 'random.randrange(10, step=2)', 'random.randrange(1, 10, 2.5)',
    'random.randrange(5, 1, 1)', 'random.randrange(1, 5, -1)', 'random.randrange("a")', 'random.randint(1.5, 3)',
    'random.randint(5, 1)', 'random.choice([])', 'random.choice("")', 'random.choice({})', 'random.choice(5)',
    'random.sample([1, 2], 3)', 'random.sample({1, 2}, 1)', 'random.sample({1: 2}, 1)', 'random.sample([1], -1)',
    'random.sample([1, 2, 3], 2, counts=[1])', 'random.sample("abc", 2, counts=[1, 1.5, 1])',
    'random.sample("abc", 2, counts=[0, 0, 0])', 'random.sample("abc", 5, counts=[1, 1, 1])',
    'random.choices([1, 2], 3)', 'random.choices([1, 2], [1])', 'random.choices([1, 2], [0, 0])',
    'random.choices([1, 2], [1, float("inf")])', 'random.choices([1, 2], [1, 1], cum_weights=[1, 2])',
    'random.choices([], k=2)', 'random.choices([1], ["a"])', 'random.gammavariate(0, 1)', 'random.gammavariate(1, -1)',
    'random.shuffle((1, 2))', 'random.expovariate(0)', 'random.randbytes(-1)', 'random.uniform(1)',
    'random.Random(1, 2)', 'random.SystemRandom().getstate()', 'random.SystemRandom().getrandbits(-2)',
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r)[:60])
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
print(random.randrange(3.0) in range(3), random.randrange(True), random.triangular(1, 1))
sr = random.SystemRandom()
print(0 <= sr.random() < 1, 0 <= sr.getrandbits(10) < 1024, len(sr.randbytes(4)), sr.seed(5), 1 <= sr.randint(1, 3) <= 3)
