# dumps/loads round trips of nested data; dump/load through files; hooks.
import json

data = {
    'name': 'pyheap',
    'version': [3, 11, 7],
    'ratio': 0.1 + 0.2,
    'big': 2 ** 70,
    'neg': -42,
    'flags': {'gc': True, 'jit': False, 'extra': None},
    'nested': [[1, 2, [3, [4, [5]]]], {'deep': {'deeper': {'deepest': 'ok'}}}],
    'unicode': 'caf\u00e9 \u4e2d\u6587 \U0001F600 tab\t quote" backslash\\',
    'empty': {'list': [], 'dict': {}, 'str': ''},
    'floats': [1.0, 1.5, -0.0, 1e-10, 1.7976931348623157e308, 5e-324, 123456789012345.6],
}
text = json.dumps(data)
print(text)
back = json.loads(text)
print(back == data, back['unicode'] == data['unicode'], type(back['big']).__name__)
pretty = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False)
print(pretty)
print(json.loads(pretty) == data)
compact = json.dumps(data, separators=(',', ':'), sort_keys=True)
print(compact)
print(len(text), len(pretty), len(compact))

records = [{'id': i, 'name': f'user{i}', 'score': i * 1.5, 'tags': ['a', 'b'][: i % 3]} for i in range(200)]
blob = json.dumps(records)
again = json.loads(blob)
print(again == records, again[123], blob[:80])
print(sum(r['score'] for r in again), sorted({k for r in again for k in r}))

import io
stream = io.StringIO()
json.dump(data, stream, indent=4)
stream.seek(0)
loaded = json.load(stream)
print(loaded == data, stream.getvalue()[:40].splitlines())
stream = io.StringIO()
json.dump([1, {'a': None}], stream, separators=(',', ':'))
print(stream.getvalue(), json.load(io.StringIO(' {"k": [true]} ')))

def as_complex(d):
    if '__complex__' in d:
        return complex(d['real'], d['imag'])
    return d
print(json.loads('{"__complex__": true, "real": 1, "imag": 2}', object_hook=as_complex))
print(json.loads('[{"b": 1, "a": 2}]', object_pairs_hook=lambda pairs: pairs))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('"\\u00e9\\u4e2d\\ud83d\\ude00"'), json.loads('"\\ud800x"') == '\ud800x')
print(json.dumps(json.loads('{"a": [1, 2, {"b": null}]}')))
dec = json.JSONDecoder()
print(dec.decode(' [1, 2] '), dec.raw_decode('{"x": 1} trailing'), dec.raw_decode('  7', 2))
try:
    dec.raw_decode('  7')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)
from json.decoder import JSONDecodeError
print(JSONDecodeError is json.JSONDecodeError, issubclass(JSONDecodeError, ValueError), json.decoder.JSONDecoder is json.JSONDecoder)
print(json.encoder.encode_basestring_ascii('h\u00e9"'), json.encoder.encode_basestring('h\u00e9"'))
print(json.decoder.scanstring('"abc" rest', 1), json.dumps('x' * 3), json.loads(b'"bytes"'), json.loads('{"\\u0041": 1}'))
try:
    json.loads('{"a": 1, "b": [1, 2, }')
except ValueError as e:
    print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
