"""JSON for pyheap: dumps/dump turn Python data into JSON text, loads/load read it back.

The scanner and the one-shot encoder are native (`_json`). This module holds the public
API with CPython 3.11's signatures, output and error messages: JSONEncoder (whose
iterencode() yields the same chunks CPython's does), JSONDecoder, JSONDecodeError, and
decoding of bytes in UTF-8, UTF-16 or UTF-32. `json.decoder`, `json.encoder` and
`json.scanner` are importable as submodules holding their usual public names.
"""

__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

import sys as _sys
import _json

# Marks this module as a package, so `import json.decoder` finds the submodules that the
# end of this file registers in sys.modules.
__path__ = []

_JSON_SPACE = ' \t\n\r'


# ====================================================================== errors

class JSONDecodeError(ValueError):
    """A ValueError for text that is not valid JSON, with where it went wrong:

    msg: the message without the position
    doc: the text being parsed
    pos: the index in doc where parsing failed
    lineno, colno: that index as a 1-based line and column
    """

    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        line = doc.count('\n', 0, pos) + 1
        column = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {line} column {column} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = line
        self.colno = column

    def __reduce__(self):
        return (type(self), (self.msg, self.doc, self.pos))


class UnicodeDecodeError(UnicodeDecodeError):
    # pyheap's UnicodeDecodeError built from Python keeps only its args; this one
    # formats its message and exposes the fields as CPython's does.
    __module__ = 'builtins'

    def __init__(self, encoding, data, start, end, reason):
        super().__init__(encoding, data, start, end, reason)
        self.encoding, self.object, self.start, self.end, self.reason = (
            encoding, data, start, end, reason)

    def __str__(self):
        if self.end == self.start + 1:
            where = f'byte 0x{self.object[self.start]:02x} in position {self.start}'
        else:
            where = f'bytes in position {self.start}-{self.end - 1}'
        return f"'{self.encoding}' codec can't decode {where}: {self.reason}"


_UnicodeDecodeError = UnicodeDecodeError
del UnicodeDecodeError


# ====================================================================== strings

def _scanstring(s, end, strict=True, /, **keywords):
    """Reads the JSON string whose opening quote is at s[end - 1]: returns its text and
    the index after the closing quote."""
    if keywords:
        raise TypeError('scanstring() takes no keyword arguments')
    return _json.scanstring(s, end, strict, JSONDecodeError)


_scanstring.__name__ = _scanstring.__qualname__ = 'scanstring'


# ====================================================================== decoding

_NAMED_NUMBERS = {
    'NaN': float('nan'),
    'Infinity': float('inf'),
    '-Infinity': float('-inf'),
}


def _skip_space(s, pos):
    """The first index at or after pos that is not JSON whitespace."""
    if not isinstance(s, str):
        if isinstance(s, (bytes, bytearray)):
            raise TypeError('cannot use a string pattern on a bytes-like object')
        raise TypeError(f"expected string or bytes-like object, got '{type(s).__name__}'")
    size = len(s)
    while pos < size and s[pos] in _JSON_SPACE:
        pos += 1
    return pos


class _Scanner:
    """A decoder's scan_once: scan_once(s, idx) is (value, end) for the value that
    starts at s[idx], and raises StopIteration(position) where a value is missing. It
    keeps the decoder's options as they were when the decoder was made."""

    __slots__ = ('_options',)

    def __init__(self, decoder):
        def hook(value, usual):
            return None if value is usual else value     # None: the native fast path
        self._options = (
            decoder.strict,
            decoder.object_hook,
            decoder.object_pairs_hook,
            hook(decoder.parse_float, float),
            hook(decoder.parse_int, int),
            decoder.parse_constant,
            JSONDecodeError,
        )

    def __call__(self, string, idx):
        try:
            return _json.raw_decode(string, idx, *self._options)
        except JSONDecodeError as failure:
            # No value where one must start: CPython's scanner reports that, at any
            # depth, as StopIteration(position) (raw_decode words it "Expecting value").
            if failure.msg == 'Expecting value':
                raise StopIteration(failure.pos) from None
            raise


