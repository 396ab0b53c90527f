# atexit._run_exitfuncs runs and forgets the callbacks now; _clear forgets them without running.
import atexit

def make(label):
    def callback():
        print('callback', label)
    return callback

atexit.register(make('one'))
atexit.register(make('two'))
print('running now:')
atexit._run_exitfuncs()
print('running again does nothing:')
atexit._run_exitfuncs()
atexit.register(make('cleared'))
atexit._clear()
atexit._run_exitfuncs()
print('nothing ran after _clear')
def registers_more():
    print('registering during the run')
    atexit.register(make('registered while running (not run)'))
atexit.register(registers_more)
atexit._run_exitfuncs()
print('the late one is gone too:')
atexit._run_exitfuncs()
atexit.register(make('at exit'))
print('end of the program')
