# A plain instance keeps its attributes inline, named by its class's shared keys, until a
# dict object is needed. Everything here must behave as with a dict: order of assignment,
# deletion, shadowing methods, names that are not interned or not exact strs, classes whose
# instances outgrow the shared keys, __class__ assignment, slots next to a dict, cycles.
import gc
import sys
import weakref


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return abs(self.x) + abs(self.y)


# Each instance iterates its attributes in its own assignment order.
class Bag:
    pass


first, second = Bag(), Bag()
first.b, first.a = 1, 2
second.a, second.b = 1, 2
print(list(vars(first)), list(vars(second)))

# Deleting and setting again moves the name to the end.
p = Point(1, 2)
del p.x
p.x = 5
print(list(p.__dict__.items()))
try:
    del p.missing
except AttributeError as error:
    print(error)
try:
    p.missing
except AttributeError as error:
    print(error)

# An instance attribute shadows a method, and deleting it uncovers the method.
p.norm = lambda: "shadowed"
print(p.norm())
del p.norm
print(p.norm())

# Names built at run time (not interned), and a str subclass as a name.
setattr(p, "co" + "lor", "red")
print(p.color, getattr(p, "".join(["c", "olor"])), hasattr(p, "colour"))


class Name(str):
    pass


setattr(p, Name("tag"), 1)
print(sorted(vars(p)), p.tag)

# A class whose instances set many different attributes: the shared keys fill up and the
# later instances fall back to dicts, with nothing lost.
objects = []
for i in range(45):
    o = Bag()
    for j in range(i):
        setattr(o, "a%d" % j, j * i)
    objects.append(o)
print([len(vars(o)) for o in objects[::11]], objects[44].a43, objects[31].a30)
late = Bag()
late.zz = 1
late.a0 = 2
print(list(vars(late).items()))

# Writes through __dict__ and through attributes see each other.
q = Point(3, 4)
d = q.__dict__
d["z"] = 9
q.w = 10
print(q.z, d["w"], list(d))

# __class__ assignment carries the attributes over.
class Other(Point):
    pass


r = Point(7, 8)
r.__class__ = Other
print(type(r).__name__, r.x, r.y, r.norm(), vars(r))

# __slots__ next to a dict, in a subclass.
class Slotted(Point):
    __slots__ = ("s",)


s = Slotted(1, 1)
s.s = 2
s.t = 3
print(s.s, s.t, vars(s), gc.get_referents(s)[:2])

# Cycles of instances: 2 objects while the attributes are inline, 4 with __dict__ made.
a, b = Point(a := None, 0), Point(None, 0)
a.x, b.x = b, a
del a, b
print(gc.collect())
a, b = Point(None, 0), Point(None, 0)
a.x, b.x = b, a
a.__dict__, b.__dict__
del a, b
print(gc.collect())

# __del__ sees its attributes; weak references die with the instance.
class Noisy:
    def __del__(self):
        print("del", self.label)


n = Noisy()
n.label = "n1"
del n
w = Point(1, 1)
ref = weakref.ref(w)
del w
print(ref())

# Sizes as CPython 3.11 reports them: the dict and values pointers are a pre-header.
print(Point(1, 2).__sizeof__(), sys.getsizeof(Point(1, 2)), sys.getsizeof(Bag()))
print(sys.getsizeof(s) - s.__sizeof__())
