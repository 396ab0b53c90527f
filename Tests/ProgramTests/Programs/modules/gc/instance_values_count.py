import gc
gc.disable()
class P:
    pass
gc.collect()
a = gc.get_count()[0]
xs = [P() for _ in range(10)]
for x in xs: x.v = 1
b = gc.get_count()[0]
d = xs[0].__dict__
c = gc.get_count()[0]
del xs, d
e = gc.get_count()[0]
print(b - a, c - b, e - c)
