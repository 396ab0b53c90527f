"""A discrete-event task scheduler: the programs suite's object-heavy workload.

Tasks are generators. They yield requests to the scheduler (sleep, send to a channel,
receive from a channel, spawn a child task); the scheduler keeps pending wake-ups in a
binary heap written here in Python, ordered by (time, sequence number). Some tasks are
cancelled: the scheduler throws Cancelled into the generator, which cleans up in a
finally block. Everything is deterministic (a linear congruential generator, integer
times), so the checksum line is the same under any correct Python 3.11.

Usage: task_scheduler.py [TASKS] | --quick   (default 100000; --quick: 2000)
"""

import sys


class Cancelled(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Rng:
    """A 31-bit linear congruential generator (glibc's constants)."""

    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return self.next() % n

    def chance(self, percent):
        return self.next() % 100 < percent


class EventQueue:
    """A min-heap of [time, seq, task] entries in a Python list."""

    def __init__(self):
        self.items = []
        self.seq = 0

    def __len__(self):
        return len(self.items)

    def push(self, time, task):
        self.seq += 1
        items = self.items
        entry = (time, self.seq, task)
        items.append(entry)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) >> 1
            if items[parent] <= entry:
                break
            items[i] = items[parent]
            i = parent
        items[i] = entry

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        n = len(items)
        if n:
            i = 0
            while True:
                child = 2 * i + 1
                if child >= n:
                    break
                right = child + 1
                if right < n and items[right] < items[child]:
                    child = right
                if last <= items[child]:
                    break
                items[i] = items[child]
                i = child
            items[i] = last
        return top


class Task:
    __slots__ = ("tid", "name", "gen", "state", "result", "waiting_on", "children")

    def __init__(self, tid, name, gen):
        self.tid = tid
        self.name = name
        self.gen = gen
        self.state = "ready"
        self.result = None
        self.waiting_on = None
        self.children = []

    def __repr__(self):
        return f"Task({self.tid}, {self.name!r}, {self.state})"


class Channel:
    def __init__(self, name):
        self.name = name
        self.buffer = []
        self.receivers = []
        self.sent = 0


class Scheduler:
    def __init__(self, rng):
        self.rng = rng
        self.now = 0
        self.queue = EventQueue()
        self.tasks = {}
        self.channels = {}
        self.next_tid = 0
        self.stats = {"steps": 0, "sleeps": 0, "sends": 0, "recvs": 0,
                      "spawned": 0, "finished": 0, "cancelled": 0, "failed": 0}
        self.log = []

    def channel(self, name):
        ch = self.channels.get(name)
        if ch is None:
            ch = self.channels[name] = Channel(name)
        return ch

    def spawn(self, name, gen, delay=0):
        self.next_tid += 1
        task = Task(self.next_tid, name, gen)
        self.tasks[task.tid] = task
        self.stats["spawned"] += 1
        self.queue.push(self.now + delay, task)
        return task

    def cancel(self, task, reason):
        if task.state in ("done", "cancelled", "failed"):
            return False
        if task.waiting_on is not None:
            receivers = task.waiting_on.receivers
            if task in receivers:
                receivers.remove(task)
            task.waiting_on = None
        try:
            task.gen.throw(Cancelled(reason))
        except Cancelled:
            pass
        except StopIteration as stop:
            task.result = stop.value
        task.state = "cancelled"
        self.stats["cancelled"] += 1
        self.finish(task)
        return True

    def finish(self, task):
        del self.tasks[task.tid]
        for child in task.children:
            if child.tid in self.tasks:
                self.cancel(child, "parent " + str(task.tid))

    def step(self, task, value):
        self.stats["steps"] += 1
        try:
            request = task.gen.send(value)
        except StopIteration as stop:
            task.state = "done"
            task.result = stop.value
            self.stats["finished"] += 1
            self.finish(task)
            return
        except ValueError as error:
            task.state = "failed"
            task.result = str(error)
            self.stats["failed"] += 1
            self.finish(task)
            return
        kind = request[0]
        if kind == "sleep":
            self.stats["sleeps"] += 1
            task.state = "sleeping"
            self.queue.push(self.now + request[1], task)
        elif kind == "send":
            self.stats["sends"] += 1
            ch = self.channel(request[1])
            ch.sent += 1
            if ch.receivers:
                receiver = ch.receivers.pop(0)
                receiver.waiting_on = None
                receiver.result = request[2]
                receiver.state = "ready"
                self.queue.push(self.now, receiver)
            else:
                ch.buffer.append(request[2])
            self.queue.push(self.now + 1, task)
        elif kind == "recv":
            self.stats["recvs"] += 1
            ch = self.channel(request[1])
            if ch.buffer:
                task.result = ch.buffer.pop(0)
                self.queue.push(self.now, task)
            else:
                task.state = "waiting"
                task.waiting_on = ch
                ch.receivers.append(task)
        elif kind == "spawn":
            child = self.spawn(request[1], request[2], request[3])
            task.children.append(child)
            task.result = child
            self.queue.push(self.now, task)
        elif kind == "cancel":
            target = self.tasks.get(request[1])
            task.result = self.cancel(target, "by " + str(task.tid)) if target is not None else False
            self.queue.push(self.now, task)
        else:
            raise RuntimeError("unknown request " + repr(kind))

    def run(self):
        queue = self.queue
        while len(queue):
            time, seq, task = queue.pop()
            if task.state in ("done", "cancelled", "failed"):
                continue
            self.now = time
            value = task.result
            task.result = None
            task.state = "running"
            self.step(task, value)
        return self.now


