"""The features a `from __future__ import NAME` statement can name.

The compiler handles the statement itself; importing this module only gives
each feature as an object telling when it was first accepted, when it became
(or will become) the default, and which code-object flag turns it on.
"""

# Code-object flags of the features (the values CPython 3.11 uses).
CO_NESTED = 1 << 4
CO_GENERATOR_ALLOWED = 0            # generators need no flag any more
CO_FUTURE_DIVISION = 1 << 17
CO_FUTURE_ABSOLUTE_IMPORT = 1 << 18
CO_FUTURE_WITH_STATEMENT = 1 << 19
CO_FUTURE_PRINT_FUNCTION = 1 << 20
CO_FUTURE_UNICODE_LITERALS = 1 << 21
CO_FUTURE_BARRY_AS_BDFL = 1 << 22
CO_FUTURE_GENERATOR_STOP = 1 << 23
CO_FUTURE_ANNOTATIONS = 1 << 24


class _Feature:

    def __init__(self, optional, mandatory, compiler_flag):
        # The releases are 5-tuples shaped like sys.version_info; mandatory is None
        # while the release that makes the feature the default is undecided.
        self.optional = optional
        self.mandatory = mandatory
        self.compiler_flag = compiler_flag

    # the documented accessors
    def getOptionalRelease(self): return self.optional
    def getMandatoryRelease(self): return self.mandatory

    def __repr__(self):
        return '_Feature' + repr((self.optional, self.mandatory, self.compiler_flag))


# name, first accepted in, on by default from, flag
_known = [
    ('nested_scopes', (2, 1, 0, 'beta', 1), (2, 2, 0, 'alpha', 0), CO_NESTED),
    ('generators', (2, 2, 0, 'alpha', 1), (2, 3, 0, 'final', 0), CO_GENERATOR_ALLOWED),
    ('division', (2, 2, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), CO_FUTURE_DIVISION),
    ('absolute_import', (2, 5, 0, 'alpha', 1), (3, 0, 0, 'alpha', 0), CO_FUTURE_ABSOLUTE_IMPORT),
    ('with_statement', (2, 5, 0, 'alpha', 1), (2, 6, 0, 'alpha', 0), CO_FUTURE_WITH_STATEMENT),
    ('print_function', (2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), CO_FUTURE_PRINT_FUNCTION),
    ('unicode_literals', (2, 6, 0, 'alpha', 2), (3, 0, 0, 'alpha', 0), CO_FUTURE_UNICODE_LITERALS),
    ('barry_as_FLUFL', (3, 1, 0, 'alpha', 2), (4, 0, 0, 'alpha', 0), CO_FUTURE_BARRY_AS_BDFL),
    ('generator_stop', (3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), CO_FUTURE_GENERATOR_STOP),
    ('annotations', (3, 7, 0, 'beta', 1), None, CO_FUTURE_ANNOTATIONS),
]

all_feature_names = []
for _name, _first, _default, _flag in _known:
    globals()[_name] = _Feature(_first, _default, _flag)
    all_feature_names.append(_name)
del _known, _name, _first, _default, _flag

__all__ = ['all_feature_names'] + all_feature_names
