# gc.garbage: with DEBUG_SAVEALL every unreachable container is kept there instead of being freed.
import gc
gc.disable()
gc.collect()
print('empty at start:', gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
a = ['a']; b = ['b', a]; a.append(b)
d = {'name': 'd'}; d['self'] = d
del a, b, d
print('collected:', gc.collect())
print('saved:', sorted(type(o).__name__ for o in gc.garbage))
print('saved lists:', sorted(o[0] for o in gc.garbage if type(o) is list))
print('still usable:', [o for o in gc.garbage if type(o) is dict][0]['self']['name'])
print('collecting again finds nothing new:', gc.collect(), len(gc.garbage))
saved = gc.garbage
gc.set_debug(0)
gc.garbage.clear()
print('the same list object:', saved is gc.garbage)
print('after clear the cycles are garbage again:', gc.collect())
print('and gc.garbage stays empty:', gc.garbage)
gc.garbage.append('user data')
print('user data in gc.garbage is kept:', gc.garbage)
gc.collect()
print('untouched by a collection:', gc.garbage)
del gc.garbage[:]
gc.set_debug(gc.DEBUG_SAVEALL)
x = []; x.append(x); del x
gc.collect(0)
print('young collection saves too:', len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
gc.enable()
