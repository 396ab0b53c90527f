# choices with weights, cum_weights and k; sample with counts.
import random

r = random.Random(7)
print(r.choices('abc'), r.choices('abc', k=10))
print(r.choices(['x', 'y', 'z'], [10, 1, 1], k=10))
print(r.choices(range(5), cum_weights=[1, 2, 3, 10, 20], k=8))
print(r.choices('ab', [0.5, 0.5], k=5), r.choices('ab', k=0))
print(r.sample(['red', 'blue'], counts=[4, 2], k=5))
print(r.sample(range(5), 5), r.sample(range(1000), 30))
print(r.sample(tuple('abcdefghijklmnopqrstuvwxyz'), 26))
big = range(10 ** 9)
print(r.sample(big, 10))
print(r.choices([1, 2, 3], weights=(1, 2, 3), k=6))
print(r.choice([[1], [2], [3]]), r.choice((True, False)), r.choice(b'xyz'))
