# ChainMap lookups and writes through the first map; UserDict, UserList, UserString.
from collections import ChainMap, UserDict, UserList, UserString

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

defaults = {'color': 'red', 'user': 'guest'}
overrides = {'user': 'admin'}
cm = ChainMap(overrides, defaults)
print(cm, cm['user'], cm['color'], len(cm), list(cm), sorted(cm.items()), cm.get('nope', 0))
print('color' in cm, 'x' in cm, bool(cm), bool(ChainMap()), ChainMap())
cm['color'] = 'blue'
print(cm, defaults)
show(lambda: cm['missing'])
child = cm.new_child({'user': 'root'})
print(child, child['user'], child.parents, child.parents.parents)
print(cm.new_child(), cm.new_child(extra=1))
print(cm.keys(), cm.values(), cm.items())
print(list(cm.keys()), list(cm.values()), dict(cm))
print(cm.pop('color'), cm)
show(lambda: cm.pop('color'))
def delete():
    del cm['color']
show(delete)
print(cm.popitem(), cm)
show(lambda: cm.popitem())
cm2 = ChainMap({'a': 1}, {'b': 2})
print(cm2 | {'c': 3}, {'c': 3} | cm2, cm2.copy(), ChainMap.fromkeys('xy', 0))
cm2 |= {'z': 26}
print(cm2, cm2 == {'a': 1, 'b': 2, 'z': 26}, cm2.maps)
cm2.clear()
print(cm2)

ud = UserDict({'a': 1}, b=2)
ud['c'] = 3
print(ud, len(ud), ud['a'], 'b' in ud, ud.get('z', 'dflt'), list(ud), ud.data)
del ud['a']
print(ud, ud.pop('b'), ud, ud.copy(), type(ud.copy()).__name__, ud == {'c': 3})
show(lambda: ud['zz'])
class Defaulting(UserDict):
    def __missing__(self, key):
        return key * 2
print(Defaulting()['ab'], UserDict.fromkeys('pq', 1), ud | {'n': 1})

ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[0], ul[1:3], type(ul[1:3]).__name__, len(ul), 2 in ul, ul + [9], [9] + ul, ul * 2)
ul.extend(UserList([7]))
ul.insert(0, -1)
print(ul, ul.pop(), ul.index(2), ul.count(2), ul == [-1, 0, 1, 2, 3], ul < [0], ul.copy())
ul.reverse()
del ul[0]
ul[0] = 'x'
print(ul, list(reversed(ul)))

us = UserString('Hello')
print(us, repr(us), len(us), us[1], us.upper(), type(us.upper()).__name__, us + '!', '>' + us)
print(us.lower().startswith('he'), us.find('l'), us.split('l'), us * 2, 'ell' in us, us == 'Hello')
print(us.replace('l', 'L'), us.center(9, '*'), us.count('l'), int(UserString('42')) + 1, sorted(us))
