# Full collections that find nothing to collect: the order of gc.get_objects(), the tuples
# untracked and the counts must be CPython's, whether the collector proves the heap alive
# in one walk (mark-alive) or deduces it (a leaf made before the only object that refers
# to it is parked and moved back behind it, which reorders gc.get_objects()).
import gc


class Node:
    def __init__(self, i, child=None):
        self.i = i
        self.child = child


def build_in_order(n):
    # Every object is reached from an earlier one: no full collection parks anything.
    out = []
    for i in range(n):
        out.append(Node(i))
        if i % 1000 == 0:
            out.append((i, "k"))
    return out


def build_bottom_up(n):
    # Each leaf is older than the only object that refers to it.
    out = []
    for i in range(n):
        leaf = Node(-i)
        out.append(Node(i, leaf))
        if i % 1000 == 0:
            out.append(((i,), (i, 2.5)))
    return out


def young_garbage():
    # A cycle that the young collections may not reach before the full one.
    a = Node("a")
    a.child = a


gc.collect()
gc.disable()
first = build_in_order(30000)
print("in order:", gc.collect(), gc.get_count())
second = build_bottom_up(20000)
print("bottom up:", gc.collect(), gc.collect())
young_garbage()
third = build_in_order(1000)
print("with garbage:", gc.collect(), gc.collect())

order = [o.i for o in gc.get_objects() if type(o) is Node]
print(len(order), order[:6], order[-6:])
print("first negative at", next(k for k, v in enumerate(order) if v < 0))
inversions = sum(1 for a, b in zip(order, order[1:]) if (a < 0) != (b < 0))
print("sign changes", inversions)
print("tracked tuples", sum(1 for t in first + second + third if type(t) is tuple and gc.is_tracked(t)))
print("tracked inner tuples", sum(1 for t in second if type(t) is tuple for u in t if gc.is_tracked(u)))
