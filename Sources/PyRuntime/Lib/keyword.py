"""The reserved words of Python 3.11.

kwlist holds the keywords, which can never be identifiers; softkwlist holds the soft
keywords ('_', 'case', 'match'), which are keywords only inside a match statement.
iskeyword() and issoftkeyword() test a string against them.
"""

__all__ = ['iskeyword', 'issoftkeyword', 'kwlist', 'softkwlist']

# In sorted order (capitalised ones first), as CPython lists them.
kwlist = [
    'False', 'None', 'True',
    'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del',
    'elif', 'else', 'except', 'finally', 'for', 'from',
    'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_HARD = frozenset(kwlist)
_SOFT = frozenset(softkwlist)


def iskeyword(s):
    """Whether the string s is one of Python's keywords."""
    return s in _HARD


def issoftkeyword(s):
    """Whether the string s is one of Python's soft keywords."""
    return s in _SOFT
