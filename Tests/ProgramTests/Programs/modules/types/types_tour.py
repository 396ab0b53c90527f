# types: SimpleNamespace, the built-in type names, new_class.
import types
import sys

ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns.c, vars(ns))
print(ns == types.SimpleNamespace(a=1, b='two', c=[3]), ns == types.SimpleNamespace(a=1))
del ns.b
print(ns, types.SimpleNamespace(), types.SimpleNamespace(y=2))
try:
    types.SimpleNamespace({'x': 1})
except TypeError as e:
    print('TypeError', e)
ns.me = ns
print(ns)
class Point(types.SimpleNamespace):
    pass
print(Point(x=1, y=2))
try:
    hash(types.SimpleNamespace())
except TypeError as e:
    print('TypeError', e)
def f():
    yield 1
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(f(), types.GeneratorType))
print(isinstance(sys, types.ModuleType), isinstance(lambda: 0, types.LambdaType), type(None) is types.NoneType)
class C:
    def m(self):
        pass
print(isinstance(C().m, types.MethodType), types.MappingProxyType({'k': 1})['k'])
m = types.ModuleType('fresh', 'docstring')
m.value = 5
print(m.__name__, m.__doc__, m.value)
K = types.new_class('K', (C,), exec_body=lambda ns: ns.update({'attr': 7}))
print(K.__name__, K.attr, issubclass(K, C))
