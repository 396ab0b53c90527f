# Custom encoders: default hooks, JSONEncoder subclasses, objects with to-dict methods.
import json
from collections import OrderedDict, namedtuple, defaultdict, Counter, deque

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, deque):
            return list(o)
        return super().default(o)

print(json.dumps([Point(1, 2), {3, 1, 2}, deque([4, 5])], cls=PointEncoder))
print(PointEncoder(indent=1).encode({'p': Point(0, 0)}))
try:
    json.dumps(object(), cls=PointEncoder)
except TypeError as e:
    print('TypeError', e)
print(json.dumps(OrderedDict([('z', 1), ('a', 2)])), json.dumps(OrderedDict([('z', 1), ('a', 2)]), sort_keys=True))
P = namedtuple('P', 'a b')
print(json.dumps(P(1, [2])), json.dumps({'p': P(1, 2)}))
dd = defaultdict(list)
dd['k'].append(1)
print(json.dumps(dd), json.dumps(Counter('aab')))
print(json.dumps({'when': Point(5, 6)}, default=lambda o: o.__dict__))
print(json.dumps([1, Point(1, 1)], default=lambda o: [o.x, o.y], indent=3))
def reject(o):
    raise ValueError(f'cannot encode {type(o).__name__}')
try:
    json.dumps([Point(0, 0)], default=reject)
except ValueError as e:
    print('ValueError', e)
class Loop:
    pass
try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print('ValueError', e)
print(json.dumps({'a': 1}, check_circular=False), json.dumps([[1], [1]]))
shared = [1]
print(json.dumps([shared, shared, {'s': shared}]))
class Tuple2(tuple):
    pass
class Dict2(dict):
    def items(self):
        return sorted(super().items(), reverse=True)
print(json.dumps(Tuple2((1, 2))), json.dumps(Dict2(a=1, b=2)), json.dumps(Dict2()))
