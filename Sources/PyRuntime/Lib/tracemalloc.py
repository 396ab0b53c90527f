"""Trace memory blocks allocated by Python.

PyHeap's tracemalloc: the tables and the allocation hook are native (_tracemalloc, in
Sources/PyRuntime/Modules/TraceMalloc); this module holds the value classes, snapshots,
filters and statistics, with CPython 3.11's behaviour, formats and messages.
"""

from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces, _getline


_SIZE_UNITS = ('B', 'KiB', 'MiB', 'GiB', 'TiB')


def _format_size(size, sign):
    # Three significant digits at most ("10.4 KiB", "150 KiB", "1023 B"); above TiB the
    # number just grows.
    for unit in _SIZE_UNITS:
        magnitude = abs(size)
        if unit != 'B' and magnitude < 100:
            template = '%+.1f %s' if sign else '%.1f %s'
            return template % (size, unit)
        if unit == 'TiB' or magnitude < 10 * 1024:
            template = '%+.0f %s' if sign else '%.0f %s'
            return template % (size, unit)
        size /= 1024


def _average_suffix(size, count):
    if not count:
        return ''
    return ', average=' + _format_size(size / count, False)


class _SequenceMethods:
    """What collections.abc.Sequence gives: iteration, reversed(), in, index(), count()."""

    __slots__ = ()

    def __iter__(self):
        position = 0
        while True:
            try:
                item = self[position]
            except IndexError:
                return
            yield item
            position += 1

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        position = start
        while stop is None or position < stop:
            try:
                item = self[position]
            except IndexError:
                break
            if item is value or item == value:
                return position
            position += 1
        raise ValueError

    def count(self, value):
        total = 0
        for item in self:
            if item is value or item == value:
                total += 1
        return total


class Statistic:
    """
    Statistic difference on memory allocations between two Snapshot instance.
    """

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback, self.size, self.count) == (other.traceback, other.size, other.count)

    def __str__(self):
        return '%s: size=%s, count=%i%s' % (
            self.traceback, _format_size(self.size, False), self.count,
            _average_suffix(self.size, self.count))

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """
    Statistic difference on memory allocations between an old and a new
    Snapshot instance.
    """

    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def _fields(self):
        return (self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def __hash__(self):
        return hash(self._fields())

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return self._fields() == other._fields()

    def __str__(self):
        return '%s: size=%s (%s), count=%i (%+i)%s' % (
            self.traceback, _format_size(self.size, False), _format_size(self.size_diff, True),
            self.count, self.count_diff, _average_suffix(self.size, self.count))

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count, self.traceback)


def _compare_grouped_stats(old_group, new_group):
    # Every key of the new snapshot, then the keys only the old one had (now freed).
    diffs = []
    for traceback, stat in new_group.items():
        before = old_group.pop(traceback, None)
        old_size = before.size if before is not None else 0
        old_count = before.count if before is not None else 0
        diffs.append(StatisticDiff(traceback, stat.size, stat.size - old_size,
                                   stat.count, stat.count - old_count))
    for traceback, stat in old_group.items():
        diffs.append(StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return diffs


class Frame:
    """
    Frame of a traceback.
    """

    __slots__ = ('_frame',)

    def __init__(self, frame):
        # A (filename, lineno) tuple.
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    # The orderings functools.total_ordering derives from __lt__ and __eq__.
    def __le__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return less or self == other

    def __gt__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return not less and self != other

    def __ge__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return not less

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return '%s:%s' % (self._frame[0], self._frame[1])

    def __repr__(self):
        return '<Frame filename=%r lineno=%r>' % (self._frame[0], self._frame[1])


class Traceback(_SequenceMethods):
    """
    Sequence of Frame instances sorted from the oldest frame
    to the most recent frame.
    """

    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # _tracemalloc gives the most recent frame first; the API is oldest first.
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(frame) for frame in self._frames[index]])
        return Frame(self._frames[index])

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return less or self == other

    def __gt__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return not less and self != other

    def __ge__(self, other):
        less = self.__lt__(other)
        if less is NotImplemented:
            return NotImplemented
        return not less

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = '<Traceback %s' % (tuple(self),)
        if self._total_nframe is not None:
            text += ' total_nframe=%s' % (self._total_nframe,)
        return text + '>'

    def format(self, limit=None, most_recent_first=False):
        if limit is None:
            frames = self
        elif limit > 0:
            frames = self[-limit:]
        else:
            frames = self[:limit]
        if most_recent_first:
            frames = reversed(frames)
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            source = _getline(frame.filename, frame.lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    """
    Get the traceback where the Python object *obj* was allocated.
    Return a Traceback instance.

    Return None if the tracemalloc module is not tracing memory allocations or
    did not trace the allocation of the object.
    """
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """
    Trace of a memory block.
    """

    __slots__ = ('_trace',)

    def __init__(self, trace):
        # (domain, size, traceback frames, total_nframe)
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return '%s: %s' % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return '<Trace domain=%s size=%s, traceback=%r>' % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces(_SequenceMethods):
    def __init__(self, traces):
        # A sequence of raw trace tuples (see Trace).
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(trace) for trace in self._traces[index]])
        return Trace(self._traces[index])

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return '<Traces len=%s>' % len(self)


