#!/usr/bin/python3
# TimelineJS has no official schema: these are the documented members and
# TimelineJS3's own runtime rules, verbatim from ../shared/validators/README.md
# (section "TimelineJS JSON"), which says where each comes from.
#   timelinejs-check.py TIMELINE.json
import json, re, sys
d, err = json.load(open(sys.argv[1])), []
def date(x, w):
    if not isinstance(x, dict) or 'year' not in x:
        return err.append(w + ': date object needs "year"')
    for k, (lo, hi) in {'year': (None, None), 'month': (1, 12), 'day': (1, 31), 'hour': (0, 23),
                        'minute': (0, 59), 'second': (0, 59), 'millisecond': (0, None)}.items():
        if k in x:
            v = str(x[k]).strip()
            if v == '' and k != 'year': continue  # TimelineJS treats '' as absent (official examples use it)
            if not re.fullmatch(r'-?\d+', v): err.append(f'{w}.{k}: {x[k]!r} is not a whole number')
            elif (lo is not None and int(v) < lo) or (hi is not None and int(v) > hi): err.append(f'{w}.{k}: {v} out of range')
def slide(s, w, title=False):
    if not isinstance(s, dict): return err.append(w + ': not an object')
    if not title or str((s.get('start_date') or {}).get('year', '')).strip():  # title: start_date optional
        date(s.get('start_date'), w + '.start_date')
    if 'end_date' in s: date(s['end_date'], w + '.end_date')
    if 'media' in s and not (isinstance(s['media'], dict) and isinstance(s['media'].get('url'), str)): err.append(w + '.media: needs "url"')
    if 'autolink' in s and not isinstance(s['autolink'], bool): err.append(w + '.autolink: not a boolean')
ev = d.get('events') if isinstance(d, dict) else None
if not isinstance(ev, list) or not ev: err.append('"events" must be a non-empty list of slides')
for i, s in enumerate(ev or []): slide(s, f'events[{i}]')
if 'title' in d: slide(d['title'], 'title', title=True)
for i, e in enumerate(d.get('eras', []) if isinstance(d, dict) else []):
    date(e.get('start_date'), f'eras[{i}].start_date'); date(e.get('end_date'), f'eras[{i}].end_date')
if isinstance(d, dict) and d.get('scale', 'human') not in ('human', 'cosmological'): err.append('"scale" must be human or cosmological')
ids = [s.get('unique_id') for s in (ev or []) + [d.get('title') or {}] if isinstance(s, dict) and s.get('unique_id')]
if len(ids) != len(set(ids)): err.append('unique_id values repeat')
print('\n'.join(err) or 'valid (documented required members present)'); sys.exit(1 if err else 0)
