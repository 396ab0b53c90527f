# Which built-in objects copy.copy/deepcopy share and which they rebuild; exceptions, bytearrays, sets, methods, proxies, errors.
import copy, weakref, collections, types


class Obj:
    def method(self):
        return 'method'


o = Obj()


def f():
    pass


samples = [
    ('None', None), ('int', 7), ('float', 1.5), ('bool', True), ('complex', 2j), ('str', 'text'),
    ('bytes', b'xy'), ('tuple of atoms', (1, 'a')), ('tuple with a list', ([1],)), ('empty tuple', ()),
    ('frozenset', frozenset({1})), ('range', range(3)), ('slice', slice(1, [2])), ('type', int),
    ('function', f), ('lambda', lambda: 0), ('builtin', len), ('code', f.__code__),
    ('Ellipsis', ...), ('NotImplemented', NotImplemented), ('property', property()),
    ('weakref.ref', weakref.ref(o)), ('list', [1]), ('dict', {1: 2}), ('set', {1}),
    ('bytearray', bytearray(b'ab')), ('bound method', o.method), ('object()', object()),
    ('union type', int | str), ('SimpleNamespace', types.SimpleNamespace(a=[1])),
]
for label, value in samples:
    outcome = []
    for fn in (copy.copy, copy.deepcopy):
        result = fn(value)
        if result is value:
            outcome.append('same')
        else:
            outcome.append('new ' + type(result).__name__ + (' equal' if result == value else ''))
    print(label + ':', ' / '.join(outcome))

m = copy.deepcopy(o.method)
print('deep-copied method:', m(), m.__self__ is o, type(m.__self__).__name__, m.__func__ is Obj.method)
memo = {}
pair = copy.deepcopy([o, o.method], memo)
print('method bound to the copied object:', pair[1].__self__ is pair[0])


class Custom(ValueError):
    def __init__(self, code, text):
        super().__init__(code, text)
        self.history = [code]


err = Custom(404, 'missing')
err.extra = {'k': [1]}
for fn in (copy.copy, copy.deepcopy):
    e = fn(err)
    print(fn.__name__, type(e).__name__, e.args, e.history, e.extra, e.history is err.history, e.extra is err.extra)
print(repr(copy.copy(KeyError('k'))), repr(copy.deepcopy(ZeroDivisionError('zero', [1]))))


class Buffer(bytearray):
    pass


class Tags(set):
    pass


class FrozenTags(frozenset):
    pass


class Table(dict):
    pass


class Row(list):
    pass


for value in (Buffer(b'raw'), Tags({1, 2}), FrozenTags({3}), Table(a=[1]), Row([[1]])):
    value.note = ['n']
    for fn in (copy.copy, copy.deepcopy):
        new = fn(value)
        inner = list(new.values())[0] if isinstance(new, dict) else (new[0] if isinstance(new, list) else None)
        print(fn.__name__, type(new).__name__, sorted(new) if isinstance(new, (set, frozenset)) else new,
              new.note, new.note is value.note, new is value,
              None if inner is None else inner is (list(value.values())[0] if isinstance(value, dict) else value[0]))

# Containers from collections keep their type and options.
dq = collections.deque([[1], 2], maxlen=4)
dd = collections.defaultdict(list, a=[1])
od = collections.OrderedDict(b=[2])
print(copy.copy(dq), copy.deepcopy(dq)[0] is dq[0], copy.deepcopy(dd), copy.copy(dd)['a'] is dd['a'],
      copy.deepcopy(od), copy.deepcopy(collections.Counter('aab')))

# A proxy copies its referent.
target = Obj()
target.value = [1]
proxied = weakref.proxy(target)
for fn in (copy.copy, copy.deepcopy):
    new = fn(proxied)
    print(fn.__name__, 'of a proxy:', type(new).__name__, new.value, new.value is target.value)


def generator():
    yield 1


# Objects that cannot be rebuilt.
for label, value in (('generator', generator()), ('module', types), ('staticmethod', staticmethod(len)),
                     ('classmethod', classmethod(len)), ('dict keys view', {}.keys()),
                     ('KeyedRef', weakref.KeyedRef(target, None, 'k')), ('WeakMethod', weakref.WeakMethod(target.method))):
    for fn in (copy.copy, copy.deepcopy):
        try:
            fn(value)
            print(label, fn.__name__, 'worked')
        except TypeError as e:
            print(label, fn.__name__, 'TypeError:', e)

# Classes, including those with a metaclass defining __copy__, are never copied.
class Meta(type):
    def __copy__(cls):
        return 'metaclass __copy__'


class WithMeta(metaclass=Meta):
    pass


print(copy.copy(WithMeta) is WithMeta, copy.deepcopy(WithMeta) is WithMeta)
# __copy__ is looked up on the class, __deepcopy__ on the instance.
inst = Obj()
inst.__copy__ = lambda: 'instance __copy__'
inst.__deepcopy__ = lambda memo: 'instance __deepcopy__'
print(type(copy.copy(inst)).__name__, copy.deepcopy(inst))
print(copy.error is copy.Error, copy.Error.__mro__[1].__name__, copy.__all__)
