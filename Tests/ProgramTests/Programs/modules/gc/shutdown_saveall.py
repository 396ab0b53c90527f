# With DEBUG_SAVEALL nothing is reported at exit, even though gc.garbage is not empty.
import gc
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print('collected:', gc.collect(), '- saved:', len(gc.garbage))
