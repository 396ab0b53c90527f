# string constants, capwords, Template substitution and its errors.
import string
from string import Template

print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, string.punctuation)
print(repr(string.whitespace), len(string.printable), repr(string.printable[-6:]))
print(string.capwords('  hello   wORLD  from pyheap '), string.capwords('a-b-c', '-'), string.capwords(''))
t = Template('$who likes $what; ${who}ly! Cost: $$5')
print(t.substitute(who='tim', what='kung pao'))
print(t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'x', 'what': 'y'}, what='override'))
print(t.safe_substitute(who='only'))
print(Template('$a$b ${c}d $e').safe_substitute(a=1, c=3))
for bad in ['$', 'ok $1', 'x\ny $ z', '${', '${bad']:
    try:
        Template(bad).substitute(a=1)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
try:
    Template('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
print(Template('$a and ${b} and $a $$').get_identifiers(), Template('$a').is_valid(), Template('$1').is_valid())
print(Template('100$ $').safe_substitute(), t.template)
class Percent(Template):
    delimiter = '%'
print(Percent('%x is %{y} %%').substitute(x=1, y=2))
print(Template('$_under and $CamelCase9').substitute(_under='u', CamelCase9='c'))
print(string.ascii_lowercase.index('q'), all(c in string.printable for c in 'Hello, World!'))
