# Dicts growing through every index width (1-byte slots up to 128, 2-byte up to 2**15,
# 4-byte beyond), with deletions leaving dummy slots at each width, and sizes as CPython's.
import sys

for count in (5, 85, 86, 170, 171, 21845, 21846, 50000):
    d = {}
    for i in range(count):
        d[i * 7919] = i
        d[f"k{i}"] = -i
    assert all(d[i * 7919] == i and d[f"k{i}"] == -i for i in range(count))
    for i in range(0, count, 3):
        del d[i * 7919]
    missing = sum(1 for i in range(count) if (i * 7919) not in d)
    d[-1] = "late"
    last = d.popitem()
    print(count, len(d), missing, last, sys.getsizeof(d), list(d)[:3], list(d.values())[-2:])

sparse = {}
for round_ in range(20):
    for i in range(300):
        sparse[(round_, i)] = i
    for i in range(300):
        del sparse[(round_, i)]
print(len(sparse), sys.getsizeof(sparse))