def _normalize_filename(filename):
    # os.path.normcase is the identity on POSIX; compiled files count as their source.
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


def _class_end(pattern, start):
    # The index of the ']' closing the class opened just before start, or -1.
    position = start
    if position < len(pattern) and pattern[position] == '!':
        position += 1
    if position < len(pattern) and pattern[position] == ']':
        position += 1
    return pattern.find(']', position)


def _class_matches(body, char):
    # body: the text between '[' and ']'. Ranges whose ends are reversed match nothing.
    negate = body.startswith('!')
    if negate:
        body = body[1:]
    found = False
    position = 0
    while position < len(body):
        low = body[position]
        if position + 2 < len(body) and body[position + 1] == '-':
            high = body[position + 2]
            if low <= char <= high:
                found = True
            position += 3
        else:
            if char == low:
                found = True
            position += 1
    return found != negate


def _glob_match(name, pattern):
    # fnmatch.fnmatchcase: '*' any run (slashes too), '?' one character, '[...]' and
    # '[!...]' classes, an unclosed '[' is literal; the whole name must match.
    name_at = 0
    pattern_at = 0
    star_pattern = -1
    star_name = 0
    while name_at < len(name):
        if pattern_at < len(pattern):
            symbol = pattern[pattern_at]
            if symbol == '*':
                star_pattern = pattern_at
                star_name = name_at
                pattern_at += 1
                continue
            if symbol == '?':
                name_at += 1
                pattern_at += 1
                continue
            if symbol == '[':
                end = _class_end(pattern, pattern_at + 1)
                if end >= 0:
                    if _class_matches(pattern[pattern_at + 1:end], name[name_at]):
                        name_at += 1
                        pattern_at = end + 1
                        continue
                elif name[name_at] == '[':
                    name_at += 1
                    pattern_at += 1
                    continue
            elif symbol == name[name_at]:
                name_at += 1
                pattern_at += 1
                continue
        if star_pattern < 0:
            return False
        star_name += 1
        name_at = star_name
        pattern_at = star_pattern + 1
    while pattern_at < len(pattern) and pattern[pattern_at] == '*':
        pattern_at += 1
    return pattern_at == len(pattern)


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self.inclusive = inclusive
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        if not _glob_match(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if not self.all_frames:
            filename, lineno = traceback[0]
            return self._match_frame(filename, lineno)
        for filename, lineno in traceback:
            if self._match_frame_impl(filename, lineno):
                return self.inclusive
        return not self.inclusive

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        matched = self._match_traceback(traceback)
        if self.domain is None:
            return matched
        if self.inclusive:
            return matched and domain == self.domain
        return matched or domain != self.domain


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        return (domain == self.domain) ^ (not self.inclusive)


_SNAPSHOT_MAGIC = 'PyHeap tracemalloc snapshot 1'


def _write_snapshot(snapshot, file):
    # A text format of our own (CPython pickles; PyHeap has no pickle): the limit, the
    # file names once each (length-prefixed), then one line per trace.
    names = {}
    name_list = []
    rows = []
    for domain, size, frames, total in snapshot.traces._traces:
        cells = [str(domain), str(size), '-' if total is None else str(total), str(len(frames))]
        for filename, lineno in frames:
            index = names.get(filename)
            if index is None:
                index = names[filename] = len(name_list)
                name_list.append(filename)
            cells.append(str(index))
            cells.append(str(lineno))
        rows.append(' '.join(cells))
    file.write('%s\n%s\n%d\n' % (_SNAPSHOT_MAGIC, snapshot.traceback_limit, len(name_list)))
    for name in name_list:
        file.write('%d %s\n' % (len(name), name))
    file.write('%d\n' % len(rows))
    for row in rows:
        file.write(row + '\n')


def _read_snapshot(text):
    position = 0

    def read_line():
        nonlocal position
        end = text.find('\n', position)
        if end < 0:
            raise ValueError('truncated tracemalloc snapshot')
        line = text[position:end]
        position = end + 1
        return line

    if read_line() != _SNAPSHOT_MAGIC:
        raise ValueError('not a tracemalloc snapshot written by PyHeap')
    limit = int(read_line())
    names = []
    for _ in range(int(read_line())):
        space = text.index(' ', position)
        length = int(text[position:space])
        names.append(text[space + 1:space + 1 + length])
        position = space + 1 + length + 1
    traces = []
    for _ in range(int(read_line())):
        cells = read_line().split(' ')
        total = None if cells[2] == '-' else int(cells[2])
        frames = []
        for frame in range(int(cells[3])):
            frames.append((names[int(cells[4 + 2 * frame])], int(cells[5 + 2 * frame])))
        traces.append((int(cells[0]), int(cells[1]), tuple(frames), total))
    return Snapshot(traces, limit)


class Snapshot:
    """
    Snapshot of traces of memory blocks allocated by Python.
    """

    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """
        Write the snapshot into a file.
        """
        with open(filename, 'w') as file:
            _write_snapshot(self, file)

    @staticmethod
    def load(filename):
        """
        Load a snapshot from a file.
        """
        with open(filename) as file:
            return _read_snapshot(file.read())

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            if not any(trace_filter._match(trace) for trace_filter in include_filters):
                return False
        for trace_filter in exclude_filters:
            if not trace_filter._match(trace):
                return False
        return True

    def filter_traces(self, filters):
        """
        Create a new Snapshot instance with a filtered traces sequence, filters
        is a list of Filter or DomainFilter instances.  If filters is an empty
        list, return a new Snapshot instance with a copy of the traces.
        """
        if getattr(type(filters), '__iter__', None) is None:
            raise TypeError('filters must be a list of filters, not %s' % type(filters).__name__)
        if not filters:
            return Snapshot(list(self.traces._traces), self.traceback_limit)
        include_filters = [f for f in filters if f.inclusive]
        exclude_filters = [f for f in filters if not f.inclusive]
        kept = [trace for trace in self.traces._traces
                if self._filter_trace(include_filters, exclude_filters, trace)]
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError('unknown key_type: %r' % (key_type,))
        if cumulative and key_type == 'traceback':
            raise ValueError('cumulative mode cannot by used with key type %r' % key_type)
        stats = {}
        keys = {}

        def add(raw_key, frames, size):
            traceback = keys.get(raw_key)
            if traceback is None:
                traceback = keys[raw_key] = Traceback(frames)
            stat = stats.get(traceback)
            if stat is None:
                stats[traceback] = Statistic(traceback, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for domain, size, frames, total_nframe in self.traces._traces:
            if cumulative:
                # Every frame of the traceback counts the block (a file that appears twice
                # counts it twice, as in CPython).
                for frame in frames:
                    if key_type == 'lineno':
                        add(frame, (frame,), size)
                    else:
                        add(frame, ((frame[0], 0),), size)
            elif key_type == 'traceback':
                add(frames, frames, size)
            elif key_type == 'lineno':
                add(frames, frames[:1], size)
            else:
                add(frames, ((frames[0][0], 0),), size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """
        Group statistics by key_type. Return a sorted list of Statistic
        instances.
        """
        result = list(self._group_by(key_type, cumulative).values())
        result.sort(reverse=True, key=Statistic._sort_key)
        return result

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """
        Compute the differences with an old snapshot old_snapshot. Get
        statistics as a sorted list of StatisticDiff instances, grouped by
        group_by.
        """
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        result = _compare_grouped_stats(old_group, new_group)
        result.sort(reverse=True, key=StatisticDiff._sort_key)
        return result


def take_snapshot():
    """
    Take a snapshot of traces of memory blocks allocated by Python.
    """
    if not is_tracing():
        raise RuntimeError('the tracemalloc module must be tracing memory '
                           'allocations to take a snapshot')
    return Snapshot(_get_traces(), get_traceback_limit())
