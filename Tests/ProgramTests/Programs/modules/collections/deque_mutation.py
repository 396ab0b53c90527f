from collections import deque
class X:
    def __init__(s, d): s.d = d
    def __eq__(s, o): s.d.append(1); return False
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
d = deque([1,2,3]); t(lambda: d.remove(X(d)))
d = deque([1,2,3]); t(lambda: d.count(X(d)))
d = deque([1,2,3]); t(lambda: X(d) in d)
d = deque([1,2,3]); t(lambda: d.index(X(d)))
d = deque([1,2,3]); t(lambda: d == deque([X(d), 2, 3]))
d = deque([1,2,3]); it = iter(d); next(it); d.append(4); t(lambda: next(it)); t(lambda: next(it))
d = deque([1,2,3]); it = iter(d); list(it); d.append(4); t(lambda: next(it))
d = deque([1,2,3]); it = iter(d); d[0] = 5; t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.reverse(); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.rotate(0); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.rotate(1); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.extend([]); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.clear(); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.pop(); t(lambda: list(it))
d = deque([]); it = iter(d); d.clear(); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); print(it.__length_hint__()); next(it); print(it.__length_hint__())
d = deque([1,2,3]); it = iter(d); d.insert(1, 5); t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); del d[1]; t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d *= 1; t(lambda: list(it))
d = deque([1,2,3]); it = iter(d); d.extendleft([]); t(lambda: list(it))
class D(deque): pass
t(lambda: D([1]) + [1]); t(lambda: D([1]) + D([2])); t(lambda: type(D([1]) + D([2])))
t(lambda: deque([1]) * 'a'); t(lambda: 'a' * deque([1])); t(lambda: deque([1]) * 2.0)
d = deque([1]); 
def f(): 
    global d
    d *= 'a'
t(f)
def g():
    global d
    d += 5
t(g)
t(lambda: deque([1]) - deque())
t(lambda: D([1], 3).copy())
t(lambda: type(D([1], 3).copy()))
print(bool(deque()), bool(deque([0])))
t(lambda: deque(range(3)) <= deque(range(3)))
t(lambda: deque(range(3)) > deque(range(2)))
t(lambda: deque([1, 'a']) < deque([1, 2]))
x = deque([1,2,3,4,5,6,7,8,9]); x.rotate(12); print(x); x.rotate(-16); print(x)
