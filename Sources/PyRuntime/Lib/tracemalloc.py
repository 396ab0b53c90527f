"""Trace memory blocks allocated by Python.

In PyHeap the allocation hook and the trace tables live in the native module
_tracemalloc (Sources/PyRuntime/Modules/TraceMalloc).  Everything built on top of
its raw tuples is here: the value classes (Frame, Traceback, Trace, Statistic,
StatisticDiff), the filters, and Snapshot with its grouping and comparison.

A raw trace, as _tracemalloc hands it out, is the tuple
    (domain, size, frames, total_nframe)
where frames is a tuple of (filename, lineno) pairs, the innermost call first.
"""

from _collections_abc import Iterable as _Iterable, Sequence as _Sequence
from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces, _getline


# --- sizes as text -----------------------------------------------------------

_UNIT_NAMES = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    """Render a byte count the way tracemalloc's reports do ('10.4 KiB').

    Sizes are divided by 1024 until they drop under 10 KiB worth of the current
    unit; a value under 100 in a unit larger than bytes keeps one decimal."""
    value = size
    biggest = len(_UNIT_NAMES) - 1
    for rank, unit in enumerate(_UNIT_NAMES):
        magnitude = abs(value)
        if rank > 0 and magnitude < 100:
            digits = '%+.1f' if sign else '%.1f'
            return (digits % value) + ' ' + unit
        if magnitude < 10 * 1024 or rank == biggest:
            digits = '%+.0f' if sign else '%.0f'
            return (digits % value) + ' ' + unit
        value = value / 1024


def _ordered_by(slot):
    """Class decorator: equality, hashing and the four orderings all compare the
    tuple kept in `slot`, and only against instances of the same class."""

    def decorate(cls):
        def same_kind(other):
            return isinstance(other, cls)

        def __eq__(self, other):
            if not same_kind(other):
                return NotImplemented
            return getattr(self, slot) == getattr(other, slot)

        def __lt__(self, other):
            if not same_kind(other):
                return NotImplemented
            return getattr(self, slot) < getattr(other, slot)

        def __le__(self, other):
            if not same_kind(other):
                return NotImplemented
            return getattr(self, slot) <= getattr(other, slot)

        def __gt__(self, other):
            if not same_kind(other):
                return NotImplemented
            return getattr(self, slot) > getattr(other, slot)

        def __ge__(self, other):
            if not same_kind(other):
                return NotImplemented
            return getattr(self, slot) >= getattr(other, slot)

        def __hash__(self):
            return hash(getattr(self, slot))

        for method in (__eq__, __lt__, __le__, __gt__, __ge__, __hash__):
            method.__qualname__ = cls.__qualname__ + '.' + method.__name__
            setattr(cls, method.__name__, method)
        return cls

    return decorate


# --- frames and tracebacks ---------------------------------------------------

@_ordered_by('_frame')
class Frame:
    """One (filename, lineno) position of a traceback."""

    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __str__(self):
        return '%s:%s' % (self.filename, self.lineno)

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self.filename, self.lineno)


@_ordered_by('_frames')
class Traceback(_Sequence):
    """The Frame objects of one allocation, from the outermost call to the
    innermost one (the reverse of the order _tracemalloc stores them in)."""

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        picked = self._frames[index]
        if isinstance(index, slice):
            return tuple([Frame(pair) for pair in picked])
        return Frame(picked)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = '<Traceback %r' % (tuple(self),)
        if self._total_nframe is not None:
            text += ' total_nframe=%s' % (self._total_nframe,)
        return text + '>'

    def format(self, limit=None, most_recent_first=False):
        chosen = self[:]
        if limit is not None:
            # A positive limit keeps that many innermost frames; any other value
            # slices from the outer end, as CPython 3.11 does.
            chosen = self[-limit:] if limit > 0 else self[:limit]
        if most_recent_first:
            chosen = chosen[::-1]
        lines = []
        for frame in chosen:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    ' + source)
        return lines


def get_object_traceback(obj):
    """
    Return the Traceback of the place where obj was allocated, or None when
    tracemalloc is not tracing or never saw that allocation.
    """
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


# --- traces --------------------------------------------------------------------

class Trace:
    """One traced memory block: its domain, its size and its Traceback."""

    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        # total_nframe is optional in hand-made traces
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if isinstance(other, Trace):
            return self._trace == other._trace
        return NotImplemented

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces(_Sequence):
    """Read-only view of a snapshot's raw traces as Trace objects."""

    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(raw) for raw in self._traces[index]])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if isinstance(other, _Traces):
            return self._traces == other._traces
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        return '<Traces len=%s>' % len(self)


