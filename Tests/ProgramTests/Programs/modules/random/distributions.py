# The continuous distributions draw in CPython's order with CPython's arithmetic.
import random

for seed in [1, 99, 2024]:
    r = random.Random(seed)
    print([r.uniform(-3, 7) for _ in range(3)])
    print([r.triangular() for _ in range(2)], r.triangular(0, 10, 8), r.triangular(5, 5), r.triangular(0, 1, 0.0))
    print([r.normalvariate() for _ in range(2)], r.normalvariate(10, 2))
    print([r.gauss() for _ in range(3)], r.gauss(5, 0.5))
    print(r.lognormvariate(0, 1), r.expovariate(1.5), r.expovariate(0.1))
    print(r.vonmisesvariate(1.0, 4.0), r.vonmisesvariate(0, 0), r.vonmisesvariate(3, 1e-7))
    print(r.gammavariate(0.5, 1.0), r.gammavariate(1.0, 2.0), r.gammavariate(2.5, 3.0), r.gammavariate(9, 0.5))
    print(r.betavariate(2, 5), r.betavariate(0.5, 0.5), r.paretovariate(3), r.weibullvariate(1, 1.5))
    print(r.randbytes(5), r.randbytes(0), len(r.randbytes(33)))
