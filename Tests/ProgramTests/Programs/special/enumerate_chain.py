# A million-deep chain of enumerate objects is freed without a crash (CPython segfaults).
it = iter([])
for i in range(1_000_000):
    it = enumerate(it)
del it
print("enumerate chain freed")
