"""Character-class constants of ASCII, capwords(), Template (the simple `$name`
substitution of PEP 292) and Formatter (str.format's machinery, to customise).

PyHeap has no `re` module and no `_string` module, so Template and Formatter scan
their text by hand.  Formatter.parse reads format strings the way str.format does.
Template  It follows the
default placeholder syntax ($$, $name and ${name}, names made of ASCII letters,
digits and underscores, not starting with a digit); a subclass may choose
another `delimiter` but not another `pattern`, `idpattern`, `braceidpattern`
or `flags`.
"""

import sys as _sys

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']


# --- constants ---------------------------------------------------------------

def _span(first, last):
    return ''.join([chr(code) for code in range(ord(first), ord(last) + 1)])


whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = _span('a', 'z')
ascii_uppercase = _span('A', 'Z')
ascii_letters = ascii_lowercase + ascii_uppercase
digits = _span('0', '9')
hexdigits = digits + _span('a', 'f') + _span('A', 'F')
octdigits = _span('0', '7')
# every visible ASCII character that is neither a letter nor a digit
punctuation = ''.join([char for char in _span('!', '~') if not char.isalnum()])
printable = digits + ascii_letters + punctuation + whitespace

del _span


def capwords(s, sep=None):
    """Capitalize each word of s.

    The words are s.split(sep), each goes through str.capitalize, and they are
    joined again with sep, or with one space when sep is None (so runs of
    whitespace shrink to one space and the ends are trimmed)."""
    joiner = sep or ' '
    return joiner.join([word.capitalize() for word in s.split(sep)])


# --- Template ------------------------------------------------------------------

_NAME_HEAD = frozenset('_' + ascii_letters)
_NAME_BODY = frozenset('_' + ascii_letters + digits)

# What scanning a template finds at each delimiter.
_ESCAPE, _NAMED, _BRACED, _INVALID = 'escaped', 'named', 'braced', 'invalid'

_no_mapping = {}


def _delimiter_at(text, at, delimiter, exact):
    # The default pattern is compiled case-insensitively, delimiter included.
    if exact:
        return text.startswith(delimiter, at)
    if at + len(delimiter) > len(text):
        return False
    for offset, wanted in enumerate(delimiter):
        seen = text[at + offset]
        if seen != wanted and seen.lower() != wanted.lower():
            return False
    return True


def _name_end(text, at):
    # The end of the identifier starting at `at`, or `at` itself when none does.
    if at >= len(text) or text[at] not in _NAME_HEAD:
        return at
    end = at + 1
    while end < len(text) and text[end] in _NAME_BODY:
        end += 1
    return end


