import json
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: json.dumps(float('nan'), allow_nan=False))
t(lambda: json.dumps({1.5: float('inf')}, allow_nan=False))
t(lambda: json.dumps({float('nan'): 1}))
t(lambda: json.dumps([float('inf'), -float('inf'), float('nan')]))
t(lambda: json.dumps({(1,2): 1}))
t(lambda: json.dumps({(1,2): 1, 'a': 2}, skipkeys=True))
t(lambda: json.dumps({(1,2): 1}, skipkeys=True))
t(lambda: json.dumps({(1,2): 1}, skipkeys=True, indent=2))
t(lambda: json.dumps(object()))
t(lambda: json.dumps({'a': {1, 2}}))
a = []; a.append(a); t(lambda: json.dumps(a))
d = {}; d['d'] = d; t(lambda: json.dumps(d))
t(lambda: json.dumps({1: 'a', 'b': 2}, sort_keys=True))
t(lambda: json.dumps({2: 'a', 1: 2, True: 3, None: 4, 1.5: 5}))
t(lambda: json.dumps('\x00\x1f\x7f\u00e9\u4e2d\U0001F600"\\/\b\f\n\r\t'))
t(lambda: json.dumps('\x00\x1f\x7f\u00e9\u4e2d\U0001F600"\\/\b\f\n\r\t', ensure_ascii=False))
t(lambda: json.dumps('\ud800', ensure_ascii=False)); t(lambda: json.dumps('\ud800'))
t(lambda: json.dumps([1, [2, {'a': []}], {}], indent=2))
t(lambda: json.dumps([1, [2, {'a': []}], {}], indent='\t'))
t(lambda: json.dumps([1, {'a': 2}], indent=0))
t(lambda: json.dumps([1, {'a': 2}], indent=-1))
t(lambda: json.dumps([1, {'a': 2}], separators=(',', ':')))
t(lambda: json.dumps([1, {'a': 2}], indent=1, separators=(' ,', ' : ')))
t(lambda: json.dumps(12345678901234567890123))
t(lambda: json.dumps([1.0, 0.1, 1e100, -0.0, 1e-7, 123456789.125]))
t(lambda: json.dumps([True, False, None]))
class I(int):
    def __repr__(self): return 'I!'
class F(float):
    def __repr__(self): return 'F!'
class S(str): pass
t(lambda: json.dumps([I(5), F(2.5), S('s'), {S('k'): I(3)}]))
t(lambda: json.dumps((1, 2)))
t(lambda: json.dumps({'a': (1, 2)}))
t(lambda: json.dumps(set(), default=list)); t(lambda: json.dumps({1,2}, default=sorted))
t(lambda: json.dumps(object(), default=lambda o: 'obj'))
def bad(o): return o
t(lambda: json.dumps(object(), default=bad))
t(lambda: json.dumps(1, indent=2)); t(lambda: json.dumps("x", indent=2))
t(lambda: json.dumps({'b': 1, 'a': [1, 2]}, sort_keys=True, indent=4))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set): return sorted(o)
        return super().default(o)
t(lambda: json.dumps([[[]]] ,indent=2))
t(lambda: json.dumps({'a': 1}, sort_keys=True, separators=(',', ':')))
t(lambda: json.dumps([1], foo=1))
t(lambda: json.dumps(b'x'))
t(lambda: json.dumps({b'x': 1}))
t(lambda: json.JSONEncoder(indent=2).item_separator)
t(lambda: json.JSONEncoder().item_separator)
t(lambda: json.dumps({'a': 1, 1: 2}, sort_keys=True))
import sys; sys.setrecursionlimit(100)
x = []
for i in range(200): x = [x]
t(lambda: json.dumps(x))
