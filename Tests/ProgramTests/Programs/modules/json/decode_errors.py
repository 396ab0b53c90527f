import json
def t(s, **kw):
    try: print(repr(json.loads(s, **kw)))
    except json.JSONDecodeError as e: print('JSONDecodeError', e, '|', e.msg, e.pos, e.lineno, e.colno)
    except Exception as e: print(type(e).__name__, e)
for s in ['', ' ', '[', ']', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{a:1}', '[1,]', '[1 2]', '"abc', '"a\\qb"', '"a\\u12"', '"a\\u12zz"', '"\x01"', '01', '-', '-a', '1.', '1e', '1.5e+', 'nul', 'tru', 'NaN', '-Infinity', 'Infinity', '[1,2', '{"a" 1}', '{"a":1 "b":2}', '  1  ', '1 x', '"\\ud800"', '"\\ud83d\\ude00"', '\ufeff1', '[1,\n2,\n x]', '"a\\', '{"a":1}}', '[]]', '1e400', '-0', '-0.0', '1E5', '[-1.5e-3, 0.1, 12345678901234567890]', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '{"":""}', 'true false', '{"a": [1, {"b": null}]}', '"\u00e9\u4e2d"']:
    print(repr(s), end=' -> '); t(s)
t('"\x01"', strict=False)
t(b'[1]'); t(1); t('{"a":1,"a":2}')
t('{"a": 1.5, "b": 2}', parse_float=str, parse_int=lambda x: int(x) * 10)
t('{"a": {"b": 1}}', object_hook=lambda d: sorted(d))
t('{"a": 1, "b": 2}', object_pairs_hook=list)
t('[NaN, Infinity]', parse_constant=lambda c: c)
t('[' * 100000)
print(json.JSONDecodeError.__mro__)
e = json.JSONDecodeError('m', 'abc\ndef', 5)
print(e, e.args, e.msg, e.doc, e.pos, e.lineno, e.colno)
