import contextlib, io, sys
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
@contextlib.contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')
with tag('a') as v: print('inside', v)
try:
    with tag('b'): raise ValueError('boom')
except ValueError as e: print('caught', e)
@contextlib.contextmanager
def swallow():
    try: yield
    except KeyError as e: print('swallowed', repr(e))
with swallow(): raise KeyError('k')
print('after')
@contextlib.contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print('RuntimeError', e)
@contextlib.contextmanager
def twice():
    yield; yield
try:
    with twice(): pass
except RuntimeError as e: print('RuntimeError', e)
with contextlib.suppress(ZeroDivisionError, KeyError): 1/0
print('suppressed')
buf = io.StringIO()
with contextlib.redirect_stdout(buf): print('hidden')
print(repr(buf.getvalue()))
class R:
    def close(self): print('closed')
with contextlib.closing(R()) as r: print(type(r).__name__)
with contextlib.nullcontext(5) as n: print(n)
with contextlib.ExitStack() as stack:
    for i in range(3): stack.enter_context(tag(f't{i}'))
    stack.callback(print, 'callback')
print(tag.__name__, type(tag('x')).__name__)
@tag('deco')
def f(): print('in f')
f()
@contextlib.contextmanager
def raising():
    yield
    raise ValueError('after')
try:
    with raising(): pass
except ValueError as e: print('ValueError', e)