# -- The tasks ---------------------------------------------------------------------------

def make_accumulator(scale):
    total = 0

    def add(value):
        nonlocal total
        total += value * scale
        return total

    return add


def producer(sched, rng, pid, count):
    add = make_accumulator(pid % 7 + 1)
    sent = 0
    try:
        for i in range(count):
            value = (pid * 31 + i * 17) % 1000
            yield ("send", "ch" + str(pid % 16), value)
            add(value)
            sent += 1
            yield ("sleep", 1 + rng.below(5))
    except Cancelled as c:
        sched.log.append(("producer cancelled", pid, sent, c.reason))
        raise
    return add(0)


def consumer(sched, rng, cid, count):
    seen = {}
    checksum = 0
    try:
        for i in range(count):
            value = yield ("recv", "ch" + str(cid % 16))
            seen[value % 10] = seen.get(value % 10, 0) + 1
            checksum = (checksum * 33 + value) & 0xFFFFFF
            if value == 999:
                raise ValueError(f"consumer {cid} got the poison value")
    finally:
        sched.log.append(("consumer exit", cid, len(seen), checksum))
    return checksum


def worker(sched, rng, wid, depth):
    """Spawns subtasks (a small tree), sleeps, and sometimes cancels a random task."""
    results = []
    if depth > 0:
        for k in range(2):
            child = yield ("spawn", "worker", worker(sched, rng, wid * 2 + k, depth - 1), rng.below(3))
            results.append(child.tid)
    squares = [x * x for x in range(depth * 4 + 3)]
    yield ("sleep", sum(squares) % 11 + 1)
    if rng.chance(10):
        victim = rng.below(sched.next_tid) + 1
        cancelled = yield ("cancel", victim)
        results.append(-victim if cancelled else 0)
    return sum(results) + len(squares)


def monitor(sched, period, rounds):
    """Periodically samples the queue length and the number of live tasks."""
    samples = []
    try:
        for _ in range(rounds):
            yield ("sleep", period)
            samples.append((len(sched.queue), len(sched.tasks)))
    except Cancelled:
        pass
    return len(samples)


def main():
    tasks = 2000 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = Rng(20240611)
    sched = Scheduler(rng)
    sched.spawn("monitor", monitor(sched, 50, tasks // 4))
    made = 0
    while made < tasks:
        kind = rng.below(3)
        if kind == 0:
            sched.spawn("producer", producer(sched, rng, made, 3 + rng.below(8)), rng.below(100))
            made += 1
        elif kind == 1:
            sched.spawn("consumer", consumer(sched, rng, made, 2 + rng.below(6)), rng.below(100))
            made += 1
        else:
            sched.spawn("worker", worker(sched, rng, made, rng.below(4)), rng.below(100))
            made += 15
    end = sched.run()
    # Tasks still waiting on an empty channel when the queue drains are cancelled.
    leftover = sorted(sched.tasks.values(), key=lambda t: t.tid)
    for task in leftover:
        sched.cancel(task, "shutdown")
    digest = 0
    for entry in sched.log:
        for part in entry:
            if isinstance(part, int):
                digest = (digest * 131 + part) % 1000000007
            else:
                digest = (digest * 131 + len(part)) % 1000000007
    stats = sched.stats
    keys = sorted(stats)
    print("task_scheduler", tasks, "end", end, "leftover", len(leftover))
    print(" ".join(f"{k}={stats[k]}" for k in keys))
    print("checksum", digest, "log", len(sched.log), "channels", len(sched.channels))


main()
