#!/usr/bin/python3
# Writes the same placed graph twice, for timing rendering alone:
#   gen-positioned.py N OUT.ties.json OUT.dot
# N actors at fixed places (every actor pinned, so `ties --export` draws
# without laying out), about 5 ties per actor (2.5 N two-person events);
# the DOT file has the same nodes, edges and positions for `neato -n2`.
import json
import random
import sys

n = int(sys.argv[1])
rng = random.Random(n)
side = 60.0 * n ** 0.5

actors = []
for i in range(n):
    actors.append({
        'id': f'a{i}', 'name': f'Actor {i}', 'kind': 'person' if i % 5 else 'organisation',
        'role': '', 'affiliation': None, 'color': None, 'aliases': [], 'notes': '',
        'position': {'x': round(rng.uniform(0, side), 1), 'y': round(rng.uniform(0, side), 1), 'pinned': True},
    })

pairs = set()
kinds = ['meeting', 'phone-call', 'email']
events = []
while len(events) < n * 5 // 2:
    a = rng.randrange(n)
    # Mostly near neighbours in index, as communities would be.
    b = (a + rng.choice([1, 2, 3, 5, 8, rng.randrange(n)])) % n
    if a == b or (min(a, b), max(a, b)) in pairs:
        continue
    pairs.add((min(a, b), max(a, b)))
    events.append({
        'id': f'e{len(events)}', 'title': f'Event {len(events)}', 'kind': kinds[len(events) % 3],
        'date': f'2019-{1 + len(events) % 12:02d}', 'date_phrase': '', 'place': None,
        'participants': [f'a{a}', f'a{b}'], 'initiator': f'a{a}', 'evidence': [], 'tags': [], 'notes': '',
    })

doc = {
    'format': 'ties', 'version': 1, 'title': f'{n} placed actors', 'description': '',
    'event_kinds': [], 'actors': actors, 'sources': [], 'events': events,
    'view': {'layout': 'force', 'focus': None, 'filter': {'from': None, 'to': None, 'kinds': []}},
}
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write(json.dumps(doc, indent=2, ensure_ascii=False) + '\n')

with open(sys.argv[3], 'w', encoding='utf-8') as f:
    f.write('digraph G {\n  node [shape=circle, style=filled, label=""];\n')
    for i, actor in enumerate(actors):
        p = actor['position']
        f.write(f'  a{i} [pos="{p["x"]},{p["y"]}", xlabel="{actor["name"]}"];\n')
    for (a, b) in sorted(pairs):
        f.write(f'  a{a} -> a{b};\n')
    f.write('}\n')
