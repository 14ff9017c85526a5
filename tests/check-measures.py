#!/usr/bin/python3
# The measures Ties exports agree with networkx's, at its defaults:
#
#   check-measures.py PATH/TO/ties DOCUMENT.ties.json
#
# On the sample and on a generated 2,000-actor document (tests/bench/
# generate.py), the actors table of `ties --export OUT.csv --table actors`
# gives degree, betweenness, closeness and eigenvector centrality equal to
# networkx's (eigenvector with max_iter=1000, as Ties iterates) on the same graph (every actor a node, an edge per pair of
# actors sharing events), and communities whose modularity is within 0.02
# of networkx's Louvain communities. Skipped (exit 77) without networkx.
import csv
import itertools
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx
    from networkx.algorithms.community import louvain_communities, modularity
except ImportError:
    print('1..0 # SKIP python3-networkx is missing')
    sys.exit(77)

ties, sample = sys.argv[1:3]
here = os.path.dirname(os.path.abspath(__file__))
failures = 0
n_test = 0


def check(ok, what):
    global failures, n_test
    n_test += 1
    print(('ok' if ok else 'not ok') + ' %d - %s' % (n_test, what))
    if not ok:
        failures += 1


def graph_of(doc):
    g = networkx.Graph()
    g.add_nodes_from(a['id'] for a in doc['actors'])
    for event in doc['events']:
        for a, b in itertools.combinations(sorted(set(event.get('participants', []))), 2):
            w = g.edges[a, b]['weight'] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, weight=w)
    return g


def compare(document, what, tmp):
    doc = json.load(open(document, encoding='utf-8'))
    out = os.path.join(tmp, 'actors.csv')
    run = subprocess.run([ties, '--export', out, '--table', 'actors', document], capture_output=True, text=True)
    check(run.returncode == 0, what + ': the actors table exports' + ('' if run.returncode == 0 else ': ' + run.stderr))
    if run.returncode != 0:
        return
    rows = {r['id']: r for r in csv.DictReader(open(out, newline='', encoding='utf-8'))}
    g = graph_of(doc)
    for column, measure in (('degree_centrality', networkx.degree_centrality),
                            ('betweenness_centrality', networkx.betweenness_centrality),
                            ('closeness_centrality', networkx.closeness_centrality)):
        want = measure(g)
        worst = max(abs(float(rows[v][column]) - want[v]) for v in g.nodes)
        check(worst < 1e-9, '%s: %s as networkx (largest difference %.2g)' % (what, column, worst))
    # Ties iterates up to 1,000 times, where networkx stops at 100 unless asked.
    want = networkx.eigenvector_centrality(g, max_iter=1000)
    worst = max(abs(float(rows[v]['eigenvector_centrality']) - want[v]) for v in g.nodes)
    check(worst < 1e-9, '%s: eigenvector_centrality as networkx (largest difference %.2g)' % (what, worst))
    check(all(int(rows[v]['weighted_degree']) == g.degree(v, weight='weight') for v in g.nodes),
          what + ': weighted degree is events with others')
    ours = {}
    for v in g.nodes:
        ours.setdefault(int(rows[v]['community']), set()).add(v)
    ours_q = modularity(g, list(ours.values()), weight='weight')
    theirs_q = max(modularity(g, louvain_communities(g, weight='weight', seed=s), weight='weight') for s in range(3))
    check(ours_q >= theirs_q - 0.02, '%s: modularity %.4f of %d communities, networkx Louvain %.4f'
          % (what, ours_q, len(ours), theirs_q))


with tempfile.TemporaryDirectory() as tmp:
    compare(sample, 'the sample', tmp)
    generated = os.path.join(tmp, 'generated.ties.json')
    subprocess.run(['/usr/bin/python3', os.path.join(here, 'bench', 'generate.py'), '10000', generated], check=True)
    compare(generated, 'a generated document', tmp)

print('1..%d' % n_test)
sys.exit(1 if failures else 0)
