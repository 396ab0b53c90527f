# gc.callbacks: a real list of callables called with ('start'|'stop', info) around each collection.
import gc
gc.disable()
gc.collect()
events = []
def first(phase, info):
    events.append(('first', phase, info['generation'], info['collected'], info['uncollectable']))
def second(phase, info):
    events.append(('second', phase, sorted(info.items())))
gc.callbacks.append(first)
gc.callbacks.append(second)
l = []; l.append(l); del l
print('collect returned', gc.collect())
for e in events:
    print(e)
events.clear()
gc.collect(0)
print('generation 0:', [e[:3] for e in events])
events.clear()
gc.callbacks.remove(second)
gc.collect(1)
print('after remove:', events)
events.clear()
infos = []
gc.callbacks.append(lambda phase, info: infos.append(info))
gc.collect()
print('start and stop get different dicts:', infos[0] is not infos[1], infos[0]['generation'], infos[1]['generation'])
gc.callbacks.clear()
def nested(phase, info):
    if phase == 'start':
        print('nested collect returns', gc.collect())
gc.callbacks.append(nested)
gc.collect()
gc.callbacks.clear()
def failing(phase, info):
    raise RuntimeError('callback failed in ' + phase)
calls = []
gc.callbacks.append(failing)
gc.callbacks.append(lambda phase, info: calls.append(phase))
print('a failing callback is reported, not raised:', gc.collect())
print('the next callback still ran:', calls)
gc.callbacks.clear()
def adds(phase, info):
    if phase == 'start':
        gc.callbacks.append(lambda p, i: calls.append('late ' + p))
calls.clear()
gc.callbacks.append(adds)
gc.collect()
print('a callback appended during start sees stop:', calls)
gc.callbacks.clear()
gc.collect()
print('no callbacks left:', gc.callbacks)
gc.enable()
