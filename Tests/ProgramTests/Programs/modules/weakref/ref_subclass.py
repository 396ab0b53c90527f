# Subclasses of weakref.ref: extra attributes, never shared, callbacks, and KeyedRef from the weakref module.
import weakref

class Item:
    def __init__(self, name):
        self.name = name

class Tagged(weakref.ref):
    __slots__ = ('tag',)
    def __new__(cls, ob, callback=None, tag=''):
        self = super().__new__(cls, ob, callback)
        self.tag = tag
        return self
    def __init__(self, ob, callback=None, tag=''):
        super().__init__(ob, callback)

it = Item('x')
plain = weakref.ref(it)
t1 = Tagged(it, None, 'first')
t2 = Tagged(it, None, 'second')
print('subclass refs are never shared:', t1 is not t2, t1 is not plain)
print('tags:', t1.tag, t2.tag, type(t1).__name__, isinstance(t1, weakref.ref))
print('call:', t1() is it, t1().name)
print('count:', weakref.getweakrefcount(it))
print('plain ref is still found and first:', weakref.ref(it) is plain, weakref.getweakrefs(it)[0] is plain)
print('equality across kinds:', t1 == plain, t1 == t2, hash(t1) == hash(plain))
log = []
t3 = Tagged(it, lambda r: log.append(r.tag), 'third')
t4 = Tagged(it, lambda r: log.append(r.tag), 'fourth')
del it
print('callbacks, newest first:', log)
print('all dead:', t1(), t2(), t3(), plain())
class Registry(weakref.ref):
    pass
reg = Registry(Item('tmp'))
print('subclass without __slots__:', type(reg).__name__, reg())
obj = Item('keyed')
keyed = weakref.KeyedRef(obj, lambda r: log.append('keyed ' + r.key), 'the key')
print('KeyedRef:', keyed.key, keyed() is obj, isinstance(keyed, weakref.ref))
del obj
print('its callback sees the key:', log[-1])
