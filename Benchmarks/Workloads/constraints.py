"""An incremental one-way constraint solver: the deltablue-like workload.

Variables are linked by constraints of different strengths (required, strong, normal,
weak, ...). Adding or removing a constraint re-plans incrementally: the solver picks, for
every constraint it can satisfy, which variable it writes ("walkabout strength"), undoes
weaker constraints that are overridden, and propagates values downstream. A plan (the
constraints in an order where every input is computed before it is read) is then
extracted and executed again and again while an edit constraint feeds new values in.

Object-heavy: a class hierarchy of constraints (unary: stay, edit; binary: equality,
scale-and-offset) with overridden methods, variables holding lists of constraints, marks,
and lots of small method calls. All values are integers, so the checksum is exact.

Usage: constraints.py [SIZE] | --quick   (default 40; the work grows linearly)
"""

import sys


class Strength:
    """A constraint's priority; a smaller `rank` is stronger."""

    def __init__(self, rank, name):
        self.rank = rank
        self.name = name

    def stronger(self, other):
        return self.rank < other.rank

    def weaker(self, other):
        return self.rank > other.rank

    def __repr__(self):
        return f"<{self.name}>"


REQUIRED = Strength(0, "required")
STRONG_PREFERRED = Strength(1, "strong preferred")
PREFERRED = Strength(2, "preferred")
STRONG_DEFAULT = Strength(3, "strong default")
NORMAL = Strength(4, "normal")
WEAK_DEFAULT = Strength(5, "weak default")
WEAKEST = Strength(6, "weakest")
BY_RANK = [REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST]


def weakest_of(a, b):
    return a if a.weaker(b) else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return f"{self.name}={self.value}"


class Constraint:
    def __init__(self, strength):
        self.strength = strength

    def install(self, solver):
        self.attach()
        solver.incremental_add(self)

    def uninstall(self, solver):
        if self.is_satisfied():
            solver.incremental_remove(self)   # detaches it too
        else:
            self.detach()

    def satisfy(self, solver, mark):
        """Tries to satisfy the constraint; returns the constraint it overrides, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not solver.propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden

    def is_input(self):
        return False


class UnaryConstraint(Constraint):
    def __init__(self, variable, strength):
        super().__init__(strength)
        self.variable = variable
        self.satisfied = False

    def attach(self):
        self.variable.constraints.append(self)

    def detach(self):
        self.variable.constraints.remove(self)
        self.satisfied = False

    def choose_method(self, mark):
        v = self.variable
        self.satisfied = v.mark != mark and self.strength.stronger(v.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.variable

    def recalculate(self):
        v = self.variable
        v.walk_strength = self.strength
        v.stay = not self.is_input()
        if v.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def inputs(self):
        return ()

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """Keeps a variable's value unless something stronger writes it."""


class EditConstraint(UnaryConstraint):
    """Marks a variable whose value the user sets from outside the plan."""

    def is_input(self):
        return True


FORWARD, BACKWARD, NONE = 1, -1, 0


