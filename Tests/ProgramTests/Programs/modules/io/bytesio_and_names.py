# io: BytesIO in detail (bytes-like input, readinto, truncate, seek errors, lines), the
# base classes, the module constants and helpers, and streams used with `with`.
import io
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(bytearray(b'one\ntwo\nthree'))
show(lambda: (b.readline(), b.readline(2), b.readline(), b.readline(), b.readline()))
show(lambda: (b.seek(0), b.readlines(), b.seek(0), b.readlines(5), b.tell()))
b = io.BytesIO()
show(lambda: (b.write(b'abc'), b.write(bytearray(b'de')), b.write(b'fg'), b.getvalue()))
show(lambda: b.write(None))
show(lambda: b.write('text'))
show(lambda: (b.seek(10), b.write(b'!'), b.getvalue(), b.tell()))
show(lambda: (b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue()))
show(lambda: b.truncate(-1))
show(lambda: b.seek(-1))
show(lambda: b.seek(0, 5))
show(lambda: b.seek(1.0))
show(lambda: (b.seek(-2, 2), b.read(), b.seek(-100, 1), b.seek(3, 1), b.tell()))
buffer = bytearray(3)
b = io.BytesIO(b'12345')
show(lambda: (b.readinto(buffer), buffer, b.readinto(buffer), buffer, b.readinto(buffer)))
show(lambda: (io.BytesIO(b'a\nb\n').read(None), list(io.BytesIO(b'x\ny')), io.BytesIO(None).getvalue()))
show(lambda: io.BytesIO(b'abc').read1(2))
show(lambda: (b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed))
b.close()
show(lambda: (b.closed, b.close()))
for op in (lambda: b.read(), lambda: b.write(b'x'), lambda: b.getvalue(), lambda: b.seek(0), lambda: b.tell(),
           lambda: b.readable(), lambda: next(iter(b))):
    show(op)
with io.BytesIO(b'ctx') as inner:
    show(lambda: inner.read())
show(lambda: inner.closed)
show(lambda: io.BytesIO(b'ab').writelines([b'x', b'yz']))
w = io.BytesIO(b'abcdef')
w.seek(2)
w.writelines([b'X', b'Y'])
show(lambda: (w.getvalue(), w.read()))

print('-- names')
show(lambda: (io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE))
show(lambda: (io.text_encoding(None), io.text_encoding('utf-8')))
show(lambda: (io.open is open, io.TextIOWrapper is type(sys.stdout), io.BlockingIOError is BlockingIOError))
show(lambda: (issubclass(io.StringIO, io.TextIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
              issubclass(io.TextIOBase, io.IOBase), issubclass(io.RawIOBase, io.IOBase),
              isinstance(io.StringIO(), io.IOBase), isinstance(io.BytesIO(), io.TextIOBase)))
show(lambda: (io.UnsupportedOperation.__module__, issubclass(io.UnsupportedOperation, ValueError)))
show(lambda: (io.StringIO.__module__, io.BytesIO.__module__, io.StringIO.__name__, io.BytesIO.__qualname__))
show(lambda: sorted(set(io.__all__) & {'StringIO', 'BytesIO', 'open', 'IOBase', 'SEEK_SET', 'text_encoding'}))
try:
    io.StringIO('x').fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
s = io.StringIO('a\nb\n')
with s as same:
    print(same is s, [line for line in same])
show(lambda: s.closed)
show(lambda: iter(s))

print('-- closed streams')
for cls, arg in ((io.StringIO, 'a'), (io.BytesIO, b'a')):
    s = cls(arg); s.close()
    for name, f in [('iter', lambda: iter(s) is s), ('enter', lambda: s.__enter__()), ('next', lambda: next(s)), ('writelines', lambda: s.writelines([])), ('flush', lambda: s.flush()), ('isatty', lambda: s.isatty()), ('readlines', lambda: s.readlines()), ('exit', lambda: s.__exit__(None, None, None)), ('readline', lambda: s.readline()), ('truncate', lambda: s.truncate()), ('seekable', lambda: s.seekable()), ('writable', lambda: s.writable()), ('fileno', lambda: s.fileno()), ('closed', lambda: s.closed)]:
        try: print(cls.__name__, name, repr(f()))
        except Exception as e: print(cls.__name__, name, type(e).__name__, e)
