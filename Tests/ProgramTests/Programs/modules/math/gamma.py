# gamma and lgamma: CPython's own Lanczos approximation, exact at small integers.
import math

xs = [0.5, 1.5, 2.5, 3.2, 4.999, 5.0, 5.5, 10.1, 23.0, 24.0, 30.5, 100.3, 139.9, 140.5, 171.6, 171.7, 199.9,
      -0.5, -1.5, -2.5, -10.3, -100.7, -139.5, -140.5, -170.9, -180.2, -200.5, -250.5, 1e-10, -1e-10, 1e-21,
      -1e-21, 1e-320, 0.1, 0.9, 1.1, 2.1, 3, 7, 1e10, 1e300, 2.0000001, 0.9999999]
for x in xs:
    try:
        g = repr(math.gamma(x))
    except (ValueError, OverflowError) as e:
        g = type(e).__name__
    try:
        lg = repr(math.lgamma(x))
    except (ValueError, OverflowError) as e:
        lg = type(e).__name__
    print(x, g, lg)
import random
random.seed(11)
for _ in range(100):
    x = random.uniform(-60, 60)
    print(repr(math.gamma(x)), repr(math.lgamma(x)))
print(math.lgamma(float('inf')), math.lgamma(float('-inf')), math.gamma(float('inf')), math.gamma(float('nan')))
