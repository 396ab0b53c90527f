"""Many small float objects: the float-like workload.

Builds a large list of Point objects from sines and cosines, normalizes each one in
place, then reduces them: the component-wise maximum, the centroid, and how many points
lie in each octant. Every point is a fresh instance with three float attributes, and
nearly every arithmetic operation makes a new float object, so this measures allocating
and freeing small objects as much as arithmetic.

math.sin, math.cos and math.sqrt are correctly implemented by the C library on both
sides, and the reductions run in a fixed order, so the printed reprs are exact.

Usage: float_points.py [SIZE] | --quick   (default 12: five passes over SIZE x 20,000 points)
"""

import sys
from math import cos, sin, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return f"<Point: x={self.x!r}, y={self.y!r}, z={self.z!r}>"

    def normalize(self):
        x, y, z = self.x, self.y, self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

    def octant(self):
        return (self.x >= 0) * 4 + (self.y >= 0) * 2 + (self.z >= 0)


def reduce_points(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def one_pass(count, shift):
    points = [Point(i * 0.001 + shift) for i in range(count)]
    for p in points:
        p.normalize()
    octants = [0] * 8
    sx = sy = sz = 0.0
    for p in points:
        octants[p.octant()] += 1
        sx += p.x
        sy += p.y
        sz += p.z
    centroid = (sx / count, sy / count, sz / count)
    return reduce_points(points), centroid, octants


def main():
    size = 1 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 12
    count = size * 20000
    print("float_points", size)
    for shift in range(5):
        best, centroid, octants = one_pass(count, shift * 0.5)
        print(best)
        print("centroid", centroid)
        print("octants", octants)


main()
