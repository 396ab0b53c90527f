# Instances whose attributes have only held non-GC objects are skipped by the collector's
# walks; the first GC object stored in any way must make them count again.
import gc


class Box:
    def __init__(self, v):
        self.v = v


gc.collect()
gc.disable()

# An int, then a cycle through the same attribute.
a = Box(1)
a.v = a
del a
print(gc.collect())

# An int, then a list that holds the box.
b = Box(2)
b.v = [b]
del b
print(gc.collect())

# Lists made after their boxes, held only by them: every kind of collection keeps them.
keep = [Box(i) for i in range(4)]
for box in keep:
    box.v = [box.v]
for generation in (0, 1, 2, 2):
    gc.collect(generation)
print([box.v for box in keep])

# setattr with a new attribute, and the inline cache's store path in a loop.
c = Box(None)
setattr(c, "w", {"self": c})
del c
for i in range(3):
    d = Box(i)
    d.v = (d, i)
    del d
print(gc.collect())

# A materialized __dict__ holds the cycle instead.
e = Box(0)
e.__dict__["v"] = e
del e
print(gc.collect())

# Young collections, and a value stored before the instance is referenced anywhere else.
f = Box(Box(7))
f.v.v = f
del f
print(gc.collect(0), gc.collect(1))
print(gc.get_referents(Box(5)))
