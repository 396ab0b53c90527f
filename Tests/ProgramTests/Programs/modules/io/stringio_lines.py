# StringIO reading line by line with every newline mode, overwriting, truncating.
import io

text = 'first\nsecond\r\nthird\rfourth'
for newline in ['\n', None, '', '\r', '\r\n']:
    s = io.StringIO(text, newline=newline)
    print(repr(newline), s.readlines(), repr(s.getvalue()))
s = io.StringIO(newline=None)
s.write('a\r\nb\rc\n')
print(repr(s.getvalue()), s.tell())
s = io.StringIO()
s.write('0123456789')
s.seek(3)
s.write('abc')
print(s.getvalue(), s.tell(), s.read(), s.tell())
s.seek(15)
s.write('!')
print(repr(s.getvalue()))
s.seek(4)
print(s.truncate(), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell())
s.write('tail')
print(s.getvalue())
big = io.StringIO()
for i in range(1000):
    big.write(str(i))
    big.write(',')
value = big.getvalue()
print(len(value), value[:20], value[-10:])
big.seek(0)
print(big.read(5), big.read(5), big.readline()[:10])
lines = io.StringIO(''.join(f'row {i}\n' for i in range(50)))
print(sum(1 for _ in lines), lines.read())
lines.seek(0)
print(lines.readline(2), lines.readline(2), repr(lines.readline()), lines.readlines(10))
with io.StringIO('ctx') as managed:
    print(managed.read(), managed.closed)
print(managed.closed)
for method in ['read', 'getvalue', 'tell', 'readline', 'write']:
    try:
        getattr(managed, method)(*(['x'] if method == 'write' else []))
    except ValueError as e:
        print(method, 'ValueError', e)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.IOBase))
print(io.StringIO.__name__, io.StringIO.__module__, io.BytesIO.__qualname__)
b = io.BytesIO()
b.write(b'\x00\x01binary\n')
b.write(b'more')
b.seek(0)
print(b.readline(), b.read(), b.getvalue(), len(b.getvalue()))
b.seek(2)
b.write(b'BI')
print(b.getvalue(), b.truncate(6), b.getvalue())
