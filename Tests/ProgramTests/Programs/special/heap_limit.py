# Under -X heaplimit, running out of heap raises MemoryError and the program goes on.
chunks = []
try:
    while True:
        chunks.append([0] * 100000)
except MemoryError:
    n = len(chunks)
    chunks = None
    print("MemoryError caught; recovered:", n > 10)
print("still running", len([1] * 1000))
try:
    s = "x" * (10 ** 9)
except MemoryError as e:
    print("MemoryError for a huge string")
print("end")
