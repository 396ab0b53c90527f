# Every one-argument float function of math over a grid of values, with the errors.
import math

values = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.0, -2.0, 3.75, 10.0, -10.0, 100.0, 700.0, 710.0, -745.5,
          1e-300, 5e-324, 1e300, -1e300, 0.1, 0.7, 0.9999999999, 1.0000001, 2 ** 0.5, math.pi, math.e,
          float('inf'), float('-inf'), float('nan'), 3, -7, 10 ** 20, True]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'cos', 'cosh', 'erf', 'erfc', 'exp',
         'exp2', 'expm1', 'fabs', 'log1p', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'degrees', 'radians',
         'log', 'log2', 'log10', 'gamma', 'lgamma']
for name in names:
    f = getattr(math, name)
    out = []
    for v in values:
        try:
            out.append(repr(f(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
