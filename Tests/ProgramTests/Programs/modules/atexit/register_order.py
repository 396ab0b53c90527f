# atexit callbacks run after the program, last registered first, with their arguments.
import atexit

def greet(name, punctuation='.'):
    print('goodbye', name + punctuation)

print('register returns the function:', atexit.register(greet, 'first') is greet)
atexit.register(greet, 'second', punctuation='!')
atexit.register(print, 'print with', 'several', 'args', sep='-')

@atexit.register
def decorated():
    print('decorated function, registered last, runs first')

class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print('closing', self.name)

r = Resource('file')
atexit.register(r.close)
atexit.register(greet, 'twice')
atexit.register(greet, 'twice')
print('end of the program')
