# weakref.finalize: runs once (object death, explicit call or exit); alive, peek, detach and atexit.
import weakref

class Conn:
    def __init__(self, name):
        self.name = name

def close(name, reason='gc'):
    print('closing', name, 'because', reason)
    return 'closed ' + name

c = Conn('db')
f = weakref.finalize(c, close, 'db', reason='it died')
print('alive:', f.alive, '| atexit:', f.atexit)
obj, func, args, kwargs = f.peek()
print('peek:', obj is c, func is close, args, kwargs)
del obj
print('repr mentions the type:', "for 'Conn'" in repr(f))
del c
print('alive after death:', f.alive, '| peek:', f.peek(), '| call:', f())
print('repr when dead ends with dead:', repr(f).endswith('; dead>'))
c2 = Conn('cache')
f2 = weakref.finalize(c2, close, 'cache', reason='called')
print('explicit call:', f2())
print('once only:', f2(), f2.alive)
del c2
c3 = Conn('tmp')
f3 = weakref.finalize(c3, close, 'tmp')
detached = f3.detach()
print('detach:', detached[0] is c3, detached[1].__name__, detached[2:], f3.alive, f3.detach(), f3.peek())
del detached
del c3
print('a detached finalizer never runs')
c4 = Conn('many')
order = []
fs = [weakref.finalize(c4, order.append, i) for i in range(3)]
del c4
print('several finalizers on one object:', sorted(order))
c5 = Conn('flag')
f5 = weakref.finalize(c5, print, 'never at exit')
f5.atexit = False
print('atexit can be switched off:', f5.atexit)
f5.atexit = 1
print('and on (as a bool):', f5.atexit)
f5.atexit = 0
f5.detach()
print('atexit of a dead finalizer is False:', f5.atexit)
dropped = Conn('dropped')
weakref.finalize(dropped, print, 'a finalizer the program dropped still runs')
del dropped
c6 = Conn('kw')
weakref.finalize(c6, lambda **kw: print('keywords:', sorted(kw.items())), x=1, y=2)
del c6
try:
    weakref.finalize(5, print)
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.finalize(Conn('x'))
except TypeError as e:
    print('TypeError:', type(e).__name__)
