# Proxies of callables are CallableProxyType and forward calls; a proxy callback receives the proxy.
import weakref

class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting
    def __call__(self, name, punctuation='!'):
        return self.greeting + ' ' + name + punctuation

g = Greeter('hello')
cp = weakref.proxy(g)
print(type(cp).__name__, type(cp) is weakref.CallableProxyType)
print(cp('ann'), cp('bob', punctuation='?'), cp(name='cy'))
def func(a, b=2):
    return a * b
fp = weakref.proxy(func)
print(type(fp).__name__, fp(3), fp(3, b=4), fp.__name__)
class Plain:
    pass
pp = weakref.proxy(Plain())
print('non-callable referent gives ProxyType:', type(pp).__name__)
seen = []
obj = Plain()
px = weakref.proxy(obj, lambda proxy: seen.append(type(proxy).__name__))
print('callback proxy is a new object:', px is not weakref.proxy(obj))
del obj
print('callback got the proxy:', seen)
try:
    weakref.proxy(Plain())()
except TypeError as e:
    print('TypeError:', e)
del g
try:
    cp('dan')
except ReferenceError as e:
    print('ReferenceError:', e)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
