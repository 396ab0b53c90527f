"""Struct sequences: the named tuples of the C API (`sys.version_info`, `sys.float_info`).

A struct sequence is a tuple whose items also have names, whose repr shows them
(`sys.version_info(major=3, minor=11, ...)`), and whose class the program cannot
instantiate. CPython makes them in C (Objects/structseq.c); PyHeap makes them here, once,
when `sys` is created.
"""


def make(module, name, fields, values):
    """Returns the one instance of a new struct sequence type `module.name`."""

    def field(index):
        return property(lambda self: tuple.__getitem__(self, index))

    def __repr__(self):
        parts = ['%s=%r' % (fields[i], tuple.__getitem__(self, i)) for i in range(len(fields))]
        return '%s.%s(%s)' % (module, name, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (tuple(self),))

    namespace = {
        '__module__': module,
        '__qualname__': name,
        '__slots__': (),
        'n_fields': len(fields),
        'n_sequence_fields': len(fields),
        'n_unnamed_fields': 0,
        '__repr__': __repr__,
        '__reduce__': __reduce__,
    }
    for index, field_name in enumerate(fields):
        namespace[field_name] = field(index)
    cls = type(name, (tuple,), namespace)
    instance = tuple.__new__(cls, values)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '%s.%s' instances" % (module, name))

    cls.__new__ = __new__
    return instance


def make_type(module, name, fields):
    """A struct sequence type whose instances are made from a sequence of values."""

    def field(index):
        return property(lambda self: tuple.__getitem__(self, index))

    def __new__(cls, sequence):
        values = tuple(sequence)
        if len(values) != len(fields):
            raise TypeError('%s.%s() takes a %d-sequence (%d-sequence given)'
                            % (module, name, len(fields), len(values)))
        return tuple.__new__(cls, values)

    def __repr__(self):
        parts = ['%s=%r' % (fields[i], tuple.__getitem__(self, i)) for i in range(len(fields))]
        return '%s.%s(%s)' % (module, name, ', '.join(parts))

    namespace = {
        '__module__': module,
        '__qualname__': name,
        '__slots__': (),
        'n_fields': len(fields),
        'n_sequence_fields': len(fields),
        'n_unnamed_fields': 0,
        '__new__': __new__,
        '__repr__': __repr__,
    }
    for index, field_name in enumerate(fields):
        namespace[field_name] = field(index)
    return type(name, (tuple,), namespace)