class JSONDecoder(object):
    """Reads JSON text into Python objects:

    object -> dict, array -> list, string -> str, number -> int or float,
    true/false -> True/False, null -> None; NaN, Infinity and -Infinity are accepted too.

    object_hook(dict) replaces each decoded object with its result; object_pairs_hook
    receives the object's (key, value) pairs in document order instead (and wins when
    both are given). parse_float, parse_int and parse_constant receive the text of each
    float, int and NaN/Infinity literal. strict=False lets strings hold control
    characters.
    """

    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        # Unset number hooks mean the built-in conversions. (vars() lists the
        # attributes in CPython's order.)
        self.__dict__.update(
            object_hook=object_hook,
            parse_float=parse_float or float,
            parse_int=parse_int or int,
            parse_constant=parse_constant or _NAMED_NUMBERS.__getitem__,
            strict=strict,
            object_pairs_hook=object_pairs_hook,
            parse_string=_scanstring,
            memo={},
        )
        self.scan_once = _Scanner(self)

    def decode(self, s):
        """The Python value of the JSON document s (whitespace around it allowed)."""
        scanner = self.scan_once
        if (type(scanner) is _Scanner and type(s) is str
                and type(self).raw_decode is JSONDecoder.raw_decode):
            return _json.decode(s, *scanner._options)    # the same steps, natively
        start = _skip_space(s, 0)
        value, end = self.raw_decode(s, start)
        end = _skip_space(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return value

    def raw_decode(self, s, idx=0):
        """(value, end) for the JSON value at s[idx:], which may be followed by
        anything: end is the index just past the value."""
        try:
            return self.scan_once(s, idx)
        except StopIteration as stop:
            raise JSONDecodeError('Expecting value', s, stop.value) from None


# ====================================================================== encoding

def _float_text(value, allow_nan, one_shot):
    # A float as JSON: repr, or NaN/Infinity/-Infinity (an error when not allowed; the
    # chunked encoder's message names the value, the one-shot encoder's does not).
    if value != value:
        text = 'NaN'
    elif value == _INFINITY:
        text = 'Infinity'
    elif value == -_INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(value)
    if not allow_nan:
        detail = '' if one_shot else ': ' + repr(value)
        raise ValueError('Out of range float values are not JSON compliant' + detail)
    return text


_INFINITY = float('inf')


class _Chunks:
    """The pieces JSONEncoder.iterencode() yields, in CPython's chunking: a scalar in a
    list is joined to the separator before it, a container is announced by its own
    opening piece, keys, key separators and values of objects come one by one."""

    def __init__(self, encoder, indent):
        self.quote = (_json.encode_basestring_ascii if encoder.ensure_ascii
                      else _json.encode_basestring)
        self.seen = {} if encoder.check_circular else None
        self.default = encoder.default
        self.indent = indent
        self.item_separator = encoder.item_separator
        self.key_separator = encoder.key_separator
        self.sort_keys = encoder.sort_keys
        self.skipkeys = encoder.skipkeys
        self.allow_nan = encoder.allow_nan

    def _scalar(self, value):
        # The text of a str/None/bool/int/float, else None.
        if isinstance(value, str):
            return self.quote(value)
        if value is None:
            return 'null'
        if value is True:
            return 'true'
        if value is False:
            return 'false'
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return _float_text(value, self.allow_nan, False)
        return None

    def _enter(self, container):
        seen = self.seen
        if seen is not None:
            key = id(container)
            if key in seen:
                raise ValueError('Circular reference detected')
            seen[key] = container

    def _leave(self, container):
        if self.seen is not None:
            del self.seen[id(container)]

    def value(self, o, depth):
        text = self._scalar(o)
        if text is not None:
            yield text
        elif isinstance(o, (list, tuple)):
            yield from self.array(o, depth)
        elif isinstance(o, dict):
            yield from self.mapping(o, depth)
        else:
            self._enter(o)
            yield from self.value(self.default(o), depth)
            self._leave(o)

    def _nested(self, o, depth):
        if isinstance(o, (list, tuple)):
            return self.array(o, depth)
        if isinstance(o, dict):
            return self.mapping(o, depth)
        return self.value(o, depth)

    def array(self, items, depth):
        if not items:
            yield '[]'
            return
        self._enter(items)
        opening = '['
        separator = self.item_separator
        if self.indent is not None:
            depth += 1
            line_break = '\n' + self.indent * depth
            separator = self.item_separator + line_break
            opening += line_break
        lead = opening
        for item in items:
            text = self._scalar(item)
            if text is not None:
                yield lead + text
            else:
                yield lead
                yield from self._nested(item, depth)
            lead = separator
        if self.indent is not None:
            depth -= 1
            yield '\n' + self.indent * depth
        yield ']'
        self._leave(items)

    def _key_text(self, key):
        # A dict key as JSON object-key text, or None to skip it (skipkeys).
        if isinstance(key, str):
            return self.quote(key)
        if isinstance(key, float):
            text = _float_text(key, self.allow_nan, False)
        elif key is True:
            text = 'true'
        elif key is False:
            text = 'false'
        elif key is None:
            text = 'null'
        elif isinstance(key, int):
            text = int.__repr__(key)
        elif self.skipkeys:
            return None
        else:
            raise TypeError('keys must be str, int, float, bool or None, '
                            f'not {type(key).__name__}')
        return self.quote(text)

    def mapping(self, table, depth):
        if not table:
            yield '{}'
            return
        self._enter(table)
        yield '{'
        separator = self.item_separator
        if self.indent is not None:
            depth += 1
            line_break = '\n' + self.indent * depth
            separator = self.item_separator + line_break
            yield line_break
        pairs = sorted(table.items()) if self.sort_keys else table.items()
        started = False
        for key, item in pairs:
            key_text = self._key_text(key)
            if key_text is None:
                continue
            if started:
                yield separator
            started = True
            yield key_text
            yield self.key_separator
            text = self._scalar(item)
            if text is not None:
                yield text
            else:
                yield from self._nested(item, depth)
        if self.indent is not None:
            depth -= 1
            yield '\n' + self.indent * depth
        yield '}'
        self._leave(table)


def _yield_once(text):
    yield text


def _check_separators(keys, items):
    # The one-shot encoder takes only str separators (CPython's make_encoder()
    # arguments 5 and 6).
    for position, separator in ((5, keys), (6, items)):
        if not isinstance(separator, str):
            kind = 'None' if separator is None else type(separator).__name__
            raise TypeError(f'make_encoder() argument {position} must be str, not {kind}')


class JSONEncoder(object):
    """Turns Python data into JSON text:

    dict -> object, list and tuple -> array, str -> string, int and float (and their
    int/float-derived enums) -> number, True/False -> true/false, None -> null.

    Anything else is passed to default(o), which must return something encodable or
    raise TypeError; subclass and override default() to support other types.

    skipkeys drops dict keys that are not str, int, float, bool or None (instead of a
    TypeError). ensure_ascii escapes all non-ASCII characters. check_circular detects
    reference cycles (ValueError) instead of recursing without end. allow_nan writes
    NaN and infinities as JavaScript does (ValueError when false). sort_keys orders
    objects by key. indent (an int of spaces, or a str) pretty-prints, one item per
    line. separators is an (item_separator, key_separator) pair, by default (', ', ': ')
    or (',', ': ') with an indent. default, when given, replaces the default() method.
    """

    __module__ = 'json.encoder'
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        # (vars() lists the options in CPython's order.)
        self.__dict__.update(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                             check_circular=check_circular, allow_nan=allow_nan,
                             sort_keys=sort_keys, indent=indent)
        # An indent drops the space after commas; explicit separators override both.
        # Only what differs from the class defaults lands on the instance.
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """What to encode in place of o, which has no JSON form of its own. This one
        raises TypeError; override it, e.g. to return list(o) for any iterable."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """o as one JSON str."""
        if isinstance(o, str):
            return self._quote(o)
        if type(self).iterencode is JSONEncoder.iterencode:
            text = self._whole(o)           # what iterencode(o, True) would join
            if text is not None:
                return text
        pieces = self.iterencode(o, _one_shot=True)
        if not isinstance(pieces, (list, tuple)):
            pieces = list(pieces)
        return ''.join(pieces)

    def _quote(self, s):
        if self.ensure_ascii:
            return _json.encode_basestring_ascii(s)
        return _json.encode_basestring(s)

    def _indent_text(self):
        indent = self.indent
        if indent is None or isinstance(indent, str):
            return indent
        return ' ' * indent

    def _whole(self, o):
        """o's JSON text from the native encoder, or None when only the chunked
        encoder gives CPython's result."""
        indent = self._indent_text()
        keys, items = self.key_separator, self.item_separator
        if indent is None:
            if type(keys) is not str or type(items) is not str:
                _check_separators(keys, items)
            allow_nan = self.allow_nan
        elif self.allow_nan and isinstance(keys, str) and isinstance(items, str):
            # With an indent CPython encodes in Python; the native encoder writes the
            # same text, and is used when no Python-only error message could differ.
            allow_nan = True
        else:
            return None
        return _json.encode(o, self.skipkeys, self.ensure_ascii, self.check_circular,
                            allow_nan, self.sort_keys, indent, keys, items, self.default)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o as a sequence of str pieces, so a large document can be
        written out piece by piece (json.dump does that) without one big str."""
        if _one_shot:
            text = self._whole(o)
            if text is not None:
                return [text] if self.indent is None else _yield_once(text)
        return _Chunks(self, self._indent_text()).value(o, 0)


# ====================================================================== bytes input

def detect_encoding(b):
    """The encoding of a JSON document given as bytes: named by its byte order mark, or
    else read from the zero bytes among its first four (JSON text starts with ASCII)."""
    head = bytes(b[:4])
    if head.startswith((b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')):
        return 'utf-32'
    if head.startswith((b'\xff\xfe', b'\xfe\xff')):
        return 'utf-16'
    if head.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if head[0] == 0:
            return 'utf-32-be' if head[1] == 0 else 'utf-16-be'
        if head[1] == 0:
            return 'utf-16-le' if head[2] or head[3] else 'utf-32-le'
    elif len(b) == 2:
        if head[0] == 0:
            return 'utf-16-be'
        if head[1] == 0:
            return 'utf-16-le'
    return 'utf-8'


def _decode_units(data, start, width, order, codec):
    """UTF-16 (width 2) or UTF-32 (width 4) bytes from start on as text; lone surrogates
    pass through (CPython decodes JSON bytes with errors='surrogatepass')."""
    size = len(data)
    usable = start + (size - start) // width * width
    units = [int.from_bytes(data[i:i + width], order) for i in range(start, usable, width)]
    if usable != size:
        position = usable
    else:
        position = None
    out = []
    if width == 2:
        count = len(units)
        i = 0
        while i < count:
            unit = units[i]
            if 0xD800 <= unit < 0xDC00 and i + 1 < count and 0xDC00 <= units[i + 1] < 0xE000:
                out.append(chr(0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00)))
                i += 2
            else:
                out.append(chr(unit))
                i += 1
    else:
        for index, unit in enumerate(units):
            if unit > 0x10FFFF:
                at = start + index * 4
                raise _UnicodeDecodeError(codec, bytes(data), at, at + 4,
                                          'code point not in range(0x110000)')
            out.append(chr(unit))
    if position is not None:
        raise _UnicodeDecodeError(codec, bytes(data), position, size, 'truncated data')
    return ''.join(out)


def _bytes_to_text(data):
    encoding = detect_encoding(data)
    if encoding == 'utf-8':
        return bytes(data).decode('utf-8', 'surrogatepass')
    if encoding == 'utf-8-sig':
        return bytes(data[3:]).decode('utf-8', 'surrogatepass')
    width = 4 if encoding.startswith('utf-32') else 2
    start = 0
    if encoding.endswith('-be'):
        order = 'big'
    elif encoding.endswith('-le'):
        order = 'little'
    else:                                   # a byte order mark says which
        order = 'little' if data[0] == 0xFF else 'big'
        start = width
    codec = f'utf-{width * 8}-{"le" if order == "little" else "be"}'
    return _decode_units(data, start, width, order, codec)


# ====================================================================== the API

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None, default=None,
         sort_keys=False, **kw):
    """Writes obj as JSON to fp (anything with a .write(str) method), in the pieces
    JSONEncoder.iterencode() makes. The options are those of dumps()."""
    plain = (not skipkeys and ensure_ascii and check_circular and allow_nan
             and cls is None and indent is None and separators is None
             and default is None and not sort_keys and not kw)
    if plain:
        encoder = _default_encoder
    else:
        encoder = (JSONEncoder if cls is None else cls)(
            skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
            allow_nan=allow_nan, indent=indent, separators=separators, default=default,
            sort_keys=sort_keys, **kw)
    write = fp.write
    for piece in encoder.iterencode(obj):
        write(piece)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None, default=None,
          sort_keys=False, **kw):
    """obj as a JSON str.

    skipkeys: leave out dict keys that are not str, int, float, bool or None instead
    of raising TypeError. ensure_ascii: escape every non-ASCII character (else they are
    written as they are). check_circular: raise ValueError on a reference cycle
    (else the recursion ends in RecursionError). allow_nan: write nan, inf and -inf as
    NaN, Infinity and -Infinity (else ValueError). indent: pretty-print with this many
    spaces (or this str) per level. separators: the (item, key) separators, by default
    (', ', ': '), or (',', ': ') with an indent. default: called for objects with no JSON
    form; returns a replacement or raises TypeError. sort_keys: order objects by key.
    cls: a JSONEncoder subclass to use; further keywords go to its constructor.
    """
    plain = (not skipkeys and ensure_ascii and check_circular and allow_nan
             and cls is None and indent is None and separators is None
             and default is None and not sort_keys and not kw)
    if plain:
        return _json.encode(obj, False, True, True, True, False, None, ': ', ', ',
                            _default_encoder.default)
    return (JSONEncoder if cls is None else cls)(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
        allow_nan=allow_nan, indent=indent, separators=separators, default=default,
        sort_keys=sort_keys, **kw).encode(obj)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document read from fp (anything with .read());
    the options are those of loads()."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The Python value of the JSON document s (a str, or bytes/bytearray in UTF-8,
    UTF-16 or UTF-32).

    object_hook / object_pairs_hook: called with each decoded object (a dict / its
    list of pairs), their result used instead. parse_float / parse_int /
    parse_constant: called with the text of each float, int, and NaN/Infinity/-Infinity.
    cls: a JSONDecoder subclass to use; further keywords go to its constructor.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = _bytes_to_text(s)
    else:
        raise TypeError('the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    hooks = {}
    for name, value in (('object_hook', object_hook), ('parse_float', parse_float),
                        ('parse_int', parse_int), ('parse_constant', parse_constant),
                        ('object_pairs_hook', object_pairs_hook)):
        if value is not None:
            hooks[name] = value
    if cls is None and not hooks and not kw:
        return _default_decoder.decode(s)
    hooks.update(kw)
    return (JSONDecoder if cls is None else cls)(**hooks).decode(s)


# ====================================================================== submodules

def _make_submodules():
    module_type = type(_sys)
    contents = {
        'decoder': {'JSONDecoder': JSONDecoder, 'JSONDecodeError': JSONDecodeError,
                    'scanstring': _scanstring},
        'encoder': {'JSONEncoder': JSONEncoder, 'INFINITY': _INFINITY,
                    'encode_basestring': _json.encode_basestring,
                    'encode_basestring_ascii': _json.encode_basestring_ascii},
        'scanner': {'make_scanner': _Scanner},
    }
    for short, names in contents.items():
        module = module_type('json.' + short)
        for key, value in names.items():
            setattr(module, key, value)
        _sys.modules[module.__name__] = module
        globals()[short] = module


_make_submodules()
del _make_submodules
