"""Floating-point loops: the programs suite's numeric workload.

Three parts, all on floats, tuples and lists with plain function calls (no imports but
sys): an n-body simulation of the outer planets, a Mandelbrot set rendered with complex
numbers kept as (re, im) tuples, and Simpson's-rule integration of a few functions passed
around as closures. IEEE arithmetic is deterministic, so the printed reprs are the same
under any correct Python 3.11 on the same platform.

Usage: float_heavy.py [SIZE] | --quick   (default 150, --quick 5; the work grows linearly)
"""

import sys

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    # name, position, velocity (per year), mass
    bodies = [
        ("sun", [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS),
        ("jupiter",
         [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
         [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
          -6.90460016972063023e-05 * DAYS_PER_YEAR],
         9.54791938424326609e-04 * SOLAR_MASS),
        ("saturn",
         [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
         [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
          2.30417297573763929e-05 * DAYS_PER_YEAR],
         2.85885980666130812e-04 * SOLAR_MASS),
        ("uranus",
         [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
         [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
          -2.96589568540237556e-05 * DAYS_PER_YEAR],
         4.36624404335156298e-05 * SOLAR_MASS),
        ("neptune",
         [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
         [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
          -9.51592254519715870e-05 * DAYS_PER_YEAR],
         5.15138902046611451e-05 * SOLAR_MASS),
    ]
    return bodies


def pairs_of(bodies):
    result = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            result.append((bodies[i], bodies[j]))
    return result


def offset_momentum(bodies):
    px = py = pz = 0.0
    for name, pos, vel, mass in bodies:
        px -= vel[0] * mass
        py -= vel[1] * mass
        pz -= vel[2] * mass
    sun_vel = bodies[0][2]
    sun_vel[0] = px / SOLAR_MASS
    sun_vel[1] = py / SOLAR_MASS
    sun_vel[2] = pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for name, pos, vel, mass in bodies:
        e += 0.5 * mass * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2])
    for (n1, p1, v1, m1), (n2, p2, v2, m2) in pairs:
        dx = p1[0] - p2[0]
        dy = p1[1] - p2[1]
        dz = p1[2] - p2[2]
        e -= m1 * m2 / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for (n1, p1, v1, m1), (n2, p2, v2, m2) in pairs:
            dx = p1[0] - p2[0]
            dy = p1[1] - p2[1]
            dz = p1[2] - p2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            b1 = m1 * mag
            b2 = m2 * mag
            v1[0] -= dx * b2
            v1[1] -= dy * b2
            v1[2] -= dz * b2
            v2[0] += dx * b1
            v2[1] += dy * b1
            v2[2] += dz * b1
        for name, pos, vel, mass in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def nbody(steps):
    bodies = make_bodies()
    pairs = pairs_of(bodies)
    offset_momentum(bodies)
    before = energy(bodies, pairs)
    advance(bodies, pairs, 0.01, steps)
    after = energy(bodies, pairs)
    return before, after, [tuple(pos) for name, pos, vel, mass in bodies]


def c_mul(a, b):
    return (a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0])


def c_add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def escape_time(c, limit):
    z = (0.0, 0.0)
    for i in range(limit):
        z = c_add(c_mul(z, z), c)
        if z[0] * z[0] + z[1] * z[1] > 4.0:
            return i
    return limit


def mandelbrot(width, height, limit):
    rows = []
    for y in range(height):
        im = -1.25 + 2.5 * y / height
        row = [escape_time((-2.0 + 2.75 * x / width, im), limit) for x in range(width)]
        rows.append(row)
    total = 0
    inside = 0
    for row in rows:
        total += sum(row)
        inside += row.count(limit)
    return total, inside


def simpson(f, a, b, n):
    h = (b - a) / n
    s = f(a) + f(b)
    for i in range(1, n):
        x = a + i * h
        s += (4.0 if i % 2 else 2.0) * f(x)
    return s * h / 3.0


def polynomial(coefficients):
    def f(x):
        acc = 0.0
        for c in coefficients:
            acc = acc * x + c
        return acc
    return f


def integrals(n):
    functions = [
        ("cubic", polynomial([1.0, -2.0, 0.5, 3.0]), 0.0, 2.0),
        ("reciprocal", lambda x: 1.0 / (1.0 + x * x), 0.0, 1.0),
        ("root", lambda x: x ** 0.5, 0.0, 4.0),
        ("gauss", lambda x: 2.718281828459045 ** (-x * x), -3.0, 3.0),
    ]
    return {name: simpson(f, a, b, n) for name, f, a, b in functions}


def main():
    size = 5 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 150
    before, after, positions = nbody(size * 1000)
    print("float_heavy", size)
    print("nbody energy", f"{before:.9f}", f"{after:.9f}", repr(after))
    print("nbody sun", positions[0])
    total, inside = mandelbrot(size * 2, size, 60)
    print("mandelbrot", total, inside)
    results = integrals(size * 1000)
    for name in sorted(results):
        print("simpson", name, repr(results[name]), f"{results[name]:.12e}")


main()
