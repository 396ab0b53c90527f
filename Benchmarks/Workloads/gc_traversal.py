"""Collections over a large live object graph: the gc_traversal-like workload.

Builds a big graph that stays alive (a forest of Record objects with child lists, back
references to their parents, cross links between trees and per-record dicts and tuples),
then runs full collections over it again and again. Little or nothing is garbage, so the
time is the collector traversing every live container. Between collections a few records
are replaced (leaving small cycles behind), and gc.get_objects() is scanned for the
program's own objects, as a memory-profiling tool would.

Printed: the graph's size, a checksum of a depth-first walk, and how many Record and
Link objects gc.get_objects() found (all of them, on any correct interpreter).

Usage: gc_traversal.py [SIZE] | --quick   (default 6: SIZE x 20,000 records)
"""

import sys
import gc

FANOUT = 6


class Record:
    def __init__(self, key, parent):
        self.key = key
        self.parent = parent
        self.children = []
        self.tags = {"key": key, "depth": 0 if parent is None else parent.tags["depth"] + 1}
        self.span = (key, key + 1, [key])


class Link:
    __slots__ = ("source", "target", "weight")

    def __init__(self, source, target, weight):
        self.source = source
        self.target = target
        self.weight = weight


def build(count):
    roots = []
    records = []
    frontier = []
    for key in range(count):
        if not frontier:
            record = Record(key, None)
            roots.append(record)
        else:
            parent = frontier[0]
            record = Record(key, parent)
            parent.children.append(record)
            if len(parent.children) == FANOUT:
                frontier.pop(0)
        frontier.append(record)
        records.append(record)
        if len(frontier) > 4000:        # start a new tree now and then
            frontier = []
    links = []
    step = 7919
    for i in range(0, count, 3):
        source = records[i]
        target = records[(i * step + 13) % count]
        link = Link(source, target, i % 17)
        source.children.append(link)   # graph edges from records to links and on
        links.append(link)
    return roots, records, links


def walk(roots):
    total = 0
    visited = 0
    seen = set()
    stack = list(roots)
    while stack:
        item = stack.pop()
        if isinstance(item, Link):
            total += item.weight
            continue
        if id(item) in seen:
            continue
        seen.add(id(item))
        visited += 1
        total += item.key % 1000 + item.tags["depth"] + len(item.span[2])
        stack.extend(item.children)
    return visited, total


def replace_some(roots, records, generation):
    count = len(records)
    for i in range(generation % 97, count, 997):
        old = records[i]
        new = Record(old.key, old.parent)
        new.children = old.children
        old.children = [old]             # the old record is left in a cycle of its own
        siblings = roots if old.parent is None else old.parent.children
        siblings[siblings.index(old)] = new
        for child in new.children:
            if isinstance(child, Record):
                child.parent = new
        records[i] = new


def census():
    records = links = 0
    for obj in gc.get_objects():
        kind = type(obj)
        if kind is Record:
            records += 1
        elif kind is Link:
            links += 1
    return records, links


def main():
    size = 1 if "--quick" in sys.argv[1:] else int(sys.argv[1]) if len(sys.argv) > 1 else 6
    count = size * 20000
    roots, records, links = build(count)
    print("gc_traversal", size, "records", len(records), "links", len(links), "trees", len(roots))
    for generation in range(12):
        gc.collect()
        replace_some(roots, records, generation)
        if generation % 4 == 3:
            found_records, found_links = census()
            print("census", generation, found_records >= len(records), found_links == len(links))
    gc.collect()
    found_records, found_links = census()
    print("after collection", found_records, found_links)
    print("walk", walk(roots))


main()
