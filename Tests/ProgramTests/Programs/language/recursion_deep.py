# Deep Python recursion: RecursionError at the limit, and 100,000 frames when allowed.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
sys.setrecursionlimit(100_050)
print(depth(100_000))
sys.setrecursionlimit(1000)
class Node:
    def __init__(self, child):
        self.child = child
    def __repr__(self):
        return "Node(" + repr(self.child) + ")"
deep = None
for i in range(5000):
    deep = Node(deep)
try:
    repr(deep)
except RecursionError:
    print("repr of a deep chain: RecursionError")
print("done")
