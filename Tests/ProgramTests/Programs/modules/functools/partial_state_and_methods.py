# partial: pickling state, flattening, reprs (also recursive), subclasses, no
# method binding; partialmethod over functions, classmethods, staticmethods,
# partials and other partialmethods.
import abc
from functools import partial, partialmethod

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class Collect:
    def __call__(self, *args, **kwargs):
        return args, kwargs
    def __repr__(self):
        return 'collect'
collect = Collect()

p = partial(collect, 1, sep='-')
t(lambda: p.__reduce__()[1:])
t(lambda: p.__reduce__()[0] is partial)
q = partial(max, 1)
t(lambda: q.__setstate__((min, [3, 4], None, None)))
t(lambda: q.__setstate__((1, (3,), {}, None)))
t(lambda: q.__setstate__((min, (3,), [], None)))
t(lambda: q.__setstate__([min, (3,), {}, None]))
t(lambda: q.__setstate__((min, (3,))))
q.__setstate__((collect, (3, 4), None, {'label': 'restored'}))
t(lambda: (q.args, q.keywords, q.__dict__, q(5)))
q.__setstate__((collect, (), {'k': 1}, None))
t(lambda: (q.args, q.keywords, q.__dict__, q(k=2, j=3)))

items = []
looped = partial(collect, items)
items.append(looped)
t(lambda: looped)
t(lambda: partial(partial(collect, 1, a=1), 2, a=2, b=3))
t(lambda: partial(partial(collect, 1), 2).func is collect)
marked = partial(collect, 1)
marked.note = 'has a dict'
t(lambda: partial(marked, 2).args)
t(lambda: partial(marked, 2).func is marked)

class Loud(partial):
    pass
class Own(partial):
    def __call__(self, *args, **kwargs):
        return 'own call'
t(lambda: Loud(collect, 1, x=2))
t(lambda: partial(Loud(collect, 1), 2))
t(lambda: type(Loud(Loud(collect, 1), 2)).__name__)
t(lambda: Loud(Loud(collect, 1), 2).args)
t(lambda: partial(Own(collect, 1), 2).args)
t(lambda: partial(Own(collect, 1), 2)())
t(lambda: partial(collect, 1) == partial(collect, 1))
t(lambda: partial(lambda **kw: sorted(kw.items()), a=1, b=2)(a=3, c=4))

class Holder:
    plain = partial(collect, 'no self')
t(lambda: Holder().plain(1))
t(lambda: Holder.plain(1))

class Cell:
    def __repr__(self):
        return 'cell'
    def set(self, a, b=0, *, c=0):
        return (type(self).__name__, a, b, c)
    s1 = partialmethod(set, 1)
    s2 = partialmethod(s1, 2, c=3)
    @classmethod
    def cm(cls, x, y):
        return (cls.__name__, x, y)
    pcm = partialmethod(cm, 'X')
    @staticmethod
    def sm(x, y):
        return ('static', x, y)
    psm = partialmethod(sm, 'S')
    plam = partialmethod(lambda self, v: ('lambda', v), 9)
    ppart = partialmethod(partial(collect, 'p'), 1)
    @abc.abstractmethod
    def ab(self):
        pass
    pab = partialmethod(ab)

c = Cell()
t(lambda: c.s1()); t(lambda: c.s1(5, c=6)); t(lambda: c.s2()); t(lambda: c.s2(c=9))
t(lambda: Cell.s1(c, 7)); t(lambda: Cell.s2(c))
t(lambda: (Cell.__dict__['s2'].args, Cell.__dict__['s2'].keywords, Cell.__dict__['s2'].func.__name__))
t(lambda: c.pcm(1)); t(lambda: Cell.pcm(2)); t(lambda: c.psm(3)); t(lambda: Cell.psm(4))
t(lambda: c.plam()); t(lambda: c.ppart(2))
t(lambda: type(c.s1).__name__); t(lambda: c.s1.__self__ is c)
t(lambda: type(c.pcm).__name__); t(lambda: c.pcm.__self__ is Cell)
t(lambda: Cell.__dict__['s1'].__get__(None, Cell)._partialmethod is Cell.__dict__['s1'])
t(lambda: (Cell.__dict__['pab'].__isabstractmethod__, Cell.__dict__['s1'].__isabstractmethod__))
t(lambda: Cell.pab.__isabstractmethod__)
t(lambda: partialmethod(len)); t(lambda: partialmethod(len, 1)); t(lambda: partialmethod(len, k=1))
t(lambda: partialmethod(len, 1, 2, k=1, j=2))
t(lambda: partialmethod(partial(max), 1))
t(lambda: partialmethod(1))
t(lambda: partialmethod(func=len))
t(lambda: partialmethod[int])
