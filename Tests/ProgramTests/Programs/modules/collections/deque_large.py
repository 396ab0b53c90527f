# A deque spanning many 64-item blocks, checked operation by operation against a list
# doing the same work (a deterministic pseudo-random sequence of operations).
from collections import deque

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n

d = deque()
model = []
for step in range(6000):
    op = rand(12)
    if op in (0, 1, 2):
        d.append(step); model.append(step)
    elif op in (3, 4):
        d.appendleft(step); model.insert(0, step)
    elif op == 5 and model:
        assert d.pop() == model.pop()
    elif op == 6 and model:
        assert d.popleft() == model.pop(0)
    elif op == 7 and model:
        n = rand(300) - 150
        d.rotate(n)
        if model:
            k = n % len(model)
            model[:] = model[-k:] + model[:-k] if k else model
    elif op == 8 and model:
        i = rand(len(model))
        assert d[i] == model[i] and d[-1 - i] == model[-1 - i]
        d[i] = -step; model[i] = -step
    elif op == 9 and model:
        i = rand(len(model))
        del d[i]; del model[i]
    elif op == 10:
        i = rand(len(model) + 1)
        d.insert(i, step); model.insert(i, step)
    elif op == 11 and len(model) > 200:
        d.reverse(); model.reverse()
    if step % 500 == 0:
        assert list(d) == model, step
        assert list(reversed(d)) == model[::-1]
print(len(d), list(d) == model, list(d)[:5], list(d)[-5:])

big = deque(range(100000))
big.rotate(12345)
print(big[0], big[-1], big[50000], len(big))
big.rotate(-12345)
print(big[0], big[99999], sum(big))
while len(big) > 10:
    big.pop()
    big.popleft()
print(big)
big.extend(range(1000))
print(len(big), big.index(999), big.count(5))
bounded = deque(range(1000), maxlen=100)
print(bounded[0], bounded[-1], len(bounded))
bounded.extendleft(range(50))
print(bounded[0], bounded[-1], len(bounded))
bounded.clear()
bounded.extend(range(250))
print(list(bounded)[:3], len(bounded))
print(deque(range(70)) == deque(range(70)), deque(range(130))[129], deque(range(130))[-130])
sizes = deque()
print(sizes.__sizeof__(), deque(range(100)).__sizeof__(), deque(range(64)).__sizeof__())
for i in range(100):
    sizes.append(i)
print(sizes.__sizeof__())
left = deque()
left.extendleft(range(200))
print(left.__sizeof__(), len(left), left[0], left[-1])
for i in range(150):
    left.pop()
print(left.__sizeof__())
