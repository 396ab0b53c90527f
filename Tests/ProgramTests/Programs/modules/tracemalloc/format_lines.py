# Traceback.format(): the 'File' line and the stripped source line of each frame, the
# limit argument (positive: innermost frames; otherwise a slice from the outer end, as
# CPython 3.11 does), most_recent_first, and frames whose source cannot be found.
import tracemalloc

def short(lines):
    return [line.replace(__file__, 'HERE') for line in lines]

def leaf():
    return bytearray(4096)

def middle():
    value = leaf()
    return value

def top():
    return middle()

tracemalloc.start(8)
block = top()
tb = tracemalloc.get_object_traceback(block)
tracemalloc.stop()
print(len(tb), tb.total_nframe, [f.lineno for f in tb])
for line in short(tb.format()):
    print(line)
print(short(tb.format(most_recent_first=True)))
for limit in (None, 0, 1, 2, 3, 4, 10, -1, -2, -3, -4, True):
    print(limit, short(tb.format(limit=limit)))
print(short(tb.format(2, True)))
try:
    tb.format(1.5)
except TypeError as e:
    print('TypeError', e)
made = tracemalloc.Traceback(((__file__, 14), ('/no/such/file.py', 3), (__file__, 9999), ('<string>', 1)))
print(short(made.format()))
print(tracemalloc.Traceback(()).format(), tracemalloc.Traceback(()).format(3, True))
