"""Gravitational n-body integration: the nbody-like workload.

The Sun, the four giant planets and a ring of small test bodies (massive enough to pull
on each other a little), each a Body object with position, velocity and mass
attributes. A symplectic Euler step visits every pair of bodies once; the total energy
before and after shows the integration ran the same on both interpreters. Only float
arithmetic and attribute reads and writes: no imports besides sys.

Usage: nbody.py [STEPS_IN_THOUSANDS] | --quick   (default 80)
"""

import sys

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    __slots__ = ("name", "x", "y", "z", "vx", "vy", "vz", "mass")

    def __init__(self, name, position, velocity, mass):
        self.name = name
        self.x, self.y, self.z = position
        self.vx, self.vy, self.vz = (v * DAYS_PER_YEAR for v in velocity)
        self.mass = mass * SOLAR_MASS

    def kinetic_energy(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def drift(self, dt):
        self.x += dt * self.vx
        self.y += dt * self.vy
        self.z += dt * self.vz


def planets():
    return [
        Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body("jupiter", (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
             9.54791938424326609e-04),
        Body("saturn", (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
             2.85885980666130812e-04),
        Body("uranus", (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
             4.36624404335156298e-05),
        Body("neptune", (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
             5.15138902046611451e-05),
    ]


def asteroids(count):
    """Small bodies on rough circles between Mars and Jupiter, placed by rational steps."""
    bodies = []
    for i in range(count):
        radius = 2.2 + 0.1 * (i % 10)
        # A point on a unit circle from a rational parametrisation: no trigonometry needed.
        t = (i + 1) / (count + 1) * 4.0 - 2.0
        cx, cy = (1 - t * t) / (1 + t * t), 2 * t / (1 + t * t)
        speed = (1.0 / radius) ** 0.5 / DAYS_PER_YEAR * 6.2831853
        bodies.append(Body(f"asteroid{i}", (radius * cx, radius * cy, 0.01 * (i % 3 - 1)),
                           (-speed * cy, speed * cx, 0.0), 1e-9 * (1 + i % 4)))
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / sun.mass
    sun.vy = -py / sun.mass
    sun.vz = -pz / sun.mass


def energy(bodies, pairs):
    e = 0.0
    for b in bodies:
        e += b.kinetic_energy()
    for a, b in pairs:
        dx, dy, dz = a.x - b.x, a.y - b.y, a.z - b.z
        e -= a.mass * b.mass / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, pairs, dt, steps):
    for _ in range(steps):
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            magnitude = dt / (d2 * d2 ** 0.5)
            am = a.mass * magnitude
            bm = b.mass * magnitude
            a.vx -= dx * bm
            a.vy -= dy * bm
            a.vz -= dz * bm
            b.vx += dx * am
            b.vy += dy * am
            b.vz += dz * am
        for body in bodies:
            body.drift(dt)


def main():
    size = 1 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 80
    bodies = planets() + asteroids(3)
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    offset_momentum(bodies)
    before = energy(bodies, pairs)
    for _ in range(size):
        advance(bodies, pairs, 0.01, 1000)
    after = energy(bodies, pairs)
    print("nbody", size, len(bodies), "bodies")
    print("energy", f"{before:.12f}", f"{after:.12f}")
    for body in bodies:
        print(body.name, repr(body.x), repr(body.y), repr(body.z))


main()
