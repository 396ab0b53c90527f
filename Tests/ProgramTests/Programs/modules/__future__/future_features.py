# __future__: the feature objects, their releases and flags, the CO_ constants and
# the module's names; `from __future__ import` statements still compile and run.
from __future__ import annotations, division
import __future__

print(__future__.all_feature_names)
print(__future__.__all__)
print(sorted(name for name in vars(__future__) if not name.startswith('__')))
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, feature, feature.getOptionalRelease(), feature.getMandatoryRelease(), hex(feature.compiler_flag))
print(sorted((name, value) for name, value in vars(__future__).items() if name.startswith('CO_')))
d = __future__.division
print(sorted(vars(d).items()), type(d).__name__, type(d).__module__, d.optional < d.mandatory)
print(__future__.annotations.mandatory is None, __future__._Feature((1,), (2,), 3))
print(isinstance(__future__.generators, __future__._Feature), __future__.generators.compiler_flag == 0)
print(__future__.annotations is annotations, annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS)
def f(x: undefined_name) -> also_undefined:
    return x
print(f.__annotations__, 7 / 2)
