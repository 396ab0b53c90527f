"""Encoding and decoding JSON: the json_dumps/json_loads-like workload.

Generates a batch of documents shaped like typical API payloads (nested dicts and lists,
short and long strings with escapes and non-ASCII characters, ints, floats, booleans,
None), then round-trips every document through json.dumps and json.loads in several
styles (compact separators, indent with sorted keys, ensure_ascii off) and checks that
the decoded document equals the original. The printed numbers are lengths and character
sums of the encoded text, so the encoder's exact output is compared, not just its length.

Usage: json_roundtrip.py [SIZE] | --quick   (default 8: SIZE x 60 documents)
"""

import sys
import json

WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
         "kappa", "lambda", "mu", "caf\u00e9", "na\u00efve", "\u00fcber", "stra\u00dfe",
         "\u65e5\u672c", "\u0414\u0430", "emoji \U0001F600", "tab\there", "quote\"d",
         "back\\slash", "line\nbreak", "</script>"]


class Generator:
    """A small linear congruential generator, so the documents need no random module."""

    def __init__(self, seed):
        self.state = seed

    def next(self, limit):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state % limit

    def word(self):
        return WORDS[self.next(len(WORDS))]

    def sentence(self, words):
        return " ".join(self.word() for _ in range(words))

    def number(self):
        kind = self.next(4)
        if kind == 0:
            return self.next(1000) - 500
        if kind == 1:
            return self.next(10 ** 6) * 10 ** 6 + self.next(10 ** 6)
        if kind == 2:
            return self.next(100000) / 64.0
        return (self.next(20001) - 10000) / 7.0


def make_user(gen, ident):
    return {
        "id": ident,
        "name": gen.word().title() + " " + gen.word(),
        "email": f"user{ident}@example.org",
        "active": gen.next(2) == 1,
        "score": gen.number(),
        "tags": [gen.word() for _ in range(gen.next(5))],
        "manager": None if gen.next(3) else ident // 2,
    }


def make_document(gen, ident):
    return {
        "kind": "order",
        "id": ident,
        "customer": make_user(gen, ident * 7 + 1),
        "lines": [
            {"sku": f"SKU-{gen.next(100000):05d}", "quantity": gen.next(9) + 1,
             "price": gen.next(100000) / 100, "note": gen.sentence(gen.next(4))}
            for _ in range(gen.next(8) + 1)
        ],
        "history": [[gen.next(1 << 30), gen.word(), gen.number()] for _ in range(gen.next(6))],
        "matrix": [[gen.next(10) for _ in range(4)] for _ in range(4)],
        "meta": {
            "source": gen.word(),
            "flags": {w: gen.next(2) == 0 for w in (gen.word(), gen.word(), gen.word())},
            "comment": gen.sentence(gen.next(12) + 3),
            "empty": {},
            "nothing": [],
        },
    }


def character_sum(text):
    return sum(map(ord, text))


def main():
    size = 1 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 8
    gen = Generator(42)
    documents = [make_document(gen, i) for i in range(size * 60)]
    styles = [
        ("default", {}),
        ("compact", {"separators": (",", ":")}),
        ("pretty", {"indent": 2, "sort_keys": True}),
        ("unicode", {"ensure_ascii": False, "sort_keys": True}),
    ]
    totals = {name: [0, 0] for name, _ in styles}
    mismatches = 0
    for _ in range(12):
        for document in documents:
            for name, options in styles:
                text = json.dumps(document, **options)
                if json.loads(text) != document:
                    mismatches += 1
                totals[name][0] += len(text)
    for name, options in styles:
        totals[name][1] = character_sum(json.dumps(documents, **options))
    whole = json.dumps(documents)
    again = json.loads(whole)
    print("json_roundtrip", size, "documents", len(documents))
    for name, _ in styles:
        print(name, totals[name][0], totals[name][1])
    print("mismatches", mismatches, "whole equal", again == documents)
    print("sample", json.dumps(documents[0]["customer"], sort_keys=True))
    print("sample", json.dumps(documents[-1]["lines"][0], ensure_ascii=False))


main()
