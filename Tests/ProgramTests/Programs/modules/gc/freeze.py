# gc.freeze moves every tracked object to the permanent generation; collections skip it until gc.unfreeze.
import gc
gc.disable()
gc.collect()
print('nothing frozen at start:', gc.get_freeze_count())
old = []; old.append(old); del old
gc.freeze()
print('freeze count is positive:', gc.get_freeze_count() > 0)
print('generations are empty after freeze:', [len(gc.get_objects(g)) for g in range(3)] == [0, 0, 0] or 'no')
print('frozen garbage is not collected:', gc.collect())
new = []; new.append(new); del new
print('new garbage still is:', gc.collect())
frozen = gc.get_freeze_count()
gc.freeze()
print('freezing again keeps the count:', gc.get_freeze_count() >= frozen)
gc.unfreeze()
print('after unfreeze:', gc.get_freeze_count())
print('the old garbage is found now:', gc.collect())
keep = [1]
gc.collect()
gc.freeze()
print('a frozen object is in no generation:', any(o is keep for g in range(3) for o in gc.get_objects(g)))
print('but still tracked:', gc.is_tracked(keep))
gc.unfreeze()
print('unfreeze puts it in the oldest generation:', any(o is keep for o in gc.get_objects(2)))
gc.enable()
