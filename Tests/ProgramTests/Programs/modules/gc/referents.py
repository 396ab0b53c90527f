# gc.get_referents and gc.get_referrers: what a container reaches and which tracked containers reach an object.
import gc
l = [1, 'x', (2,)]
print(gc.get_referents(l))
print(gc.get_referents((3, 4, 5)))
print(gc.get_referents(1), gc.get_referents('abc'), gc.get_referents(None), gc.get_referents())
print(gc.get_referents([7], (8,)))
print(sorted(gc.get_referents({'k': 'v'})))
print(sorted(gc.get_referents({5, 6})))
target = ['target']
holder_list = [target]
holder_dict = {'t': target}
holder_tuple = (target, [])
print(sorted(type(r).__name__ for r in gc.get_referrers(target)))
print('the module dict is among them:', any(r is globals() for r in gc.get_referrers(target)))
print(sorted(type(r).__name__ for r in gc.get_referrers(holder_list, holder_dict)))
print('atoms are not referrers:', gc.get_referrers(12345) == [] or all(type(r) in (dict, list, tuple) for r in gc.get_referrers(12345)))
print('result is a new list:', gc.get_referents(l) is not gc.get_referents(l))
