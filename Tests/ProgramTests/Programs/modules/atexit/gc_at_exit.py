# At exit the atexit callbacks run first, then a final collection finalizes cyclic garbage even with gc disabled.
import atexit, gc
gc.disable()

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name, '- gc enabled:', gc.isenabled())

n = Node('cycle')
n.me = n
del n
gc.callbacks.append(lambda phase, info: print('gc callback', phase))
atexit.register(print, 'atexit callback')
print('end of the program')
