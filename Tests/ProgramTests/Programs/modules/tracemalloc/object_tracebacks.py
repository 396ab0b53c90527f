# get_object_traceback through Python calls, __init__ called from a class call, generators,
# comprehensions, lambdas, and the traceback limit.
import tracemalloc

def where(obj):
    tb = tracemalloc.get_object_traceback(obj)
    if tb is None:
        return None
    return [f.lineno for f in tb]

class Box:
    def __init__(self, n):
        self.payload = bytes(n)

def produce(n):
    for i in range(n):
        yield bytes(100 + i)

def level3():
    return bytearray(300)

def level2():
    return level3()

def level1():
    return level2()

tracemalloc.start(10)
box = Box(5000)
# CPython 3.11 finds no trace for instances of plain classes (their managed dict sits in
# front of the GC header, which 3.11's lookup misses).
print('instance made by the class call:', where(box))
print('payload made inside __init__:', where(box.payload))
class Slotted:
    __slots__ = ('value',)
    def __init__(self):
        self.value = 1
print('instance of a class with __slots__:', where(Slotted()))
items = list(produce(3))
print('generator items:', [where(x) for x in items])
squares = [bytes(i) for i in range(200, 203)]
print('comprehension items:', [where(x) for x in squares])
make = lambda: bytes(777)
print('lambda:', where(make()))
deep = level1()
print('three levels:', where(deep))
nested = {'k': (bytes(50),)}
print('bytes inside a tuple in a dict:', where(nested['k'][0]))
tb = tracemalloc.get_object_traceback(deep)
print('frames oldest first:', [f.lineno for f in tb], len(tb), tb.total_nframe)
print('str of a traceback is its oldest frame:', str(tb) == str(tb[0]))
tracemalloc.stop()

tracemalloc.start(2)
deep2 = level1()
print('limit 2 keeps the two innermost frames:', where(deep2))
tracemalloc.stop()

tracemalloc.start(1)
deep3 = level1()
print('limit 1:', where(deep3))
print('ints from the small-int cache have no traceback:', where(7), where(None), where(True))
print('a module-level str made now:', where('abc' * 30))
tracemalloc.stop()
