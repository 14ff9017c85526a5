#!/usr/bin/python3
# ties-to-dot.py: the network of a Ties document as an undirected DOT graph
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: ties-to-dot.py DOC.ties.json OUT.dot
#
# One node per actor, labelled beside it with its name as Ties labels it;
# one edge per pair of actors that share an event, weighted by the number
# of events, as Ties' network counts them. A pinned actor keeps its place
# as pos="x,y!" (honoured by neato and fdp; sfdp 2.43 ignores it). Prints
# "ACTORS TIES PINNED".

import itertools
import json
import sys


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    if len(sys.argv) != 3:
        sys.stderr.write("usage: ties-to-dot.py DOC.ties.json OUT.dot\n")
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)

    index = {actor["id"]: i for i, actor in enumerate(doc["actors"])}
    weights = {}
    for event in doc["events"]:
        people = sorted({index[p] for p in event.get("participants") or [] if p in index})
        for a, b in itertools.combinations(people, 2):
            weights[(a, b)] = weights.get((a, b), 0) + 1

    pinned = 0
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write('graph G {\n  node [shape=circle, width=0.25, fixedsize=true, style=filled, label=""];\n')
        for i, actor in enumerate(doc["actors"]):
            attrs = ["xlabel=" + quote(actor.get("name") or actor["id"])]
            position = actor.get("position")
            if position and position.get("pinned"):
                # Ties' y grows downwards, DOT's upwards.
                attrs.append('pos="%s,%s!"' % (position["x"], -position["y"]))
                pinned += 1
            f.write("  n%d [%s];\n" % (i, ", ".join(attrs)))
        for (a, b), w in sorted(weights.items()):
            f.write("  n%d -- n%d [weight=%d];\n" % (a, b, w))
        f.write("}\n")

    print(len(index), len(weights), pinned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
