# atexit.unregister removes every registration of a function (compared with ==); callbacks may unregister others.
import atexit

def a():
    print('a runs')
def b():
    print('b runs')
def c():
    print('c unregisters a')
    atexit.unregister(a)

atexit.register(a)
atexit.register(b)
atexit.register(a)
atexit.register(b)
print('unregister returns', atexit.unregister(b))
print('unregistering an unknown function is fine:', atexit.unregister(len))
atexit.register(c)
atexit.register(b)

class Handler:
    def __init__(self, label):
        self.label = label
    def __eq__(self, other):
        return isinstance(other, Handler) and other.label == self.label
    __hash__ = object.__hash__
    def __call__(self):
        print('handler', self.label)

atexit.register(Handler('x'))
atexit.register(Handler('y'))
atexit.unregister(Handler('x'))
print('end of the program')
