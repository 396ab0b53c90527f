# total_ordering from each root, cmp_to_key sorting, singledispatch registration.
from functools import total_ordering, cmp_to_key, singledispatch

@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))

vs = [Version(1, 2), Version(1, 0, 5), Version(2), Version(1, 2)]
print(sorted(vs), max(vs), min(vs))
print(Version(1) <= Version(1), Version(2) >= Version(3), Version(3) > Version(2), Version(1) != Version(1))
try:
    Version(1) < 3
except TypeError as e:
    print('TypeError', e)
print(Version(1).__le__(5))

for root in ['__le__', '__gt__', '__ge__']:
    ns = {'__init__': lambda self, v: setattr(self, 'v', v),
          '__eq__': lambda self, o: self.v == o.v,
          root: (lambda op: lambda self, o: op(self.v, o.v))({'__le__': int.__le__, '__gt__': int.__gt__, '__ge__': int.__ge__}[root])}
    K = total_ordering(type('K', (), ns))
    a, b = K(1), K(2)
    print(root, a < b, a <= b, a > b, a >= b, b < a, b <= a, a < a, a <= a)
try:
    total_ordering(type('Bare', (), {}))
except ValueError as e:
    print('ValueError', e)

def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)
words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana']
print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
print(max(words, key=cmp_to_key(by_length_then_reverse)))
key = cmp_to_key(lambda a, b: a - b)
print(key(1) < key(2), key(2) <= key(2), key(3) == key(3), key(1) > key(0), key(1) >= key(5))

@singledispatch
def describe(obj):
    return f'object {obj!r}'

@describe.register
def _(obj: int):
    return f'int {obj}'

@describe.register(list)
@describe.register(tuple)
def _(obj):
    return f'sequence of {len(obj)}'

@describe.register(dict)
def describe_dict(obj):
    return f'dict with {sorted(obj)}'

class MyList(list):
    pass
print(describe(3), describe(True), describe('s'), describe([1, 2]), describe((1,)), describe(MyList([1])))
print(describe({'b': 1, 'a': 2}), describe(None), describe.dispatch(bool).__name__, describe_dict.__name__)
print(describe.__name__, len(describe.registry), object in describe.registry)
try:
    describe()
except TypeError as e:
    print('TypeError', e)
