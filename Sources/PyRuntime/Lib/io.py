"""In-memory streams (StringIO, BytesIO) and the names of the io module.

Written for pyheap in Python; behaviour and messages follow CPython 3.11's `_io`
(Modules/_io/stringio.c, Modules/_io/bytesio.c). `open` and `TextIOWrapper` are the
interpreter's own file type.
"""

__all__ = ['BlockingIOError', 'open', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO',
           'StringIO', 'BufferedIOBase', 'BufferedReader', 'BufferedWriter',
           'BufferedRWPair', 'BufferedRandom', 'TextIOBase', 'TextIOWrapper',
           'UnsupportedOperation', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE',
           'text_encoding']

import sys as _sys
from _collections import _set_type_name

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open
TextIOWrapper = type(_sys.stdout)

try:
    BlockingIOError = BlockingIOError
except NameError:
    class BlockingIOError(OSError):
        pass


class UnsupportedOperation(OSError, ValueError):
    pass


def text_encoding(encoding, stacklevel=2):
    return 'locale' if encoding is None else encoding


class IOBase:
    """Shared by every stream class here: iteration by lines, `with`, writelines()."""
    __module__ = '_io'

    def __enter__(self):
        self._ensure_open()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._ensure_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        pass

    def _ensure_open(self):
        # The generic check of CPython's _io._IOBase, whose message ends with a period
        # (StringIO's own methods say it without one).
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def isatty(self):
        self._ensure_open()
        return False

    def flush(self):
        self._ensure_open()

    def writelines(self, lines):
        self._ensure_open()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    __module__ = '_io'


class BufferedIOBase(IOBase):
    __module__ = '_io'

    def detach(self):
        raise UnsupportedOperation('detach')


class TextIOBase(IOBase):
    __module__ = '_io'

    def detach(self):
        raise UnsupportedOperation('detach')


FileIO = BufferedReader = BufferedWriter = BufferedRWPair = BufferedRandom = None


