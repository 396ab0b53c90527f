def count(n):
    while n > 0:
        yield n
        n -= 1
print(list(count(3)))
def echo():
    received = yield "ready"
    while received:
        received = yield received * 2
g = echo()
print(next(g), g.send(5), g.send(7))
def deleg():
    r = yield from count(2)
    yield "done"
print(list(deleg()))
def sub():
    yield 1
    return "ret"
def outer():
    v = yield from sub()
    yield v
print(list(outer()))
g = count(5)
print(next(g))
g.close()
print(list(g))
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "got " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("x")))
print(sum(x * x for x in count(4)))