def _placeholders(text, delimiter):
    """Yield (start, end, kind, name) for each use of the delimiter in text, from
    left to right: start..end is the whole placeholder and name is the
    identifier of a named or braced one."""
    if not isinstance(text, str):
        if isinstance(text, (bytes, bytearray)):
            raise TypeError('cannot use a string pattern on a bytes-like object')
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(text).__name__)
    exact = delimiter.lower() == delimiter.upper()
    width = len(delimiter)
    at = 0
    while at < len(text):
        if exact:
            start = text.find(delimiter, at)
            if start < 0:
                return
        else:
            start = at
            while start < len(text) and not _delimiter_at(text, start, delimiter, False):
                start += 1
            if start >= len(text):
                return
        after = start + width
        if _delimiter_at(text, after, delimiter, exact):
            at = after + width
            yield (start, at, _ESCAPE, None)
            continue
        end = _name_end(text, after)
        if end > after:
            at = end
            yield (start, end, _NAMED, text[after:end])
            continue
        if text.startswith('{', after):
            end = _name_end(text, after + 1)
            if end > after + 1 and text.startswith('}', end):
                at = end + 1
                yield (start, at, _BRACED, text[after + 1:end])
                continue
        at = after
        yield (start, after, _INVALID, None)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        changed = [name for name in ('pattern', 'flags') if name in cls.__dict__]
        if cls.idpattern != Template.idpattern:
            changed.append('idpattern')
        if cls.braceidpattern is not None:
            changed.append('braceidpattern')
        if changed:
            raise NotImplementedError(
                'string.Template in PyHeap (which has no re module) only supports '
                'changing delimiter, not %s' % ', '.join(changed))

    def __init__(self, template):
        self.template = template

    def _scan(self):
        return _placeholders(self.template, self.delimiter)

    def _fail_invalid(self, after):
        # Line and column (1-based) of the end of the bad delimiter.
        lines = self.template[:after].splitlines(keepends=True)
        if not lines:
            line, column = 1, 1
        else:
            line = len(lines)
            column = after - (len(self.template[:after]) - len(lines[-1]))
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, column))

    @staticmethod
    def _lookup(mapping, kws):
        # Keyword arguments win over the mapping (CPython chains them in a ChainMap).
        if mapping is _no_mapping:
            return kws.__getitem__
        if not kws:
            return lambda name: mapping[name]

        def both(name):
            if name in kws:
                return kws[name]
            try:
                return mapping[name]
            except KeyError:
                pass
            raise KeyError(name)
        return both

    def substitute(self, mapping=_no_mapping, /, **kws):
        find = self._lookup(mapping, kws)
        text = self.template
        out = []
        copied = 0
        for start, end, kind, name in self._scan():
            out.append(text[copied:start])
            copied = end
            if kind is _ESCAPE:
                out.append(self.delimiter)
            elif kind is _INVALID:
                self._fail_invalid(end)
            else:
                out.append(str(find(name)))
        out.append(text[copied:])
        return ''.join(out)

    def safe_substitute(self, mapping=_no_mapping, /, **kws):
        find = self._lookup(mapping, kws)
        text = self.template
        out = []
        copied = 0
        for start, end, kind, name in self._scan():
            out.append(text[copied:start])
            copied = end
            if kind is _ESCAPE:
                out.append(self.delimiter)
            elif kind is _INVALID:
                out.append(text[start:end])
            else:
                try:
                    out.append(str(find(name)))
                except KeyError:
                    out.append(text[start:end])
        out.append(text[copied:])
        return ''.join(out)

    def is_valid(self):
        for start, end, kind, name in self._scan():
            if kind is _INVALID:
                return False
        return True

    def get_identifiers(self):
        names = []
        for start, end, kind, name in self._scan():
            if name is not None and name not in names:
                names.append(name)
        return names


# --- Formatter -------------------------------------------------------------------

def _field_index(text):
    # A field name part made only of decimal digits counts as a position.
    if not text or not all([char.isdecimal() for char in text]):
        return None
    number = int(text)
    if number > _sys.maxsize:
        raise ValueError('Too many decimal digits in format string')
    return number


def _markup(text):
    """The pieces of a format string as Formatter.parse yields them; errors come
    when the scan reaches them, as with str.format's own parser."""
    size = len(text)
    at = 0
    while at < size:
        # literal text, up to a brace
        start = at
        while at < size and text[at] not in '{}':
            at += 1
        if at == size:
            yield (text[start:], None, None, None)
            return
        brace = text[at]
        if at + 1 < size and text[at + 1] == brace:
            # a doubled brace stands for one, and ends this piece of literal text
            yield (text[start:at + 1], None, None, None)
            at += 2
            continue
        if brace == '}':
            raise ValueError("Single '}' encountered in format string")
        if at + 1 == size:
            raise ValueError("Single '{' encountered in format string")
        literal = text[start:at]
        at += 1
        # the field name: ends at '}', ':' or '!' outside square brackets
        name_start = at
        in_brackets = False
        while True:
            if at >= size:
                raise ValueError("expected '}' before end of string")
            char = text[at]
            at += 1
            if char == '[':
                in_brackets = True
            elif char == ']':
                in_brackets = False
            elif not in_brackets:
                if char == '{':
                    raise ValueError("unexpected '{' in field name")
                if char in '}:!':
                    break
        name = text[name_start:at - 1]
        conversion = None
        if char == '!':
            if at >= size:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = text[at]
            at += 1
            if at < size:
                char = text[at]
                at += 1
                if char not in '}:':
                    raise ValueError("expected ':' after conversion specifier")
            else:
                char = ':'
        spec = ''
        if char == ':':
            # the format spec runs to the brace closing the field; braces nest
            spec_start = at
            depth = 1
            while True:
                if at >= size:
                    raise ValueError("unmatched '{' in format spec")
                if text[at] == '{':
                    depth += 1
                elif text[at] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                at += 1
            spec = text[spec_start:at]
            at += 1
        yield (literal, name, spec, conversion)


