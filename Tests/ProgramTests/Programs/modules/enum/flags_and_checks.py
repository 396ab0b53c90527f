# Flag and IntFlag arithmetic, boundaries, pseudo-members and aliases; unique(), verify(),
# global_enum() and the helpers bin() and show_flag_values().
import enum
import sys
import types
from enum import (CONFORM, CONTINUOUS, EJECT, KEEP, NAMED_FLAGS, STRICT, UNIQUE, Enum, EnumCheck,
                  Flag, FlagBoundary, IntEnum, IntFlag, auto, global_enum, unique, verify)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def attempt(source, module='__main__'):
    namespace = {'__name__': module, 'enum': enum}
    namespace.update((name, getattr(enum, name)) for name in enum.__all__)
    try:
        exec(source, namespace)
        return namespace.get('X')
    except Exception as e:
        print(type(e).__name__, e)

print('-- Flag')
class P(Flag):
    R = 4
    W = 2
    X = 1
show(lambda: (P.R | P.W, str(P.R | P.W), P.R in (P.R | P.W), bool(P(0)), list(P), P(6), P(7), list(P(7)), len(P(7))))
show(lambda: (P(0), str(P(0)), ~P.X, ~P(0), ~P(7), P(0).name, P(6).name, P(6).value))
for bad in (8, -1, -8, -9, -10, 'x'):
    show(lambda: P(bad))
show(lambda: P.R | 1)
show(lambda: P.R & P.W)
show(lambda: 1 in P.R)
show(lambda: (P.R in P, P(6) in P))
show(lambda: P._value2member_map_)
show(lambda: (P.__members__, P._flag_mask_, P._all_bits_, P._boundary_, P))
class Q(Flag):
    A = auto()
    B = auto()
    AB = A | B
    C = auto()
    NONE = 0
show(lambda: (list(Q), Q.__members__, Q.AB, Q(3), Q(0), Q.NONE, ~Q.A, Q.C.value, len(Q), list(Q.AB), len(Q.AB)))
show(lambda: [Q(i) for i in range(8)])
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
show(lambda: (~Perm.X, Perm.R ^ (Perm.R | Perm.W), [p.value for p in Perm], Perm(7), Perm(7).name, Perm['R']))
show(lambda: (Perm.R | Perm.W is Perm(3), list(reversed(Perm)), bool(Perm.R & Perm.W), hash(Perm(3)) == hash(Perm(3))))
show(lambda: Perm.R < Perm.W)
show(lambda: 2 | Perm.R)
class FF(Flag):
    A = 1
    B = 4
show(lambda: (list(FF), ~FF.A, FF(5), FF._all_bits_, FF._flag_mask_))
show(lambda: FF(2))
show(lambda: FF(16))
class G(Flag):
    A = 2
    B = 1
    C = 4
show(lambda: (G(7), list(G), list(G(3))))
class H(Flag):
    B = 2
    A = 1
    AB = 3
show(lambda: (H(3), list(H), H.__members__))

print('-- boundaries')
class K(Flag, boundary=KEEP):
    A = 1
    B = 2
show(lambda: (K(7), ~K.A, list(K(7)), len(K(7)), K(7).name, K(-9), K(12)))
class E(Flag, boundary=EJECT):
    A = 1
    B = 2
show(lambda: (E(7), E(3), E(-1), E(-5), E(4), ~E.A))
class C(IntFlag, boundary=CONFORM):
    A = 1
    B = 4
show(lambda: (C(7), C(-1), ~C.A, C(2), C.A | 2, C._boundary_))
class St(IntFlag, boundary=STRICT):
    A = 1
    B = 2
show(lambda: St(7))
show(lambda: (FlagBoundary.STRICT, list(FlagBoundary), type(STRICT), STRICT == 'strict', KEEP.upper()))

