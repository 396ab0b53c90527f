# WeakMethod: a weak reference to a bound method, alive while both the object and the function are.
import weakref

class Button:
    def __init__(self, name):
        self.name = name
    def click(self):
        return 'clicked ' + self.name

b = Button('ok')
wm = weakref.WeakMethod(b.click)
print('call gives a bound method:', wm()(), wm() == b.click, wm().__self__ is b)
print('it is a ref:', isinstance(wm, weakref.ref), type(wm).__name__)
print('equal to another WeakMethod of the same method:', wm == weakref.WeakMethod(b.click))
print('hash like the object:', hash(wm) == hash(b))
other = Button('cancel')
print('not equal for another object:', wm == weakref.WeakMethod(other.click), wm != weakref.WeakMethod(other.click))
print('compared with a plain ref:', wm == weakref.ref(b))
log = []
wm2 = weakref.WeakMethod(b.click, lambda r: log.append(('callback', r is wm2)))
del b
print('after the object died:', wm(), wm2(), log)
print('dead WeakMethods are equal only to themselves:', wm == wm, wm == wm2)
for bad in (len, print, 5, 'str', Button):
    try:
        weakref.WeakMethod(bad)
    except TypeError as e:
        print('TypeError:', e)
c = Button('c')
def shout(self):
    return self.name.upper()
Button.shout = shout
wm3 = weakref.WeakMethod(c.shout, lambda r: log.append('function died'))
del Button.shout
del shout
print('after the function died:', wm3(), log[-1])
