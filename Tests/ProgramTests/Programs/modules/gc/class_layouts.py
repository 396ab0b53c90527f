# Cycles through every kind of class layout the collector walks: plain classes (inline
# values, then a materialized __dict__), classes whose __slots__ name only __dict__ and
# __weakref__, classes with real slots, and subclasses mixing the two. Each cycle must be
# found, young and old, and nothing live may be collected.
import gc

gc.disable()


class Plain:
    pass


class DictOnly:
    __slots__ = ("__dict__",)


class DictAndWeak:
    __slots__ = ("__dict__", "__weakref__")


class Slotted:
    __slots__ = ("a",)


class SlottedWithDict:
    __slots__ = ("a", "__dict__")


class PlainChild(Plain):
    __slots__ = ("b",)


class SlottedChild(Slotted):
    pass


def cycle(cls, how):
    x, y = cls(), cls()
    if how == "attr":
        x.a, y.a = y, x
    elif how == "slot":
        setattr(x, "a", y)
        setattr(y, "a", x)
    elif how == "dict":
        x.__dict__["p"] = y
        y.__dict__["p"] = x
    elif how == "child":
        x.b, y.b = y, x
    return x, y


cases = [
    (Plain, "attr"), (Plain, "dict"), (DictOnly, "attr"), (DictOnly, "dict"),
    (DictAndWeak, "attr"), (Slotted, "slot"), (SlottedWithDict, "slot"),
    (SlottedWithDict, "dict"), (PlainChild, "child"), (PlainChild, "attr"),
    (SlottedChild, "attr"), (SlottedChild, "slot"),
]
for cls, how in cases:
    gc.collect()
    cycle(cls, how)
    young = gc.collect(0)
    kept = cycle(cls, how)
    gc.collect()
    del kept
    old = gc.collect()
    live = cycle(cls, how)
    print(cls.__name__, how, young, old, gc.collect(), gc.is_tracked(live[0]))

# Holding only ints and strs, a plain instance still holds its class's cycle members
# once one is stored; and the class itself is never collected while instances exist.
holder = Plain()
holder.n = 1
holder.s = "x"
ring = [holder]
holder.ring = ring
del holder, ring
print("holder ring", gc.collect())
print(sorted(type(o).__name__ for o in gc.get_referents(DictOnly())))