def _size_argument(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        try:
            return size.__index__()
        except AttributeError:
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'") from None
    return size


def _position_argument(value):
    if isinstance(value, int):
        return value
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None


class StringIO(TextIOBase):
    """A text stream held in memory: write str to it, read it back, getvalue() for all
of it. initial_value is the starting text (the position stays at 0); newline works
as for open(): None translates \\r and \\r\\n to \\n when writing, '' and '\\n' keep
text as it is, '\\r' and '\\r\\n' turn each \\n written into that ending."""
    __module__ = '_io'

    # The text is `_value` followed by the pieces in `_pending` (writes at the end are
    # appended to the list and joined only when the text is read or changed in place).

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f'newline must be str or None, not {type(newline).__name__}')
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f'illegal newline value: {newline!r}')
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError(f'initial_value must be str or None, not {type(initial_value).__name__}')
        self._newline = newline
        self._value = ''
        self._pending = []
        self._length = 0
        self._pos = 0
        self._closed = False
        self._seen = set()
        if initial_value:
            self._write(initial_value)
            self._pos = 0

    def __repr__(self):
        return object.__repr__(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file')

    def _text(self):
        if self._pending:
            self._value += ''.join(self._pending)
            self._pending = []
        return self._value

    def _translate(self, s):
        newline = self._newline
        if newline is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif newline in ('\r', '\r\n') and '\n' in s:
            s = s.replace('\n', newline)
        return s

    def _write(self, s):
        s = self._translate(s)
        n = len(s)
        if not n:
            return
        pos = self._pos
        if pos == self._length:
            self._pending.append(s)
            self._length += n
            self._pos += n
            return
        text = self._text()
        if pos > self._length:
            text += '\0' * (pos - self._length)
        self._value = text[:pos] + s + text[pos + n:]
        self._length = len(self._value)
        self._pos = pos + n

    def write(self, s):
        """Writes the str s at the current position; returns len(s)."""
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        n = len(s)
        self._write(s)
        return n

    def getvalue(self):
        """All the text, whatever the current position."""
        self._check_closed()
        return self._text()

    def read(self, size=-1):
        """Up to `size` characters from the current position (all the rest when size is
negative or None); '' at the end."""
        self._check_closed()
        size = _size_argument(size)
        text = self._text()
        pos = self._pos
        if pos >= self._length:
            return ''
        end = self._length if size < 0 else min(self._length, pos + size)
        self._pos = end
        return text[pos:end]

    def _line_end(self, text, pos, limit):
        """The index just past the line starting at `pos` (before `limit`)."""
        newline = self._newline
        if newline == '':
            i = pos
            while i < limit:
                c = text[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < limit and text[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return limit
        terminator = '\n' if newline is None else newline
        found = text.find(terminator, pos, limit)
        if found < 0:
            return limit
        return min(found + len(terminator), limit)

    def readline(self, size=-1):
        """The rest of the current line, its line ending included (at most `size`
characters when size >= 0); '' at the end."""
        self._check_closed()
        size = _size_argument(size)
        text = self._text()
        pos = self._pos
        if pos >= self._length:
            return ''
        limit = self._length if size < 0 else min(self._length, pos + size)
        end = self._line_end(text, pos, limit)
        self._pos = end
        return text[pos:end]

    def readlines(self, hint=-1):
        """The remaining lines as a list, stopping once `hint` characters were read
(when hint > 0)."""
        self._ensure_open()
        hint = _size_argument(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __next__(self):
        self._check_closed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        """The current position, in characters."""
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        """Moves to `pos` (whence 0), or to the current position or the end (whence 1
or 2, only with pos 0); returns the new position."""
        self._check_closed()
        pos = _position_argument(pos)
        whence = _position_argument(whence)
        if whence not in (0, 1, 2):
            raise ValueError(f'Invalid whence ({whence}, should be 0, 1 or 2)')
        if pos < 0 and whence == 0:
            raise ValueError(f'Negative seek position {pos}')
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._length
        self._pos = pos
        return pos

    def truncate(self, pos=None):
        """Drops the text after `pos` (default: the current position), which does not
move; returns pos."""
        self._check_closed()
        if pos is None:
            pos = self._pos
        else:
            pos = _position_argument(pos)
            if pos < 0:
                raise ValueError(f'Negative size value {pos}')
        if pos < self._length:
            self._value = self._text()[:pos]
            self._length = pos
        return pos

    def close(self):
        """Frees the text; any later operation raises ValueError."""
        self._closed = True
        self._value = ''
        self._pending = []

    @property
    def closed(self):
        return self._closed

    def flush(self):
        pass                     # CPython's StringIO.flush() does not check for close()

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    @property
    def line_buffering(self):
        self._check_closed()
        return False

    @property
    def newlines(self):
        self._check_closed()
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __getstate__(self):
        self._check_closed()
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(BufferedIOBase):
    """A binary stream held in memory: write bytes-like objects, read bytes back,
getvalue() for everything. initial_bytes is the starting content."""
    __module__ = '_io'

    # As StringIO: `_value` then the `_pending` appended pieces.

    def __init__(self, initial_bytes=b''):
        self._value = bytes(_bytes_of(initial_bytes)) if initial_bytes is not None else b''
        self._pending = []
        self._length = len(self._value)
        self._pos = 0
        self._closed = False

    def __repr__(self):
        return object.__repr__(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')

    def _data(self):
        if self._pending:
            self._value += b''.join(self._pending)
            self._pending = []
        return self._value

    def getvalue(self):
        """All the bytes, whatever the current position."""
        self._check_closed()
        return self._data()

    def write(self, b):
        """Writes the bytes-like b at the current position; returns how many bytes."""
        self._check_closed()
        data = bytes(_bytes_of(b))
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        if pos == self._length:
            self._pending.append(data)
            self._length += n
            self._pos += n
            return n
        value = self._data()
        if pos > self._length:
            value += b'\0' * (pos - self._length)
        self._value = value[:pos] + data + value[pos + n:]
        self._length = len(self._value)
        self._pos = pos + n
        return n

    def read(self, size=-1):
        """Up to `size` bytes from the current position (all the rest when size is
negative or None); b'' at the end."""
        self._check_closed()
        size = _size_argument(size)
        value = self._data()
        pos = self._pos
        if pos >= self._length:
            return b''
        end = self._length if size < 0 else min(self._length, pos + size)
        self._pos = end
        return value[pos:end]

    def read1(self, size=-1):
        return self.read(size)

    def readline(self, size=-1):
        """The rest of the current line, b'\\n' included (at most `size` bytes when
size >= 0); b'' at the end."""
        self._check_closed()
        size = _size_argument(size)
        value = self._data()
        pos = self._pos
        if pos >= self._length:
            return b''
        limit = self._length if size < 0 else min(self._length, pos + size)
        found = value.find(b'\n', pos, limit)
        end = limit if found < 0 else found + 1
        self._pos = end
        return value[pos:end]

    def readlines(self, hint=-1):
        self._check_closed()
        hint = _size_argument(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def readinto(self, target):
        self._check_closed()
        data = self.read(len(target))
        for index, byte in enumerate(data):     # (pyheap's bytearray has no slice assignment)
            target[index] = byte
        return len(data)

    def __iter__(self):
        return self              # CPython's BytesIO does not check for close() here

    def __next__(self):
        self._check_closed()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check_closed()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_closed()
        pos = _position_argument(pos)
        whence = _position_argument(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError(f'negative seek value {pos}')
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._length + pos)
        else:
            raise ValueError(f'invalid whence ({whence}, should be 0, 1 or 2)')
        self._pos = pos
        return pos

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        else:
            size = _position_argument(size)
            if size < 0:
                raise ValueError(f'negative size value {size}')
        if size < self._length:
            self._value = self._data()[:size]
            self._length = size
        return size

    def close(self):
        self._closed = True
        self._value = b''
        self._pending = []

    @property
    def closed(self):
        return self._closed

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True


def _bytes_of(value):
    if isinstance(value, _BYTES_LIKE):
        return value
    raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'")


import builtins as _builtins
# What BytesIO accepts as data (pyheap has no memoryview).
_BYTES_LIKE = tuple(kind for kind in (bytes, getattr(_builtins, 'bytearray', None),
                                      getattr(_builtins, 'memoryview', None)) if kind is not None)
del _builtins


UnsupportedOperation.__module__ = 'io'
for _cls, _name in ((StringIO, '_io.StringIO'), (BytesIO, '_io.BytesIO'), (IOBase, '_io._IOBase'),
                    (RawIOBase, '_io._RawIOBase'), (BufferedIOBase, '_io._BufferedIOBase'),
                    (TextIOBase, '_io._TextIOBase')):
    _set_type_name(_cls, _name)
del _cls, _name
