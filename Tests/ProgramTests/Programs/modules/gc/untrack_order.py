import gc
gc.collect()
gc.disable()
# The inner tuple is older, so it comes first in the list; only the outer holds it, so
# move_unreachable parks it and moves it back behind the outer one: the outer is checked
# while the inner is still tracked, and stays tracked until the next collection.
n = int("1")
inner = (n, 2.5, "x")
outer = (inner, n)
del inner
print(gc.is_tracked(outer), gc.is_tracked(outer[0]))
gc.collect()
print(gc.is_tracked(outer), gc.is_tracked(outer[0]))
gc.collect()
print(gc.is_tracked(outer), gc.is_tracked(outer[0]))
# Inner still referenced from outside: it is scanned first, untracked, then the outer goes too.
a = (n, 5)
b = (a, n)
gc.collect()
print(gc.is_tracked(a), gc.is_tracked(b))
# A dict holding a tuple untracked in the same full collection is untracked with it.
t = ("k", n)
d = {"t": t}
del t
gc.collect()
print(gc.is_tracked(d["t"]), gc.is_tracked(d))
# Young collections untrack tuples but never dicts.
t = (n, 8)
d2 = {"u": (n,)}
gc.collect(0)
print(gc.is_tracked(t), gc.is_tracked(d2), gc.is_tracked(d2["u"]))
gc.collect(2)
print(gc.is_tracked(d2))
# Frozen objects stay out of the full collection; tuples still untrack.
f = ([],)
gc.freeze()
x = (n, 2)
y = [x]
y.append(y)
del y
print(gc.collect(), gc.is_tracked(x), gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.collect())
