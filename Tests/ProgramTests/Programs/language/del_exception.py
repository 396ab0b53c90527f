# An exception raised inside __del__ is reported and ignored; the program goes on.
class Bad:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        raise ValueError("from __del__")
b = Bad("one")
del b
print("after del")
def scope():
    x = Bad("two")
scope()
print("after scope")
