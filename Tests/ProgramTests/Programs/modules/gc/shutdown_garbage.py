# A non-empty gc.garbage at exit: the ResourceWarning is ignored by default; DEBUG_UNCOLLECTABLE prints the list.
import gc, sys
gc.garbage.append([1, 2])
gc.garbage.append('kept')
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
print('gc.garbage holds', len(gc.garbage), 'objects at exit')
sys.exit(1)
