#!/usr/bin/env python3
# gen-graph.py: a deterministic random social network for the layout benchmark
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: gen-graph.py N PREFIX
# Writes PREFIX.dot (for Graphviz) and PREFIX.edges (for layout-bench):
# "N M" then one "a b weight" line per edge, nodes numbered from 0.
#
# The model: a few communities (about one per 400 actors); inside each,
# preferential attachment gives the skewed degrees of real networks; about
# one tie in ten crosses to another community. About five ties per actor;
# everything is one connected component. Seeded from N only.

import random
import sys


def main():
    n = int(sys.argv[1])
    prefix = sys.argv[2]
    rng = random.Random(n * 7919 + 17)
    n_comm = max(2, n // 400)
    community = [i % n_comm for i in range(n)]
    members = [[] for _ in range(n_comm)]
    ends = [[] for _ in range(n_comm)]
    edges = {}

    def add(a, b):
        if a == b:
            return
        key = (min(a, b), max(a, b))
        # A repeated tie is another shared event: a heavier edge.
        edges[key] = edges.get(key, 0) + 1
        ends[community[a]].append(a)
        ends[community[b]].append(b)

    for i in range(n):
        c = community[i]
        pool = members[c]
        if pool:
            # Five ties on average, one of them maybe across communities.
            for _ in range(5):
                if rng.random() < 0.1 and i > n_comm:
                    j = rng.randrange(i)
                elif ends[c] and rng.random() < 0.7:
                    j = rng.choice(ends[c])
                else:
                    j = rng.choice(pool)
                add(i, j)
        elif i > 0:
            # The first member of a community ties it to the rest.
            add(i, rng.randrange(i))
        pool.append(i)

    keys = sorted(edges)
    with open(prefix + ".edges", "w") as f:
        f.write("%d %d\n" % (n, len(keys)))
        for a, b in keys:
            f.write("%d %d %d\n" % (a, b, edges[(a, b)]))
    with open(prefix + ".dot", "w") as f:
        f.write("graph G {\n  node [shape=circle, width=0.3, fixedsize=true, label=\"\"];\n")
        for i in range(n):
            f.write("  n%d;\n" % i)
        for a, b in keys:
            f.write("  n%d -- n%d [weight=%d];\n" % (a, b, edges[(a, b)]))
        f.write("}\n")


if __name__ == "__main__":
    main()
