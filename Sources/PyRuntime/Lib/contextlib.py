"""Helpers for the with statement: contextmanager, ContextDecorator, closing,
nullcontext, suppress, redirect_stdout, redirect_stderr, chdir, ExitStack and
AbstractContextManager.

PyHeap runs no coroutines, so the asynchronous members of CPython's contextlib
(asynccontextmanager, aclosing, AsyncExitStack, AbstractAsyncContextManager) are
not provided, and chdir cannot change directory (there is no os module).
"""

import abc as _abc
import sys as _sys
from types import GenericAlias as _GenericAlias

__all__ = ['contextmanager', 'closing', 'nullcontext', 'AbstractContextManager',
           'ContextDecorator', 'ExitStack', 'redirect_stdout', 'redirect_stderr',
           'suppress', 'chdir']


def _pass_identity(wrapper, wrapped):
    # functools.wraps, without importing functools: the wrapper takes over the
    # wrapped function's name, docstring, annotations and attributes.
    for attribute in ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__'):
        try:
            value = getattr(wrapped, attribute)
        except AttributeError:
            continue
        setattr(wrapper, attribute, value)
    wrapper.__dict__.update(getattr(wrapped, '__dict__', {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def _defines_all(klass, names):
    # True when every name is found along klass's MRO and not set to None there;
    # NotImplemented otherwise (so that the normal subclass check decides).
    for name in names:
        for ancestor in klass.__mro__:
            if name in ancestor.__dict__:
                if ancestor.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(_abc.ABC):
    """Base class of context managers: __enter__ gives back self and __exit__ must
    be written by the subclass.  Any class with both methods counts as a
    subclass."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __enter__(self):
        return self

    @_abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Leave the context; a true result swallows the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is not AbstractContextManager:
            return NotImplemented
        return _defines_all(C, ('__enter__', '__exit__'))


class ContextDecorator(object):
    """Mixin letting a context manager also decorate functions: each call of the
    decorated function then runs inside a with statement on the manager."""

    def _recreate_cm(self):
        # The manager used for one call; single-use managers return a fresh copy.
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return _pass_identity(inner, func)


def _close_and_fail(generator, message):
    # Raise RuntimeError(message), closing the generator on the way out.
    try:
        raise RuntimeError(message)
    finally:
        generator.close()


class _GeneratorContextManager(AbstractContextManager, ContextDecorator):
    """The context manager @contextmanager makes of one generator."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds
        own_doc = getattr(func, '__doc__', None)
        self.__doc__ = type(self).__doc__ if own_doc is None else own_doc

    def _recreate_cm(self):
        return type(self)(self.func, self.args, self.kwds)

    def __enter__(self):
        # The arguments were kept only for _recreate_cm; a manager that has been
        # entered cannot be reused.
        del self.args
        del self.kwds
        del self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            _close_and_fail(self.gen, "generator didn't stop")
        if value is None:
            # __exit__ called by hand with only a type
            value = typ()
        try:
            if isinstance(value, BaseException):
                self.gen.throw(value)
            else:
                self.gen.throw(typ, value)
        except BaseException as raised:
            if isinstance(raised, StopIteration):
                # The generator returned: the exception is handled, unless what
                # came back is the very StopIteration thrown in.
                return raised is not value
            came_back = raised is value
            if not came_back and isinstance(value, StopIteration):
                # PEP 479: a StopIteration thrown in comes out as a RuntimeError
                came_back = isinstance(raised, RuntimeError) and raised.__cause__ is value
            if not came_back:
                raise
            # Let the with statement re-raise the original exception untouched.
            value.__traceback__ = traceback
            return False
        _close_and_fail(self.gen, "generator didn't stop after throw()")


def contextmanager(func):
    """Turn a generator function into a factory of context managers.

    The generator must yield exactly once: the code before the yield runs on
    entry, the yielded value is what `as` binds, and the code after it runs on
    exit.  An exception raised in the with block is raised at the yield.

        @contextmanager
        def opened(path):
            f = open(path)
            try:
                yield f
            finally:
                f.close()
    """
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return _pass_identity(helper, func)


class closing(AbstractContextManager):
    """Call thing.close() when the with block ends; `as` binds thing."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    """A context manager that does nothing; `as` binds enter_result.  Handy where
    a with statement sometimes needs a real manager and sometimes none."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class _SwapStream(AbstractContextManager):
    # Replace one of sys's standard streams for the duration of a with block;
    # reentrant, so the targets being replaced are kept on a stack.
    _stream = None

    def __init__(self, new_target):
        self._target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(_sys, self._stream))
        setattr(_sys, self._stream, self._target)
        return self._target

    def __exit__(self, exctype, excinst, exctb):
        setattr(_sys, self._stream, self._saved.pop())


class redirect_stdout(_SwapStream):
    """Send sys.stdout to another file-like object for the with block."""

    _stream = 'stdout'


class redirect_stderr(_SwapStream):
    """Send sys.stderr to another file-like object for the with block."""

    _stream = 'stderr'


class suppress(AbstractContextManager):
    """Swallow the listed exception types (and their subclasses) if the with
    block raises one; execution resumes after the with statement."""

    def __init__(self, *exceptions):
        self._suppressed = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._suppressed)


class chdir(AbstractContextManager):
    """Change the working directory for the with block (not thread-safe).

    PyHeap has no os module, so entering raises OSError."""

    def __init__(self, path):
        self.path = path
        self._old_cwd = []

    def __enter__(self):
        raise OSError('contextlib.chdir is not available: PyHeap has no os module')

    def __exit__(self, *excinfo):
        pass


def _relink_context(raised, previous, outside):
    # A callback of ExitStack raised `raised` while the with statement was handling
    # `outside`, so Python linked its context chain to `outside`.  Point that link
    # at `previous` instead, the exception the callback itself was given, as if
    # the callbacks were nested with statements.
    link = raised
    while True:
        context = link.__context__
        if context is None or context is previous:
            return
        if context is outside:
            link.__context__ = previous
            return
        link = context


class ExitStack(AbstractContextManager):
    """Collect context managers and callbacks; when the stack is closed (or its
    with block ends) they run in the reverse order of registration, each seeing
    the exception left by the ones before, as nested with statements would."""

    def __init__(self):
        self._unwinders = []

    def pop_all(self):
        """Move all the registered callbacks to a new ExitStack and return it."""
        taker = type(self)()
        taker._unwinders = self._unwinders
        self._unwinders = []
        return taker

    def push(self, exit):
        """Register exit: a context manager's __exit__ method if it has one (the
        manager itself is not entered), else a callable with __exit__'s signature.
        Returns exit, so this can be used as a decorator."""
        owner = type(exit)
        try:
            method = owner.__exit__
        except AttributeError:
            self._unwinders.append(exit)
        else:
            self._unwinders.append(self._bound_exit(exit, method))
        return exit

    @staticmethod
    def _bound_exit(manager, method):
        def unwind(exc_type, exc, tb):
            return method(manager, exc_type, exc, tb)
        return unwind

    def enter_context(self, cm):
        """Enter cm, register its __exit__, and return what __enter__ returned."""
        kind = type(cm)
        try:
            enter = kind.__enter__
            leave = kind.__exit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the context manager protocol"
                            % (kind.__module__, kind.__qualname__)) from None
        result = enter(cm)
        self._unwinders.append(self._bound_exit(cm, leave))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) to run on exit (it cannot swallow
        exceptions).  Returns callback, so this can be used as a decorator."""
        def unwind(exc_type, exc, tb):
            callback(*args, **kwds)
        unwind.__wrapped__ = callback
        self._unwinders.append(unwind)
        return callback

    def close(self):
        """Run the registered callbacks now."""
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        had_exception = exc_details[0] is not None
        outside = _sys.exc_info()[1]
        current = exc_details
        swallowed = False
        failing = False
        while self._unwinders:
            unwind = self._unwinders.pop()
            try:
                handled = unwind(*current)
            except BaseException:
                caught = _sys.exc_info()
                _relink_context(caught[1], current[1], outside)
                current = caught
                failing = True
            else:
                if handled:
                    swallowed = True
                    failing = False
                    current = (None, None, None)
        if failing:
            # Raising here would relink the exception's context to `outside`;
            # keep the chain built above.
            problem = current[1]
            chain = problem.__context__
            try:
                raise problem
            except BaseException:
                problem.__context__ = chain
                raise
        return had_exception and swallowed
