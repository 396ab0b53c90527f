# string.Formatter: parse() of every kind of piece and its errors, field names with
# attributes and indexes, automatic and manual numbering, nested format specs and the
# recursion limit, conversions, and subclasses overriding the steps.
from string import Formatter

f = Formatter()

def pieces(text):
    got = []
    try:
        for piece in f.parse(text):
            got.append(piece)
    except ValueError as e:
        return '%r -> %s (after %r)' % (text, e, got)
    return '%r -> %r' % (text, got)

for text in ['', 'abc', '{}', 'a{0}b', '{0!r:>10}', '{a.b[c]}', '{{}}', 'x{{y}}z', '{', '}', 'a}b', '{0:{1}}',
             '{0:{{}}}', '{!r}', '{:}', '{0!}', '{0!rr}', '{0!r', '{0:', '{0[}', '{0[a]b}', '{0.}', '{0[]}', '{ a }',
             '{0:}}', '{0:{}', '}}}', '{a!s:x{b}y}', '{0:{1:{2}}}', '{a[', '{[a]}', '{.a}', '{0]}', '{0:]}', '{!}',
             '{:{:{}}}', 'a{', '{}}', 'x{0}y}', 'x{0}y{', '{0!r}z{1', 'lit{{', 'lit}}', '{0![}', '{0!:}', '{0!r>}',
             '{0!}}', '{0[}]}', '{0[{]}', '{0[:]}', '{0[!]}', '{a{b}', '{0:x}}}', '{0!', '{!', '{0[[]}', '{0:!}',
             '{0:{1}}}', 'caf\u00e9 {\u00e9}']:
    print(pieces(text))

class Thing:
    size = 7
    def __getitem__(self, key):
        return ('item', key)
    def __format__(self, spec):
        return 'Thing(%s)' % spec
    def __repr__(self):
        return 'Thing()'

def field(name, args=(Thing(),), kwargs={'x': Thing(), '-1': 'minus', ' 1': 'space', '': 'empty'}):
    try:
        return '%r -> %r' % (name, f.get_field(name, args, kwargs))
    except Exception as e:
        return '%r -> %s: %s' % (name, type(e).__name__, e)

for name in ['0', '00', '0.size', '0[1]', '0[x]', '0[-1]', '0[01]', '0.', '0..a', '0.size.', '0[', '0[1', '0[]',
             '0[1]x', '0[1].a', '0[1][2]', 'x', 'x.size', '-1', ' 1', '\u0967', '99999999999999999999',
             '0[99999999999999999999]', '0.[1]', '5.', '', '.a', '[1]', '0[a b]', '0[1][0]']:
    print(field(name))

def show(*args, **kwargs):
    try:
        return repr(f.format(*args, **kwargs))
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)

print(show('{}{}', 1, 2), show('{}{0}', 1), show('{0}{}', 1), show('{}{0.real}', 1), show('{x}{}', 1, x=2))
print(show('{0:{1:{2}}}', 1, 2, 3), show('{0:{1}}', 3.14159, '.2f'), show('{:{}}', 3.14159, '.1f'), show('{:{}}{}', 1, 2, 3))
print(show('{0!s:>5}', 'ab'), show('{0!r}', 'ab'), show('{0!a}', '\u00e9'), show('{0!x}', 1), show('{0!}}', 1))
print(show('{} {}', 1), show('{a}'), show('{0}'), show('{:>{}}', 'x', 4), show('{0:{{}}}', 1))
print(show('{0[0]:d}', [5]), show('{.real}', 3), show('{0:^9}|{1:<4}|{2!r:>6}', 'mid', 42, 'q'), show('{t:spec}', t=Thing()))
print(show('{0}-{0}-{1}', 'a', 'b'), show('{a[k]}', a={'k': 'v'}), show('{0[1][0]}', ['x', 'yz']), show('{:,}', 1234567))
print(show('{format_string}', format_string=3), show('{self}', self='me'), show('plain'), show('{{}}'))
print(f.vformat('{0}{a}', (1,), {'a': 2}), f.convert_field(1, None), f.format_field(3, '03d'),
      f.get_value(0, (9,), {}), f.get_value('k', (), {'k': 8}), f.check_unused_args(set(), (), {}))
for attempt in (lambda: f.convert_field(1, 'q'), lambda: f.get_value(1.5, (), {}), lambda: f.format(),
                lambda: f.parse(5), lambda: f.get_field(5, (), {}), lambda: f.format(b'{}', 1)):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)

class Loud(Formatter):
    def check_unused_args(self, used, args, kwargs):
        print('  used:', sorted(map(str, used)), args, kwargs)
    def get_value(self, key, args, kwargs):
        print('  get_value', repr(key))
        return super().get_value(key, args, kwargs)
print(Loud().format('{0}{x}{0.real}', 1, 2, x=3))
print(Loud().format('{}{:{}}', 1, 2, 3))

class Defaults(Formatter):
    """Missing fields become '<name?>' instead of errors; !u upper-cases."""
    def get_value(self, key, args, kwargs):
        try:
            return super().get_value(key, args, kwargs)
        except (KeyError, IndexError):
            return '<%s?>' % key
    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)
print(Defaults().format('{name!u} has {count} items, {missing}, {5}', name='box', count=3))

class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        if extra:
            raise ValueError('unused: %s' % sorted(extra))
try:
    Strict().format('{a}', a=1, b=2)
except ValueError as e:
    print(e)
