# sys.getsizeof and __basicsize__ report CPython 3.11's sizes: built-in objects (CPYTHON-MEMORY.md
# T33, T34), functions, generators and frames (their slots), classes and types, built-in
# exceptions, and subclasses (a class adding a dict to a base without one keeps it before
# the GC header, as CPython 3.11's managed dict).
import sys, collections, array, weakref, functools, itertools, io, math, json, random, time
def g(): yield 1
class C: pass
class S: __slots__ = ('a', 'b')
class E(Exception): pass
c = C()
objs = [
 ('int0', 0), ('int1', 1), ('intbig', 2**100), ('intneg', -2**64), ('bool', True), ('float', 1.5), ('complex', 1j),
 ('str', ''), ('stra', 'a'), ('str10', 'abcdefghij'), ('strlatin', 'é'*5), ('strucs2', 'ā'*5), ('strucs4', '😀'*5),
 ('bytes', b''), ('bytes5', b'abcde'), ('bytearray', bytearray()), ('bytearray5', bytearray(b'abcde')),
 ('tuple', ()), ('tuple3', (1,2,3)), ('list', []), ('list3', [1,2,3]), ('listcomp', [i for i in range(10)]),
 ('dict', {}), ('dict1', {'a':1}), ('dict10', {i:i for i in range(10)}), ('set', set()), ('set3', {1,2,3}),
 ('set10', set(range(10))), ('frozenset', frozenset()), ('fs5', frozenset(range(5))),
 ('range', range(10)), ('slice', slice(1,2)), ('None', None), ('Ellipsis', ...), ('NotImpl', NotImplemented),
 ('func', g), ('lambda', lambda: 0), ('gen', g()), ('class', C), ('inst', c), ('slots', S()),
 ('boundm', [].append), ('builtin', len), ('module', sys),
 ('deque', collections.deque()), ('deque5', collections.deque(range(5))), 
 ('dd', collections.defaultdict(list)), ('counter', collections.Counter('abc')),
 ('array', array.array('i')), ('array5', array.array('i', range(5))), ('arrayd', array.array('d', [1.0]*7)),
 ('weakref', weakref.ref(C)), ('proxy', weakref.proxy(c)), ('partial', functools.partial(len)),
 ('exc', ValueError('x')), ('exc2', E()), ('iter', iter([])), ('enumerate', enumerate([])), ('zip', zip()),
 ('map', map(len, [])), ('filter', filter(None, [])), ('reversed', reversed([])), ('dictkeys', {}.keys()),
 ('dictitems', {}.items()), ('count', itertools.count()), ('chain', itertools.chain()),
 ('property', property()), ('staticmethod', staticmethod(len)), ('classmethod', classmethod(len)),
 ('frame', sys._getframe()), ('type', type), ('object', object()), ('memerr', MemoryError()),
 ('random', random.Random(1)), ('cell', (lambda x: lambda: x)(1).__closure__[0]),
 ('namedtuple', collections.namedtuple('P', 'x y')(1, 2)), ('super', super(C, c)),
 ('listiter', iter([1])), ('tupleiter', iter(())), ('strjoin', ','.join(['a','b'])),
 ('mappingproxy', C.__dict__), ('setiter', iter(set())), ('rangeiter', iter(range(3))),
]
for name, o in objs:
    try: print(name, sys.getsizeof(o))
    except Exception as e: print(name, 'ERR', type(e).__name__)

def f():
    return sys.getsizeof(sys._getframe()), f.__code__.co_stacksize, f.__code__.co_nlocals
def k(a, b, c):
    d = 1
    return sys.getsizeof(sys._getframe()), k.__code__.co_stacksize, k.__code__.co_nlocals
print(f(), k(1,2,3))
def gen(a):
    yield a
print(sys.getsizeof(gen(1)), gen.__code__.co_stacksize)
def outer():
    x = 1
    def inner(): return x
    return inner
i = outer()
print(i.__code__.co_freevars, outer.__code__.co_cellvars, outer.__code__.co_stacksize)

import _random
class D(dict): pass
class L(list): pass
class T(tuple): pass
class I(int): pass
class E(Exception): pass
for t in (D, L, E, random.Random, _random.Random, collections.Counter):
    print(t.__name__, t.__basicsize__, sys.getsizeof(t()))
class S:
    __slots__ = ('a', 'b')
class SD:
    __slots__ = ('a', '__dict__')
class SW(S): pass
class F(float): pass
class B(bytes): pass
class St(str): pass
class Dq(collections.deque): pass
class DD(collections.defaultdict): pass
for t in (S, SD, SW, F, Dq, DD):
    print(t.__name__, t.__basicsize__, sys.getsizeof(t()))
import itertools, functools
print(sys.getsizeof(itertools.count()), sys.getsizeof(functools.partial(len)), sys.getsizeof(random.Random()))

class C2: pass
class S2:
    __slots__ = ()
print(sys.getsizeof(C2), sys.getsizeof(S2), sys.getsizeof(int), sys.getsizeof(type), type.__basicsize__, object.__basicsize__)
class E3(Exception): pass
class T3(tuple): pass
print(sys.getsizeof(E3), sys.getsizeof(T3), sys.getsizeof(E3()), E3.__basicsize__)
import types
for t in (int, bytes, tuple, list, type, types.GeneratorType, types.FrameType, types.CodeType, E3, C2):
    print(t.__name__, t.__basicsize__, t.__itemsize__)
