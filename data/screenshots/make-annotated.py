#!/usr/bin/python3
# Makes the annotated article of the workspace screenshots from an article
# of our own, through the command line a researcher scripts: --import
# reads the page, --suggest proposes events, and all but the last proposal
# are accepted as events with their evidence, as the window's Accept does.
#   make-annotated.py TIES ARTICLE.html OUT.ties.json
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import subprocess
import sys

ties, article, out = sys.argv[1:4]
subprocess.run([ties, '--import', article, '-o', out], check=True, stdout=subprocess.DEVNULL)
document = json.load(open(out, encoding='utf-8'))
document['actors'] = [
    {'id': 'ngata', 'name': 'Aroha Ngata', 'kind': 'person', 'role': 'Harbour board chair',
     'aliases': ['Ngata']},
    {'id': 'ruiz', 'name': 'Tomás Ruiz', 'kind': 'person', 'role': 'Mayor', 'aliases': ['Ruiz']},
    {'id': 'tupou', 'name': 'Mele Tupou', 'kind': 'person', 'role': 'Union secretary',
     'aliases': ['Tupou']},
]
document['event_kinds'] = [{'id': 'agreement', 'label': 'Agreement', 'line': 'dash-dot', 'color': '#c061cb'}]
json.dump(document, open(out, 'w', encoding='utf-8'), ensure_ascii=False)

lines = subprocess.run([ties, '--suggest', out], check=True, capture_output=True, text=True).stdout.splitlines()
proposals = [json.loads(line) for line in lines]
text = document['sources'][0]['text']
events = []
for proposal in proposals[:-1]:
    start, end = proposal['start'], proposal['end']
    names = {a['id']: a['name'].split()[-1] for a in document['actors']}
    who = ' and '.join(names[p] for p in proposal['participants'])
    events.append({
        'id': f'{"-".join(proposal["participants"])}-{len(events) + 1}',
        'title': f'{who}: {(proposal["kind"] or "contact").replace("-", " ")}',
        'kind': proposal['kind'] or 'other',
        'date': proposal['date'],
        'date_phrase': proposal['date_phrase'] or '',
        'participants': proposal['participants'],
        'initiator': proposal['initiator'],
        'evidence': [{'source': proposal['source'],
                      'selector': {'exact': proposal['exact'],
                                   'prefix': text[max(0, start - 32):start],
                                   'suffix': text[end:end + 32],
                                   'start': start, 'end': end}}],
        'tags': [], 'notes': '',
    })
document['events'] = events
json.dump(document, open(out, 'w', encoding='utf-8'), ensure_ascii=False)
# Through the app's own save path, so the file is what the app writes.
subprocess.run([ties, '--normalize', out], check=True, stdout=subprocess.DEVNULL)
print(f'{out}: {len(events)} events accepted, 1 left as a proposal')
