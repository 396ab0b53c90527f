# Class keywords other than metaclass reach the parent's __init_subclass__, through
# class statements, type() and metaclasses; object's rejects them with CPython's message.
class Base:
    def __init_subclass__(cls, /, flavor=None, **kw):
        super().__init_subclass__(**kw)
        cls.flavor = flavor
class Child(Base, flavor="mint"):
    pass
print(Child.flavor, Base.__dict__.get("flavor"))
class Plain(Base):
    pass
print(Plain.flavor)
for make in (lambda: type("T", (), {}, flavor=1), lambda: type("U", (Base,), {}, flavor=2, extra=3)):
    try:
        print(make().flavor)
    except TypeError as error:
        print(type(error).__name__, error)
try:
    class A(flavor=1):
        pass
except TypeError as error:
    print(type(error).__name__, error)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("meta new", sorted(kw))
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        print("meta init", sorted(kw))
        super().__init__(name, bases, ns)
class Tagged(Base, metaclass=Meta, flavor="lime"):
    pass
print(Tagged.flavor, type(Tagged).__name__)
print(type("V", (Base,), {}, flavor="x").flavor)
