class A:
    x = 1
    def hello(self):
        return "A.hello"
    def __repr__(self):
        return f"A(x={self.x})"
class B(A):
    def hello(self):
        return "B>" + super().hello()
class C(A):
    def hello(self):
        return "C>" + super().hello()
class D(B, C):
    def hello(self):
        return "D>" + super().hello()
print(D().hello(), [k.__name__ for k in D.__mro__])
print(repr(A()), str(A()))
class V:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __call__(self, k): return self.x * k
    def __bool__(self): return self.x != 0
print(V(1, 2) + V(3, 4), V(1, 2) == V(1, 2), len(V(0, 0)), V(5, 6)[1], V(2, 0)(10), bool(V(0, 1)))
print(list(V(7, 8)))
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l.total(), len(l), isinstance(l, list))
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with Ctx() as c:
    raise ValueError("boom")
print("after with")
class G:
    def __getattr__(self, name): return name.upper()
print(G().hello)
class S:
    count = 0
    def __init__(self):
        S.count += 1
    @classmethod
    def make(cls): return cls()
S(); S.make()
print(S.count)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class D2:
    def __del__(self): print("del D2")
d = D2(); del d
print("end")
