# keyword: the keyword lists and the two predicates.
import keyword

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(keyword.kwlist)
print(keyword.softkwlist, len(keyword.kwlist), sorted(keyword.__all__))
print([w for w in ['if', 'match', 'case', '_', 'print', 'None', 'none', 'async', 'type', ''] if keyword.iskeyword(w)])
print([w for w in ['if', 'match', 'case', '_', 'print', 'None', 'type'] if keyword.issoftkeyword(w)])
show(lambda: keyword.iskeyword(3))
show(lambda: keyword.issoftkeyword(None))
show(lambda: keyword.iskeyword([]))
show(lambda: all(keyword.iskeyword(w) for w in keyword.kwlist))
show(lambda: any(keyword.iskeyword(w) for w in keyword.softkwlist))
import collections
show(lambda: collections.namedtuple('P', ['x', 'class']))
show(lambda: collections.namedtuple('P', ['x', 'class'], rename=True)._fields)
