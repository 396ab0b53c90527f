# getstate/setstate round trips, Random instances are independent, subclasses.
import random

r = random.Random(5)
state = r.getstate()
print(type(state).__name__, len(state), state[0], len(state[1]), state[1][-1], state[2])
first = [r.random() for _ in range(5)]
r.setstate(state)
print(first == [r.random() for _ in range(5)])
r.gauss()
s = r.getstate()
print(s[2] is not None, r.gauss() == r.gauss() or True)
r.setstate(s)
g1 = r.gauss()
r.setstate(s)
print(g1 == r.gauss())
a, b = random.Random(3), random.Random(3)
print(a.random() == b.random(), a.random() == b.random())
a.seed(4)
print(a.random() == b.random())
print(random.Random().random() != random.Random().random())

class Fixed(random.Random):
    def random(self):
        return 0.5
print(Fixed().randrange(10), Fixed().choice('abcd'), Fixed()._randbelow.__name__)

class Bits(random.Random):
    def getrandbits(self, k):
        return (1 << k) - 1 if k else 0
print(Bits()._randbelow.__name__)

class Counter(random.Random):
    def __init__(self, start):
        self.n = start
        super().__init__(start)
c = Counter(10)
print(c.n, c.randint(1, 100))
import _random
base = _random.Random(1234)
print(base.random(), isinstance(r, _random.Random), random.Random.__mro__[1])
print(base.getstate()[-1], len(base.getstate()))
base.seed()
base.seed(None)
base.seed(98765)
print(base.random())
print(random.Random(2.5).random() == random.Random(2.5).random(), random.Random(-5).random() == random.Random(5).random())
old = random.getstate()
random.seed(12)
x = random.random()
random.setstate(old)
random.seed(12)
print(x == random.random())
v2 = (2, tuple(w - 2 ** 32 if w > 2 ** 31 else w for w in r.getstate()[1]), None)
r.setstate(v2)
print(r.random() == random.Random(5).random() or True)
