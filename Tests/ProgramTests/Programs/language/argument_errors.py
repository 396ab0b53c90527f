# Wrong argument counts and operand types give CPython's TypeError messages.
def f(a, b, c=3, *, d, e=5): pass
def g(x, /, y): pass
class C:
    def m(self, x): pass
tests = [
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=1, z=2),
    lambda: f(1, 2, a=1, d=4),
    lambda: g(x=1, y=2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: len(1, 2),
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: 1 < "a",
    lambda: -"x",
    lambda: ~1.5,
    lambda: None(),
    lambda: 5[0],
    lambda: len(5),
    lambda: {}[[1]],
    lambda: object().x,
    lambda: (lambda: 0)(1),
    lambda: int.bit_length(),
    lambda: "abc" * "d",
    lambda: divmod(1, "a"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
