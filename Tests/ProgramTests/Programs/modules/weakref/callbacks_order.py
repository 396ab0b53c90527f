# weakref callbacks: newest first, with the dead ref, after __del__, never for a ref that died first; errors are ignored.
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('__del__', self.name)

def make(label):
    def callback(ref):
        print('callback', label, '- ref() is', ref(), '- same ref:', ref is refs[label])
    return callback

refs = {}
o = Obj('o')
for label in ('one', 'two', 'three'):
    refs[label] = weakref.ref(o, make(label))
refs['plain'] = weakref.ref(o)
print('deleting')
del o
print('all dead:', [r() for r in refs.values()])
p = Obj('p')
doomed = weakref.ref(p, lambda r: print('never printed'))
del doomed
del p
def bad(ref):
    raise ValueError('callback error')
q = Obj('q')
rq = weakref.ref(q, bad)
rq2 = weakref.ref(q, lambda r: print('the next callback still runs'))
del q
print('the program continues')
class Holder:
    pass
h = Holder()
h.ref = weakref.ref(Obj('temp'), lambda r: print('temp callback'))
print('after temp')
a = Holder()
a.r = weakref.ref(a, lambda r: print('self-reference callback'))
del a
print('after self-reference')
import gc
gc.collect()
print('done')
