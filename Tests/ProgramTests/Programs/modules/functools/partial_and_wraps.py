# partial: binding, flattening, reprs, attributes; wraps/update_wrapper copying metadata.
from functools import partial, partialmethod, wraps, update_wrapper, reduce

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def power(base, exp=2, *, mod=None):
    result = base ** exp
    return result % mod if mod else result

square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), cube(2, mod=5), square(3, exp=4))
base2 = partial(power, 2)
print(base2(10), base2(exp=5), base2.args, base2.keywords, base2.func is power)
nested = partial(partial(power, 3), mod=7)
print(nested(4), nested.func is power, nested.args, nested.keywords)
show(lambda: partial(print, 'a', sep='-'))
show(lambda: partial(sorted, key=len, reverse=True)(['aaa', 'b', 'cc']))
show(lambda: partial(max))
show(lambda: partial(len, [1, 2])())
show(lambda: partial(len, [1, 2])(3))
show(lambda: partial(42))
p = partial(int, base=2)
print(p('101'), p('11', base=3), int('11', base=3))
p.label = 'binary'
print(p.label, p.__dict__)
flat = partial(p, '111')
print(flat(), type(flat.func).__name__, flat.args)
def set_func():
    p.func = len
show(set_func)
class MyPartial(partial):
    pass
mp = MyPartial(divmod, 17)
print(mp(5), mp, isinstance(mp, partial))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=partial(lambda i, pair: pair[i], 1)))

class Cell:
    def __init__(self):
        self.alive = False
    def set_state(self, state):
        self.alive = state
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell()
c.set_alive()
print(c.alive)
c.set_dead()
print(c.alive)

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('calling', func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b=0):
    """Add two numbers."""
    return a + b
print(add(1, b=2), add.__name__, add.__doc__, add.__qualname__, add.__module__, add.__wrapped__.__name__)
def outer():
    pass
outer.custom = 'attr'
def shell():
    pass
update_wrapper(shell, outer)
print(shell.__name__, shell.custom, shell.__wrapped__ is outer)
update_wrapper(shell, outer, assigned=(), updated=())
print(shell.__name__)
def no_doc():
    pass
class Obj:
    pass
o = Obj()
update_wrapper(o, no_doc, assigned=('__name__', '__missing_attr__'))
print(o.__name__, hasattr(o, '__missing_attr__'))
print(reduce(lambda acc, x: acc * x, range(1, 8)), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, ['x', 'y', 'z'], '>'))
print(reduce(lambda a, b: a + [b], 'abc', []))
