"""Pseudo-random numbers for pyheap, the same numbers CPython 3.11 draws for a seed.

The core generator is the Mersenne Twister of the native `_random` module (`random()`,
`getrandbits()`, `seed()` of ints and hashes, `getstate()`/`setstate()`). This module
builds the rest on those two primitives: seeding from text (SHA-512), unbiased integers
below a bound, picks from sequences, shuffles, samples, and the classical continuous
distributions. Each draws from the generator in the order CPython's does and combines
the draws with the same floating-point operations, so seeded runs agree to the bit.
"""

import _random
from math import (acos as _acos, ceil as _ceil, cos as _cos, e as _E, exp as _exp,
                  floor as _floor, isfinite as _isfinite, log as _log, pi as _PI,
                  sin as _sin, sqrt as _sqrt)
from itertools import accumulate as _running_total, repeat as _times
from bisect import bisect_right as _bisect_right
from _sha512 import sha512 as _sha512
from collections.abc import Sequence as _SequenceABC

try:
    from os import urandom as _urandom
except ImportError:             # pyheap has no os module: the native stand-in
    from _random import _urandom

__all__ = [
    'Random', 'SystemRandom', 'betavariate', 'choice', 'choices', 'expovariate',
    'gammavariate', 'gauss', 'getrandbits', 'getstate', 'lognormvariate',
    'normalvariate', 'paretovariate', 'randbytes', 'randint', 'random', 'randrange',
    'sample', 'seed', 'setstate', 'shuffle', 'triangular', 'uniform',
    'vonmisesvariate', 'weibullvariate',
]

# Constants of the algorithms below (public names, as in CPython's module).
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)     # Kinderman-Monahan bound, 4/sqrt(2e)
TWOPI = 2.0 * _PI
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)                  # Cheng's d = 1 + ln 4.5
BPF = 53                                         # bits in a double's significand
RECIP_BPF = 2 ** -BPF

_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)
_WORD64 = (1 << 64) - 1


def _as_int(value, what):
    """An integer argument of randrange: anything with __index__, or (deprecated in
    CPython, still accepted) a float holding a whole number."""
    if type(value) is int:
        return value
    convert = getattr(type(value), '__index__', None)
    if convert is not None:
        return convert(value)
    whole = int(value)
    if whole != value:
        raise ValueError(f'non-integer {what} for randrange()')
    return whole


def _legacy_text_seed(text):
    """Version 1 seeding of str/bytes: the 64-bit string hash of Python 2 (multiply by
    1000003, xor in each character; the first character seeds the accumulator)."""
    if isinstance(text, bytes):
        text = text.decode('latin-1')
    if not text:
        acc = 0
    else:
        acc = ord(text[0]) << 7
        for ch in text:
            acc = ((acc * 1000003) ^ ord(ch)) & _WORD64
    acc ^= len(text)
    return -2 if acc == -1 else acc


def _count_bounds(counts, size):
    """For sample(counts=...): the running totals of counts except the last, and the
    grand total, which positions in range(total) map back to items through."""
    bounds = list(_running_total(counts))
    problem = None
    if len(bounds) != size:
        problem = ValueError('The number of counts does not match the population')
    else:
        total = bounds.pop()
        if not isinstance(total, int):
            problem = TypeError('Counts must be integers')
        elif total <= 0:
            problem = ValueError('Total of counts must be greater than zero')
    if problem is not None:
        raise problem
    return bounds, total


