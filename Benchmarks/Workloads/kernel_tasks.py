"""A toy operating-system kernel: the richards-like workload.

A handful of task control blocks share one processor. Each task is an object of a
subclass of Task (idle, worker, handler, device) with its own `step` method; tasks talk
only by passing Packet objects, which sit in singly linked work queues. The kernel picks
the highest-priority runnable task on every step: a task is runnable when it is not held
and either has a packet waiting or is not waiting for one. Everything is integers and
object attributes: method calls through a class hierarchy, linked lists, small lists.

The printed line counts the packets queued, the tasks held and what the device tasks
received, so it is the same under any correct Python 3.11.

Usage: kernel_tasks.py [ROUNDS] | --quick   (default 40; the work grows linearly)
"""

import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    """A message: who sent it last, what kind it is, and a small data buffer."""

    __slots__ = ("next", "owner", "kind", "cursor", "data")

    def __init__(self, next_packet, owner, kind):
        self.next = next_packet
        self.owner = owner
        self.kind = kind
        self.cursor = 0
        self.data = [0] * BUFFER_SIZE

    def enqueue(self, head):
        """Appends this packet to the queue starting at `head`; returns the new head."""
        self.next = None
        if head is None:
            return self
        last = head
        while last.next is not None:
            last = last.next
        last.next = self
        return head


class Kernel:
    """The scheduler and the system calls tasks make (wait, hold, release, send)."""

    def __init__(self):
        self.tasks = [None] * 6
        self.first = None          # tasks in a list linked by `link`, highest priority first
        self.current = None
        self.queued = 0
        self.holds = 0

    def add(self, task):
        self.tasks[task.ident] = task
        if self.first is None or task.priority > self.first.priority:
            task.link = self.first
            self.first = task
            return
        node = self.first
        while node.link is not None and node.link.priority >= task.priority:
            node = node.link
        task.link = node.link
        node.link = task

    def run(self):
        task = self.first
        while task is not None:
            if task.held or (task.waiting and task.queue is None):
                task = task.link
                continue
            packet = None
            if task.waiting:
                packet = task.queue
                task.queue = packet.next
                task.waiting = False
            self.current = task
            task = task.step(self, packet)

    # System calls: each returns the task to run next.

    def wait(self):
        self.current.waiting = True
        return self.current

    def hold(self):
        self.holds += 1
        self.current.held = True
        return self.current.link

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        return task if task.priority > self.current.priority else self.current

    def send(self, packet, ident):
        task = self.tasks[ident]
        self.queued += 1
        packet.next = None
        packet.owner = self.current.ident
        if task.queue is None:
            task.queue = packet
            task.waiting = True
            return task if task.priority > self.current.priority else self.current
        task.queue = packet.enqueue(task.queue)
        return self.current


class Task:
    def __init__(self, ident, priority, queue, waiting, held):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = waiting
        self.held = held
        self.link = None

    def step(self, kernel, packet):
        raise NotImplementedError


class IdleTask(Task):
    """Wakes the two devices in a pseudo-random order until its count runs out."""

    def __init__(self, count):
        super().__init__(IDLE, 0, None, False, False)
        self.seed = 1
        self.count = count

    def step(self, kernel, packet):
        self.count -= 1
        if self.count == 0:
            return kernel.hold()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return kernel.release(DEVICE_B)
        self.seed >>= 1
        return kernel.release(DEVICE_A)


class WorkerTask(Task):
    """Fills work packets with letters and sends them to the two handlers in turn."""

    def __init__(self, queue):
        super().__init__(WORKER, 1000, queue, True, False)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, kernel, packet):
        if packet is None:
            return kernel.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.cursor = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter = self.letter % 26 + 1
            data[i] = self.letter
        return kernel.send(packet, self.target)


class HandlerTask(Task):
    """Copies a work packet's letters one at a time into device packets."""

    def __init__(self, ident, priority, queue):
        super().__init__(ident, priority, queue, True, False)
        self.work = None
        self.devices = None
        self.device = DEVICE_A if ident == HANDLER_A else DEVICE_B

    def step(self, kernel, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.enqueue(self.work)
            else:
                self.devices = packet.enqueue(self.devices)
        work = self.work
        if work is None:
            return kernel.wait()
        if work.cursor >= BUFFER_SIZE:
            self.work = work.next
            return kernel.send(work, WORKER)
        device = self.devices
        if device is None:
            return kernel.wait()
        self.devices = device.next
        device.cursor = work.data[work.cursor]
        work.cursor += 1
        return kernel.send(device, self.device)


class DeviceTask(Task):
    """Holds one packet per wake-up and hands it back to its handler on the next."""

    def __init__(self, ident, priority):
        super().__init__(ident, priority, None, True, True)
        self.pending = None
        self.received = 0

    def step(self, kernel, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return kernel.wait()
            self.pending = None
            return kernel.send(pending, pending.owner)
        self.pending = packet
        self.received += packet.cursor
        return kernel.hold()


def boot(count):
    kernel = Kernel()
    kernel.add(IdleTask(count))
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    kernel.add(WorkerTask(work))
    for ident, priority in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, DEVICE_A if ident == HANDLER_A else DEVICE_B, KIND_DEVICE)
        kernel.add(HandlerTask(ident, priority, queue))
    kernel.add(DeviceTask(DEVICE_A, 4000))
    kernel.add(DeviceTask(DEVICE_B, 5000))
    return kernel


def main():
    rounds = 3 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 40
    totals = [0, 0, 0, 0]
    for r in range(rounds):
        kernel = boot(10000 + r)
        kernel.run()
        totals[0] += kernel.queued
        totals[1] += kernel.holds
        totals[2] += kernel.tasks[DEVICE_A].received
        totals[3] += kernel.tasks[DEVICE_B].received
    print("kernel_tasks", rounds)
    print("queued", totals[0], "holds", totals[1])
    print("device letters", totals[2], totals[3])


main()
