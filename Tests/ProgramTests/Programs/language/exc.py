def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        print("caught", e)
        return -1
    else:
        print("else")
    finally:
        print("finally", n)
print(f(0), f(2))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as k:
    print(repr(k), type(k.__cause__).__name__, k.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("t")
except TypeError as t:
    print(repr(t.__context__))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(42)
except Exception as e:
    print(e, e.code, e.args, isinstance(e, MyErr))
def gen_err():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen_err()
print(next(g))
del g
print("after del")
for i in (1, 2):
    try:
        continue
    finally:
        print("cont", i)
def ret_in_finally():
    try:
        return "try"
    finally:
        print("fin")
print(ret_in_finally())
try:
    raise
except RuntimeError as e:
    print("RE", e)
e = 5
try:
    pass
except Exception as e:
    pass
print(e)
try:
    raise ValueError
except ValueError as e2:
    pass
try:
    print(e2)
except NameError as n:
    print(n)