def _field_path(text, at):
    """The attribute (True, name) and index (False, key) steps after the first
    part of a field name, read one by one."""
    size = len(text)
    while at < size:
        char = text[at]
        if char == '.':
            end = at + 1
            while end < size and text[end] not in '.[':
                end += 1
            if end == at + 1:
                raise ValueError('Empty attribute in format string')
            yield (True, text[at + 1:end])
            at = end
        elif char == '[':
            end = text.find(']', at + 1)
            if end < 0:
                raise ValueError("Missing ']' in format string")
            if end == at + 1:
                raise ValueError('Empty attribute in format string')
            key = text[at + 1:end]
            number = _field_index(key)
            yield (False, key if number is None else number)
            at = end + 1
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def _split_field_name(field_name):
    if not isinstance(field_name, str):
        raise TypeError('expected str, got %s' % type(field_name).__name__)
    cut = len(field_name)
    for mark in '.[':
        found = field_name.find(mark)
        if 0 <= found < cut:
            cut = found
    head = field_name[:cut]
    number = _field_index(head)
    return (head if number is None else number), _field_path(field_name, cut)


_NUMBERING_CLASH = 'cannot switch from manual field specification to automatic field numbering'


class Formatter:
    """str.format's steps as overridable methods: parse the format string, look
    up each field (get_field, get_value), convert it (convert_field), format it
    (format_field), then check_unused_args."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used = set()
        text = self._expand(format_string, args, kwargs, used, 2, [0])
        self.check_unused_args(used, args, kwargs)
        return text

    def _expand(self, format_string, args, kwargs, used, depth_left, numbering):
        # numbering[0]: the next automatic position, or None once a field has
        # been numbered by hand (shared with the nested format specs).
        if depth_left < 0:
            raise ValueError('Max string recursion exceeded')
        out = []
        for literal, name, spec, conversion in self.parse(format_string):
            if literal:
                out.append(literal)
            if name is None:
                continue
            if name == '':
                if numbering[0] is None:
                    raise ValueError(_NUMBERING_CLASH)
                name = str(numbering[0])
                numbering[0] += 1
            elif name.isdigit():
                if numbering[0]:
                    raise ValueError(_NUMBERING_CLASH)
                numbering[0] = None
            value, key = self.get_field(name, args, kwargs)
            used.add(key)
            value = self.convert_field(value, conversion)
            spec = self._expand(spec, args, kwargs, used, depth_left - 1, numbering)
            out.append(self.format_field(value, spec))
        return ''.join(out)

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion) for each
        piece of format_string; the last three are None after plain text."""
        if not isinstance(format_string, str):
            raise TypeError('expected str, got %s' % type(format_string).__name__)
        return _markup(format_string)

    def get_field(self, field_name, args, kwargs):
        """Return the object field_name names, and the key of the argument it
        starts from."""
        first, path = _split_field_name(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attribute, key in path:
            value = getattr(value, key) if is_attribute else value[key]
        return value, first

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def check_unused_args(self, used_args, args, kwargs):
        pass
