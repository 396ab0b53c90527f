# copy.copy and copy.deepcopy: containers, shared and cyclic references, classes with
# __copy__/__deepcopy__/__getstate__/__setstate__/__slots__, builtin subclasses.
import copy
from collections import deque, defaultdict, OrderedDict, namedtuple, Counter

nested = {'a': [1, 2, {'b': [3]}], 't': (1, [2]), 's': {1, 2}}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow['a'] is nested['a'])
print(deep == nested, deep['a'] is nested['a'], deep['a'][2] is nested['a'][2], deep['t'] is nested['t'])
deep['a'][2]['b'].append(99)
print(nested['a'][2]['b'], deep['a'][2]['b'])
flat = (1, 'x', None, 2.5)
print(copy.deepcopy(flat) is flat, copy.copy([1, 2]) == [1, 2], copy.copy(flat[1]) is flat[1])
shared = [0]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is shared)
cyc = [1]
cyc.append(cyc)
dcyc = copy.deepcopy(cyc)
print(dcyc[1] is dcyc, dcyc is not cyc)
d = {}
d['self'] = d
dd = copy.deepcopy(d)
print(dd['self'] is dd)
memo = {}
x = [1, [2]]
y = copy.deepcopy(x, memo)
print(y == x, len(memo) > 0, copy.deepcopy(x, memo) is y)

class Plain:
    def __init__(self, v):
        self.v = v
        self.items = [v]
p = Plain(5)
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(type(pc).__name__, pc.v, pc.items is p.items, pd.items is p.items, pd.items)

class Custom:
    def __init__(self, n):
        self.n = n
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.n + 100)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(self.n + 1000)
print(copy.copy(Custom(1)).n, copy.deepcopy(Custom(1)).n, copy.deepcopy([Custom(2)])[0].n)

class Stateful:
    def __init__(self):
        self.secret = 'hidden'
        self.public = 'shown'
    def __getstate__(self):
        return {'public': self.public}
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True
s = copy.copy(Stateful())
print(sorted(vars(s).items()))

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]
sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, 'b'))

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = 'x'
mc = copy.copy(ml)
md = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, md[1] is ml[1], mc[1] is ml[1])
class MyDict(dict):
    pass
md2 = copy.deepcopy(MyDict(a=[1]))
print(type(md2).__name__, md2)

dq = deque([[1], 2], maxlen=5)
print(copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dq)[0] is dq[0], copy.copy(dq)[0] is dq[0])
ddict = defaultdict(list, a=[1])
dc = copy.deepcopy(ddict)
dc['b'].append(2)
print(dc, ddict, copy.copy(ddict).default_factory)
od = OrderedDict(z=[1], a=2)
print(copy.deepcopy(od), copy.copy(od))
P = namedtuple('P', 'x y')
pt = P([1], 2)
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).x is pt.x, copy.copy(pt) is pt)
print(copy.deepcopy(Counter('aab')), copy.copy(frozenset({1})), copy.deepcopy({1: {2: 3}}))
def f():
    pass
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(int) is int, copy.copy(len) is len)
class Boom:
    def __reduce__(self):
        raise copy.Error('not copyable')
try:
    copy.copy(Boom())
except copy.Error as e:
    print('copy.Error', e)
