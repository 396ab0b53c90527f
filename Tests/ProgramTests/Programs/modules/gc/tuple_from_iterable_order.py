# tuple(iterable) makes its tuple before iterating and re-makes it as it grows, so its
# place among the objects made meanwhile (gc.get_objects(), what a collection moves) is CPython's.
import gc
gc.disable()
class N:
    pass
def names():
    out = []
    for o in gc.get_objects():
        if type(o) is N: out.append("n")
        elif type(o) is tuple and len(o) and type(o[0]) is N: out.append("t%d" % len(o))
    runs = []
    for x in out:
        if runs and x == "n" and runs[-1][0] == "n":
            runs[-1][1] += 1
        else:
            runs.append([x, 1])
    return " ".join("n%d" % k if x == "n" else x for x, k in runs)
def gen(k):
    for i in range(k):
        yield N()
for k in (0, 3, 10, 11, 26, 60, 500):
    t = tuple(gen(k))
    print(k, len(t), names())
    gc.collect()
    print(" ", names())
    del t
print(tuple(range(5)), tuple("abc"), tuple({1: 2, 3: 4}), tuple(x for x in ()), tuple([]), tuple([1, 2]))
class Hint:
    def __iter__(self): return iter([1, 2, 3])
    def __length_hint__(self): return 1
print(tuple(Hint()))
def boom():
    yield 1
    raise ValueError("boom")
try:
    tuple(boom())
except ValueError as e:
    print("ValueError", e)
