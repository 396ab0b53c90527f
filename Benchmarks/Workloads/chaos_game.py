"""The chaos game: the chaos-like workload.

An iterated function system draws a fractal by starting anywhere and applying, over and
over, one of a few affine maps chosen at random with fixed weights; the visited points
fall onto the attractor. Three systems are drawn (a fern, a Sierpinski-like triangle and
a spiral), and each visited point is then bent by a cubic Bezier "warp" evaluated with de
Casteljau's algorithm on Vec2 objects before it is counted into a grid of cells.

Every step makes several Vec2 objects (operator overloading, small methods); the random
choices come from random.Random with a fixed seed (random() only), so the grid is the
same on both interpreters.

Usage: chaos_game.py [SIZE] | --quick   (default 10: SIZE x 2,500 points per system)
"""

import sys
import random
from math import sqrt

GRID = 64


class Vec2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec2(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    def lerp(self, other, t):
        return Vec2(self.x + (other.x - self.x) * t, self.y + (other.y - self.y) * t)

    def length(self):
        return sqrt(self.x * self.x + self.y * self.y)


class AffineMap:
    """p -> (a*x + b*y + e, c*x + d*y + f), chosen with probability `weight`."""

    __slots__ = ("a", "b", "c", "d", "e", "f", "weight")

    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def __call__(self, p):
        return Vec2(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class System:
    def __init__(self, name, maps):
        self.name = name
        self.maps = maps
        total = sum(m.weight for m in maps)
        running = 0.0
        self.thresholds = []
        for m in maps:
            running += m.weight / total
            self.thresholds.append(running)

    def pick(self, rng):
        u = rng.random()
        for m, threshold in zip(self.maps, self.thresholds):
            if u < threshold:
                return m
        return self.maps[-1]


class Warp:
    """A cubic Bezier curve used to bend the plane: x picks a point on the curve, y moves
    along the curve's (unnormalised) normal there."""

    def __init__(self, controls):
        self.controls = controls

    def point(self, t):
        points = self.controls
        while len(points) > 1:
            points = [a.lerp(b, t) for a, b in zip(points, points[1:])]
        return points[0]

    def tangent(self, t):
        h = 1e-4
        return self.point(min(1.0, t + h)) - self.point(max(0.0, t - h))

    def __call__(self, p):
        t = 0.0 if p.x < 0.0 else 1.0 if p.x > 1.0 else p.x
        base = self.point(t)
        tangent = self.tangent(t)
        size = tangent.length()
        if size == 0.0:
            return base
        normal = Vec2(-tangent.y / size, tangent.x / size)
        return base + normal * (p.y - 0.5) * 0.6


def fern():
    return System("fern", [
        AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ])


def triangle():
    return System("triangle", [
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.25, 0.433, 1.0),
    ])


def spiral():
    return System("spiral", [
        AffineMap(0.787879, -0.424242, 0.242424, 0.859848, 1.758647, 1.408065, 0.9),
        AffineMap(-0.121212, 0.257576, 0.151515, 0.05303, -6.721654, 1.377236, 0.05),
        AffineMap(0.181818, -0.136364, 0.090909, 0.181818, 6.086107, 1.568035, 0.05),
    ])


def draw(system, warp, rng, count):
    # Where the attractor lies, from a short unwarped run (not counted).
    p = Vec2(0.0, 0.0)
    low_x = low_y = 1e300
    high_x = high_y = -1e300
    for _ in range(2000):
        p = system.pick(rng)(p)
        low_x, high_x = min(low_x, p.x), max(high_x, p.x)
        low_y, high_y = min(low_y, p.y), max(high_y, p.y)
    span_x = (high_x - low_x) or 1.0
    span_y = (high_y - low_y) or 1.0
    grid = [[0] * GRID for _ in range(GRID)]
    outside = 0
    for _ in range(count):
        p = system.pick(rng)(p)
        q = warp(Vec2((p.x - low_x) / span_x, (p.y - low_y) / span_y))
        column = int(q.x * GRID)
        row = int(q.y * GRID)
        if 0 <= column < GRID and 0 <= row < GRID:
            grid[row][column] += 1
        else:
            outside += 1
    return grid, outside


def main():
    size = 1 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 10
    rng = random.Random(1234)
    warp = Warp([Vec2(0.05, 0.2), Vec2(0.3, 0.9), Vec2(0.7, 0.1), Vec2(0.95, 0.6)])
    print("chaos_game", size)
    for system in (fern(), triangle(), spiral()):
        grid, outside = draw(system, warp, rng, size * 2500)
        filled = sum(1 for row in grid for cell in row if cell)
        weighted = sum((r * GRID + c) * cell for r, row in enumerate(grid) for c, cell in enumerate(row))
        busiest = max(max(row) for row in grid)
        print(system.name, "filled", filled, "outside", outside, "busiest", busiest, "weighted", weighted)


main()
