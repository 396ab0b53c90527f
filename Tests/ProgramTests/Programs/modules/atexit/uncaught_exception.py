# An uncaught exception is reported first; the atexit callbacks still run, and the exit status is 1.
import atexit
atexit.register(print, 'atexit runs after the traceback')
print('about to fail')
raise KeyError('main failed')
