# JSONEncoder.iterencode yields CPython's chunks (indent, separators, sort_keys, skipkeys, default);
# dump writes them; encode/iterencode overrides; the one-shot vs chunked error messages.
import json, io
from collections import OrderedDict
def show(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class P:
    def __init__(self, v): self.v = v
data = [1, 2.5, 'x', None, True, False, [], {}, [[]], {'a': {}}, (1, (2,)),
        {'k': [1, {'z': None, 'a': [True, 'é\n']}], 2: 'two', 1.5: 3, None: 0, True: 1, False: 2},
        float('inf'), -float('inf'), float('nan'), 10**30, -0.0, 'ü\u2028\ud800']
for indent in (None, 0, 2, '\t', ''):
    for seps in (None, (',', ':'), (' ;', ' = ')):
        for sk in (False, True):
            for ea in (True, False):
                e = json.JSONEncoder(indent=indent, separators=seps, sort_keys=sk, ensure_ascii=ea)
                try:
                    chunks = list(e.iterencode(data if not sk else data[:11]))
                except Exception as ex:
                    chunks = [type(ex).__name__, str(ex)]
                print(repr(indent), seps, sk, ea, chunks)
                print(e.encode(data if not sk else data[:11]) == ''.join(chunks))
e = json.JSONEncoder(default=lambda o: {'v': o.v} if isinstance(o, P) else list(o))
print(list(e.iterencode([P(1), {'p': P([P(2)])}, {3, 4}, P(P(5))])))
print(list(json.JSONEncoder(default=lambda o: o.v, indent=1).iterencode([P('s'), {'p': P(None)}, P(1.5)])))
print(list(json.JSONEncoder(skipkeys=True).iterencode({(1,): 1, 'a': 2, (2,): 3, 'b': {(3,): 4}})))
print(list(json.JSONEncoder(skipkeys=True, indent=1).iterencode({(1,): 1})))
show(lambda: list(json.JSONEncoder().iterencode({(1,): 1})))
show(lambda: list(json.JSONEncoder(allow_nan=False).iterencode([1, float('nan')])))
show(lambda: list(json.JSONEncoder(allow_nan=False).iterencode({float('-inf'): 1})))
show(lambda: json.dumps([float('inf')], allow_nan=False, indent=2))
show(lambda: json.dumps({'a': float('nan')}, allow_nan=False, indent=0))
show(lambda: json.dumps({'a': 1}, allow_nan=False, indent=0))
show(lambda: json.dumps([1, {'b': 2}], allow_nan=False, indent=3, sort_keys=True))
a = [1]; a.append(a)
show(lambda: list(json.JSONEncoder().iterencode(a)))
show(lambda: json.dumps(a, indent=1))
d = {}; d['x'] = [d]
show(lambda: list(json.JSONEncoder().iterencode(d)))
show(lambda: json.dumps(P(1), default=lambda o: o, indent=1))
show(lambda: json.dumps({'b': 1, 'a': 2, 1: 3}, sort_keys=True, indent=1))
show(lambda: list(json.JSONEncoder(sort_keys=True).iterencode({'b': 1, 'a': 2, 1: 3})))
show(lambda: json.dumps(OrderedDict(b=1, a=[1, 2]), indent=1))
show(lambda: json.dumps({'a': [1]}, separators=(1, ':'), indent=1))
show(lambda: json.dumps({'a': [1]}, separators=(',', 1), indent=1))
show(lambda: json.dumps([], separators=(1, 1), indent=1))
show(lambda: json.dumps({'a': [1]}, separators=(1, ':')))
show(lambda: json.dumps({'a': [1]}, separators=(',', None)))
show(lambda: json.dumps({'a': [1]}, indent=2.5))
show(lambda: json.dumps(5, indent=2.5))
show(lambda: json.dumps({'a': [1]}, indent=True))
show(lambda: json.dumps({'a': [1]}, indent=-3))
show(lambda: json.dumps([1, [2, [3]]], indent=3, separators=('', '')))
show(lambda: json.JSONEncoder().iterencode([1], True))
show(lambda: json.JSONEncoder(indent=2).iterencode([1], True).__class__.__name__)
show(lambda: json.JSONEncoder().iterencode([1]).__class__.__name__)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
for kw in ({}, {'indent': 2}, {'sort_keys': True}, {'separators': (',', ':')}, {'default': lambda o: o.v}):
    w = W(); json.dump({'k': [1, 'a', {'n': None}], 'z': P(1) if kw.get('default') else 0}, w, **kw); print(kw.keys(), w.parts)
class Enc(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        print('iterencode called', _one_shot)
        return super().iterencode(o, _one_shot)
print(json.dumps([1], cls=Enc), Enc().encode('s'))
w = W(); json.dump([1, 2], w, cls=Enc); print(w.parts)
class Enc2(json.JSONEncoder):
    def encode(self, o): return 'ENC'
print(json.dumps(1, cls=Enc2))
class Enc3(json.JSONEncoder):
    def default(self, o): return repr(o)
print(json.dumps([P(1)], cls=Enc3)[:12], list(Enc3(indent=1).iterencode({'p': 1j})))
show(lambda: json.dumps([1], foo=1))
show(lambda: json.dumps(1, default=None, sort_keys=0, cls=None))
class I(int):
    def __repr__(self): return 'I!'
    def __str__(self): return 'I?'
class F(float):
    def __repr__(self): return 'F!'
class S(str):
    def __repr__(self): return 'S!'
show(lambda: list(json.JSONEncoder().iterencode([I(5), F(2.5), S('s'), {S('k'): I(3), I(4): F(1.5), F(2.5): 0}])))
show(lambda: json.dumps([I(5), F(2.5), S('s'), {S('k'): I(3), I(4): F(1.5), F(2.5): 0}], indent=1))
import enum
class Color(enum.IntEnum):
    RED = 1
class Fl(float, enum.Enum):
    X = 1.5
show(lambda: json.dumps([Color.RED, {Color.RED: Fl.X}], indent=1))
show(lambda: json.dumps([Color.RED, {Color.RED: Fl.X}]))
