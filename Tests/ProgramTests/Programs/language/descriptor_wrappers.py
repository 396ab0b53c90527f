# The wrappers of the descriptor slots: __get__, __set__ and __delete__ on slot members,
# properties and other built-in descriptors, called directly, with their argument errors.
import types


class S:
    __slots__ = ("a", "b")


s = S()
S.a.__set__(s, 1)
print(S.a.__get__(s, S), s.a)
S.a.__delete__(s)
print(hasattr(s, "a"))
for call in (lambda: S.a.__set__(s), lambda: S.a.__delete__(), lambda: S.a.__set__(s, 1, 2),
             lambda: S.a.__set__(1, 2), lambda: S.b.__delete__(s), lambda: S.a.__set__(s, 1, x=2),
             lambda: S.a.__delete__(s, 1)):
    try:
        call()
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)


class P:
    def __init__(self):
        self._x = 0

    def get(self):
        return self._x

    def put(self, value):
        self._x = value

    x = property(get, put)
    y = property(get)


p = P()
P.x.__set__(p, 5)
print(P.x.__get__(p), p.x)
for call in (lambda: P.y.__set__(p, 1), lambda: P.x.__delete__(p)):
    try:
        call()
    except AttributeError as error:
        print(type(error).__name__, error)
print([hasattr(property, name) for name in ("__get__", "__set__", "__delete__")])


class OnlySet:
    def __set__(self, instance, value):
        print("set", value)


print(hasattr(OnlySet, "__set__"), hasattr(OnlySet, "__delete__"))


class Holder:
    def method(self, n):
        return n * 2


bound = types.MethodType(Holder.method, Holder())
print(bound(21), type(bound).__name__, bound.__func__ is Holder.method)
print(types.MethodType(len, [1, 2, 3])())
for args in ((), (print,), (print, None), (1, 2), (print, 1, 2)):
    try:
        types.MethodType(*args)
    except TypeError as error:
        print(type(error).__name__, error)

# A property knows the name __set_name__ gave it; copies keep it, and one made outside a
# class body has none.
renamed = P.x.getter(lambda self: 2)
loose = property()
for call in (lambda: renamed.__set__(p, 1), lambda: renamed.__set_name__(1),
             lambda: loose.__get__(p), lambda: loose.__set__(p, 1)):
    try:
        call()
    except (TypeError, AttributeError) as error:
        print(type(error).__name__, error)
print(renamed.__set_name__(P, "zz"))
try:
    renamed.__delete__(p)
except AttributeError as error:
    print(type(error).__name__, error)
try:
    del s.b
except AttributeError as error:
    print(type(error).__name__, error)
