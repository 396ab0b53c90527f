# Automatic collection follows threshold 0; set_threshold(0) and disable() both stop it, collect() still works.
import gc
gc.collect()
gc.set_threshold(0)
print('enabled with threshold 0:', gc.isenabled())
starts = []
gc.callbacks.append(lambda phase, info: starts.append(info['generation']) if phase == 'start' else None)
junk = []
for _ in range(5000):
    l = []
    l.append(l)
del l
print('no automatic collection:', starts)
print('manual collect:', gc.collect())
starts.clear()
gc.set_threshold(100, 10, 10)
for _ in range(2000):
    l = []
    l.append(l)
del l
print('threshold 100: automatic collections happened:', len(starts) > 5)
print('mostly young ones:', starts.count(0) > starts.count(1) >= starts.count(2))
gc.disable()
starts.clear()
for _ in range(2000):
    l = []
    l.append(l)
del l
print('disabled: none:', starts)
gc.enable()
gc.callbacks.clear()
gc.set_threshold(700, 10, 10)
gc.collect()
print('restored:', gc.get_threshold(), gc.isenabled())
