# atexit argument errors; a failing callback is reported on stderr and the others still run.
import atexit

def attempt(label, f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print('%-22s %s: %s' % (label, type(e).__name__, e))
    else:
        print('%-22s ok' % label)

attempt('register()', atexit.register)
attempt('register(5)', atexit.register, 5)
attempt("register('text')", atexit.register, 'text')
attempt('register(func=print)', atexit.register, func=print)
attempt('unregister()', atexit.unregister)
attempt('unregister(1, 2)', atexit.unregister, 1, 2)
attempt('_clear(1)', atexit._clear, 1)
attempt('_run_exitfuncs(1)', atexit._run_exitfuncs, 1)
atexit._clear()

def first():
    print('first (runs last)')
def failing():
    print('failing callback runs')
    raise ValueError('boom in atexit')
def exits():
    print('a callback calling sys.exit is reported too')
    import sys
    sys.exit(5)
atexit.register(first)
atexit.register(failing)
atexit.register(exits)
print('end of the program')
