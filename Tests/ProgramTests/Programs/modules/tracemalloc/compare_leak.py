# compare_to after a leak: the leaking line comes first, its diff counts the leaked blocks;
# freed lines show negative diffs; the order is CPython's sort key.
import tracemalloc

def base(name):
    return name.replace('\\', '/').rsplit('/', 1)[-1]

cache = []

def handle(request):
    # leaks one buffer per request into the module-level cache
    cache.append(bytes(2048))
    return len(request)

tracemalloc.start(2)
temporary = [str(i) * 50 for i in range(2000)]
before = tracemalloc.take_snapshot()
del temporary
for i in range(500):
    handle('request %d' % i)
after = tracemalloc.take_snapshot()
tracemalloc.stop()

diffs = [d for d in after.compare_to(before, 'lineno') if base(d.traceback[0].filename) == 'compare_leak.py']
first = diffs[0]
print('leaking line:', first.traceback[0].lineno)
print('leaked blocks counted:', first.count_diff >= 500, first.size_diff >= 500 * 2048)
print('new size equals the diff (nothing there before):', first.size == first.size_diff, first.count == first.count_diff)
freed = {d.traceback[0].lineno: d for d in diffs}[16]
print('the freed temporaries:', freed.size, freed.count, freed.size_diff < 0, freed.count_diff <= -2000)
text = str(freed)
print('freed line prints size=0 B and a negative diff, no average:', text.split(': ', 1)[1].startswith('size=0 B (-'), 'average' not in text)
print('sort key order holds:', all((abs(a.size_diff), a.size, abs(a.count_diff), a.count) >= (abs(b.size_diff), b.size, abs(b.count_diff), b.count)
                                   for a, b in zip(diffs, diffs[1:])))
by_file = [d for d in after.compare_to(before, 'filename') if base(d.traceback[0].filename) == 'compare_leak.py']
print('by filename:', len(by_file), by_file[0].traceback[0].lineno, by_file[0].size_diff > 0)
tb_diffs = after.compare_to(before, 'traceback')
print('traceback keys compare too:', any(base(d.traceback[0].filename) == 'compare_leak.py' and d.traceback[0].lineno == 12 for d in tb_diffs))
cumulative = [d for d in after.compare_to(before, 'lineno', cumulative=True) if base(d.traceback[0].filename) == 'compare_leak.py']
print('cumulative diff has the caller line:', sorted(d.traceback[0].lineno for d in cumulative if d.count_diff >= 500))
same = before.compare_to(before, 'filename')
print('a snapshot against itself:', all(d.size_diff == 0 and d.count_diff == 0 for d in same), all(str(d).count('(+0 B)') == 1 for d in same))
