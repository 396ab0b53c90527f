# sys.exit(code) still runs the atexit callbacks and keeps the exit status.
import atexit, sys
atexit.register(print, 'cleanup after sys.exit')
print('exiting with 3')
sys.exit(3)
