"""A small recursive ray tracer: the raytrace-like workload.

Renders a scene of spheres over a checkered floor, lit by two point lights, with
Lambert shading, Phong highlights, shadows and mirror reflections up to a fixed depth.
Vectors are immutable Vector objects with operator overloading (`+`, `-`, `*` by a
scalar, `dot`, `normalized`), so every operation allocates; rays, hits, materials and
shapes are objects of a small class hierarchy with overridden `intersect` and `normal_at`
methods.

The image is reduced to a few integers (a sum and a position-weighted checksum of the
8-bit colour channels), which only match if every float operation matched.

Usage: raytrace.py [SIZE] | --quick   (default 200: a SIZE x SIZE image)
"""

import sys
from math import sqrt

EPSILON = 1e-5
MAX_DEPTH = 3


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vector(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return sqrt(self.dot(self))

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect_about(self, normal):
        return self - normal * (2.0 * self.dot(normal))

    def __repr__(self):
        return f"Vector({self.x!r}, {self.y!r}, {self.z!r})"


BLACK = Vector(0.0, 0.0, 0.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, colour, diffuse=0.8, specular=0.3, shininess=20, reflective=0.0):
        self.colour = colour
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflective = reflective

    def colour_at(self, point):
        return self.colour


class Checkered(Material):
    def __init__(self, even, odd, size, **options):
        super().__init__(even, **options)
        self.odd = odd
        self.size = size

    def colour_at(self, point):
        cell = int((point.x + 1000.0) / self.size) + int((point.z + 1000.0) / self.size)
        return self.colour if cell % 2 == 0 else self.odd


class Shape:
    def __init__(self, material):
        self.material = material

    def intersect(self, ray):
        """The smallest t > EPSILON where the ray meets the shape, or None."""
        raise NotImplementedError

    def normal_at(self, point):
        raise NotImplementedError


class Sphere(Shape):
    def __init__(self, centre, radius, material):
        super().__init__(material)
        self.centre = centre
        self.radius = radius

    def intersect(self, ray):
        to_centre = ray.origin - self.centre
        b = to_centre.dot(ray.direction)
        c = to_centre.dot(to_centre) - self.radius * self.radius
        discriminant = b * b - c
        if discriminant < 0:
            return None
        root = sqrt(discriminant)
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        return t if t > EPSILON else None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane(Shape):
    def __init__(self, point, normal, material):
        super().__init__(material)
        self.point = point
        self.normal = normal.normalized()

    def intersect(self, ray):
        denominator = ray.direction.dot(self.normal)
        if abs(denominator) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denominator
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, intensity):
        self.position = position
        self.intensity = intensity


class Scene:
    def __init__(self, shapes, lights, ambient):
        self.shapes = shapes
        self.lights = lights
        self.ambient = ambient
        self.rays = 0

    def nearest(self, ray):
        best_t = None
        best_shape = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best_shape = shape
        return best_t, best_shape

    def shadowed(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light)
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        self.rays += 1
        t, shape = self.nearest(ray)
        if shape is None:
            # A sky that darkens with height.
            k = 0.5 * (ray.direction.y + 1.0)
            return Vector(0.6, 0.7, 0.9) * (1.0 - 0.5 * k)
        point = ray.at(t)
        normal = shape.normal_at(point)
        if normal.dot(ray.direction) > 0:
            normal = -normal
        material = shape.material
        base = material.colour_at(point)
        colour = base * self.ambient
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0:
                colour = colour + base * (lambert * material.diffuse * light.intensity)
                reflected = (-to_light).reflect_about(normal)
                highlight = -reflected.dot(ray.direction)
                if highlight > 0:
                    colour = colour + Vector(1.0, 1.0, 1.0) * (
                        material.specular * light.intensity * highlight ** material.shininess)
        if material.reflective > 0 and depth < MAX_DEPTH:
            bounced = Ray(point, ray.direction.reflect_about(normal))
            colour = colour + self.trace(bounced, depth + 1) * material.reflective
        return colour


def build_scene():
    shapes = [
        Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0),
              Checkered(Vector(0.9, 0.9, 0.9), Vector(0.1, 0.1, 0.1), 1.0, reflective=0.25)),
        Sphere(Vector(0.0, 1.0, 5.0), 1.0, Material(Vector(0.9, 0.2, 0.2), reflective=0.4)),
        Sphere(Vector(-2.2, 0.7, 6.5), 0.7, Material(Vector(0.2, 0.8, 0.3), shininess=50)),
        Sphere(Vector(2.0, 0.5, 4.0), 0.5, Material(Vector(0.2, 0.3, 0.9), reflective=0.6)),
        Sphere(Vector(0.7, 0.3, 3.0), 0.3, Material(Vector(0.9, 0.8, 0.1), specular=0.8)),
    ]
    lights = [Light(Vector(-5.0, 8.0, -2.0), 0.8), Light(Vector(6.0, 5.0, 1.0), 0.4)]
    return Scene(shapes, lights, 0.15)


def channel(value):
    value = int(value * 255.0)
    return 0 if value < 0 else 255 if value > 255 else value


def render(scene, width, height):
    eye = Vector(0.0, 1.5, -2.0)
    pixels = []
    for row in range(height):
        y = 1.0 - 2.0 * (row + 0.5) / height
        for column in range(width):
            x = 2.0 * (column + 0.5) / width - 1.0
            target = Vector(x * 1.2, y * 1.2 + 1.0, 1.0)
            colour = scene.trace(Ray(eye, target - eye), 0)
            pixels.append((channel(colour.x), channel(colour.y), channel(colour.z)))
    return pixels


def main():
    size = 16 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 200
    scene = build_scene()
    pixels = render(scene, size, size)
    total = [0, 0, 0]
    checksum = 0
    for index, (r, g, b) in enumerate(pixels):
        total[0] += r
        total[1] += g
        total[2] += b
        checksum = (checksum * 31 + r * 65536 + g * 256 + b + index) % 1000000007
    print("raytrace", size, "rays", scene.rays)
    print("channels", total)
    print("checksum", checksum)
    print("centre", pixels[(size // 2) * size + size // 2])


main()
