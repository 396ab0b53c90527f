# WeakMethod details: class methods, one callback for two deaths, no new attributes, dict keys, != and subclasses.
import weakref, gc


class Service:
    prefix = 'svc'

    def run(self):
        return 'run'

    @classmethod
    def build(cls):
        return cls.prefix


s = Service()
wc = weakref.WeakMethod(Service.build)
print('class method:', wc()(), wc().__self__ is Service, wc() == Service.build)

calls = []
wm = weakref.WeakMethod(s.run, calls.append)
table = {wm: 'entry'}
try:
    wm.note = 1
except AttributeError as e:
    print('AttributeError:', e)
print('__callback__ is set even without a user callback:', weakref.WeakMethod(s.run).__callback__ is not None)
other = weakref.WeakMethod(s.run)
print('equal, not unequal:', wm == other, wm != other, hash(wm) == hash(other))


def make_and_drop():
    class Temp:
        def go(self):
            return 'go'
    t = Temp()
    log = []
    w = weakref.WeakMethod(t.go, lambda r: log.append('callback'))
    t.cycle = t
    del t
    del Temp
    gc.collect()
    return w, log


w, log = make_and_drop()
print('object and function die together -> callback runs once:', log, w())

del s
print('callback got the WeakMethod:', calls == [wm], wm(), other())
print('dead: != itself', wm != wm, '| != other dead', wm != other, '| == other dead', wm == other)
print('still usable as a dict key:', table[wm])


class Tagged(weakref.WeakMethod):
    __slots__ = ('tag',)


class Widget:
    def draw(self):
        return 'drawn'


wd = Widget()
t = Tagged(wd.draw)
t.tag = 'T'
print(type(t).__name__, t.tag, t()(), t == weakref.WeakMethod(wd.draw))
