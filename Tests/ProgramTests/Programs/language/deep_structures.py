# A million-deep nested list and dict chain, built and freed without a crash.
nested = []
for i in range(1_000_000):
    nested = [nested]
del nested
print("nested list freed")
chain = {}
for i in range(100_000):
    chain = {"next": chain}
chain = None
print("dict chain freed")
t = ()
for i in range(100_000):
    t = (t,)
del t
print("tuple chain freed")
