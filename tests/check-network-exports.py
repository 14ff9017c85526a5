#!/usr/bin/python3
# The network exports (GraphML, JSON Graph Format), checked by tools that
# share no code with Ties:
#
#   check-network-exports.py PATH/TO/ties VALIDATORS_DIR DOCUMENT.ties.json
#
# - the file passes the official GraphML 1.1 XSDs (VALIDATORS_DIR/graphml)
#   with the xmllint command VALIDATORS_DIR/README.md documents;
# - networkx reads it (when Debian's python3-networkx is there), and its
#   nodes, edges, weights and attributes are what the document says,
#   worked out here from the JSON: one node per actor, one edge per pair of
#   actors sharing events, weighted by how many;
# - --kinds filters the edges as it filters the diagram;
# - names with markup, quotes, control characters and other scripts still
#   give a valid file, and come back as written (controls as U+FFFD);
# - the JSON Graph Format export passes the official JGF v2 JSON Schema
#   (VALIDATORS_DIR/jgf) with the command VALIDATORS_DIR/README.md
#   documents, and holds the same graph;
# - the Cytoscape.js export (no official schema) has the elements JSON
#   shape Cytoscape documents, and the same graph;
# - Graphviz reads the DOT export (`dot -Tplain`), and `neato -n2` draws
#   its actors where Ties placed them, y up;
# - the GEXF export passes the official GEXF 1.3 RELAX NG schema
#   (VALIDATORS_DIR/gexf-1.3) with the command VALIDATORS_DIR/README.md
#   recommends, and its spells are the days of each tie's events (read
#   with ElementTree, and with networkx where it knows GEXF 1.3);
# - Python's csv module reads the three CSV tables (events, actors, ties)
#   back to what the document says, commas, quotes and line breaks
#   included, with CRLF row ends as RFC 4180 writes them;
# - the TimelineJS export passes the documented rules (VALIDATORS_DIR/
#   timelinejs-check.py), has a slide per dated event spanning the days
#   its date can mean, and a document with no dated event is refused;
# - places: an actor's own position (and pin), else where the last layout
#   drew it (view.positions), in every format;
# - the validators are not rubber stamps: a broken file fails each;
# - with --gexf-edges=events, the GEXF has an edge per event and pair of
#   its participants, with the event's id, kind, title and date as spell,
#   still valid, read by networkx as a multigraph;
# - the same counts, weights, attributes, places and spells hold on a
#   generated document of about 2,000 actors (tests/bench/generate.py
#   10000), worked out here from its JSON, every actor placed so that
#   `neato -n2` can draw it as Ties placed it.
import csv
import itertools
import xml.etree.ElementTree as ET
import json
import os
import shlex
import subprocess
import sys
import tempfile

ties, validators, sample = sys.argv[1:4]
graphml_dir = os.path.join(validators, 'graphml')
failures = 0
n_test = 0


def check(ok, what):
    global failures, n_test
    n_test += 1
    print(('ok' if ok else 'not ok') + ' %d - %s' % (n_test, what))
    if not ok:
        failures += 1


def validate(path):
    # Verbatim from VALIDATORS_DIR/README.md, section "GraphML".
    env = dict(os.environ, XML_CATALOG_FILES=os.path.join(graphml_dir, 'catalog.xml'))
    run = subprocess.run(['xmllint', '--nonet', '--noout', '--schema',
                          os.path.join(graphml_dir, 'graphml.xsd'), path],
                         env=env, capture_output=True, text=True)
    return run.returncode == 0, run.stderr


def validate_jgf(path):
    # As VALIDATORS_DIR/README.md, section "JSON Graph Format v2", runs it.
    from jsonschema import Draft7Validator
    schema = json.load(open(os.path.join(validators, 'jgf', 'json-graph-schema_v2.json')))
    Draft7Validator.check_schema(schema)
    errors = list(Draft7Validator(schema).iter_errors(json.load(open(path, encoding='utf-8'))))
    return not errors, '; '.join(e.message[:200] for e in errors)


def export(document, out, *options):
    run = subprocess.run([ties, '--export', out, *options, document], capture_output=True, text=True)
    if run.returncode != 0:
        print('# ties failed: ' + run.stderr)
    return run.returncode


def read_gexf(path):
    # networkx 2.8 (Debian 12) knows GEXF up to 1.2draft, whose elements
    # 1.3 keeps: it reads the file with 1.2draft's namespaces.
    try:
        return networkx.read_gexf(path, version='1.3')
    except networkx.NetworkXError:
        text = open(path, encoding='utf-8').read()
        text = text.replace('"http://gexf.net/1.3/viz"', '"http://www.gexf.net/1.2draft/viz"')
        text = text.replace('"http://gexf.net/1.3"', '"http://www.gexf.net/1.2draft"')
        text = text.replace('version="1.3"', 'version="1.2"')
        older = path + '.1.2draft.gexf'
        with open(older, 'w', encoding='utf-8') as f:
            f.write(text)
        return networkx.read_gexf(older, version='1.2draft')


