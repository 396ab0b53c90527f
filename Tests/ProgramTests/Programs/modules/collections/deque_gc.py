# Deques in reference cycles are collected; finalizers of items run when a deque is
# cleared or freed; a deque can hold itself.
from collections import deque

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

d = deque([Noisy('a'), Noisy('b')])
d.clear()
print('cleared', len(d))
d.append(Noisy('c'))
d.appendleft(Noisy('d'))
print('popping')
d.pop()
print('dropping')
d = None
print('after drop')
bounded = deque(maxlen=1)
bounded.append(Noisy('first'))
bounded.append(Noisy('second'))
print('bounded', len(bounded))
bounded = None

class Holder:
    pass

for i in range(1000):
    h = Holder()
    h.q = deque([h, i])
    q = deque()
    q.append(q)
print('cycles built')

class Resurrect(deque):
    pass
s = Resurrect([1, 2])
s.me = s
s = None
print('done')
