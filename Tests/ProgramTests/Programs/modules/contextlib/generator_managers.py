# @contextmanager in depth: what the generator sees, which exceptions come out,
# "didn't yield"/"didn't stop" errors (and the generator is closed after them),
# single use, decorator use (a fresh manager per call), the wrapper's identity;
# AbstractContextManager's subclass hook; suppress, redirect_stdout, nullcontext,
# closing and ContextDecorator subclasses.
import contextlib, io, sys
from contextlib import contextmanager

@contextmanager
def twice():
    try:
        yield 1
        print('  after first yield')
        yield 2
    finally:
        print('  generator finally')

cm = twice()
try:
    with cm as value:
        print('  body got', value)
except RuntimeError as e:
    print('RuntimeError:', e, '| closed:', cm.gen.gi_frame is None)

@contextmanager
def keeps_going():
    while True:
        try:
            yield
        except ValueError:
            print('  swallowed, yield again')

cm = keeps_going()
try:
    with cm:
        raise ValueError('x')
except RuntimeError as e:
    print('RuntimeError:', e, '| closed:', cm.gen.gi_frame is None, '| context:', repr(e.__context__))

@contextmanager
def never_yields():
    print('  running, no yield')
    if False:
        yield
try:
    with never_yields():
        print('  not reached')
except RuntimeError as e:
    print('RuntimeError:', e, '| context:', e.__context__, e.__suppress_context__)

@contextmanager
def simple():
    """simple's docstring"""
    yield 'value'

print(sorted(vars(twice())), type(twice()).__name__)
print(simple.__name__, simple.__qualname__, simple.__doc__, simple.__wrapped__.__name__, sorted(vars(simple)))
print(simple().__doc__, twice().__doc__ == type(twice()).__doc__)
used = simple()
with used as v:
    print('  first use:', v)
try:
    with used:
        pass
except AttributeError as e:
    print('AttributeError:', e)

@contextmanager
def passthrough():
    yield
for exc in (StopIteration('s'), GeneratorExit(), KeyboardInterrupt(), KeyError('k')):
    try:
        with passthrough():
            raise exc
    except BaseException as caught:
        print('passes through:', type(caught).__name__, caught is exc)

@contextmanager
def translating():
    try:
        yield
    except LookupError as e:
        raise RuntimeError('translated') from e
try:
    with translating():
        raise KeyError('k')
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))

@contextmanager
def reraising():
    try:
        yield
    except Exception:
        print('  cleanup, then re-raise')
        raise
try:
    with reraising():
        raise IndexError('same')
except IndexError as e:
    print('IndexError:', e)

@contextmanager
def stop_inside():
    yield
    raise StopIteration('from the generator')
try:
    with stop_inside():
        pass
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))

@contextmanager
def returns_after_exception():
    try:
        yield
    except ZeroDivisionError:
        print('  handled inside')
with returns_after_exception():
    1 / 0
print('continues after the with statement')

@contextmanager
def counted(log, name):
    log.append('enter ' + name)
    yield
    log.append('exit ' + name)
log = []
@counted(log, 'deco')
def work(x, *, y=1):
    """work's docstring"""
    log.append('work %s %s' % (x, y))
    return x * y
print(work(3, y=4), work(5), log, work.__name__, work.__doc__, work.__wrapped__.__name__)

# __exit__ called by hand with only a type
m = passthrough()
m.__enter__()
try:
    m.__exit__(KeyError, None, None)
except KeyError as e:
    print('manual __exit__ raised', repr(e))

print(issubclass(type(io.StringIO()), contextlib.AbstractContextManager),
      isinstance(3, contextlib.AbstractContextManager),
      issubclass(type(twice()), contextlib.AbstractContextManager))
print(sorted(contextlib.AbstractContextManager.__abstractmethods__), contextlib.AbstractContextManager[int])
class NoExit(contextlib.AbstractContextManager):
    pass
try:
    NoExit()
except TypeError as e:
    print('TypeError:', e)
class WithExit(contextlib.AbstractContextManager):
    def __exit__(self, *details):
        return super().__exit__(*details)
with WithExit() as w:
    print(type(w).__name__, w.__exit__(None, None, None))
class Duck:
    def __enter__(self): return self
    def __exit__(self, *a): return None
class Blocked(Duck):
    __exit__ = None
print(issubclass(Duck, contextlib.AbstractContextManager), issubclass(Blocked, contextlib.AbstractContextManager))

print(contextlib.suppress().__enter__(), contextlib.suppress(KeyError).__exit__(None, None, None),
      contextlib.suppress(KeyError).__exit__(KeyError, KeyError(), None),
      contextlib.suppress(LookupError).__exit__(IndexError, IndexError(), None),
      contextlib.suppress().__exit__(ValueError, ValueError(), None))
with contextlib.suppress(LookupError, ZeroDivisionError):
    {}['missing']
try:
    with contextlib.suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print('ValueError:', e)

outer_buf, inner_buf = io.StringIO(), io.StringIO()
redirect = contextlib.redirect_stdout(outer_buf)
with redirect as target:
    print('to outer', target is outer_buf)
    with contextlib.redirect_stdout(inner_buf):
        print('to inner')
    with redirect:
        print('reentered')
print(repr(outer_buf.getvalue()), repr(inner_buf.getvalue()), sys.stdout is sys.__stdout__)
with contextlib.redirect_stdout(None):
    print('dropped')

with contextlib.nullcontext() as nothing, contextlib.nullcontext([1]) as some:
    print(nothing, some, contextlib.nullcontext(5).enter_result)

class Thing:
    def close(self):
        print('  closed', self.name)
    name = 't'
with contextlib.closing(Thing()) as t:
    print('  using', t.name)
try:
    with contextlib.closing(Thing()):
        raise KeyError('still closed')
except KeyError:
    print('closing ran before the error propagated')

class Tracing(contextlib.ContextDecorator):
    def __enter__(self):
        print('  enter')
        return self
    def __exit__(self, *exc):
        print('  exit', exc[0].__name__ if exc[0] else None)
        return False
@Tracing()
def decorated(a):
    print('  decorated body', a)
    return a + 1
print(decorated(1), decorated.__name__)
with Tracing():
    print('  plain with')
