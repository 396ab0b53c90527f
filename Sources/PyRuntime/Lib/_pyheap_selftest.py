"""A frozen module that only proves the mechanism: tests import it."""

answer = 42


def double(value):
    return value * 2
