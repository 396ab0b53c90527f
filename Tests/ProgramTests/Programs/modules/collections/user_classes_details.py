# UserDict, UserList, UserString: every method, operand forms of the operators,
# copies of subclasses with extra attributes, and results' types.
import copy
from collections import UserDict, UserList, UserString
from collections.abc import MutableMapping, MutableSequence, Sequence

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print('UserDict')
class Tagged(UserDict):
    def __init__(self, *args, tag='t', **kwds):
        self.tag = tag
        super().__init__(*args, **kwds)
    def __setitem__(self, key, value):
        super().__setitem__(key, str(value))
ud = UserDict([('a', 1)], b=2)
print(ud, UserDict(dict=1), UserDict({'x': 1}, x=2), UserDict(), UserDict(ud).data is ud.data)
print(ud | {'c': 3}, {'c': 3} | ud, ud | UserDict(d=4), type(ud | {}).__name__)
show(lambda: ud | [('c', 3)])
show(lambda: [('c', 3)] | ud)
ud |= UserDict(e=5)
ud |= [('f', 6)]
print(ud, ud.keys(), list(ud.items()), ud.get('a'), ud.setdefault('g', 7), ud.popitem())
tg = Tagged({'n': 1}, tag='mine')
tg.extra = [1]
cp = tg.copy()
print(type(cp).__name__, cp, cp.tag, cp.extra is tg.extra, cp.data is tg.data)
cc = copy.copy(tg)
print(type(cc).__name__, cc, cc.tag, cc.data is tg.data, copy.deepcopy(tg).data == tg.data)
print(Tagged.fromkeys('ab', 0), UserDict.fromkeys([1, 2]), Tagged(x=1) | {'y': 2})
print(UserDict(a=1) == {'a': 1}, UserDict(a=1) == UserDict(a=1), isinstance(ud, MutableMapping), 'a' in ud)
show(lambda: UserDict()['missing'])
show(lambda: hash(UserDict()))
loop = UserDict()
loop['me'] = loop
print(loop)

print('UserList')
ul = UserList('abc')
print(ul, UserList(), UserList(UserList([1])), UserList((1, 2)), UserList(range(3)).data)
print(ul + ('d',), ('z',) + ul, ul + UserList(['q']), ul + 'xy', [0] + ul, type(('z',) + ul).__name__)
ul += ('d', 'e')
ul += UserList(['f'])
ul *= 2
print(ul, len(ul), ul * 0, 2 * UserList([1]), ul.count('a'), ul.index('b'), ul.index('a', 1))
show(lambda: ul.index('zz'))
show(lambda: ul.remove('zz'))
show(lambda: UserList().pop())
show(lambda: ul[100])
show(lambda: hash(ul))
ul[1:3] = ['X', 'Y']
del ul[::2]
print(ul, ul[::-1], type(ul[:]).__name__, ul[-1])
nums = UserList([3, 1, 2])
nums.sort(reverse=True)
print(nums, nums.pop(0), nums.pop(), nums)
nums.extend(x * x for x in range(3))
nums.insert(1, 'i')
nums.remove('i')
nums.append([9])
print(nums, nums.copy(), type(nums.copy()).__name__, nums.copy() is nums)
words = UserList(['pear', 'Fig', 'apple'])
words.sort(key=str.lower)
print(words, list(reversed(words)), sorted(words), 'Fig' in words, list(iter(words)))
print(UserList([1]) == [1], UserList([1]) < [2], UserList([1]) <= UserList([1]), UserList([2]) > UserList([1]),
      UserList([1]) >= [1, 0], UserList([1]) != (1,), [1] == UserList([1]))
class Stack(UserList):
    def peek(self):
        return self[-1]
s = Stack([1, 2, 3])
s.label = 'stk'
print(s.peek(), type(s[:2]).__name__, type(s + [4]).__name__, type(s * 2).__name__)
sc = copy.copy(s)
print(sc, sc.label, sc.data is s.data, type(sc).__name__, s.copy(), isinstance(s, MutableSequence))
s.clear()
s.reverse()
print(s, bool(s), bool(sc))
loop = UserList([1])
loop.append(loop)
print(loop)

print('UserString')
us = UserString('Hello, World')
print(us, repr(us), str(us), len(us), us[0], us[-5:], type(us[0]).__name__, us == 'Hello, World')
print(us < 'Z', us <= UserString('Hello, World'), us > 'A', us >= 'Hello', us != 'x', hash(us) == hash('Hello, World'))
print('World' in us, UserString('lo') in us, us + '!', us + UserString('?'), us + 5, '>' + us, 3 * UserString('ab'))
print(UserString('%s-%d') % ('a', 1), 'x%sx' % UserString('y'), UserString(42), UserString(UserString('copy')))
print(int(UserString('12')), float(UserString('1.5')), complex(UserString('1+2j')), us.__getnewargs__())
for name in ('capitalize', 'casefold', 'lower', 'upper', 'swapcase', 'title', 'isalpha', 'isalnum', 'isascii',
             'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace',
             'istitle', 'isupper'):
    result = getattr(us, name)()
    print(name, repr(result), type(result).__name__)
print(repr(us.center(16, '*')), repr(us.ljust(14)), repr(us.rjust(14, '.')), repr(UserString('7').zfill(3)))
print(repr(UserString('a\tb').expandtabs(4)), repr(UserString('  x  ').strip()), repr(UserString('xxyxx').lstrip('x')),
      repr(UserString('xxyxx').rstrip('x')))
print(repr(us.removeprefix('Hello')), repr(us.removesuffix(UserString('World'))), repr(us.replace('l', 'L', 2)),
      repr(us.replace(UserString('World'), UserString('There'))), repr(us.translate({ord('o'): '0'})))
print(us.count('l'), us.count(UserString('o'), 5), us.find('o'), us.rfind('o'), us.find(UserString('W')),
      us.index('W'), us.rindex('l'), us.startswith('Hell'), us.endswith(('x', 'ld')), us.startswith('W', 7))
show(lambda: us.index('zz'))
show(lambda: us.startswith(UserString('H')))
print(us.encode(), us.encode('ascii', 'strict'), UserString('é').encode(None, None), UserString('é').encode('ascii', 'replace'))
print(us.split(', '), us.rsplit('o', 1), UserString('a\nb').splitlines(), UserString('a\nb').splitlines(True),
      us.partition(', '), us.rpartition('o'), UserString('a b').split(), UserString(',').join(['x', 'y']))
print(UserString('{0}-{k}').format(1, k=2), UserString('{k}').format_map({'k': 'v'}),
      type(UserString('{0}').format(0)).__name__, UserString.maketrans('ab', 'xy'))
print(list(UserString('abc')), list(reversed(UserString('abc'))), sorted(UserString('cab')), isinstance(us, Sequence))
print(UserString('abc').index('c'), UserString('aXbXc').split('X'), UserString('abc')[::-1])
class Shout(UserString):
    def __str__(self):
        return self.data.upper() + '!'
sh = Shout('hey')
print(sh, repr(sh), type(sh.upper()).__name__, type(sh + 'x').__name__, type(sh[0]).__name__, f'{sh}', f'{sh!r}')
print({UserString('k'): 1}[UserString('k')], UserString('b') in {'a': 1, 'b': 2}, max(UserString('az')))
