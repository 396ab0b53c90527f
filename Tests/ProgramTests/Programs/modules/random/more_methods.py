# Every distribution and sequence method for several seeds (str/bytes/float/big-int seeds,
# version 1), sample's two strategies around their threshold, subclasses that supply only
# random() or getrandbits(), version-2 states, and error messages.
import random, copy
def show(label, f):
    try: print(label, f())
    except Exception as e: print(label, '!!', type(e).__name__, e)
for seed in [0, 3, 77, 2**100, 'seed', b'\xff\x00', bytearray(b'ba'), 1.25]:
    r = random.Random(seed)
    print('seed', repr(seed))
    print(' norm', [r.normalvariate(1, 2) for _ in range(4)])
    print(' logn', [r.lognormvariate(0.5, 0.25) for _ in range(3)])
    print(' vm', [r.vonmisesvariate(m, k) for m, k in ((0, 0.5), (2, 10), (-1, 100), (6, 1e-6), (1, 2e-6))])
    print(' gam', [r.gammavariate(a, b) for a, b in ((0.1, 1), (0.9, 2), (1, 1), (1.0001, 1), (3, 0.5), (50, 2), (1e-3, 1))])
    print(' beta', [r.betavariate(a, b) for a, b in ((0.1, 0.1), (1, 1), (5, 0.5), (0.01, 3))])
    print(' par', [r.paretovariate(a) for a in (0.5, 1, 10)], [r.weibullvariate(a, b) for a, b in ((1, 0.5), (2, 3))])
    print(' tri', [r.triangular(a, b, c) for a, b, c in ((0, 1, None), (10, 0, 2), (0, 10, 10), (3, 3, 3), (1, 2, 5))])
    print(' expo', [r.expovariate(l) for l in (1, 0.01, -2)])
    print(' uni', [r.uniform(5, -5) for _ in range(2)], r.gauss(), r.gauss(1, 0), r.gauss(-3, 10))
    for n, k in [(5, 5), (21, 3), (22, 3), (26, 6), (27, 6), (100, 10), (85, 6), (86, 7), (1000, 50), (2000, 200), (10**4, 5), (6, 0), (300, 22), (340, 22), (341, 22)]:
        print(' samp', n, k, r.sample(range(n), k)[:8])
    print(' cho', r.choices(range(10**15), k=3), r.choices('xyz', cum_weights=(0.5, 0.5, 3), k=4), r.choices([1,2,3], [0, 0, 1e-300], k=2))
    print(' cnt', r.sample('abc', 6, counts=[3, 2, 1]), r.sample(['x'], 2, counts=[5]))
    print(' rr', [r.randrange(-10, 10, 3) for _ in range(5)], [r.randrange(10, -10, -3) for _ in range(5)], r.randrange(2**200), r.randrange(10**9, 10**9+7))
    print(' rb', r.randbytes(9), r.getrandbits(1000) % 997)
    d = list(range(50)); r.shuffle(d); print(' sh', d)
    s = r.getstate(); x = r.random(); r2 = copy.copy(r); r.setstate(s); print(' st', x == r.random(), r2.random() == r.random())
    if not isinstance(seed, bytearray): r.seed(seed, version=1); print(' v1', r.random())
class Fixed(random.Random):
    def random(self): return 0.37
class Seq(random.Random):
    def __init__(self): super().__init__(); self.i = 0
    def random(self):
        self.i += 1
        return (self.i * 0.6180339887) % 1.0
for cls in (Fixed, Seq):
    r = cls()
    print(cls.__name__, [r.randrange(7) for _ in range(5)], r.randrange(2**60), r.choice('abcdef'), r.sample(range(10), 4), r.randint(1, 10**15))
    d = list(range(10)); r.shuffle(d); print(d)
class Bits(random.Random):
    def __init__(self): super().__init__(); self.i = 0
    def getrandbits(self, k):
        self.i += 12345
        return self.i % (1 << k) if k else 0
r = Bits(); print([r.randrange(1000) for _ in range(5)], r.sample(range(100), 3))
class Sub(Fixed): pass
class Own(random.Random):
    def _randbelow(self, n): return n - 1
    def random(self): return 0.1
print(Sub._randbelow.__name__, Own().randrange(5), Own._randbelow.__name__, random.SystemRandom._randbelow.__name__)
r = random.Random(5)
g = r.gauss(); st = r.getstate()
v2 = (2, tuple(w - 2**32 if w >= 2**31 else w for w in st[1]), st[2])
r.setstate(v2); print(r.gauss(), r.random())
r.setstate(st); print(r.gauss(), r.random())
print(r.__reduce__()[0], len(r.__reduce__()[2][1]))
show('ch', lambda: random.choices('ab', k=2.5))
show('ch', lambda: random.choices('ab', k=-1))
show('ch', lambda: random.choices('ab', weights='xy'))
show('ch', lambda: random.choices('ab', cum_weights=[1, 0]))
show('ch', lambda: random.choices(range(3), cum_weights=[]))
show('sm', lambda: random.sample(range(3), 2.0))
show('sm', lambda: random.sample(range(3), k=None))
show('sm', lambda: random.sample([1,2], 1, counts=[1, -1]))
show('sm', lambda: random.sample(x for x in 'ab'))
show('sd', lambda: random.seed(bytearray(b'ab'), version=1))
show('sd', lambda: random.seed('a', version=1))
show('sd', lambda: random.seed(None, 7))
show('rb', lambda: random.randbytes(2.0))
show('ss', lambda: random.setstate((2, ('a',) * 625, None)))
show('ss', lambda: random.setstate((3,)))
show('ss', lambda: random.setstate(3))
show('sr', lambda: random.SystemRandom().setstate(1))
show('sr', lambda: random.SystemRandom(5).seed(1, 2, x=3))
show('tri', lambda: random.triangular(1, 1, 5))
show('vm', lambda: random.vonmisesvariate(0, -1) < 7)
show('be', lambda: random.betavariate(0, 1))
show('pa', lambda: random.paretovariate(0))
show('wb', lambda: random.weibullvariate(1, 0))
show('lg', lambda: random.lognormvariate(0))
