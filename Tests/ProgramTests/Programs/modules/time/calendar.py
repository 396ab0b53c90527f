# gmtime, struct_time, strftime, asctime, mktime round trips (UTC, so no local zone).
import time

for secs in [0, 1, -1, 1.99, -1.5, 86399, 951782400, 1e9, 1234567890, 2 ** 31, 10 ** 10, -10 ** 10, True]:
    t = time.gmtime(secs)
    print(secs, t)
    print('  ', tuple(t), t.tm_year, t.tm_yday, t.tm_wday, t.tm_zone, t.tm_gmtoff, len(t), t[-1], t[:3])
t = time.gmtime(1e9)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%', t))
print(time.strftime('%c|%x|%X|%U|%W|%G|%V|%u|%e|%I|%M', t), time.strftime('', t), time.strftime('€%Y', t))
print(time.asctime(t), time.asctime((2000, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((2000, 1, 1, 0, 0, 0, 8, 1, 0)))
print(time.asctime((1, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((2024, 12, 31, 23, 59, 60, 1, 366, 0)))
print(time.strftime('%d %m %j', (2000, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime('%Y', (1, 1, 1, 0, 0, 0, 0, 1, 0)))
print(type(t).__name__, type(t).__module__, type(t).__qualname__, time.struct_time.n_fields,
      time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(isinstance(t, tuple), t == (2001, 9, 9, 1, 46, 40, 6, 252, 0), hash(t) == hash(tuple(t)), t.count(1), t.index(9))
s = time.struct_time((2020, 2, 29, 12, 30, 15, 5, 60, 0))
print(s, s.tm_zone, s.tm_gmtoff, s.tm_mday)
s = time.struct_time((2020, 2, 29, 12, 30, 15, 5, 60, 0, 'XYZ', 3600))
print(s.tm_zone, s.tm_gmtoff, s.__reduce__())
print(time.struct_time([1, 2, 3, 4, 5, 6, 7, 8, 9], {'tm_zone': 'Q'}).tm_zone)
y, mo, d, h, mi, sec, wd, yd, dst = time.gmtime(0)
print(y, mo, d, h, mi, sec, wd, yd, dst)
calls = [
    'time.struct_time((1, 2, 3))', 'time.struct_time((1,) * 12)', 'time.strftime("%Y", (1, 2))',
    'time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0))', 'time.strftime("%d", (2000, 1, 32, 0, 0, 0, 0, 1, 0))',
    'time.strftime("%H", (2000, 1, 1, 24, 0, 0, 0, 1, 0))', 'time.strftime("%S", (2000, 1, 1, 1, 0, 62, 0, 1, 0))',
    'time.strftime("%j", (2000, 1, 1, 1, 0, 0, 0, 367, 0))', 'time.strftime("%Y", (2000, 1, 1, 0, 0, 0, -2, 1, 0))',
    'time.strftime("%Y", (2000, 1, 1, 0, -1, 0, 0, 1, 0))', 'time.strftime("%Y", (2 ** 40, 1, 1, 0, 0, 0, 0, 1, 0))',
    'time.strftime("%Y", (2000, 1, 1, 0, 0, 0, "a", 1, 0))', 'time.strftime("%Y", (2000, 1, 1, 0, 0, 0, 1.5, 1, 0))',
    'time.strftime("%Y", [2000, 1, 1, 0, 0, 0, 1, 1, 0])', 'time.strftime(1)', 'time.strftime()',
    'time.strftime("a\\x00b", time.gmtime(0))', 'time.asctime((1,))', 'time.mktime((1, 2))', 'time.gmtime("x")',
    'time.gmtime(1e300)', 'time.gmtime(float("nan"))', 'time.gmtime(2 ** 63)', 'time.gmtime(1, 2)', 'time.ctime("x")',
    'time.gmtime(0)[9]', 'time.gmtime(0).tm_year.bit_length()',
]
for call in calls:
    try:
        print(call, '->', repr(eval(call)))
    except Exception as e:
        print(call, '!!', type(e).__name__, e)
print(time.mktime(time.gmtime(0)) - time.mktime(time.gmtime(86400)), type(time.mktime(time.localtime())).__name__)
print(time.localtime(1e9) == time.localtime(1e9), time.ctime(1e9) == time.asctime(time.localtime(1e9)))
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname), time.daylight in (0, 1))
