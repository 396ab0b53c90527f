# Seeded simulations: Monte Carlo pi, random walks, dice histograms, card deals, bootstrap.
import random

rng = random.Random(2024)
inside = sum(1 for _ in range(20000) if rng.random() ** 2 + rng.random() ** 2 <= 1)
print('pi ~', 4 * inside / 20000)
position, path = 0, []
for _ in range(30):
    position += rng.choice((-1, 1))
    path.append(position)
print(path)
counts = [0] * 11
for _ in range(3000):
    counts[rng.randint(1, 6) + rng.randint(1, 6) - 2] += 1
print(counts)
deck = [r + s for s in 'SHDC' for r in '23456789TJQKA']
rng.shuffle(deck)
print(deck[:13], sorted(deck[13:26]))
print([rng.sample(deck, 3) for _ in range(3)])
data = [rng.gauss(50, 10) for _ in range(200)]
means = sorted(sum(rng.choices(data, k=len(data))) / len(data) for _ in range(50))
print(round(means[2], 6), round(means[-3], 6))
print([round(rng.expovariate(0.5), 6) for _ in range(5)], [round(rng.betavariate(2, 3), 6) for _ in range(3)])
random.seed('a string seed')
print(random.random(), random.randrange(1, 1000, 7), random.getrandbits(64))
random.seed(b'bytes seed')
print(random.random(), random.uniform(-1, 1))
random.seed(12, version=1)
print(random.random())
random.seed('abc', version=1)
print(random.random())
print([random.Random(seed).randint(0, 10 ** 6) for seed in range(10)])
