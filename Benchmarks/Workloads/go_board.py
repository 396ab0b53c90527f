"""Go on a 9x9 board played by Monte Carlo tree search: the go-like workload.

Each move is chosen by UCT (upper confidence bounds on a search tree): many times over,
descend the tree of moves tried so far, add one new move, finish the game with random
legal moves, and count the win for the side that made each move on the way down. Boards
are lists of Point objects that know their neighbours; captures, suicide and simple ko
are found by flood-filling groups. Random numbers come from random.Random with a fixed
seed (randrange and random only), so both interpreters play the same game.

Usage: go_board.py [PLAYOUTS_PER_MOVE] | --quick   (default 25)
"""

import sys
import random
from math import log, sqrt

SIZE = 9
KOMI = 7.5
EMPTY, BLACK, WHITE = 0, 1, 2
MOVES_PER_GAME = 14


def opponent(colour):
    return WHITE if colour == BLACK else BLACK


class Point:
    __slots__ = ("index", "colour", "neighbours", "mark", "slot")

    def __init__(self, index):
        self.index = index
        self.colour = EMPTY
        self.neighbours = []
        self.mark = 0
        self.slot = -1      # position in Board.empties while empty

    def __repr__(self):
        if self.index < 0:
            return "pass"
        return "ABCDEFGHJ"[self.index % SIZE] + str(self.index // SIZE + 1)


PASS = Point(-1)


class Board:
    def __init__(self):
        self.points = [Point(i) for i in range(SIZE * SIZE)]
        for p in self.points:
            x, y = p.index % SIZE, p.index // SIZE
            for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                if 0 <= x + dx < SIZE and 0 <= y + dy < SIZE:
                    p.neighbours.append(self.points[(y + dy) * SIZE + x + dx])
        self.empties = []
        self.reset()

    def reset(self):
        self.empties.clear()
        for p in self.points:
            p.colour = EMPTY
            p.slot = len(self.empties)
            self.empties.append(p)
        self.ko = None
        self.to_move = BLACK
        self.passes = 0
        self.mark = 0
        self.moves = 0

    def copy_from(self, other):
        empties = self.empties
        empties.clear()
        for mine, theirs in zip(self.points, other.points):
            mine.colour = theirs.colour
            if mine.colour == EMPTY:
                mine.slot = len(empties)
                empties.append(mine)
            else:
                mine.slot = -1
        self.ko = None if other.ko is None else self.points[other.ko.index]
        self.to_move = other.to_move
        self.passes = other.passes
        self.moves = other.moves

    def local(self, point):
        """This board's point at the same place as `point` of another board."""
        return PASS if point is PASS else self.points[point.index]

    def _take(self, point):
        empties = self.empties
        last = empties.pop()
        if last is not point:
            empties[point.slot] = last
            last.slot = point.slot
        point.slot = -1

    def _give(self, point):
        point.colour = EMPTY
        point.slot = len(self.empties)
        self.empties.append(point)

    def group(self, start):
        """The stones of start's group and its number of liberties (a flood fill)."""
        self.mark += 1
        mark = self.mark
        colour = start.colour
        start.mark = mark
        stones = [start]
        liberties = 0
        i = 0
        while i < len(stones):
            for n in stones[i].neighbours:
                if n.mark != mark:
                    n.mark = mark
                    if n.colour == EMPTY:
                        liberties += 1
                    elif n.colour == colour:
                        stones.append(n)
            i += 1
        return stones, liberties

    def legal(self, point, colour):
        if point is self.ko:
            return False
        for n in point.neighbours:
            if n.colour == EMPTY:
                return True
        for n in point.neighbours:
            stones, liberties = self.group(n)
            if n.colour == colour:
                if liberties > 1:
                    return True
            elif liberties == 1:
                return True
        return False

    def is_eye(self, point, colour):
        for n in point.neighbours:
            if n.colour != colour:
                return False
        return True

    def play(self, point):
        colour = self.to_move
        self.to_move = opponent(colour)
        self.moves += 1
        if point is PASS:
            self.passes += 1
            self.ko = None
            return
        self.passes = 0
        self._take(point)
        point.colour = colour
        captured = []
        for n in point.neighbours:
            if n.colour != EMPTY and n.colour != colour:
                stones, liberties = self.group(n)
                if liberties == 0:
                    for s in stones:
                        self._give(s)
                    captured += stones
        self.ko = None
        if len(captured) == 1:
            stones, liberties = self.group(point)
            if len(stones) == 1 and liberties == 1:
                self.ko = captured[0]

    def random_move(self, rng):
        colour = self.to_move
        empties = self.empties
        count = len(empties)
        if count == 0:
            return PASS
        start = rng.randrange(count)
        for k in range(count):
            p = empties[(start + k) % count]
            if not self.is_eye(p, colour) and self.legal(p, colour):
                return p
        return PASS

    def legal_moves(self):
        colour = self.to_move
        moves = [p for p in self.empties if not self.is_eye(p, colour) and self.legal(p, colour)]
        moves.sort(key=lambda p: p.index)
        return moves

    def score(self, colour):
        """Area score of `colour`: its stones plus the empty points only it borders."""
        total = 0.0 if colour == BLACK else KOMI
        for p in self.points:
            if p.colour == colour:
                total += 1
            elif p.colour == EMPTY and self.is_eye(p, colour):
                total += 1
        return total

    def winner(self):
        return BLACK if self.score(BLACK) > self.score(WHITE) else WHITE

    def picture(self):
        marks = ".XO"
        rows = []
        for y in range(SIZE - 1, -1, -1):
            rows.append("".join(marks[self.points[y * SIZE + x].colour] for x in range(SIZE)))
        return rows


class Node:
    __slots__ = ("move", "mover", "children", "untried", "wins", "visits")

    def __init__(self, move, mover):
        self.move = move            # a Point of the game board, or PASS
        self.mover = mover          # who played it
        self.children = []
        self.untried = None         # legal moves not yet expanded, found on the first visit
        self.wins = 0
        self.visits = 0

    def best_child(self):
        scale = log(self.visits)
        best = None
        best_value = -1.0
        for child in self.children:
            value = child.wins / child.visits + sqrt(2.0 * scale / child.visits)
            if value > best_value:
                best = child
                best_value = value
        return best


def search(game, scratch, rng, playouts):
    root = Node(None, opponent(game.to_move))
    for _ in range(playouts):
        scratch.copy_from(game)
        node = root
        path = [node]
        # Selection: follow UCT while every move of the node has been expanded.
        while True:
            if node.untried is None:
                node.untried = [game.points[p.index] for p in scratch.legal_moves()]
                if not node.untried:
                    node.untried.append(PASS)
            if node.untried or not node.children:
                break
            node = node.best_child()
            scratch.play(scratch.local(node.move))
            path.append(node)
        # Expansion: one untried move, chosen at random.
        if node.untried:
            move = node.untried.pop(rng.randrange(len(node.untried)))
            child = Node(move, scratch.to_move)
            node.children.append(child)
            scratch.play(scratch.local(move))
            node = child
            path.append(node)
        # Simulation: random legal moves until both sides pass.
        while scratch.passes < 2 and scratch.moves < 3 * SIZE * SIZE:
            scratch.play(scratch.random_move(rng))
        winner = scratch.winner()
        for visited in path:
            visited.visits += 1
            if visited.mover == winner:
                visited.wins += 1
    best = None
    for child in root.children:
        if best is None or child.visits > best.visits:
            best = child
    return best.move if best is not None else PASS, root.visits


def main():
    playouts = 2 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 25
    rng = random.Random(20231121)
    game = Board()
    scratch = Board()
    record = []
    visits = 0
    for _ in range(MOVES_PER_GAME):
        move, count = search(game, scratch, rng, playouts)
        visits += count
        game.play(move)
        record.append(repr(move))
    print("go_board", playouts, "playouts per move")
    print("moves", " ".join(record))
    print("visits", visits, "score", game.score(BLACK), game.score(WHITE))
    for row in game.picture():
        print(row)


main()
