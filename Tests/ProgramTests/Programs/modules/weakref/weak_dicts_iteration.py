# Weak mappings and WeakSet while iterating: deaths during a loop are queued, applied when the loop ends; len() counts them.
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'Item(%d)' % self.n


# WeakValueDictionary: a value dying mid-loop stays in .data until the loop ends.
items = [Item(i) for i in range(5)]
wvd = weakref.WeakValueDictionary((i, item) for i, item in enumerate(items))
seen = []
for key, value in wvd.items():
    seen.append(key)
    if key == 0:
        del items[3]
        print('during the loop: len(data) =', len(wvd.data))
    del value
print('keys seen:', seen)
print('after the loop: len =', len(wvd), 'len(data) =', len(wvd.data), 'keys =', sorted(wvd))

# Asking len() (or most methods) during the loop applies the queued removals at once,
# which changes the dict under the running loop.
items = [Item(i) for i in range(4)]
wvd = weakref.WeakValueDictionary((i, item) for i, item in enumerate(items))
it = iter(wvd.keys())
print('first key:', next(it))
del items[2]
print('len after a death mid-iteration:', len(wvd))
try:
    print('rest:', list(it))
except RuntimeError as e:
    print('RuntimeError:', e)

# A loop that is abandoned (the generator closed) also applies the queue.
items = [Item(i) for i in range(3)]
wvd = weakref.WeakValueDictionary((i, item) for i, item in enumerate(items))
gen = wvd.values()
next(gen)
items.pop()
print('queued while suspended: len(data) =', len(wvd.data))
gen.close()
print('after close: len(data) =', len(wvd.data))

# The callback only drops an entry that still holds a dead reference.
items = [Item(0), Item(1)]
wvd = weakref.WeakValueDictionary({'k': items[0]})
for key in wvd:
    old = items.pop(0)
    del old
    wvd.data['k'] = weakref.KeyedRef(items[0], wvd.data['k'].__callback__, 'k')
print('re-set during the loop survives:', dict(wvd.items()))

# WeakKeyDictionary: len() subtracts the queued removals while the loop runs.
keys = [Item(i) for i in range(5)]
wkd = weakref.WeakKeyDictionary((k, k.n * 10) for k in keys)
values = []
for k, v in wkd.items():
    values.append(v)
    if v == 0:
        del keys[1:3]
        print('len during the loop:', len(wkd), '| len(data):', len(wkd.data))
    del k
print('values seen:', values)
print('after the loop:', len(wkd), sorted(wkd.values()), len(wkd.data))

# pop/del of other keys while removals are queued: len() stays right.
keys = [Item(i) for i in range(4)]
wkd = weakref.WeakKeyDictionary((k, k.n) for k in keys)
gen = iter(wkd)
first = next(gen)
del keys[3]
wkd.pop(keys[0])
del wkd[keys[1]]
print('len with a queued death and two removals:', len(wkd))
del gen, first
print('after the loop:', len(wkd), sorted(wkd.values()))

# WeakSet: the same queueing.
members = [Item(i) for i in range(4)]
ws = weakref.WeakSet(members)
count = 0
for m in ws:
    count += 1
    if count == 1:
        del members[:]
        print('WeakSet len during the loop:', len(ws), '| len(data):', len(ws.data))
    del m
print('WeakSet after the loop:', len(ws), len(ws.data), 'members visited:', count)

# Nested loops: removals wait for the outer loop too.
members = [Item(i) for i in range(3)]
ws = weakref.WeakSet(members)
outer = iter(ws)
next(outer)
for m in ws:
    pass
members.clear()
del m
print('inner loop finished, outer still running: len(data) =', len(ws.data))
outer.close()
print('outer closed: len(data) =', len(ws.data))
