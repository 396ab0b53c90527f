# Filter patterns in fnmatch's language ('*', '?', '[...]', '[!...]', ranges), the
# .pyc rule, line numbers with all_frames, custom BaseFilter subclasses, and the
# kinds of iterables filter_traces accepts.
import tracemalloc
from tracemalloc import Filter, DomainFilter, BaseFilter, Snapshot

names = ['/src/app.py', '/src/app.pyc', '/src/App.py', '/src/a-b.py', '/src/a!b.py', '/src/a]b.py',
         '/src/a[b.py', '/src/a^b.py', '/src/a?b.py', '/src/a*b.py', '/src/abc.txt', 'rel/x.py',
         '<frozen os>', '<string>', '/src/a\\b.py', '/src/z9.py', '/src/a\nb.py']
snapshot = Snapshot([(0, index + 1, ((name, index),), 1) for index, name in enumerate(names)], 1)

def kept(*filters):
    return [names[t.size - 1] for t in snapshot.filter_traces(list(filters)).traces]

patterns = ['*', '*.py', '/src/*', '/src/a?b.py', '/src/a[-!]b.py', '/src/a[!-!]b.py', '/src/a[]]b.py',
            '/src/a[!]]b.py', '/src/a[[]b.py', '/src/a[^]b.py', '/src/a[?*]b.py', '/src/[a-z]*', '/src/[!a-z]*',
            '/src/[A-Z]*', '/src/[z-a]*', '/src/[!z-a]pp.py', '/src/a[a-c-e]b.py', '/src/a[--!]b.py',
            '/src/a[\\]b.py', '/src/[a-]*', '<*>', '<frozen *', 'rel/*', '*/x.py', '/src/app.pyc',
            '/src/a[b.py', '/src/a[.py', '[', '*[', '/src/*.p?', '/src/a\nb.py', '/src/a?b.*', '**', '/src/?9.py']
for pattern in patterns:
    print(repr(pattern), kept(Filter(True, pattern)))
print('exclusive:', kept(Filter(False, '/src/a?b.py')))
print('include then exclude:', kept(Filter(True, '/src/*'), Filter(False, '*.py')))
print('two includes:', kept(Filter(True, '<*'), Filter(True, 'rel/*')))
print('two excludes:', kept(Filter(False, '/src/*'), Filter(False, '<*')))
print('line number:', kept(Filter(True, '*', 3)), kept(Filter(False, '/src/*', 3)), kept(Filter(True, '*', 3.0)))
print('domain:', kept(Filter(True, '*', domain=1)), kept(Filter(False, '<*', domain=0)), kept(DomainFilter(False, 0)))

deep = Snapshot([(0, 1, (('lib.py', 5), ('app.py', 10)), 2), (0, 2, (('lib.py', 6), ('lib.py', 7)), 2),
                 (1, 3, (('app.py', 11), ('lib.py', 5)), 2)], 2)
def sizes(snap, *filters):
    return [t.size for t in snap.filter_traces(list(filters)).traces]
print('innermost frame only:', sizes(deep, Filter(True, 'app.py')), sizes(deep, Filter(False, 'app.py')))
print('all frames:', sizes(deep, Filter(True, 'app.py', all_frames=True)), sizes(deep, Filter(False, 'app.py', all_frames=True)))
print('all frames + line:', sizes(deep, Filter(True, 'lib.py', 5, True)), sizes(deep, Filter(False, 'lib.py', 7, True)))
print('all frames + domain:', sizes(deep, Filter(True, 'lib.py', None, True, 1)), sizes(deep, Filter(False, 'lib.py', None, True, 1)))
print('truthy inclusive values:', sizes(deep, Filter(2, 'app.py')), sizes(deep, Filter('', 'app.py')), sizes(deep, DomainFilter(1, 1)))

class BigOnly(BaseFilter):
    """A filter of our own: keeps blocks of at least `least` bytes."""
    def __init__(self, least):
        super().__init__(True)
        self.least = least
    def _match(self, trace):
        print('  looked at', trace[1])
        return trace[1] >= self.least
print('custom:', sizes(deep, BigOnly(2)))
print('custom + exclusive:', sizes(deep, BigOnly(2), DomainFilter(False, 1)))
print('generator:', sizes(deep, *[]), [t.size for t in deep.filter_traces(f for f in [Filter(True, 'lib.py')]).traces])
print('tuple:', [t.size for t in deep.filter_traces((DomainFilter(True, 1),)).traces])
print('set:', [t.size for t in deep.filter_traces({DomainFilter(True, 0)}).traces])
print('empty dict:', [t.size for t in deep.filter_traces({}).traces])
for bad in ('ab', [object()], 3, None):
    try:
        deep.filter_traces(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    Filter(True, 42)
except TypeError as e:
    print('TypeError', e)
f = Filter(False, 'm.pyc', 4, True, 2)
print(sorted(vars(f).items()), f.filename_pattern, Filter(True, 'A.PYC').filename_pattern, Filter(True, '.pyc').filename_pattern)
f.lineno = 5; f.all_frames = False; f.domain = None; f.inclusive = True
print(f.lineno, f.all_frames, f.domain, f.inclusive)
d = DomainFilter(True, 3)
print(sorted(vars(d).items()), d.domain, sorted(vars(BaseFilter('x')).items()))
print(Filter(True, 'x')._match((0, 1, (('x', 1),), 1)), Filter(False, 'x')._match((0, 1, (('x', 1),), 1)),
      DomainFilter(True, 0)._match((0, 1, (), 0)), DomainFilter(False, 0)._match((0, 1, (), 0)))
try:
    Filter(True, 'x')._match((0, 1, (('x', 1),)))
except ValueError as e:
    print('ValueError', e)
