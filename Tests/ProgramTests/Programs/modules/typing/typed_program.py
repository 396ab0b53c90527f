# A typed program: annotations on everything are evaluated and must not get in the way.
from __future__ import annotations
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Protocol, TypeVar, Generic, Iterator, NamedTuple, Callable, Union
from collections import defaultdict, deque
from enum import Enum

T = TypeVar('T')

class Priority(Enum):
    LOW = 1
    HIGH = 2

@dataclass(order=True)
class Task:
    priority: int
    name: str = field(compare=False)
    tags: List[str] = field(default_factory=list, compare=False)

class Queue(Generic[T]):
    def __init__(self) -> None:
        self._items: deque[T] = deque()
    def push(self, item: T) -> None:
        self._items.append(item)
    def pop(self) -> Optional[T]:
        return self._items.popleft() if self._items else None
    def __iter__(self) -> Iterator[T]:
        return iter(self._items)
    def __len__(self) -> int:
        return len(self._items)

class Greeter(Protocol):
    def greet(self, name: str) -> str: ...

class English:
    def greet(self, name: str) -> str:
        return f'Hello, {name}'

class Stat(NamedTuple):
    count: int
    total: float
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

def summarize(values: Dict[str, List[float]]) -> Dict[str, Stat]:
    return {k: Stat(len(v), sum(v)) for k, v in values.items()}

def apply(fn: Callable[[int], int], xs: List[int]) -> List[int]:
    return [fn(x) for x in xs]

def parse(text: Union[str, bytes]) -> str:
    return text.decode() if isinstance(text, bytes) else text

q: Queue[Task] = Queue()
for i, name in enumerate(['write', 'test', 'ship']):
    q.push(Task(i % 2, name, ['t%d' % i]))
print(len(q), sorted(q), q.pop(), Queue.__parameters__)
groups: Dict[str, List[float]] = defaultdict(list)
for key, value in [('a', 1.0), ('b', 2.5), ('a', 3.0)]:
    groups[key].append(value)
stats = summarize(groups)
print(stats, {k: s.mean() for k, s in stats.items()})
print(apply(lambda x: x * x, [1, 2, 3]), parse(b'bytes'), parse('str'), English().greet('pyheap'))
print(Priority.HIGH, Task.__annotations__, summarize.__annotations__)
