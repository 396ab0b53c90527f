# gc.collect() returns the number of unreachable containers; cycles of lists, dicts, sets and tuples.
import gc
gc.disable()
gc.collect()

def report(label, generation=2):
    print('%-44s %d' % (label, gc.collect(generation)))

l = []; l.append(l); del l
report('self-referencing list')
a = []; b = [a]; a.append(b); del a, b
report('two lists')
d = {}; d['self'] = d; del d
report('self-referencing dict')
d = {}; t = (d,); d['t'] = t; del d, t
report('dict and tuple')
ring = [[] for _ in range(10)]
for i in range(10):
    ring[i].append(ring[(i + 1) % 10])
del ring
report('ten-list ring and the outer list')
keep = [[]]
keep[0].append(keep[0])
report('a cycle still referenced from outside')
del keep
report('then released')
report('nothing left')
x = []; x.append(x); y = {'x': x, 'payload': [1, 2, 3], 'more': {'k': (1, [])}}
x.append(y); del x, y
report('list, dict and what they hold')
def f():
    pass
f.me = f
del f
report('function referring to itself')
s = []
s.append(s)
del s
report('young collection finds a young cycle', 0)
s = []
s.append(s)
gc.collect(0)
del s
report('young collection misses an older cycle', 0)
report('the middle one finds it', 1)
gc.enable()
