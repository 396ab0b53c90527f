"""String constants (ascii_letters, digits, punctuation, ...), capwords(), and Template
($-substitution).

Written for pyheap; Template follows CPython 3.11's default pattern (`$$`, `$name`,
`${name}`, names of ASCII letters, digits and underscores) without the `re` module, so
a subclass may change `delimiter` but not `pattern` or `idpattern`.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_IDENTIFIER_START = frozenset('_' + ascii_letters)
_IDENTIFIER_REST = frozenset('_' + ascii_letters + digits)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _pieces(self):
        """Yields (kind, text, position) for the template: ('text', literal), ('escaped',
        delimiter), ('named', name), ('braced', name), ('invalid', '')."""
        template = self.template
        delimiter = self.delimiter
        n = len(template)
        i = 0
        start = 0
        while True:
            i = template.find(delimiter, start)
            if i < 0:
                if start < n:
                    yield 'text', template[start:], start
                return
            if i > start:
                yield 'text', template[start:i], start
            j = i + len(delimiter)
            if template.startswith(delimiter, j):
                yield 'escaped', delimiter, i
                start = j + len(delimiter)
            elif j < n and template[j] in _IDENTIFIER_START:
                k = j + 1
                while k < n and template[k] in _IDENTIFIER_REST:
                    k += 1
                yield 'named', template[j:k], i
                start = k
            elif j < n and template[j] == '{':
                k = j + 1
                if k < n and template[k] in _IDENTIFIER_START:
                    k += 1
                    while k < n and template[k] in _IDENTIFIER_REST:
                        k += 1
                    if k < n and template[k] == '}':
                        yield 'braced', template[j + 1:k], i
                        start = k + 1
                        continue
                yield 'invalid', '', j
                start = j
            else:
                yield 'invalid', '', j
                start = j

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f'Invalid placeholder in string: line {lineno}, col {colno}')

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for kind, text, position in self._pieces():
            if kind == 'text' or kind == 'escaped':
                out.append(text)
            elif kind == 'invalid':
                self._invalid(position)
            else:
                out.append(str(mapping[text]))
        return ''.join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        delimiter = self.delimiter
        for kind, text, position in self._pieces():
            if kind == 'text' or kind == 'escaped':
                out.append(text)
            elif kind == 'invalid':
                out.append(delimiter)
            else:
                try:
                    out.append(str(mapping[text]))
                except KeyError:
                    out.append(delimiter + text if kind == 'named' else delimiter + '{' + text + '}')
        return ''.join(out)

    def is_valid(self):
        return all(kind != 'invalid' for kind, _, _ in self._pieces())

    def get_identifiers(self):
        ids = []
        for kind, text, position in self._pieces():
            if kind in ('named', 'braced'):
                if text not in ids:
                    ids.append(text)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]