class Random(_random.Random):
    """A random number generator with its own state; `random.Random(seed)`.

    Subclass it to supply another core generator: override random(), seed(),
    getstate() and setstate(), and getrandbits() too if ranges wider than 2**53
    should stay unbiased."""

    VERSION = 3     # the layout getstate() returns

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, /, **kwargs):
        # Integers below a bound come from whichever primitive the subclass defines
        # nearest in its MRO; a class defining _randbelow itself keeps it.
        for klass in cls.__mro__:
            own = klass.__dict__
            if '_randbelow' in own:
                break
            if 'getrandbits' in own:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in own:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    # ------------------------------------------------------------ state

    def seed(self, a=None, version=2):
        """Reseeds the generator. None uses fresh entropy; an int seeds from its absolute
        value; with version 2, str, bytes and bytearray seed from all of their bits."""
        if version == 2 and isinstance(a, (str, bytes, bytearray)):
            raw = a.encode() if isinstance(a, str) else bytes(a)
            a = int.from_bytes(raw + _sha512(raw).digest(), 'big')
        elif version == 1 and isinstance(a, (str, bytes)):
            a = _legacy_text_seed(a)
        elif not isinstance(a, _SEED_TYPES):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """The generator's whole state, for setstate()."""
        return (self.VERSION, super().getstate(), self.gauss_next)

    def setstate(self, state):
        """Restores a state that getstate() returned."""
        version = state[0]
        if version == 3:
            _, words, self.gauss_next = state
            super().setstate(words)
        elif version == 2:
            # Python 2.x pickles stored the words as signed C longs.
            _, words, self.gauss_next = state
            try:
                words = tuple(word % 0x100000000 for word in words)
            except ValueError as exc:
                raise TypeError from exc
            super().setstate(words)
        else:
            raise ValueError(f'state with version {version} passed to '
                             f'Random.setstate() of version {self.VERSION}')

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return (self.__class__, (), self.getstate())

    # ------------------------------------------------------------ integers

    def _randbelow_with_getrandbits(self, n):
        """A uniform int in [0, n): draw as many bits as n has, retry when too big."""
        draw = self.getrandbits
        width = n.bit_length()
        value = draw(width)
        while value >= n:
            value = draw(width)
        return value

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """A uniform int in [0, n) from random() alone (for subclasses that define only
        random()): floats past the last whole multiple of n are rejected."""
        draw = self.random
        if n >= maxsize:
            # Too wide for 53 bits: CPython warns and returns a biased pick.
            return _floor(draw() * n)
        cutoff = (maxsize - maxsize % n) / maxsize
        u = draw()
        while u >= cutoff:
            u = draw()
        return _floor(u * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=1):
        """A random int from range(start, stop[, step]), without building the range."""
        low = start if type(start) is int else _as_int(start, 'arg 1')
        if stop is None:
            if step != 1 or type(step) is not int:
                raise TypeError('Missing a non-None stop argument')
            if low > 0:
                return self._randbelow(low)
            raise ValueError('empty range for randrange()')
        high = stop if type(stop) is int else _as_int(stop, 'stop')
        span = high - low
        stride = step if type(step) is int else _as_int(step, 'step')
        if stride == 1:
            if span > 0:
                return low + self._randbelow(span)
            raise ValueError(f'empty range for randrange() ({low}, {high}, {span})')
        if stride == 0:
            raise ValueError('zero step for randrange()')
        if stride > 0:
            count = (span + stride - 1) // stride
        else:
            count = (span + stride + 1) // stride
        if count <= 0:
            raise ValueError('empty range for randrange()')
        return low + stride * self._randbelow(count)

    def randint(self, a, b):
        """A random int N with a <= N <= b."""
        return self.randrange(a, b + 1)

    def randbytes(self, n):
        """n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    # ------------------------------------------------------------ sequences

    def choice(self, seq):
        """One item of a non-empty sequence, chosen uniformly."""
        size = len(seq)
        if not size:
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(size)]

    def shuffle(self, x):
        """Puts the items of the mutable sequence x in a random order, in place."""
        pick = self._randbelow
        last = len(x) - 1
        while last > 0:
            other = pick(last + 1)
            x[last], x[other] = x[other], x[last]
            last -= 1

    def sample(self, population, k, *, counts=None):
        """k distinct positions of population, in selection order (so every slice of the
        result is itself a fair sample). counts=[...] repeats each item that many times
        without building the repeated sequence."""
        if not isinstance(population, _SequenceABC):
            raise TypeError('Population must be a sequence.  '
                            'For dicts or sets, use sorted(d).')
        size = len(population)
        if counts is not None:
            bounds, total = _count_bounds(counts, size)
            picks = self.sample(range(total), k=k)
            return [population[_bisect_right(bounds, position)] for position in picks]
        pick = self._randbelow
        if not 0 <= k <= size:
            raise ValueError('Sample larger than population or is negative')
        chosen = [None] * k
        # Small populations: a partial shuffle of a copy. Large ones: rejection of
        # repeats through a set, whose table would outgrow a list copy past this size.
        table_cost = 21
        if k > 5:
            table_cost += 4 ** _ceil(_log(k * 3, 4))
        if size <= table_cost:
            pool = list(population)
            for slot in range(k):
                index = pick(size - slot)
                chosen[slot] = pool[index]
                pool[index] = pool[size - slot - 1]
        else:
            taken = set()
            for slot in range(k):
                index = pick(size)
                while index in taken:
                    index = pick(size)
                taken.add(index)
                chosen[slot] = population[index]
        return chosen

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """k picks from population with replacement, uniform or weighted (relative
        weights, or cumulative ones through cum_weights)."""
        draw = self.random
        size = len(population)
        if cum_weights is None:
            if weights is None:
                size += 0.0     # float arithmetic, as CPython (no overflow for huge n)
                return [population[_floor(draw() * size)] for _ in _times(None, k)]
            try:
                cum_weights = list(_running_total(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError('The number of choices must be a keyword argument: '
                                f'k={weights}') from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != size:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        top = size - 1
        return [population[_bisect_right(cum_weights, draw() * total, 0, top)]
                for _ in _times(None, k)]

    # ------------------------------------------------------------ continuous

    def uniform(self, a, b):
        """A float between a and b."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """The triangular distribution on [low, high] peaking at mode (the midpoint by
        default), by inverting its distribution function."""
        u = self.random()
        try:
            peak = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > peak:
            u = 1.0 - u
            peak = 1.0 - peak
            low, high = high, low
        return low + (high - low) * _sqrt(u * peak)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution, by Kinderman and Monahan's ratio of uniforms."""
        draw = self.random
        while True:
            u = draw()
            v = 1.0 - draw()
            x = NV_MAGICCONST * (u - 0.5) / v
            if x * x / 4.0 <= -_log(v):
                return mu + x * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Normal distribution by the Box-Muller transform: each pair of uniforms gives
        two deviates, the second kept for the next call (see getstate())."""
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            angle = self.random() * TWOPI
            radius = _sqrt(-2.0 * _log(1.0 - self.random()))
            z = _cos(angle) * radius
            self.gauss_next = _sin(angle) * radius
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log-normal distribution: exp of a normal deviate."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1/mean), by inversion."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Von Mises (circular normal) distribution, by the rejection method of Best
        and Fisher (1979); a result in [0, 2*pi)."""
        draw = self.random
        if kappa <= 1e-6:
            return TWOPI * draw()
        half = 0.5 / kappa
        rho = half + _sqrt(1.0 + half * half)
        while True:
            z = _cos(_PI * draw())
            d = z / (rho + z)
            u = draw()
            if u < 1.0 - d * d or u <= (1.0 - d) * _exp(d):
                break
        inverse = 1.0 / rho
        f = (inverse + z) / (1.0 + inverse * z)
        if draw() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution with shape alpha and scale beta (both > 0): Cheng's
        rejection algorithm GB for alpha > 1, exponential for alpha == 1, and
        Ahrens-Dieter's GS for alpha < 1."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        draw = self.random
        if alpha > 1.0:
            a = _sqrt(2.0 * alpha - 1.0)
            b = alpha - LOG4
            c = alpha + a
            while True:
                u1 = draw()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - draw()
                v = _log(u1 / (1.0 - u1)) / a
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = b + c * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        if alpha == 1.0:
            return -_log(1.0 - draw()) * beta
        while True:
            u = draw()
            bound = (_E + alpha) / _E
            p = bound * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -_log((bound - p) / alpha)
            w = draw()
            if p > 1.0:
                if w <= x ** (alpha - 1.0):
                    return x * beta
            elif w <= _exp(-x):
                return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution, from two gamma deviates X/(X+Y)."""
        x = self.gammavariate(alpha, 1.0)
        if not x:
            return 0.0
        return x / (x + self.gammavariate(beta, 1.0))

    def paretovariate(self, alpha):
        """Pareto distribution with shape alpha, by inversion."""
        return (1.0 - self.random()) ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution with scale alpha and shape beta, by inversion."""
        return alpha * (-_log(1.0 - self.random())) ** (1.0 / beta)


class SystemRandom(Random):
    """Random numbers from the operating system's entropy source (os.urandom).
    There is no state: seed() does nothing, getstate()/setstate() raise."""

    def random(self):
        """A float in [0.0, 1.0) from 53 fresh random bits."""
        return (int.from_bytes(_urandom(7), 'big') >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """An int of k fresh random bits."""
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        whole_bytes = (k + 7) // 8
        value = int.from_bytes(_urandom(whole_bytes), 'big')
        return value >> (whole_bytes * 8 - k)

    def randbytes(self, n):
        """n fresh random bytes."""
        return _urandom(n)

    def seed(self, *args, **kwds):
        """Does nothing: the entropy source takes no seed."""
        return None

    def _notimplemented(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented


# The module-level functions are the bound methods of one shared generator, seeded from
# entropy at import.
_inst = Random()
for _name in __all__:
    if _name not in ('Random', 'SystemRandom'):
        globals()[_name] = getattr(_inst, _name)
del _name
