# PEP 560 __mro_entries__ in class statements; writable class __module__/__qualname__/
# __doc__; layouts of classes mixing __slots__ bases; __set_name__ errors.
class Alias:
    def __init__(self, *origins):
        self.origins = origins
    def __mro_entries__(self, bases):
        print('mro_entries got', len(bases), 'bases')
        return self.origins

class A:
    def who(self):
        return 'A'
class B:
    pass

class C(Alias(A, B)):
    pass
print(C.__mro__, C.__orig_bases__[0].origins == (A, B), C().who())
class D(A, Alias()):
    pass
print(D.__mro__, '__orig_bases__' in D.__dict__, '__orig_bases__' in A.__dict__)
class Bad:
    def __mro_entries__(self, bases):
        return [A]
try:
    class E(Bad()):
        pass
except TypeError as e:
    print('TypeError', e)

class F:
    "original doc"
F.__module__ = 'elsewhere'
F.__qualname__ = 'Outer.F'
F.__doc__ = 'new doc'
print(F, F.__module__, F.__qualname__, F.__doc__, F.__name__)
try:
    int.__module__ = 'x'
except TypeError as e:
    print('TypeError', e)
try:
    F.__qualname__ = 5
except TypeError as e:
    print('TypeError', e)

class Slots:
    __slots__ = ('a', 'b')
class Mixin:
    __slots__ = ()
    def total(self):
        return self.a + self.b
class Both(Slots, Mixin):
    __slots__ = ()
class Both2(Mixin, Slots):
    __slots__ = ()
objs = [Both(), Both2(), Both(), Both2()]
for i, o in enumerate(objs):
    o.a, o.b = i, 10 * i
print([o.total() for o in objs])
class Other:
    __slots__ = ('c',)
try:
    class Conflict(Slots, Other):
        pass
except TypeError as e:
    print('TypeError', e)

class Named:
    def __set_name__(self, owner, name):
        raise ValueError(f'refusing {name}')
try:
    class Holder:
        field = Named()
except RuntimeError as e:
    print('RuntimeError', e, '| cause:', repr(e.__cause__))