# --- statistics ------------------------------------------------------------------

class Statistic:
    """Size and number of the memory blocks allocated at one Traceback."""

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback, self.size, self.count = traceback, size, count

    def __eq__(self, other):
        if isinstance(other, Statistic):
            return ((self.traceback, self.size, self.count)
                    == (other.traceback, other.size, other.count))
        return NotImplemented

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __str__(self):
        text = '%s: size=%s, count=%i' % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (
            self.traceback, self.size, self.count)


class StatisticDiff:
    """How the blocks allocated at one Traceback changed between an older and a
    newer Snapshot."""

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback, self.size, self.count = traceback, size, count
        self.size_diff, self.count_diff = size_diff, count_diff

    def _values(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __eq__(self, other):
        if isinstance(other, StatisticDiff):
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self):
        return hash(self._values())

    def __str__(self):
        text = '%s: size=%s (%s), count=%i (%+i)' % (
            self.traceback,
            _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff)
        if self.count:
            text += ', average=%s' % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)


def _biggest_first(stat):
    return (stat.size, stat.count, stat.traceback)


def _biggest_change_first(diff):
    return (abs(diff.size_diff), diff.size, abs(diff.count_diff), diff.count, diff.traceback)


# --- filters ---------------------------------------------------------------------

def _source_path(name):
    # os.path.normcase on POSIX (a path-like object becomes its str or bytes), and a
    # compiled module's name stands for its source.
    if not isinstance(name, (str, bytes)):
        fspath = getattr(type(name), '__fspath__', None)
        if fspath is None:
            raise TypeError('expected str, bytes or os.PathLike object, not %s'
                            % type(name).__name__)
        name = fspath(name)
    if name.endswith('.pyc'):
        name = name[:-1]
    return name


class _Glob:
    """A shell-style pattern (fnmatch.fnmatchcase's language) made ready to match.

    '*' matches any run of characters (slashes too), '?' any one character,
    '[...]' one character of a set and '[!...]' one character outside it; a '['
    without its ']' is an ordinary character.  Results are remembered per name,
    since a snapshot repeats the same few file names many times."""

    _STAR = object()
    _ANY = object()

    def __init__(self, pattern):
        self.steps = self._compile(pattern)
        self.plain = None
        if all(type(step) is str for step in self.steps):
            self.plain = ''.join(self.steps)
        self.seen = {}

    def _compile(self, pattern):
        steps = []
        size = len(pattern)
        at = 0
        while at < size:
            char = pattern[at]
            at += 1
            if char == '*':
                if not steps or steps[-1] is not self._STAR:
                    steps.append(self._STAR)
            elif char == '?':
                steps.append(self._ANY)
            elif char == '[':
                close = self._bracket_end(pattern, at)
                if close < 0:
                    steps.append('[')
                else:
                    steps.append(self._char_set(pattern[at:close]))
                    at = close + 1
            else:
                steps.append(char)
        return steps

    @staticmethod
    def _bracket_end(pattern, at):
        # A '!' right after '[' negates; a ']' first in the set is a member.
        if pattern.startswith('!', at):
            at += 1
        if pattern.startswith(']', at):
            at += 1
        return pattern.find(']', at)

    @staticmethod
    def _char_set(body):
        # What fnmatch makes of the text between '[' and ']', found by probing it:
        #  * The body is cut at the hyphens that join two characters into a range.
        #    The first cut is looked for from the second character on (the third
        #    after a leading '!'); after a cut the character following the range's
        #    high end is never a cut, and a hyphen at the very end is a member.
        #  * From the right, a range whose low end is above its high end is removed
        #    together with both of its ends, gluing its neighbours together.
        #  * Only then does a leading '!' negate the set; when it was the low end
        #    of the first range, that range's hyphen becomes a plain member.
        #  * Nothing left: the set matches no character ('!' alone: any character).
        pieces = []
        cut_from = 2 if body.startswith('!') else 1
        piece_start = 0
        while True:
            dash = body.find('-', cut_from)
            if dash < 0:
                break
            pieces.append(body[piece_start:dash])
            piece_start = dash + 1
            cut_from = dash + 3
        rest = body[piece_start:]
        if rest:
            pieces.append(rest)
        else:
            pieces[-1] = pieces[-1] + '-'
        index = len(pieces) - 1
        while index > 0:
            low_side = pieces[index - 1]
            high_side = pieces[index]
            if low_side[-1] > high_side[0]:
                pieces[index - 1] = low_side[:-1] + high_side[1:]
                del pieces[index]
            index -= 1
        # Lay the pieces out as characters, with None where a range hyphen sits.
        items = []
        for number, piece in enumerate(pieces):
            if number:
                items.append(None)
            items.extend(piece)
        negated = bool(items) and items[0] == '!'
        if negated:
            del items[0]
        singles = set()
        ranges = []
        at = 0
        while at < len(items):
            item = items[at]
            if item is None:
                singles.add('-')
                at += 1
            elif at + 2 < len(items) and items[at + 1] is None:
                ranges.append((item, items[at + 2]))
                at += 3
            else:
                singles.add(item)
                at += 1
        return (negated, frozenset(singles), tuple(ranges))

    @staticmethod
    def _in_set(spec, char):
        negated, singles, ranges = spec
        found = char in singles
        if not found:
            for low, high in ranges:
                if low <= char <= high:
                    found = True
                    break
        return found != negated

    def _step_takes(self, step, char):
        if type(step) is str:
            return step == char
        if step is self._ANY:
            return True
        return self._in_set(step, char)

    def _search(self, name):
        steps = self.steps
        star = self._STAR
        count = len(steps)
        size = len(name)
        at = 0
        step = 0
        resume_step = -1
        resume_at = 0
        while at < size:
            if step < count:
                current = steps[step]
                if current is star:
                    resume_step = step
                    resume_at = at
                    step += 1
                    continue
                if self._step_takes(current, name[at]):
                    at += 1
                    step += 1
                    continue
            if resume_step < 0:
                return False
            # let the last '*' swallow one more character and try again
            resume_at += 1
            at = resume_at
            step = resume_step + 1
        while step < count and steps[step] is star:
            step += 1
        return step == count

    def matches(self, name):
        if self.plain is not None:
            return name == self.plain
        known = self.seen.get(name)
        if known is None:
            known = self._search(name)
            if len(self.seen) < 4096:
                self.seen[name] = known
        return known


