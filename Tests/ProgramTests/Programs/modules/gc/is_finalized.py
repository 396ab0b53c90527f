# gc.is_finalized reports whether an object's __del__ has run (PEP 442 runs it once).
import gc
gc.disable()
gc.collect()
log = []
class Lazarus:
    def __del__(self):
        log.append('del')
        saved.append(self)
saved = []
obj = Lazarus()
print('new object:', gc.is_finalized(obj))
del obj
print('resurrected, finalized:', gc.is_finalized(saved[0]), log)
obj = saved.pop()
del obj
print('dying again does not call __del__ again:', log)
print('atoms and lists:', gc.is_finalized(1), gc.is_finalized([]))
cyc = Lazarus()
box = [cyc]
cyc.box = box
del cyc, box
gc.collect()
print('cycle resurrected by the collector:', len(saved), gc.is_finalized(saved[0]), log)
saved[0].box.clear()
saved.clear()
print('and then freed without a second __del__:', log)
gc.enable()
