# The order move_unreachable leaves a young generation in, when reachable objects come
# first and objects only they (or later ones) refer to come after: gc.get_objects(g)
# shows it, and gc.collect(g) counts the garbage among them.
import gc


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child


def names(generation):
    return [o.name for o in gc.get_objects(generation) if type(o) is Node]


gc.collect()
gc.disable()

# Every object held from outside: nothing moves.
kept = [Node("k%d" % i) for i in range(5)]
print(gc.collect(0), names(1))

# Held ones first, then objects only an earlier one refers to: they stay in place.
head = Node("h0")
head.child = Node("h1", Node("h2"))
print(gc.collect(0), names(1))

# An object only a later one refers to: parked, then moved behind its referrer.
late = Node("l0")
holder = Node("l1", late)
del late
print(gc.collect(0), names(1))

# Reachable prefix, then garbage, then a cycle reached only from an earlier object.
anchor = Node("a0")
junk = Node("j0"); junk.child = junk
ring_a = Node("r0"); ring_b = Node("r1", ring_a); ring_a.child = ring_b
anchor.child = ring_a
del junk, ring_a, ring_b
print(gc.collect(0), names(1))

# The same in generation 1, with a tuple and a dict among them.
first = Node("t0")
pair = (Node("t1"), 5)
first.child = pair
table = {"x": Node("t2")}
first.name = "t0"
del pair
older = Node("t3")
cycle = Node("t4"); cycle.child = cycle
del cycle
second = Node("t5", table)
del table
print(gc.collect(0), names(1))
print(gc.collect(1), names(2)[-8:])
print(gc.is_tracked(first.child), gc.is_tracked(second.child))
