"""Many short-lived reference cycles: the gc_collect-like workload.

Each round builds a batch of structures that only the cycle collector can free (doubly
linked rings of instances, trees whose nodes point back at their parents, dicts and lists
that contain themselves, closures that call themselves, instances holding their own bound
methods), walks them once so the work cannot be skipped, drops them and calls
gc.collect(). One node in every few has a __del__ method, so the collector also runs
finalizers on objects in cycles (PEP 442); the finalizer count shows that every cycle was
collected exactly once. Half the rounds run with automatic collection disabled, so that
the explicit collection finds all of the round's garbage.

Usage: gc_collect.py [ROUNDS] | --quick   (default 300)
"""

import sys
import gc

BATCH = 400


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.prev = None


class Finalized(Node):
    count = 0

    def __del__(self):
        Finalized.count += 1


class TreeNode:
    def __init__(self, parent, value):
        self.parent = parent
        self.value = value
        self.children = []


class Holder:
    def __init__(self, value):
        self.value = value
        self.callback = self.report      # a bound method: holder -> method -> holder

    def report(self):
        return self.value


def ring(length, base):
    nodes = [Finalized(base + i) if i % 16 == 0 else Node(base + i) for i in range(length)]
    for i, node in enumerate(nodes):
        following = nodes[(i + 1) % length]
        node.next = following
        following.prev = node
    return nodes[0]


def tree(depth, fanout, parent=None, value=0):
    node = TreeNode(parent, value)
    if depth > 0:
        for k in range(fanout):
            node.children.append(tree(depth - 1, fanout, node, value * fanout + k))
    return node


def self_calling(n):
    def countdown(k):
        return 0 if k == 0 else k + countdown(k - 1)   # countdown's cell holds countdown
    return countdown, countdown(n)


def build(round_number):
    garbage = []
    total = 0
    for i in range(BATCH):
        kind = i % 5
        value = round_number * BATCH + i
        if kind == 0:
            head = ring(24, value)
            node, steps = head.next, 1
            while node is not head:
                total += node.value - node.prev.value
                node, steps = node.next, steps + 1
            total += steps
            garbage.append(head)
        elif kind == 1:
            root = tree(3, 3, None, value % 7)
            total += len(root.children[1].children[2].parent.parent.children)
            garbage.append(root)
        elif kind == 2:
            d = {"key": value, "items": [value, value + 1]}
            d["self"] = d
            d["items"].append(d["items"])
            total += len(d["self"]["items"])
            garbage.append(d)
        elif kind == 3:
            function, result = self_calling(value % 10)
            total += result
            garbage.append(function)
        else:
            holder = Holder(value % 11)
            total += holder.callback()
            garbage.append(holder)
    return garbage, total


def main():
    rounds = 10 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 300
    checksum = 0
    explicit_enough = True
    for r in range(rounds):
        manual = r % 2 == 1
        if manual:
            gc.disable()
        garbage, total = build(r)
        checksum += total
        del garbage
        found = gc.collect()
        if manual:
            # Every ring holds 24 instances, every tree 40; the collector must find at least
            # those (CPython also counts dicts, cells, functions, bound methods).
            explicit_enough = explicit_enough and found >= (BATCH // 5) * (24 + 40)
            gc.enable()
    print("gc_collect", rounds, "rounds")
    print("checksum", checksum)
    print("finalized", Finalized.count, "expected", rounds * (BATCH // 5) * 2)
    print("explicit collections found their garbage:", explicit_enough)
    print("enabled at exit:", gc.isenabled())


main()
