# Counter: counting, most_common, elements, update/subtract, arithmetic, comparisons, reprs.
from collections import Counter

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), c.total())
print(Counter(), Counter(a=3, b=-1, c=0), Counter({'x': 2, 'y': 5}), Counter(['a', 'b', 'a']))
c.update('aaz')
c.update({'b': 10})
c.update(q=4)
print(c)
c.subtract('aaaa')
c.subtract({'q': 10})
c.subtract(z=1)
print(c)
del c['r']
del c['never']
print(c)
a, b = Counter('aab'), Counter('bcc')
print(a + b, a - b, b - a, a | b, a & b)
print(+Counter(a=1, b=-2, c=0), -Counter(a=1, b=-2, c=0))
x = Counter(a=3, b=1)
x += Counter(a=-5, c=2)
print(x)
x -= Counter(c=1)
print(x)
x |= Counter(c=5, d=0)
print(x)
x &= Counter(c=2)
print(x)
print(Counter('ab') == Counter('ba'), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2), Counter(a=2) <= Counter(a=1), Counter(a=1) < Counter(a=1), Counter(a=1, b=1) > Counter(a=1))
print(Counter(a=1) >= Counter(), Counter('ab') == {'a': 1, 'b': 1})
show(lambda: Counter(a=1) < 3)
show(lambda: Counter('ab') + 1)
show(lambda: Counter.fromkeys('ab'))
show(lambda: Counter({'a': 'x', 'b': 1}))
show(lambda: Counter(1))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
wc = Counter(words)
print(wc.most_common(3), wc['the'], sum(wc.values()))
print(Counter(w[0] for w in words))
copy = wc.copy()
copy['new'] += 1
print(type(copy).__name__, copy['new'], wc['new'], 'new' in wc)
class MyCounter(Counter):
    pass
print(MyCounter('aab'), MyCounter('ab').copy(), type(MyCounter('a') + MyCounter('b')).__name__)
print(Counter({1: 2, 3: 1}), Counter([(1, 2), (1, 2)]), Counter('aaa').most_common(1)[0])
print(dict(Counter('mississippi')), list(Counter('mississippi')))
