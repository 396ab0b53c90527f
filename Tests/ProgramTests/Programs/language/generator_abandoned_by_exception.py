# A suspended generator released while an exception propagates is closed (its finally
# runs) and the exception goes on; an error in a __del__ run meanwhile is only reported.
def numbers():
    try:
        yield 1
        yield 2
    finally:
        print('generator closed')

def first_fails():
    for n in numbers():
        raise ValueError(f'failed at {n}')

try:
    first_fails()
except ValueError as e:
    print('caught', e)

class Failing:
    def __del__(self):
        raise RuntimeError('error in __del__')

def drops_failing():
    temp = Failing()
    raise IndexError('original')

try:
    drops_failing()
except IndexError as e:
    print('caught', repr(e))

def pairs():
    for i in range(3):
        yield i, i * i

def search():
    for a, b in pairs():
        if b == 1:
            return a
print('search', search())
gen = numbers()
next(gen)
del gen
print('end')
