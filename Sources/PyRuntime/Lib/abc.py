"""Abstract base classes (PEP 3119) for pyheap.

ABCMeta keeps, for every class it creates, the frozenset `__abstractmethods__` (the
interpreter refuses to instantiate a class while that set is not empty) and the
bookkeeping behind virtual subclasses: the classes given to register() and two caches
of issubclass() answers. Every class in that bookkeeping is held through a weak
reference, so an ABC never keeps a class alive.

This module is pyheap's own; CPython's equivalent is written in C (`_abc`).
"""

from _weakref import ref as _weak

# ---------------------------------------------------------------- decorators

def abstractmethod(funcobj):
    """Mark a method abstract: a class built by ABCMeta (or a subclass of it) that
    still has an abstract method cannot be instantiated. Works below classmethod,
    staticmethod and property as well."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """An abstract classmethod (deprecated: stack @classmethod on @abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        abstractmethod(callable)
        classmethod.__init__(self, callable)


class abstractstaticmethod(staticmethod):
    """An abstract staticmethod (deprecated: stack @staticmethod on @abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        abstractmethod(callable)
        staticmethod.__init__(self, callable)


class abstractproperty(property):
    """An abstract property (deprecated: stack @property on @abstractmethod)."""

    __isabstractmethod__ = True


# ---------------------------------------------------------------- cache token

# Bumped by every successful register(); a negative cache answer is trusted only
# while the token it was recorded under is still current.
_token = 0


def get_cache_token():
    """Return an opaque token for the current state of the ABC caches.

    Tokens compare equal until some ABC registers a new virtual subclass."""
    return _token


# ---------------------------------------------------------------- helpers

def _flagged_abstract(obj):
    return bool(getattr(obj, '__isabstractmethod__', False))


def _abstract_names(cls, own_items):
    """The names still abstract in cls: those marked abstract in its own namespace,
    plus the abstract names of its bases that cls resolves to something still marked."""
    names = {name for name, value in own_items if _flagged_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if name not in names and _flagged_abstract(getattr(cls, name, None)):
                names.add(name)
    return frozenset(names)


# The registry and the caches are sets of weak references to classes: a lookup
# makes a fresh reference (equal to the stored one while the class lives), and a
# stored reference takes itself out of its set when its class dies.

def _remember(refs, cls):
    def forget(dead, refs=refs):
        refs.discard(dead)
    refs.add(_weak(cls, forget))


def _living(refs):
    return [cls for cls in (r() for r in list(refs)) if cls is not None]


class _ABCState:
    """What ABCMeta remembers about one abstract class: the registered virtual
    subclasses, the classes known to be subclasses (yes) or not (no), and the
    cache token the negative answers were recorded under."""

    __slots__ = ('registered', 'yes', 'no', 'no_token')

    def __init__(self):
        self.registered = set()
        self.yes = set()
        self.no = set()
        self.no_token = _token


# ---------------------------------------------------------------- ABCMeta

class ABCMeta(type):
    """Metaclass of abstract base classes.

    A class made with ABCMeta may declare abstract methods (see abstractmethod) and
    accepts virtual subclasses through register(): issubclass() and isinstance()
    then treat the registered class, and its subclasses, as subclasses of the ABC,
    though the ABC never appears in their __mro__ and lends them no methods.
    A __subclasshook__ classmethod can decide subclass tests on its own.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        type.__setattr__(cls, '__abstractmethods__', _abstract_names(cls, namespace.items()))
        type.__setattr__(cls, '_abc_impl', _ABCState())
        return cls

    def register(cls, subclass):
        """Register subclass as a virtual subclass of this ABC and return it, so
        that register can decorate a class."""
        global _token
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        _remember(cls._abc_impl.registered, subclass)
        _token += 1
        return subclass

    def __instancecheck__(cls, instance):
        """isinstance(instance, cls), answered from the ABC's caches when it can."""
        claimed = instance.__class__
        state = cls._abc_impl
        if _weak(claimed) in state.yes:
            return True
        actual = type(instance)
        if actual is claimed:
            if state.no_token == _token and _weak(claimed) in state.no:
                return False
            return cls.__subclasscheck__(claimed)
        return cls.__subclasscheck__(claimed) or cls.__subclasscheck__(actual)

    def __subclasscheck__(cls, subclass):
        """issubclass(subclass, cls), with the registry, the hook and the caches."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        state = cls._abc_impl
        key = _weak(subclass)
        if key in state.yes:
            return True
        if state.no_token != _token:
            state.no.clear()
            state.no_token = _token
        elif key in state.no:
            return False
        verdict = _decide(cls, state, subclass)
        _remember(state.yes if verdict else state.no, subclass)
        return verdict

    # pyheap's object has no __subclasshook__; this default (found through the
    # metaclass when the class's own MRO has none) answers "no opinion".
    def __subclasshook__(cls, subclass):
        return NotImplemented

    def _dump_registry(cls, file=None):
        """Print the ABC's registry and caches (a debugging aid)."""
        state = cls._abc_impl
        lines = [f'Class: {cls.__module__}.{cls.__qualname__}',
                 f'Inv. counter: {get_cache_token()}']
        for label, group in (('_abc_registry', state.registered),
                             ('_abc_cache', state.yes),
                             ('_abc_negative_cache', state.no)):
            members = _living(group)
            lines.append(f'{label}: {set(members) if members else "set()"}')
        lines.append(f'_abc_negative_cache_version: {state.no_token}')
        print('\n'.join(lines), file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass (for tests)."""
        cls._abc_impl.registered.clear()

    def _abc_caches_clear(cls):
        """Empty both answer caches (for tests)."""
        state = cls._abc_impl
        state.yes.clear()
        state.no.clear()


def _decide(cls, state, subclass):
    """The uncached answer to issubclass(subclass, cls)."""
    hooked = cls.__subclasshook__(subclass)
    if hooked is not NotImplemented:
        if hooked is not True and hooked is not False:
            raise AssertionError(
                '__subclasshook__ must return either False, True, or NotImplemented')
        return hooked
    if cls in getattr(subclass, '__mro__', ()):
        return True
    for virtual in _living(state.registered):
        if issubclass(subclass, virtual):
            return True
    for child in type.__subclasses__(cls):
        if issubclass(subclass, child):
            return True
    return False


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or replaced in
    cls once it existed (typically from a class decorator). Returns cls; a class
    that never had __abstractmethods__ is returned unchanged."""
    if hasattr(cls, '__abstractmethods__'):
        type.__setattr__(cls, '__abstractmethods__',
                         _abstract_names(cls, list(cls.__dict__.items())))
    return cls


class ABC(metaclass=ABCMeta):
    """Base class whose subclasses are ABCs: inherit from it instead of writing
    metaclass=ABCMeta."""

    __slots__ = ()