class BinaryConstraint(Constraint):
    def __init__(self, source, target, strength):
        super().__init__(strength)
        self.source = source
        self.target = target
        self.direction = NONE

    def attach(self):
        for v in self.variables():
            v.constraints.append(self)
        self.direction = NONE

    def detach(self):
        for v in self.variables():
            if self in v.constraints:
                v.constraints.remove(self)
        self.direction = NONE

    def variables(self):
        return (self.source, self.target)

    def choose_method(self, mark):
        a, b = self.source, self.target
        strength = self.strength
        if a.mark == mark:
            ok = b.mark != mark and strength.stronger(b.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif b.mark == mark:
            ok = a.mark != mark and strength.stronger(a.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif a.walk_strength.weaker(b.walk_strength):
            self.direction = BACKWARD if strength.stronger(a.walk_strength) else NONE
        else:
            self.direction = FORWARD if strength.stronger(b.walk_strength) else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.source if self.direction == FORWARD else self.target

    def output(self):
        return self.target if self.direction == FORWARD else self.source

    def inputs(self):
        return (self.input(),)

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        for v in self.inputs():
            if not (v.mark == mark or v.stay or v.determined_by is None):
                return False
        return True

    def mark_unsatisfied(self):
        self.direction = NONE

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """target = source * scale + offset, with scale and offset variables as extra inputs."""

    def __init__(self, source, scale, offset, target, strength):
        self.scale = scale
        self.offset = offset
        super().__init__(source, target, strength)

    def variables(self):
        return (self.source, self.target, self.scale, self.offset)

    def inputs(self):
        return (self.input(), self.scale, self.offset)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.target.value = self.source.value * self.scale.value + self.offset.value
        else:
            self.source.value = (self.target.value - self.offset.value) // self.scale.value

    def recalculate(self):
        source, out = self.input(), self.output()
        out.walk_strength = weakest_of(self.strength, source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Solver:
    def __init__(self):
        self.current_mark = 0
        self.replans = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(self, mark)
        while overridden is not None:
            overridden = overridden.satisfy(self, mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.detach()
        unsatisfied = self.remove_propagate_from(out)
        for strength in BY_RANK:
            for c in unsatisfied:
                if c.strength is strength:
                    self.incremental_add(c)

    def propagate(self, constraint, mark):
        """Recomputes everything downstream of `constraint`; False on a cycle."""
        todo = [constraint]
        while todo:
            c = todo.pop()
            if c.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            c.recalculate()
            self.consumers(c.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def consumers(self, variable, todo):
        determining = variable.determined_by
        for c in variable.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)

    def plan_from(self, sources):
        self.replans += 1
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.consumers(out, todo)
        return plan

    def plan_for_edits(self, edits):
        return self.plan_from([c for c in edits if c.is_input() and c.is_satisfied()])


def run_edits(solver, variable, values):
    """Sets `variable` to each of `values` through an edit constraint and a plan."""
    edit = EditConstraint(variable, PREFERRED)
    edit.install(solver)
    plan = solver.plan_for_edits([edit])
    for value in values:
        variable.value = value
        for c in plan:
            c.execute()
    edit.uninstall(solver)


def chain(solver, n):
    """first == v1 == v2 == ... == last, a stay on last, then edits of first."""
    variables = [Variable(f"v{i}") for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(a, b, REQUIRED).install(solver)
    StayConstraint(variables[-1], STRONG_DEFAULT).install(solver)
    first, last = variables[0], variables[-1]
    total = 0
    for step in range(40):
        run_edits(solver, first, [step * 7 + k for k in range(5)])
        if last.value != first.value:
            raise RuntimeError("chain out of step")
        total += last.value
    return total


def projection(solver, n):
    """dst[i] = src[i] * scale + offset for n pairs; edit scale, offset and one end."""
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    sources, targets = [], []
    for i in range(n):
        src = Variable(f"src{i}", i)
        dst = Variable(f"dst{i}", i)
        sources.append(src)
        targets.append(dst)
        StayConstraint(src, NORMAL).install(solver)
        ScaleConstraint(src, scale, offset, dst, REQUIRED).install(solver)
    total = 0
    run_edits(solver, sources[0], [17])
    total += targets[0].value
    run_edits(solver, targets[-1], [1050])
    total += sources[-1].value
    run_edits(solver, scale, [5])
    total += sum(t.value for t in targets)
    run_edits(solver, offset, [2000])
    total += sum(t.value for t in targets)
    for i in range(0, n, max(1, n // 20)):
        run_edits(solver, targets[i], [3 * i + 2000, 5 * i + 2000])
        total += sources[i].value
    return total


def fan(solver, n):
    """Spokes tied to one hub by equalities of mixed strengths, with stays of mixed
    strengths on the spokes; edits of the hub, then stays removed one by one."""
    hub = Variable("hub", 1)
    spokes = [Variable(f"s{i}", i) for i in range(n)]
    kinds = (STRONG_DEFAULT, NORMAL, WEAK_DEFAULT)
    stays = []
    for i, spoke in enumerate(spokes):
        EqualityConstraint(hub, spoke, kinds[i % 3]).install(solver)
        stay = StayConstraint(spoke, kinds[(i // 3) % 3])
        stay.install(solver)
        stays.append(stay)
    total = 0
    for step in range(12):
        run_edits(solver, hub, [step, step * 3 + 1])
        total += sum(s.value for s in spokes) + hub.value
        for _ in range(n // 12):
            if stays:
                stays.pop().uninstall(solver)
    return total


def main():
    size = 3 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 40
    results = [0, 0, 0]
    replans = 0
    for i in range(size):
        solver = Solver()
        results[0] += chain(solver, 100 + i)
        results[1] += projection(solver, 100 + i)
        results[2] += fan(solver, 60 + i)
        replans += solver.replans
    print("constraints", size)
    print("chain", results[0])
    print("projection", results[1])
    print("fan", results[2])
    print("plans", replans, [s for s in BY_RANK if s.rank % 3 == 0])


main()
