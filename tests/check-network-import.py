#!/usr/bin/python3
# The network import, fed by a tool that shares no code with Ties:
#
#   check-network-import.py PATH/TO/ties
#
# - networkx writes a small graph as GEXF and as GraphML (nx.write_gexf,
#   nx.write_graphml: node labels, a kind, weights, directed edges);
#   `ties --import FILE -o OUT.ties.json` makes a document in which every
#   node is an actor (id, name, kind) and every edge is as many undated
#   events between its ends as its weight, the source as initiator;
# - the document validates (`ties --validate`);
# - --into DOC finds the nodes that are DOC's actors rather than adding
#   them again;
# - a file with an edge to no node writes nothing, exits non-zero and
#   names the file and the line.
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx
except ImportError:
    print('1..0 # SKIP python3-networkx is missing')
    sys.exit(77)

ties = sys.argv[1]
failures = 0
n_test = 0


def check(ok, what):
    global failures, n_test
    n_test += 1
    # One TAP line: a program's output quoted in it keeps to that line.
    print(('ok' if ok else 'not ok') + ' %d - %s' % (n_test, ' | '.join(what.strip().splitlines())))
    if not ok:
        failures += 1


def run(*args):
    return subprocess.run([ties, *args], capture_output=True, text=True)


def graph():
    g = networkx.DiGraph()
    g.add_node('ardern', label='Jacinda Ardern', kind='person')
    g.add_node('fb', label='Facebook', kind='organisation')
    g.add_node('Mark Zuckerberg', label='Mark Zuckerberg')
    g.add_edge('ardern', 'Mark Zuckerberg', weight=3)
    g.add_edge('Mark Zuckerberg', 'fb', weight=1)
    g.add_edge('ardern', 'fb')
    return g


# What Ties should make of graph(): node id → (actor id, name, kind),
# and (initiator, other) → number of events.
ACTORS = {
    'ardern': ('ardern', 'Jacinda Ardern', 'person'),
    'fb': ('fb', 'Facebook', 'organisation'),
    # Not a Ties id (a space): one made from the label.
    'Mark Zuckerberg': ('mark-zuckerberg', 'Mark Zuckerberg', 'person'),
}
EVENTS = {
    ('ardern', 'mark-zuckerberg'): 3,
    ('mark-zuckerberg', 'fb'): 1,
    ('ardern', 'fb'): 1,
}


def check_document(path, name):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    actors = {a['id']: (a['id'], a['name'], a['kind']) for a in doc['actors']}
    check(sorted(actors.values()) == sorted(ACTORS.values()),
          '%s: the nodes are the actors, with their labels and kinds: %r' % (name, sorted(actors.values())))
    counts = {}
    undated = True
    for event in doc['events']:
        pair = tuple(event['participants'])
        counts[pair] = counts.get(pair, 0) + 1
        undated = undated and event['date'] is None
        if event['initiator'] != event['participants'][0]:
            check(False, '%s: the source is the initiator of %s' % (name, event['id']))
    check(counts == EVENTS, '%s: each edge is as many events as its weight: %r' % (name, counts))
    check(undated, '%s: the events have no date' % name)
    check(all(name in e['notes'] for e in doc['events']), '%s: the notes name the file' % name)
    result = run('--validate', path)
    check(result.returncode == 0, '%s: the document validates: %s' % (name, result.stdout + result.stderr))


with tempfile.TemporaryDirectory() as tmp:
    g = graph()
    files = {
        'net.gexf': networkx.write_gexf,
        'net.graphml': networkx.write_graphml,
    }
    for name, write in files.items():
        source = os.path.join(tmp, name)
        out = os.path.join(tmp, name + '.ties.json')
        write(g, source)
        result = run('--import', source, '-o', out)
        check(result.returncode == 0, 'ties --import %s: %s' % (name, result.stdout + result.stderr))
        if result.returncode == 0:
            check_document(out, name)

    # Into a document that has Ardern already, under another id.
    base = os.path.join(tmp, 'base.ties.json')
    with open(base, 'w', encoding='utf-8') as f:
        json.dump({'format': 'ties', 'version': 1, 'title': 'Base',
                   'actors': [{'id': 'jacinda', 'name': 'Jacinda Ardern', 'kind': 'person',
                               'aliases': ['Ardern']}],
                   'sources': [], 'events': []}, f)
    out = os.path.join(tmp, 'into.ties.json')
    result = run('--import', os.path.join(tmp, 'net.graphml'), '--into', base, '-o', out)
    check(result.returncode == 0, '--into: %s' % (result.stdout + result.stderr))
    if result.returncode == 0:
        with open(out, encoding='utf-8') as f:
            doc = json.load(f)
        ids = sorted(a['id'] for a in doc['actors'])
        check(ids == ['fb', 'jacinda', 'mark-zuckerberg'], '--into: Ardern is the document\'s actor: %r' % ids)
        check(sum(1 for e in doc['events'] if 'jacinda' in e['participants']) == 4,
              '--into: her edges are her events')

    # A dangling edge: nothing written, the file and line named.
    broken = os.path.join(tmp, 'broken.graphml')
    with open(broken, 'w', encoding='utf-8') as f:
        f.write('<graphml>\n<graph>\n<node id="a"/>\n<edge source="a" target="b"/>\n</graph>\n</graphml>\n')
    out = os.path.join(tmp, 'broken.ties.json')
    result = run('--import', broken, '-o', out)
    check(result.returncode != 0 and not os.path.exists(out), 'a dangling edge writes nothing')
    check('broken.graphml:4: ' in result.stderr and '“b”' in result.stderr,
          'the message names the file, the line and the node: %s' % result.stderr)

print('1..%d' % n_test)
sys.exit(1 if failures else 0)