def expected_event_edges(doc):
    # Per event, its distinct participants' pairs, the smaller id first.
    edges = []
    for event in doc['events']:
        people = sorted(set(event.get('participants', [])))
        for a, b in itertools.combinations(people, 2):
            edges.append((a, b, event))
    return edges


def day_range(date):
    # The first and last day an EDTF date of the generator can mean:
    # "YYYY", "YYYY-MM", "YYYY-MM-DD", with a "~" or "?", or a/b.
    import calendar
    if '/' in date:
        first, last = date.split('/', 1)
        return day_range(first)[0] if first not in ('', '..') else None, \
            day_range(last)[1] if last not in ('', '..') else None
    date = date.rstrip('~?%')
    parts = date.split('-')
    if len(parts) == 1:
        return '%s-01-01' % parts[0], '%s-12-31' % parts[0]
    if len(parts) == 2 and int(parts[1]) > 12:
        # A season, as northern meteorology has it: winter ends in February.
        year, month = int(parts[0]), 3 + 3 * (int(parts[1]) - 21)
        last_year, last_month = year + (month + 1) // 12, (month + 1) % 12 + 1
        return '%04d-%02d-01' % (year, month), '%04d-%02d-%02d' % (
            last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    if len(parts) == 2:
        days = calendar.monthrange(int(parts[0]), int(parts[1]))[1]
        return '%s-%s-01' % tuple(parts), '%s-%s-%02d' % (parts[0], parts[1], days)
    return date, date


def expected_edges(doc, kinds=None):
    pairs = {}
    for event in doc['events']:
        if kinds is not None and event.get('kind') not in kinds:
            continue
        people = sorted(set(event.get('participants', [])))
        for a, b in itertools.combinations(people, 2):
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return pairs


try:
    import networkx
except ImportError:
    networkx = None
    print('# python3-networkx is missing: the file is validated, not read back')

with tempfile.TemporaryDirectory() as tmp:
    doc = json.load(open(sample, encoding='utf-8'))
    out = os.path.join(tmp, 'sample.graphml')

    check(export(sample, out) == 0, 'the sample exports')
    ok, err = validate(out)
    check(ok, 'the sample passes the GraphML 1.1 XSD' + ('' if ok else ': ' + err))

    if networkx is not None:
        g = networkx.read_graphml(out)
        want = expected_edges(doc)
        check(sorted(g.nodes) == sorted(a['id'] for a in doc['actors']), 'one node per actor')
        got = {tuple(sorted(e)): d['weight'] for *e, d in g.edges(data=True)}
        check(got == {k: float(v) for k, v in want.items()},
              'one edge per pair of actors sharing events, weighted by how many (%d edges)' % len(want))
        ardern = next(a for a in doc['actors'] if a['id'] == 'ardern')
        check(g.nodes['ardern']['label'] == ardern['name'] and g.nodes['ardern']['kind'] == ardern['kind'],
              'an actor keeps its name and kind')
        check(isinstance(g.nodes['ardern']['events'], int)
              and g.nodes['ardern']['events'] == sum('ardern' in e['participants'] for e in doc['events']),
              'an actor\'s event count is a number, and right')
        calls = [e for e in doc['events'] if e['kind'] == 'phone-call'
                 and set(e['participants']) == {'ardern', 'dorsey'}]
        edge = g.edges['ardern', 'dorsey']
        check('phone-call' in edge['kinds'].split('; ') and len(calls) > 0, 'a tie names its kinds')
        check(edge['sources'] == 1 and isinstance(edge['evidence'], int), 'a tie counts its sources and evidence')

    # The filter applies: only phone calls.
    calls = os.path.join(tmp, 'calls.graphml')
    check(export(sample, calls, '--kinds', 'phone-call') == 0, '--kinds exports')
    ok, err = validate(calls)
    check(ok, 'the filtered export passes the XSD' + ('' if ok else ': ' + err))
    if networkx is not None:
        g = networkx.read_graphml(calls)
        want = expected_edges(doc, {'phone-call'})
        check({tuple(sorted(e)) for e in g.edges} == set(want) and len(want) < len(expected_edges(doc)),
              '--kinds phone-call keeps only the ties of phone calls (%d)' % len(want))
        check(g.number_of_nodes() == len(doc['actors']), 'and every actor')

    # Hostile names.
    hostile = {
        'format': 'ties', 'version': 1, 'title': 'Names',
        'actors': [
            {'id': 'a', 'name': 'Ana <b>&amp; "Co" \'x\'', 'kind': 'person'},
            {'id': 'b', 'name': 'Hōne Heke 王小明 مريم', 'kind': 'person', 'aliases': ['Te\u0001Heke'],
             'position': {'x': 1, 'y': 2, 'pinned': True}},
            {'id': 'c', 'name': 'Cy', 'kind': 'group'},
        ],
        'view': {'positions': {'a': [10.5, -3], 'b': [99, 99]}},
        'sources': [],
        'events': [{'id': 'e', 'title': 'Met', 'kind': 'meeting', 'participants': ['a', 'b']}],
    }
    path = os.path.join(tmp, 'hostile.ties.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(hostile, f, ensure_ascii=False)
    names = os.path.join(tmp, 'names.graphml')
    check(export(path, names) == 0, 'names with markup, controls and other scripts export')
    ok, err = validate(names)
    check(ok, 'and pass the XSD' + ('' if ok else ': ' + err))
    if networkx is not None:
        g = networkx.read_graphml(names)
        check(g.nodes['a']['label'] == hostile['actors'][0]['name'], 'markup and quotes come back as written')
        check(g.nodes['b']['label'] == hostile['actors'][1]['name'], 'macrons, CJK and Arabic come back')
        check(g.nodes['b']['aliases'] == 'Te\ufffdHeke', 'a control character becomes U+FFFD')
        check((g.nodes['a']['x'], g.nodes['a']['y'], g.nodes['a']['pinned']) == (10.5, -3.0, False)
              and (g.nodes['b']['x'], g.nodes['b']['y'], g.nodes['b']['pinned']) == (1.0, 2.0, True)
              and 'x' not in g.nodes['c'],
              'GraphML: the laid-out place, the pinned one first, none unknown')

    # JSON Graph Format: the same graph.
    jgf = os.path.join(tmp, 'sample.jgf')
    check(export(sample, jgf) == 0, 'the sample exports as JGF')
    ok, err = validate_jgf(jgf)
    check(ok, 'the JGF passes the JGF v2 schema' + ('' if ok else ': ' + err))
    graph = json.load(open(jgf, encoding='utf-8'))['graph']
    check(sorted(graph['nodes']) == sorted(a['id'] for a in doc['actors']), 'JGF: one node per actor')
    got = {tuple(sorted((e['source'], e['target']))): e['metadata']['weight'] for e in graph['edges']}
    check(got == expected_edges(doc), 'JGF: one edge per pair sharing events, weighted by how many')
    check(all(len(e['metadata']['events']) == e['metadata']['weight'] for e in graph['edges']),
          'JGF: each edge lists its events')
    check(graph['nodes']['ardern']['metadata']['aliases'][0] == 'Ardern', 'JGF: aliases are a list')
    calls_jgf = os.path.join(tmp, 'calls.jgf')
    check(export(sample, calls_jgf, '--kinds', 'phone-call') == 0
          and {tuple(sorted((e['source'], e['target'])))
               for e in json.load(open(calls_jgf, encoding='utf-8'))['graph']['edges']}
          == set(expected_edges(doc, {'phone-call'})), 'JGF: --kinds applies')
    names_jgf = os.path.join(tmp, 'names.jgf')
    check(export(path, names_jgf) == 0 and validate_jgf(names_jgf)[0]
          and json.load(open(names_jgf, encoding='utf-8'))['graph']['nodes']['b']['label']
          == hostile['actors'][1]['name'], 'JGF: other scripts come back as written')
    names_nodes = json.load(open(names_jgf, encoding='utf-8'))['graph']['nodes']
    check(names_nodes['a']['metadata']['position'] == {'x': 10.5, 'y': -3, 'pinned': False}
          and names_nodes['b']['metadata']['position'] == {'x': 1, 'y': 2, 'pinned': True}
          and 'position' not in names_nodes['c']['metadata'], 'JGF: places as in GraphML')

    # Cytoscape.js elements JSON.
    cyjs = os.path.join(tmp, 'sample.cyjs')
    check(export(sample, cyjs) == 0, 'the sample exports as Cytoscape.js JSON')
    cy = json.load(open(cyjs, encoding='utf-8'))
    nodes, edges = cy['elements']['nodes'], cy['elements']['edges']
    check(sorted(n['data']['id'] for n in nodes) == sorted(a['id'] for a in doc['actors'])
          and all(set(n) <= {'data', 'position', 'locked'} for n in nodes), 'Cytoscape: one node per actor')
    check({tuple(sorted((e['data']['source'], e['data']['target']))): e['data']['weight'] for e in edges}
          == expected_edges(doc) and len({e['data']['id'] for e in edges}) == len(edges),
          'Cytoscape: one edge per pair, weighted, with unique ids')
    names_cy = os.path.join(tmp, 'names.cyjs')
    check(export(path, names_cy) == 0, 'Cytoscape: hostile names export')
    by_id = {n['data']['id']: n for n in json.load(open(names_cy, encoding='utf-8'))['elements']['nodes']}
    check(by_id['a']['position'] == {'x': 10.5, 'y': -3} and by_id['a']['locked'] is False
          and by_id['b']['position'] == {'x': 1, 'y': 2} and by_id['b']['locked'] is True
          and 'position' not in by_id['c'] and by_id['b']['data']['label'] == hostile['actors'][1]['name'],
          'Cytoscape: places, pins and names')

    # DOT, read by Graphviz itself.
    def plain(command, path):
        run = subprocess.run(command + ['-Tplain', path], capture_output=True, text=True)
        if run.returncode != 0:
            print('# ' + ' '.join(command) + ' failed: ' + run.stderr)
            return None
        rows = [shlex.split(line) for line in run.stdout.splitlines()]
        return ({r[1]: (float(r[2]), float(r[3])) for r in rows if r[0] == 'node'},
                {tuple(sorted(r[1:3])) for r in rows if r[0] == 'edge'})

    dot = os.path.join(tmp, 'sample.dot')
    check(export(sample, dot) == 0, 'the sample exports as DOT')
    read = plain(['dot'], dot)
    check(read is not None and sorted(read[0]) == sorted(a['id'] for a in doc['actors'])
          and read[1] == set(expected_edges(doc)), 'Graphviz reads every actor and tie of the DOT')
    names_dot = os.path.join(tmp, 'names.dot')
    check(export(path, names_dot) == 0 and plain(['dot'], names_dot) is not None,
          'DOT: quotes, backslashes, controls and other scripts still parse')
    placed = dict(hostile, actors=hostile['actors'][:2],
                  events=hostile['events'], view={'positions': {'a': [10.5, -3]}})
    placed_path = os.path.join(tmp, 'placed.ties.json')
    with open(placed_path, 'w', encoding='utf-8') as f:
        json.dump(placed, f, ensure_ascii=False)
    placed_dot = os.path.join(tmp, 'placed.dot')
    check(export(placed_path, placed_dot) == 0, 'a placed document exports as DOT')
    drawn = plain(['neato', '-n2'], placed_dot)
    if drawn is not None:
        (ax, ay), (bx, by) = drawn[0]['a'], drawn[0]['b']
        # Inches, y up: a at (10.5, 3) and b at (1, -2) in points.
        check(abs((ax - bx) * 72 - 9.5) < 0.01 and abs((ay - by) * 72 - 5) < 0.01,
              'neato -n2 draws the actors where Ties placed them (%.2f, %.2f points apart)'
              % ((ax - bx) * 72, (ay - by) * 72))
    else:
        check(False, 'neato -n2 reads the placed DOT')

    # CSV tables, read by Python's csv module.
    def table(document, name, *options):
        out = os.path.join(tmp, name + '.csv')
        if export(document, out, '--table', name, *options) != 0:
            return None, None
        raw = open(out, 'rb').read()
        with open(out, newline='', encoding='utf-8') as f:
            return list(csv.DictReader(f)), raw

    names_of = {a['id']: a['name'] for a in doc['actors']}
    events, raw = table(sample, 'events')
    check(events is not None and [e['id'] for e in events] == [e['id'] for e in doc['events']],
          'CSV events: a row per event, in order')
    check(raw is not None and raw.count(b'\r\n') >= len(doc['events']) + 1 and not raw.startswith(b'\xef\xbb\xbf'),
          'CSV: CRLF row ends, no byte-order mark')
    by_id = {e['id']: e for e in doc['events']}
    davos = next(e for e in events if e['id'] == 'davos-dinner')
    check(davos['date'] == '2019-01-22/2019-01-25' and davos['start'] == '2019-01-22' and davos['end'] == '2019-01-25',
          'CSV events: the EDTF date and its first and last day')
    check(all(e['participants'].split('; ') == [names_of[p] for p in by_id[e['id']]['participants']] for e in events),
          'CSV events: participants by name')
    check(davos['quotes'].split('\n') == [ev['selector']['exact'] for ev in by_id['davos-dinner']['evidence']]
          and davos['notes'] == by_id['davos-dinner']['notes'], 'CSV events: quotes and notes with quotes and commas')
    actors, _ = table(sample, 'actors')
    check(actors is not None and [a['id'] for a in actors] == [a['id'] for a in doc['actors']]
          and next(a for a in actors if a['id'] == 'ardern')['events']
          == str(sum('ardern' in e['participants'] for e in doc['events'])), 'CSV actors: a row each, with events')
    ties_rows, _ = table(sample, 'ties')
    check(ties_rows is not None
          and {tuple(sorted((t['source'], t['target']))): int(t['weight']) for t in ties_rows} == expected_edges(doc),
          'CSV ties: the edge list, weighted')
    calls_rows, _ = table(sample, 'events', '--kinds', 'phone-call')
    check(calls_rows is not None and {e['kind'] for e in calls_rows} == {'phone-call'}
          and len(calls_rows) == sum(e['kind'] == 'phone-call' for e in doc['events']), 'CSV: --kinds applies')
    odd = dict(hostile, events=[dict(hostile['events'][0], title='Met, "again"\nand again', notes='a,b')])
    odd_path = os.path.join(tmp, 'odd.ties.json')
    with open(odd_path, 'w', encoding='utf-8') as f:
        json.dump(odd, f, ensure_ascii=False)
    odd_rows, _ = table(odd_path, 'events')
    check(odd_rows is not None and odd_rows[0]['title'] == 'Met, "again"\nand again'
          and odd_rows[0]['participants'] == 'Ana <b>&amp; "Co" \'x\'; Hōne Heke 王小明 مريم',
          'CSV: commas, quotes, line breaks and other scripts round-trip')

    # GEXF 1.3, dynamic.
    def validate_gexf(path):
        run = subprocess.run(['xmllint', '--noout', '--relaxng',
                              os.path.join(validators, 'gexf-1.3', 'gexf.rng'), path],
                             capture_output=True, text=True)
        return run.returncode == 0, run.stderr

    gexf = os.path.join(tmp, 'sample.gexf')
    check(export(sample, gexf) == 0, 'the sample exports as GEXF')
    ok, err = validate_gexf(gexf)
    check(ok, 'the GEXF passes the GEXF 1.3 RELAX NG schema' + ('' if ok else ': ' + err))
    ns = {'g': 'http://gexf.net/1.3', 'viz': 'http://gexf.net/1.3/viz'}
    root = ET.parse(gexf).getroot()
    graph = root.find('g:graph', ns)
    check(graph.get('mode') == 'dynamic' and graph.get('timeformat') == 'date', 'GEXF: a dynamic graph of dates')
    check(sorted(n.get('id') for n in graph.iterfind('g:nodes/g:node', ns)) == sorted(a['id'] for a in doc['actors']),
          'GEXF: one node per actor')
    gexf_edges = {tuple(sorted((e.get('source'), e.get('target')))): e for e in graph.iterfind('g:edges/g:edge', ns)}
    check({k: int(e.get('weight')) for k, e in gexf_edges.items()} == expected_edges(doc), 'GEXF: one edge per pair, weighted')
    pair = [e for e in doc['events'] if set(e['participants']) >= {'ardern', 'dorsey'}]
    spells = [(s.get('start'), s.get('end')) for s in gexf_edges[('ardern', 'dorsey')].iterfind('g:spells/g:spell', ns)]
    check(len(spells) == sum(bool(e.get('date')) for e in pair) and ('2019-04-01', '2019-04-30') in spells
          and ('2019-09-09', '2019-09-09') in spells and all(a <= b for a, b in spells),
          'GEXF: a tie\'s spells are its events\' days ("2019-04" is all of April)')
    try:
        g = networkx.read_gexf(gexf, version='1.3') if networkx is not None else None
    except (ValueError, KeyError, networkx.NetworkXError) as e:
        g = None
        print('# this networkx does not read GEXF 1.3 (%s): checked with ElementTree only' % e)
    if g is not None:
        check(g.number_of_edges() == len(expected_edges(doc)) and len(g.edges['ardern', 'dorsey']['spells']) == len(spells),
              'networkx reads the GEXF, spells included')
    names_gexf = os.path.join(tmp, 'names.gexf')
    check(export(path, names_gexf) == 0 and validate_gexf(names_gexf)[0], 'GEXF: hostile names still validate')
    node_a = ET.parse(names_gexf).getroot().find(".//g:node[@id='a']", ns)
    position = node_a.find('viz:position', ns)
    check(node_a.get('label') == hostile['actors'][0]['name'] and position is not None
          and (float(position.get('x')), float(position.get('y'))) == (10.5, 3.0),
          'GEXF: names as written, places with y up')
    broken_gexf = os.path.join(tmp, 'broken.gexf')
    with open(broken_gexf, 'w', encoding='utf-8') as f:
        f.write(open(gexf, encoding='utf-8').read().replace('start="2019-04-01"', 'start="2019-13-01"', 1))
    check(not validate_gexf(broken_gexf)[0], 'a spell on the 13th month fails the GEXF schema')

    # TimelineJS, against its documented rules.
    def validate_timeline(path):
        run = subprocess.run(['/usr/bin/python3', os.path.join(validators, 'timelinejs-check.py'), path],
                             capture_output=True, text=True)
        return run.returncode == 0, run.stdout

    timeline = os.path.join(tmp, 'sample.timelinejs')
    check(export(sample, timeline) == 0, 'the sample exports as a TimelineJS timeline')
    ok, err = validate_timeline(timeline)
    check(ok, 'the timeline passes TimelineJS\'s documented rules' + ('' if ok else ': ' + err))
    slides = json.load(open(timeline, encoding='utf-8'))['events']
    check([s['unique_id'] for s in slides] == [e['id'] for e in doc['events'] if e.get('date')],
          'a slide per dated event, in order')
    april = next(s for s in slides if s['unique_id'] == 'dorsey-phone-call')
    check(april['start_date'] == {'year': '2019', 'month': '4', 'day': '1'}
          and april['end_date'] == {'year': '2019', 'month': '4', 'day': '30'}
          and april['display_date'] == 'April 2019' and april['group'] == 'Phone call',
          'a slide spans the days its date can mean ("2019-04": all of April), in words too')
    dated = dict(hostile, events=[dict(hostile['events'][0], date='2021-03~')])
    dated_path = os.path.join(tmp, 'dated.ties.json')
    with open(dated_path, 'w', encoding='utf-8') as f:
        json.dump(dated, f, ensure_ascii=False)
    names_timeline = os.path.join(tmp, 'names.timelinejs')
    check(export(dated_path, names_timeline) == 0
          and '&lt;b&gt;' in json.load(open(names_timeline, encoding='utf-8'))['events'][0]['text']['text']
          and json.load(open(names_timeline, encoding='utf-8'))['events'][0]['display_date'] == 'March 2021 (approx.)',
          'TimelineJS: names are escaped HTML, an approximate date says so')
    undated = dict(hostile, events=[dict(hostile['events'][0])])
    undated_path = os.path.join(tmp, 'undated.ties.json')
    with open(undated_path, 'w', encoding='utf-8') as f:
        json.dump(undated, f, ensure_ascii=False)
    empty = os.path.join(tmp, 'empty.timelinejs')
    check(export(undated_path, empty) != 0 and not os.path.exists(empty),
          'a document with no dated event is refused, and nothing is written')
    broken_timeline = os.path.join(tmp, 'broken.timelinejs')
    data = json.load(open(timeline, encoding='utf-8'))
    data['events'][0]['start_date']['month'] = '13'
    with open(broken_timeline, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    check(not validate_timeline(broken_timeline)[0], 'a thirteenth month fails the TimelineJS check')

    broken_jgf = os.path.join(tmp, 'broken.jgf')
    data = json.load(open(jgf, encoding='utf-8'))
    del data['graph']['edges'][0]['target']
    with open(broken_jgf, 'w', encoding='utf-8') as f:
        json.dump(data, f)
    check(not validate_jgf(broken_jgf)[0], 'an edge without a target fails the JGF schema')

    # The validator can fail: an edge to no node.
    broken = os.path.join(tmp, 'broken.graphml')
    text = open(out, encoding='utf-8').read().replace('target="dorsey"', 'target="nobody"', 1)
    with open(broken, 'w', encoding='utf-8') as f:
        f.write(text)
    check(not validate(broken)[0], 'an edge to an unknown node fails the XSD')

    # One edge per event.
    per_event = os.path.join(tmp, 'events.gexf')
    check(export(sample, per_event, '--gexf-edges=events') == 0, 'the sample exports with an edge per event')
    ok, err = validate_gexf(per_event)
    check(ok, 'the per-event GEXF passes the GEXF 1.3 RELAX NG schema' + ('' if ok else ': ' + err))
    want = expected_event_edges(doc)
    root = ET.parse(per_event).getroot()
    edge_elements = list(root.iterfind('g:graph/g:edges/g:edge', ns))

    def attvalues(element):
        return {a.get('for'): a.get('value') for a in element.iterfind('g:attvalues/g:attvalue', ns)}

    got = sorted((e.get('source'), e.get('target'), attvalues(e)['event']) for e in edge_elements)
    check(got == sorted((a, b, event['id']) for a, b, event in want),
          'per-event GEXF: an edge per event and pair of its participants (%d)' % len(want))
    by_event = {e['id']: e for e in doc['events']}
    check(all(attvalues(e).get('kind') == by_event[attvalues(e)['event']]['kind']
              and attvalues(e).get('date') == by_event[attvalues(e)['event']].get('date')
              and e.get('weight') == '1' for e in edge_elements),
          'per-event GEXF: each edge has its event\'s kind and date, weight 1')
    davos_spells = [[(s.get('start'), s.get('end')) for s in e.iterfind('g:spells/g:spell', ns)]
                    for e in edge_elements if attvalues(e)['event'] == 'davos-dinner']
    check(davos_spells and all(s == [('2019-01-22', '2019-01-25')] for s in davos_spells),
          'per-event GEXF: an edge\'s spell is its event\'s days')
    if networkx is not None:
        g = read_gexf(per_event)
        check(g.is_multigraph() and g.number_of_edges() == len(want)
              and g.number_of_nodes() == len(doc['actors']),
              'networkx reads the per-event GEXF as a multigraph of %d edges' % len(want))
    run = subprocess.run([ties, '--export', os.path.join(tmp, 'x.graphml'), '--gexf-edges=events', sample],
                         capture_output=True, text=True)
    check(run.returncode != 0 and 'gexf-edges' in run.stderr, '--gexf-edges with another format is refused')
    run = subprocess.run([ties, '--export', os.path.join(tmp, 'x.gexf'), '--gexf-edges=pairs', sample],
                         capture_output=True, text=True)
    check(run.returncode != 0 and 'pairs' in run.stderr, '--gexf-edges takes only ties or events')

    # A generated document of about 2,000 actors, every one placed.
    generated = os.path.join(tmp, 'generated.ties.json')
    subprocess.run(['/usr/bin/python3', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'bench', 'generate.py'),
                    '10000', generated], check=True)
    big = json.load(open(generated, encoding='utf-8'))
    for i, actor in enumerate(big['actors']):
        if not actor.get('position'):
            actor['position'] = {'x': float(i % 50) * 40.5, 'y': float(i // 50) * -30.25, 'pinned': i % 3 == 0}
    with open(generated, 'w', encoding='utf-8') as f:
        json.dump(big, f, ensure_ascii=False)
    ids = sorted(a['id'] for a in big['actors'])
    place = {a['id']: (a['position']['x'], a['position']['y']) for a in big['actors']}
    want = expected_edges(big)
    events_of = {a: 0 for a in ids}
    for event in big['events']:
        for p in set(event.get('participants', [])):
            events_of[p] += 1
    dated_of = {}
    for event in big['events']:
        if event.get('date'):
            for a, b in itertools.combinations(sorted(set(event.get('participants', []))), 2):
                dated_of.setdefault((a, b), []).append(day_range(event['date']))
    what = 'generated (%d actors, %d ties)' % (len(ids), len(want))
    check(len(ids) >= 1500, what + ': about 2,000 actors')

    out = os.path.join(tmp, 'generated.graphml')
    check(export(generated, out) == 0 and validate(out)[0], what + ': the GraphML exports and passes the XSD')
    if networkx is not None:
        g = networkx.read_graphml(out)
        check(sorted(g.nodes) == ids, what + ': GraphML: one node per actor')
        check({tuple(sorted(e)): d['weight'] for *e, d in g.edges(data=True)} == {k: float(v) for k, v in want.items()},
              what + ': GraphML: one edge per pair, weighted by events')
        check(all(g.nodes[a]['events'] == events_of[a] for a in ids), what + ': GraphML: events per actor')
        check(all((g.nodes[a]['x'], g.nodes[a]['y']) == place[a] for a in ids), what + ': GraphML: places')

    gexf = os.path.join(tmp, 'generated.gexf')
    check(export(generated, gexf) == 0 and validate_gexf(gexf)[0], what + ': the GEXF exports and passes the schema')
    if networkx is not None:
        g = read_gexf(gexf)
        check(sorted(g.nodes) == ids and not g.is_multigraph(), what + ': GEXF: one node per actor')
        check({tuple(sorted(e)): d['weight'] for *e, d in g.edges(data=True)} == {k: float(v) for k, v in want.items()},
              what + ': GEXF: one edge per pair, weighted by events')
        check(all(g.nodes[a]['events'] == events_of[a] for a in ids), what + ': GEXF: events per actor')
        check(all((g.nodes[a]['viz']['position']['x'], -g.nodes[a]['viz']['position']['y'] + 0.0)
                  == (place[a][0], place[a][1] + 0.0) for a in ids), what + ': GEXF: places, y up')
        # networkx reads an open end as the text "None".
        def spells(pairs):
            return sorted((str(a), str(b)) for a, b in pairs)
        spells_ok = all(spells(d.get('spells', [])) == spells(dated_of.get(tuple(sorted(e)), []))
                        for *e, d in g.edges(data=True))
        check(spells_ok, what + ': GEXF: each tie\'s spells are its dated events\' days')
    per_event = os.path.join(tmp, 'generated-events.gexf')
    check(export(generated, per_event, '--gexf-edges=events') == 0 and validate_gexf(per_event)[0],
          what + ': the per-event GEXF exports and passes the schema')
    if networkx is not None:
        g = read_gexf(per_event)
        event_edges = expected_event_edges(big)
        check(g.number_of_edges() == len(event_edges)
              and sorted((min(a, b), max(a, b), d['event']) for a, b, d in g.edges(data=True))
              == sorted((a, b, e['id']) for a, b, e in event_edges),
              what + ': per-event GEXF: %d edges, one per event and pair' % len(event_edges))

    jgf = os.path.join(tmp, 'generated.jgf')
    check(export(generated, jgf) == 0 and validate_jgf(jgf)[0], what + ': the JGF exports and passes the schema')
    graph = json.load(open(jgf, encoding='utf-8'))['graph']
    check(sorted(graph['nodes']) == ids
          and {tuple(sorted((e['source'], e['target']))): e['metadata']['weight'] for e in graph['edges']} == want
          and all(graph['nodes'][a]['metadata']['events'] == events_of[a] for a in ids)
          and all((graph['nodes'][a]['metadata']['position']['x'], graph['nodes'][a]['metadata']['position']['y'])
                  == place[a] for a in ids), what + ': JGF: nodes, weighted edges, events and places')

    cyjs = os.path.join(tmp, 'generated.cyjs')
    check(export(generated, cyjs) == 0, what + ': the Cytoscape.js JSON exports')
    # networkx's cytoscape_graph() wants its own "value" and "name" members.
    elements = json.load(open(cyjs, encoding='utf-8'))['elements']
    check(sorted(n['data']['id'] for n in elements['nodes']) == ids
          and {tuple(sorted((e['data']['source'], e['data']['target']))): e['data']['weight']
               for e in elements['edges']} == want,
          what + ': Cytoscape: nodes and weighted edges')
    check(all((n['position']['x'], n['position']['y']) == place[n['data']['id']]
              and n['data']['events'] == events_of[n['data']['id']] for n in elements['nodes']),
          what + ': Cytoscape: events and places')

    dot = os.path.join(tmp, 'generated.dot')
    check(export(generated, dot) == 0, what + ': the DOT exports')
    # dot's own layout of 2,000 actors takes minutes; neato -n2 keeps Ties' places.
    drawn = plain(['neato', '-n2'], dot)
    if drawn is not None:
        nodes, edges = drawn
        ax, ay = nodes[ids[0]]
        ok = sorted(nodes) == ids and edges == set(want)
        # -Tplain rounds to a thousandth of an inch, 0.072 points.
        ok = ok and all(abs((nodes[a][0] - ax) * 72 - (place[a][0] - place[ids[0]][0])) < 0.1
                        and abs((nodes[a][1] - ay) * 72 + (place[a][1] - place[ids[0]][1])) < 0.1 for a in ids)
        check(ok, what + ': neato -n2 reads every actor and tie, where Ties placed them')
    else:
        check(False, what + ': neato -n2 reads the DOT')

    tables = {}
    for name in ('events', 'actors', 'ties'):
        tables[name], _ = table(generated, name)
    check(tables['events'] is not None and [e['id'] for e in tables['events']] == [e['id'] for e in big['events']],
          what + ': CSV events: a row per event')
    check(tables['actors'] is not None and sorted(a['id'] for a in tables['actors']) == ids
          and all(int(a['events']) == events_of[a['id']] for a in tables['actors']),
          what + ': CSV actors: a row per actor, with events')
    check(tables['ties'] is not None
          and {tuple(sorted((t['source'], t['target']))): int(t['weight']) for t in tables['ties']} == want,
          what + ': CSV ties: the edge list, weighted')

    timeline = os.path.join(tmp, 'generated.timelinejs')
    check(export(generated, timeline) == 0 and validate_timeline(timeline)[0],
          what + ': the TimelineJS export passes the documented rules')
    slides = json.load(open(timeline, encoding='utf-8'))['events']
    check([s['unique_id'] for s in slides] == [e['id'] for e in big['events'] if e.get('date')],
          what + ': TimelineJS: a slide per dated event')

print('1..%d' % n_test)
sys.exit(1 if failures else 0)
