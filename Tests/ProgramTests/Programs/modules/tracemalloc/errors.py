# The error messages of tracemalloc's functions and classes, as CPython words them.
import tracemalloc

def attempt(label, function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', repr(result))

attempt('start(0)', tracemalloc.start, 0)
attempt('start(-5)', tracemalloc.start, -5)
attempt('start(65536)', tracemalloc.start, 65536)
attempt('start(2**40)', tracemalloc.start, 2 ** 40)
attempt('start(1.5)', tracemalloc.start, 1.5)
attempt("start('3')", tracemalloc.start, '3')
attempt('start(1, 2)', tracemalloc.start, 1, 2)
attempt('start(nframe=2)', tracemalloc.start, nframe=2)
attempt('is_tracing after failures', tracemalloc.is_tracing)
attempt('stop(1)', tracemalloc.stop, 1)
attempt('is_tracing(1)', tracemalloc.is_tracing, 1)
attempt('clear_traces(1)', tracemalloc.clear_traces, 1)
attempt('get_traced_memory(1)', tracemalloc.get_traced_memory, 1)
attempt('get_traceback_limit(1)', tracemalloc.get_traceback_limit, 1)
attempt('reset_peak(1)', tracemalloc.reset_peak, 1)
attempt('get_tracemalloc_memory(1)', tracemalloc.get_tracemalloc_memory, 1)
attempt('get_object_traceback()', tracemalloc.get_object_traceback)
attempt('take_snapshot()', tracemalloc.take_snapshot)
attempt('start(True)', tracemalloc.start, True)
print('limit after start(True):', tracemalloc.get_traceback_limit())
tracemalloc.stop()

class Index:
    def __index__(self):
        return 3
tracemalloc.start(Index())
print('start accepts __index__:', tracemalloc.get_traceback_limit())
snapshot = tracemalloc.take_snapshot()
tracemalloc.stop()
attempt("statistics('bogus')", snapshot.statistics, 'bogus')
attempt("statistics(None)", snapshot.statistics, None)
attempt("statistics('traceback', cumulative=True)", snapshot.statistics, 'traceback', cumulative=True)
attempt("compare_to(snapshot, 'x')", snapshot.compare_to, snapshot, 'x')
attempt("compare_to(snapshot, 'traceback', True)", snapshot.compare_to, snapshot, 'traceback', True)
attempt('filter_traces(None)', snapshot.filter_traces, None)
attempt('filter_traces(5.0)', snapshot.filter_traces, 5.0)
attempt('Frame(None).filename', lambda: tracemalloc.Frame(None).filename)
attempt('Traceback(()) str', lambda: str(tracemalloc.Traceback(())))
attempt('Statistic() missing', tracemalloc.Statistic)
attempt('BaseFilter._match', tracemalloc.BaseFilter(True)._match, None)
attempt('Filter() missing', tracemalloc.Filter, True)
attempt('Frame < int', lambda: tracemalloc.Frame(('a', 1)) < 3)
attempt('Traceback >= int', lambda: tracemalloc.Traceback((('a', 1),)) >= 3)
attempt('Frame == int', lambda: tracemalloc.Frame(('a', 1)) == 3)
attempt('Statistic == 3', lambda: tracemalloc.Statistic(None, 1, 1) == 3)
