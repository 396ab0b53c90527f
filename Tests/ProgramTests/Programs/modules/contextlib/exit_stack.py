# ExitStack: callbacks run last-in first-out; each sees the exception left by the
# ones before it (as nested with statements would), can swallow it, and the
# __context__ chain of what finally escapes links the exceptions in that order.
# Also pop_all, push of managers and plain callables, enter_context errors, close.
import sys
from contextlib import ExitStack, contextmanager, suppress, nullcontext, closing, redirect_stderr
import io

def chain(exc):
    names = []
    while exc is not None:
        names.append('%s(%s)' % (type(exc).__name__, exc))
        exc = exc.__context__
    return ' <- '.join(names)

def raiser(message, kind=ValueError):
    def callback():
        print('  raising', message)
        raise kind(message)
    return callback

def watcher(label, swallow=False):
    def exit(exc_type, exc, tb):
        print('  %s sees %s' % (label, None if exc is None else '%s(%s)' % (type(exc).__name__, exc)))
        return swallow
    return exit

print('1: callbacks raise one after another')
try:
    with ExitStack() as stack:
        stack.callback(raiser('first pushed'))
        stack.push(watcher('middle'))
        stack.callback(raiser('last pushed', KeyError))
except Exception as e:
    print('escaped:', chain(e))

print('2: the body raises, a callback replaces it, another swallows')
try:
    with ExitStack() as stack:
        stack.push(watcher('outermost'))
        stack.push(watcher('swallower', swallow=True))
        stack.callback(raiser('from callback', TypeError))
        raise ZeroDivisionError('body')
    print('with statement swallowed it')
except Exception as e:
    print('escaped:', chain(e))

print('3: swallowed, then a new error')
try:
    with ExitStack() as stack:
        stack.callback(raiser('after swallow', LookupError))
        stack.push(watcher('swallower', swallow=True))
        raise ValueError('body')
except Exception as e:
    print('escaped:', chain(e))

print('4: inside an except block')
try:
    raise NameError('outer')
except NameError:
    try:
        with ExitStack() as stack:
            stack.callback(raiser('a'))
            stack.callback(raiser('b', KeyError))
    except Exception as e:
        print('escaped:', chain(e))

print('5: nested stacks')
try:
    with ExitStack() as outer:
        outer.callback(raiser('outer callback'))
        with ExitStack() as inner:
            inner.callback(raiser('inner callback', KeyError))
            raise IndexError('deep')
except Exception as e:
    print('escaped:', chain(e))

@contextmanager
def resource(name, log):
    log.append('open ' + name)
    try:
        yield name.upper()
    finally:
        log.append('close ' + name)

print('6: enter_context, pop_all, close')
log = []
with ExitStack() as stack:
    values = [stack.enter_context(resource(n, log)) for n in ('a', 'b', 'c')]
    kept = stack.pop_all()
print(values, log)
kept.close()
print(log)
kept.close()
print('closing twice is harmless:', log[-1])

class Manager:
    def __enter__(self):
        print('  Manager entered (should not be, with push)')
    def __exit__(self, *details):
        print('  Manager.__exit__', details[0])
        return False
stack = ExitStack()
pushed = stack.push(Manager())
plain = stack.push(lambda *d: print('  plain callable', d[0]))
print(type(pushed).__name__, callable(plain))
stack.close()

def greet(name, punctuation='!'):
    print('  hello', name + punctuation)
stack = ExitStack()
print(stack.callback(greet, 'you', punctuation='?') is greet)
stack.callback(greet, 'again')
with stack:
    print('  body')

for bad in (3, object(), 'text'):
    try:
        ExitStack().enter_context(bad)
    except TypeError as e:
        print('TypeError:', e)

class EnterOnly:
    def __enter__(self):
        return self
try:
    ExitStack().enter_context(EnterOnly())
except TypeError as e:
    print('TypeError:', e.__class__.__name__, str(e).endswith('does not support the context manager protocol'))

with ExitStack() as stack:
    print(stack.enter_context(nullcontext(42)), stack.enter_context(suppress(KeyError)))
    raise KeyError('suppressed by an entered manager')
print('suppressed through the stack')
err = io.StringIO()
with ExitStack() as stack:
    stack.enter_context(redirect_stderr(err))
    print('to stderr', file=sys.stderr)
print(repr(err.getvalue()), sys.stderr is sys.__stderr__)
class Resource:
    def close(self):
        print('  Resource.close')
with ExitStack() as stack:
    stack.enter_context(closing(Resource()))
print(ExitStack().__enter__().__class__.__name__, ExitStack().__exit__(None, None, None))
with ExitStack() as stack:
    stack.push(watcher('returns true', swallow=True))
print('no exception: a true result is ignored')
