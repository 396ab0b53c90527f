# print(file=...) with StringIO and any object with write(); redirecting sys.stdout.
import io
import sys

buffer = io.StringIO()
print('alpha', 1, 2.5, None, [1, 'x'], file=buffer)
print('no newline', end='', file=buffer)
print(file=buffer)
print('a', 'b', 'c', sep='', file=buffer)
print(*range(5), sep=' | ', end=' <end>\n', file=buffer)
print(buffer.getvalue(), end='')
print(repr(buffer.getvalue()))

class Recorder:
    def __init__(self):
        self.calls = []
        self.flushed = 0
    def write(self, text):
        self.calls.append(text)
        return len(text)
    def flush(self):
        self.flushed += 1

r = Recorder()
print('x', 'y', file=r)
print(file=r)
print('z', sep='-', end='', file=r, flush=True)
print(r.calls, r.flushed)

class Loud:
    def __str__(self):
        return 'LOUD'
print(Loud(), file=r)
print(r.calls[-2:])

saved = sys.stdout
capture = io.StringIO()
sys.stdout = capture
print('captured line')
print('another', 42)
sys.stdout = saved
print('restored; captured:', repr(capture.getvalue()))

class NoWrite:
    pass
try:
    print('x', file=NoWrite())
except AttributeError as e:
    print('AttributeError', e)
class BadStr:
    def __str__(self):
        raise ValueError('no str')
r2 = Recorder()
try:
    print('before', BadStr(), 'after', file=r2)
except ValueError as e:
    print('ValueError', e, r2.calls)
try:
    print('x', sep=5, file=r2)
except TypeError as e:
    print('TypeError', e)
print('to stdout', file=None)

log = io.StringIO()
for i in range(3):
    log.write(f'line {i}\n')
log.seek(0)
for line in log:
    print('read back:', line.rstrip())
log.seek(0)
print(log.readlines(), log.tell(), len(log.getvalue()))