_globs = {}


def _glob_for(pattern):
    glob = _globs.get(pattern)
    if glob is None:
        if len(_globs) >= 256:
            _globs.clear()
        glob = _globs[pattern] = _Glob(pattern)
    return glob


class BaseFilter:
    """Common base of Filter and DomainFilter.  A subclass decides, in
    _match(trace), whether a raw trace passes it."""

    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    """Keep (inclusive) or drop (not inclusive) the traces allocated in files
    whose name matches filename_pattern, optionally only at line lineno and only
    in address space domain.  With all_frames every frame of a traceback is
    looked at, otherwise only the innermost one."""

    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _source_path(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match(self, trace):
        domain, size, frames, total_nframe = trace
        glob = _glob_for(self._filename_pattern)
        wanted_line = self.lineno
        if self.all_frames:
            candidates = frames
        else:
            candidates = (frames[0],)
        hit = False
        for filename, lineno in candidates:
            if wanted_line is not None and lineno != wanted_line:
                continue
            if glob.matches(_source_path(filename)):
                hit = True
                break
        if hit and self.domain is not None:
            hit = domain == self.domain
        return hit if self.inclusive else not hit


class DomainFilter(BaseFilter):
    """Keep (inclusive) or drop (not inclusive) the traces of one address space."""

    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, frames, total_nframe = trace
        same = domain == self._domain
        return same if self.inclusive else not same


# --- snapshots -------------------------------------------------------------------

# Snapshot.dump writes JSON (CPython pickles the snapshot; PyHeap has no pickle).
# File names are stored once and referred to by their index in "filenames"; a
# trace is [domain, size, total_nframe, [name index, lineno, name index, ...]].
_DUMP_FORMAT = 'pyheap tracemalloc snapshot'
_DUMP_VERSION = 1


def _check_key_type(key_type, cumulative):
    if key_type not in ('traceback', 'filename', 'lineno'):
        raise ValueError('unknown key_type: %r' % (key_type,))
    if cumulative and key_type == 'traceback':
        raise ValueError('cumulative mode cannot by used with key type %r' % (key_type,))


class Snapshot:
    """The traces of the memory blocks that were allocated when it was taken."""

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """Save the snapshot to the file filename (Snapshot.load reads it back)."""
        import json
        index_of = {}
        rows = []
        for domain, size, frames, total_nframe in self.traces._traces:
            flat = []
            for name, lineno in frames:
                position = index_of.get(name)
                if position is None:
                    position = index_of[name] = len(index_of)
                flat.append(position)
                flat.append(lineno)
            rows.append([domain, size, total_nframe, flat])
        document = {
            'format': _DUMP_FORMAT,
            'version': _DUMP_VERSION,
            'traceback_limit': self.traceback_limit,
            'filenames': list(index_of),
            'traces': rows,
        }
        text = json.dumps(document, separators=(',', ':'))
        with open(filename, 'w') as stream:
            stream.write(text)
            stream.write('\n')

    @staticmethod
    def load(filename):
        """Read a snapshot saved by Snapshot.dump."""
        import json
        with open(filename) as stream:
            document = json.loads(stream.read())
        if (not isinstance(document, dict) or document.get('format') != _DUMP_FORMAT
                or document.get('version') != _DUMP_VERSION):
            raise ValueError('%r does not hold a snapshot saved by Snapshot.dump()'
                             % (filename,))
        names = document['filenames']
        traces = []
        for domain, size, total_nframe, flat in document['traces']:
            frames = []
            for slot in range(0, len(flat), 2):
                frames.append((names[flat[slot]], flat[slot + 1]))
            traces.append((domain, size, tuple(frames), total_nframe))
        return Snapshot(traces, document['traceback_limit'])

    def filter_traces(self, filters):
        """
        Return a new Snapshot holding only the traces that pass filters, a list of
        Filter and DomainFilter objects: a trace must pass at least one inclusive
        filter (when there are any) and every exclusive one.  With no filters the
        new snapshot gets a copy of all the traces.
        """
        if not isinstance(filters, _Iterable):
            raise TypeError('filters must be a list of filters, not %s'
                            % type(filters).__name__)
        if not filters:
            return Snapshot(self.traces._traces.copy(), self.traceback_limit)
        wanted = []
        unwanted = []
        for each in filters:
            if each.inclusive:
                wanted.append(each)
            else:
                unwanted.append(each)
        kept = []
        for trace in self.traces._traces:
            if wanted:
                for each in wanted:
                    if each._match(trace):
                        break
                else:
                    continue
            for each in unwanted:
                if not each._match(trace):
                    break
            else:
                kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _totals(self, key_type, cumulative):
        # {frames of the key: [size, count]} for one way of grouping the traces
        _check_key_type(key_type, cumulative)
        totals = {}

        def add(key, size):
            entry = totals.get(key)
            if entry is None:
                totals[key] = [size, 1]
            else:
                entry[0] += size
                entry[1] += 1

        for domain, size, frames, total_nframe in self.traces._traces:
            if key_type == 'traceback':
                add(frames, size)
            elif not cumulative:
                if key_type == 'lineno':
                    add(frames[:1], size)
                else:
                    add(((frames[0][0], 0),), size)
            else:
                for frame in frames:
                    if key_type == 'lineno':
                        add((frame,), size)
                    else:
                        add(((frame[0], 0),), size)
        return totals

    def statistics(self, key_type, cumulative=False):
        """
        Group the traces by key_type ('filename', 'lineno' or 'traceback') and
        return Statistic objects, the biggest first.  cumulative counts every frame
        of a traceback instead of only the innermost one.
        """
        found = [Statistic(Traceback(key), size, count)
                 for key, (size, count) in self._totals(key_type, cumulative).items()]
        found.sort(key=_biggest_first, reverse=True)
        return found

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """
        Group both snapshots by key_type like statistics() does and return
        StatisticDiff objects for the groups, the biggest change first.
        """
        now = self._totals(key_type, cumulative)
        before = old_snapshot._totals(key_type, cumulative)
        changes = []
        for key, (size, count) in now.items():
            old = before.pop(key, None)
            if old is None:
                old_size = old_count = 0
            else:
                old_size, old_count = old
            changes.append(StatisticDiff(Traceback(key), size, size - old_size,
                                         count, count - old_count))
        for key, (size, count) in before.items():
            changes.append(StatisticDiff(Traceback(key), 0, -size, 0, -count))
        changes.sort(key=_biggest_change_first, reverse=True)
        return changes


def take_snapshot():
    """
    Return a Snapshot of the traces of the memory blocks allocated so far.
    """
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory '
                           'allocations to take a snapshot')
    return Snapshot(_get_traces(), get_traceback_limit())