print('-- IntFlag')
class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
show(lambda: (Bits.A | Bits.C, Bits.A | 8, Bits(6), Bits.B & 3, Bits.C + 1, ~Bits.A, Bits(0)))
show(lambda: (Bits(9), str(Bits(9)), list(Bits(9)), Bits(-1), ~Bits(9), Bits(1 | 16), Bits(255)))
show(lambda: (format(Bits.A), f'{Bits.A | Bits.B:>4}', 3 | Bits.A, 8 & Bits.A, Bits.A ^ Bits.B, Bits.A ^ 7, Bits.A in Bits(3)))
show(lambda: (isinstance(Bits.A, int), Bits.A == 1, hash(Bits.A) == hash(1), Bits.A.name, Bits(3).name, Bits))

print('-- unique and verify')
attempt('@unique\nclass X(Enum):\n    A = 1\n    B = 1\n    C = 2\n    D = 2\n    E = 1\n')
X = attempt('@unique\nclass X(Enum):\n    A = 1\n    B = 2\n'); show(lambda: list(X))
attempt('@verify(UNIQUE)\nclass X(Enum):\n    A = 1\n    B = 1\n    C = 2\n    D = 2\n')
attempt('@verify(CONTINUOUS)\nclass X(Enum):\n    A = 1\n    B = 2\n    C = 5\n    D = 8\n')
attempt('@verify(CONTINUOUS)\nclass X(Flag):\n    A = 1\n    B = 2\n    C = 8\n')
X = attempt('@verify(CONTINUOUS)\nclass X(Enum):\n    A = 1\n    B = 2\n'); show(lambda: list(X))
X = attempt('@verify(CONTINUOUS)\nclass X(Enum):\n    A = "a"\n'); show(lambda: list(X))
attempt('@verify(NAMED_FLAGS)\nclass X(Flag):\n    A = 1\n    B = 2\n    ABC = 7\n')
attempt('@verify(NAMED_FLAGS)\nclass X(Flag):\n    A = 1\n    B = 2\n    ABCD = 15\n    BE = 18\n')
X = attempt('@verify(NAMED_FLAGS)\nclass X(Flag):\n    A = 1\n    B = 2\n    AB = 3\n'); show(lambda: X.__members__)
X = attempt('@verify(NAMED_FLAGS)\nclass X(Enum):\n    A = 1\n'); show(lambda: list(X))
attempt('@verify(UNIQUE, CONTINUOUS)\nclass X(IntEnum):\n    A = 1\n    B = 3\n')
show(lambda: unique(3))
show(lambda: (EnumCheck.UNIQUE, list(EnumCheck), CONTINUOUS, NAMED_FLAGS))

print('-- global_enum')
X = attempt('@global_enum\nclass X(Enum):\n    AA = 1\n    BB = 2\n'); show(lambda: (X.AA, str(X.AA), format(X.AA), X, X.AA.name))
X = attempt('@global_enum\nclass X(IntEnum):\n    AA = 1\n'); show(lambda: (X.AA, str(X.AA)))
X = attempt('@global_enum\nclass X(IntFlag):\n    AA = 1\n    BB = 2\n'); show(lambda: (X.AA, X.AA | X.BB, str(X.AA | X.BB), X(0), X(5)))
X = attempt('def g(c): return global_enum(c, update_str=True)\n@g\nclass X(Enum):\n    AA = 1\n'); show(lambda: (X.AA, str(X.AA)))
module = types.ModuleType('glob_mod')
sys.modules['glob_mod'] = module
exec('import enum\n@enum.global_enum\nclass Y(enum.Enum):\n    QQ = 1\n', module.__dict__)
show(lambda: (module.Y.QQ, module.QQ is module.Y.QQ))

print('-- helpers')
show(lambda: [enum.bin(v) for v in (7, 0, 1, -1, -5, 255, 10, -3)])
show(lambda: [enum.bin(v, w) for v, w in ((7, 4), (8, 4), (5, 3), (-5, 8), (256, 3), (3, 5), (-3, 6))])
show(lambda: (enum.show_flag_values(13), enum.show_flag_values(0), enum.show_flag_values(22)))
