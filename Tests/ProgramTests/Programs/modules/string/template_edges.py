# string.Template beyond the basics: where invalid placeholders are reported (line
# and column across line breaks), letter and multi-character delimiters (matched
# case-insensitively, as CPython's pattern is), how keyword arguments and the mapping
# combine, get_identifiers/is_valid, and capwords with separators.
import string
from string import Template

def attempt(label, function, *args, **kwargs):
    try:
        print(label, '->', repr(function(*args, **kwargs)))
    except Exception as e:
        print(label, '->', type(e).__name__, e)

for text in ['x\n$', 'ab\r\ncd $ ', 'ab\u2028cd $ ', 'one\ntwo\nthree $4', '$$$', '${a}${b', '${ a}', '$\u00e9',
             '${}', '${a', '$a$b', '\n\n$', 'tab\t$-']:
    attempt(repr(text), Template(text).substitute, a=1)
attempt('$a\u00e9', Template('$a\u00e9').substitute, a=1)
attempt('tuple value', Template('${a}b').substitute, a=(1, 2))
attempt('case of names', Template('$A $a').substitute, a='low', A='up')
attempt('digits after', Template('$a1 $a_1 ${a}1').substitute, a1='x', a_1='y', a='z')
attempt('mapping + keywords', Template('$a $b').substitute, {'a': 1, 'b': 2}, b='kw')
attempt('missing with both', Template('$a').substitute, {'b': 1}, c=2)
attempt('mapping keyword', Template('$mapping $self').substitute, mapping=1, self=2)
attempt('two mappings', Template('$a').substitute, {'a': 1}, {'b': 2})
attempt('mapping= only', Template('$a').substitute, mapping={'a': 1})
attempt('not a string', Template(5).substitute)
attempt('bytes', Template(b'$a').safe_substitute, a=1)
print(Template(5).template, Template('t').template)

class Lookup:
    def __getitem__(self, key):
        if key == 'known':
            return key.upper()
        raise KeyError(key)
attempt('custom mapping', Template('$known $unknown').safe_substitute, Lookup())
attempt('custom mapping strict', Template('$known $unknown').substitute, Lookup())
import collections
attempt('defaultdict', Template('$x and $y').substitute, collections.defaultdict(lambda: '?', x=1))

class Letter(Template):
    delimiter = 'x'
print(Letter('X{a} xa xx XX Xb').safe_substitute(a=1), Letter('xy').get_identifiers())
class Double(Template):
    delimiter = '<<'
print(Double('<<a <<<<b <<{c} <<').safe_substitute(a=1, c=3), Double('<<').is_valid(), Double('x<<1').get_identifiers())
attempt('double invalid', Double('ab\n  <<!').substitute)
class Hash(Template):
    delimiter = '#'
print(Hash('#name ## #{x}').substitute(name='N', x='X'), Hash.delimiter, Hash.idpattern, Hash.braceidpattern)
print(Template.delimiter, Template.idpattern, Template.braceidpattern)
print(Template('$a $b ${a} $$ $c $').get_identifiers(), Template('$a $').is_valid(), Template('$$').is_valid())
print(Template('$a ${b} $1 ${c').safe_substitute({'a': 1}, b=2), Template('').substitute(), Template('plain').safe_substitute())
attempt('no template', Template)

print(string.capwords('hello\tworld  x'), repr(string.capwords(' a  b ', ' ')), string.capwords('\u00c9COLE \u00fcber'))
print(string.capwords('one,two,,three', ','), string.capwords('aBC dEF', None), repr(string.capwords('   ')))
attempt('empty separator', string.capwords, 'a b', '')
print(sorted(set(string.printable) - set(string.punctuation) - set(string.whitespace)) == sorted(string.digits + string.ascii_letters))
print(len(string.punctuation), string.hexdigits, string.octdigits, string.__all__)
