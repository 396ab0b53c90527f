def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
c(); c()
print(c())
x = 10
def read_global():
    return x
def write_global():
    global x
    x = 20
write_global()
print(read_global())
adders = [lambda y, i=i: y + i for i in (1, 2, 3)]
print([f(10) for f in adders])
def outer():
    a = 1
    def mid():
        def inner():
            return a + 1
        return inner()
    return mid()
print(outer())
