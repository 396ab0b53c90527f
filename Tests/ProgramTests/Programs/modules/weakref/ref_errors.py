# weakref argument errors and which built-in objects accept weak references.
import weakref, sys

def attempt(label, f, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
    except Exception as e:
        print('%-26s %s: %s' % (label, type(e).__name__, e))
    else:
        print('%-26s ok' % label)

class X:
    def method(self):
        pass
x = X()
r = weakref.ref(x)
attempt('ref()', weakref.ref)
attempt('ref(x, None, 3)', weakref.ref, x, None, 3)
attempt('ref(x, callback=None)', weakref.ref, x, callback=None)
attempt('ref(ob=x)', weakref.ref, ob=x)
attempt('ref(x, 5)', weakref.ref, x, 5)
attempt('r(1)', r, 1)
attempt('r(a=1)', r, a=1)
attempt('ref.__init__(r)', weakref.ref.__init__, r)
attempt('ref.__init__(r, 1, 2, 3)', weakref.ref.__init__, r, 1, 2, 3)
attempt('proxy()', weakref.proxy)
attempt('proxy(x, None, 3)', weakref.proxy, x, None, 3)
attempt('proxy(x, callback=None)', weakref.proxy, x, callback=None)
attempt('ProxyType()', weakref.ProxyType)
attempt('CallableProxyType(x)', weakref.CallableProxyType, x)
attempt('getweakrefcount()', weakref.getweakrefcount)
attempt('getweakrefs(x, x)', weakref.getweakrefs, x, x)
attempt('r.attribute = 1', setattr, r, 'attribute', 1)
def gen():
    yield 1
def func():
    pass
class Slotted:
    __slots__ = ('a',)
class SlottedWeak:
    __slots__ = ('a', '__weakref__')
class MyList(list):
    pass
class MyInt(int):
    pass
values = [('int', 1), ('float', 1.5), ('complex', 1j), ('str', 's'), ('bytes', b'b'), ('bool', True),
          ('None', None), ('list', []), ('tuple', ()), ('dict', {}), ('range', range(1)),
          ('object()', object()), ('set', set()), ('frozenset', frozenset()), ('class', X),
          ('type', type), ('function', func), ('lambda', lambda: 0), ('generator', gen()),
          ('builtin function', len), ('bound method', x.method), ('module', sys),
          ('method descriptor', list.append), ('a ref', r), ('exception', ValueError()),
          ('__slots__ without', Slotted()), ('__slots__ with', SlottedWeak()),
          ('list subclass', MyList()), ('int subclass', MyInt(3))]
for label, value in values:
    attempt(label, weakref.ref, value)
