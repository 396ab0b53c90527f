# sys.exit(code) still runs the atexit callbacks and keeps the exit status.
import atexit, sys
atexit.register(print, 'cleanup after sys.exit')
print('exiting with 3')
print('a note on stderr', file=sys.stderr)
sys.exit(3)
