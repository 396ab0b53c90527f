# Surviving containers move up one generation per collection of their generation; get_objects(g) shows where.
import gc
gc.disable()
gc.collect()
def where(o):
    return [g for g in range(3) if any(x is o for x in gc.get_objects(generation=g))]
x = []
print('new:', where(x))
gc.collect(0)
print('after collect(0):', where(x))
gc.collect(0)
print('collect(0) again leaves it:', where(x))
gc.collect(1)
print('after collect(1):', where(x))
gc.collect(2)
print('after collect(2):', where(x))
y = []
gc.collect(1)
print('collect(1) takes a young object two steps:', where(y))
z = []
print('get_objects() includes it:', any(o is z for o in gc.get_objects()))
print('get_objects(-1) too:', any(o is z for o in gc.get_objects(-1)))
counts = gc.get_count()
a = [[] for _ in range(5)]
print('allocating lists raises count[0]:', gc.get_count()[0] - counts[0] >= 6)
before = gc.get_count()[1]
gc.collect(0)
print('collect(0) resets count[0] and bumps count[1]:', gc.get_count()[0], gc.get_count()[1] - before)
gc.collect()
print('a full collection resets all:', gc.get_count())
gc.enable()
