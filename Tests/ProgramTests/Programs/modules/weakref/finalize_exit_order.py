# finalize at exit: its atexit hook is registered with the first finalizer; errors are reported and the rest still run.
import weakref, atexit, gc, sys


class Res:
    def __init__(self, name):
        self.name = name


atexit.register(print, 'atexit: registered before any finalizer (runs last)')
first, second, third, quiet = Res('first'), Res('second'), Res('third'), Res('quiet')
weakref.finalize(first, print, 'finalize first')


def failing():
    print('finalize second raises')
    raise RuntimeError('second failed')


weakref.finalize(second, failing)
keep = []


def spawner():
    print('finalize third; collector enabled during exit finalizers:', gc.isenabled())
    extra = Res('extra')
    keep.append(extra)
    weakref.finalize(extra, print, 'finalize extra (created while exiting)')


weakref.finalize(third, spawner)
fq = weakref.finalize(quiet, print, 'finalize quiet: its object died during atexit')
fq.atexit = False
atexit.register(print, 'atexit: registered after the finalizers (runs first)')


def drop_quiet():
    global quiet
    print('atexit: dropping quiet')
    del quiet


atexit.register(drop_quiet)

# finalizers of the same object, the repr of live and dead ones
shared = Res('shared')
f1 = weakref.finalize(shared, print, 'shared one')
f2 = weakref.finalize(shared, print, 'shared two')
print(repr(f1).split(';')[1].split(' at ')[0], repr(f1).startswith('<finalize object at 0x'))
print(weakref.getweakrefcount(shared), {id(r.__callback__) for r in weakref.getweakrefs(shared)} == {id(f1), id(f2)})
f2.atexit = False
print('peek keeps it alive:', f1.peek()[1:], f1.alive)
print('detach returns the parts:', f2.detach()[1:], f2.alive, f2.atexit, repr(f2).endswith('; dead>'))
print('calling a finalizer passes nothing on:', f1('an ignored argument'), f1.alive)
print('gc enabled in the program:', gc.isenabled())
print('end of the program')
