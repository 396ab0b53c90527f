# Exact sequences for many seeds: random, getrandbits, randrange, randint, choice, shuffle, sample.
import random

for seed in [0, 1, 2, 42, 1234, -7, 2 ** 32, 2 ** 32 - 1, 2 ** 64 + 5, 10 ** 40, 3.5, -0.25, True, 'hello', '', 'ünïcödé', b'bytes', 'x' * 200]:
    random.seed(seed)
    print(repr(seed)[:30], [random.random() for _ in range(3)])
    print(' bits', [random.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 257)])
    print(' ints', [random.randint(1, 6) for _ in range(12)], random.randrange(10 ** 30), random.randrange(-5, 5, 3))
    print(' range', [random.randrange(100) for _ in range(5)], [random.randrange(0, 100, 7) for _ in range(5)], random.randrange(50, 0, -4))
    deck = list(range(20))
    random.shuffle(deck)
    print(' shuffle', deck, random.choice('abcdefg'), random.choice(range(1000)))
    print(' sample', random.sample(range(100), 10), random.sample('abcdefghij', 4), random.sample(range(10 ** 6), 3))
