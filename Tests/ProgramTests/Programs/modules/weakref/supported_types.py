# Built-in objects that accept weak references behave like any referent: sets, frozensets, classes, functions, modules.
import weakref, sys
s = {1, 2}
fs = frozenset([3])
def f():
    return 'f'
class C:
    def m(self):
        return 'm'
c = C()
for label, obj in [('set', s), ('frozenset', fs), ('function', f), ('class', C), ('module', sys),
                   ('builtin', len), ('method', c.m), ('type', int)]:
    r = weakref.ref(obj)
    print('%-10s %s %s' % (label, r() is obj, weakref.getweakrefcount(obj) >= 1))
log = []
tmp = {4, 5}
rs = weakref.ref(tmp, lambda r: log.append('set died'))
del tmp
tmpf = lambda: 0
rf = weakref.ref(tmpf, lambda r: log.append('function died'))
del tmpf
m = c.m
rm = weakref.ref(m, lambda r: log.append('bound method died'))
del m
print(log)
d = weakref.WeakValueDictionary()
d['f'] = f
print('functions as weak values:', d['f']())
classes = weakref.WeakKeyDictionary()
classes[C] = 'registered'
print('classes as weak keys:', classes[C], C in classes, int in classes)
