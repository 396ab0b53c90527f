# finalize at exit: live finalizers with atexit=True run after the program, newest first; atexit=False ones never.
import weakref, atexit

class Service:
    def __init__(self, name):
        self.name = name

services = [Service(n) for n in ('first', 'second', 'third')]
for s in services:
    weakref.finalize(s, print, 'finalize', s.name)
quiet = Service('quiet')
weakref.finalize(quiet, print, 'never printed').atexit = False
atexit.register(print, 'atexit callback registered after the first finalizer')
gone = Service('gone')
weakref.finalize(gone, print, 'finalize gone (during the run)')
del gone
def late():
    late_obj = Service('late')
    keep.append(late_obj)
    weakref.finalize(late_obj, print, 'finalizer created while exiting')
keep = []
weakref.finalize(services[0], late)
print('end of the program')
