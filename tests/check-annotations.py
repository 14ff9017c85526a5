#!/usr/bin/python3
# The W3C Web Annotation export, checked by tools that share no code with
# Ties:
#
#   check-annotations.py PATH/TO/ties VALIDATORS_DIR DOCUMENT.ties.json
#
# - every annotation passes the 54 MUST assertions of the W3C test suite
#   (VALIDATORS_DIR/web-annotation), run by the very command that
#   VALIDATORS_DIR/README.md documents and tested, each annotation as its
#   own file;
# - the collection and its page pass the suite's collection definitions;
# - each TextPositionSelector, applied to the source's text as the
#   document stores it (Python counts code points), gives back the quote,
#   and prefix and suffix stand right before and after it;
# - orphaned evidence gets the quote alone, and still validates;
# - the validator is not a rubber stamp: a broken annotation fails it.
import copy
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse

from jsonschema import Draft4Validator, RefResolver

# Verbatim from VALIDATORS_DIR/README.md, section "W3C Web Annotation".
README_VALIDATOR = r'''
import json, sys, glob, os, re, datetime
from jsonschema import Draft4Validator, RefResolver, FormatChecker
wa, files = sys.argv[1], sys.argv[2:]
store = {}
for p in glob.glob(os.path.join(wa, 'definitions', '*.json')):
    s = json.load(open(p)); store[s['id']] = s
fc = FormatChecker()
@fc.checks('date-time')  # RFC 3339; jsonschema's own check needs a package Debian lacks
def _dt(v):
    if not isinstance(v, str): return True
    if not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)', v): return False
    datetime.datetime.fromisoformat(v.replace('Z', '+00:00')); return True
musts = json.load(open(os.path.join(wa, 'annotations', 'annotationMusts.test')))['assertions']
rc = 0
for f in files:
    doc, failed = json.load(open(f)), []
    for a in musts:
        s = json.load(open(os.path.join(wa, a)))
        v = Draft4Validator(s, resolver=RefResolver(s.get('id', a), s, store=store), format_checker=fc)
        if not v.is_valid(doc): failed.append(a + ': ' + s.get('errorMessage', ''))
    print(f + (': valid (%d MUST assertions)' % len(musts) if not failed else ': INVALID'))
    for x in failed: print('  FAIL ' + x)
    rc |= bool(failed)
sys.exit(rc)
'''

CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL ' + message)


def export(ties, document, out):
    r = subprocess.run([ties, '--export', out, document], capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, f'ties --export {out} {document}: exit {r.returncode}: {r.stderr.strip()}')
    return json.load(open(out, encoding='utf-8'))


def run_readme_validator(wa, annotations, folder):
    """The README's command on one file per annotation; its exit status."""
    paths = []
    for i, a in enumerate(annotations):
        path = os.path.join(folder, f'annotation-{i}.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(a, f, ensure_ascii=False)
        paths.append(path)
    if not paths:
        return 0, ''
    r = subprocess.run(['/usr/bin/python3', '-', wa, *paths], input=README_VALIDATOR,
                       capture_output=True, text=True, timeout=600)
    return r.returncode, r.stdout


def check_collection(wa, collection, name):
    """The suite has no assertion file for collections; its definitions do
    the checking (model §5)."""
    definitions = json.load(open(os.path.join(wa, 'definitions', 'collections.json'), encoding='utf-8'))
    store = {}
    for entry in os.listdir(os.path.join(wa, 'definitions')):
        s = json.load(open(os.path.join(wa, 'definitions', entry), encoding='utf-8'))
        store[s['id']] = s

    def valid(instance, definition):
        schema = {'$ref': 'collections.json#/definitions/' + definition}
        v = Draft4Validator(schema, resolver=RefResolver('collections.json', definitions, store=store))
        return v.is_valid(instance)

    check(collection.get('@context') == CONTEXT, f'{name}: @context')
    for definition in ('annotationCollectionTypeValueFound', 'labelDefinition', 'totalFound',
                       'firstValidIfPresent', 'firstRequiredIfTotalMoreThanZero', 'lastValidIfPresent'):
        check(valid(collection, definition), f'{name}: collection fails {definition}')
    check(isinstance(collection.get('id'), str) and ':' in collection['id'], f'{name}: collection id')
    page = collection.get('first')
    if collection.get('total', 0) == 0:
        check(page is None, f'{name}: an empty collection has no first page')
        return []
    for definition in ('annotationPageTypeValueFound', 'partOfValidIfPresent', 'nextValidIfPresent',
                       'prevValidIfPresent', 'startIndexDefinition', 'itemsFound'):
        check(valid(page, definition), f'{name}: page fails {definition}')
    check(page.get('partOf') == collection.get('id'), f'{name}: page is not part of its collection')
    check(len(page['items']) == collection['total'], f'{name}: total {collection["total"]} != {len(page["items"])} items')
    return page['items']


def check_positions(document, items, name):
    """Selectors against the text: code points, as Python indexes str."""
    sources = {}
    for s in document['sources']:
        sources[s['id']] = s
        if s.get('url'):
            sources[s['url']] = s
    evidence = [x for e in document['events'] for x in e.get('evidence', [])]
    check(len(items) == len(evidence), f'{name}: {len(items)} annotations for {len(evidence)} evidence items')
    positioned = 0
    for a, x in zip(items, evidence):
        target = a['target']
        source = sources.get(target['source']) or sources.get(target['source'].removeprefix('urn:ties:source:'))
        check(source is not None and source['id'] == x['source'], f'{a["id"]}: target {target["source"]}')
        if source is None:
            continue
        text = source.get('text') or ''
        selectors = target['selector'] if isinstance(target['selector'], list) else [target['selector']]
        quote = [s for s in selectors if s['type'] == 'TextQuoteSelector']
        position = [s for s in selectors if s['type'] == 'TextPositionSelector']
        check(len(quote) == 1 and quote[0]['exact'] == x['selector']['exact'], f'{a["id"]}: quote')
        if not position:
            # Orphaned: the quote is indeed not where the document says.
            sel = x['selector']
            check(text[sel['start']:sel['end']] != sel['exact'], f'{a["id"]}: anchored evidence lost its position')
            check(any(b.get('purpose') == 'commenting' for b in a['body']),
                  f'{a["id"]}: orphaned evidence is not marked as such')
            continue
        positioned += 1
        start, end = position[0]['start'], position[0]['end']
        check(text[start:end] == quote[0]['exact'],
              f'{a["id"]}: text[{start}:{end}] = {text[start:end]!r}, not the quote {quote[0]["exact"]!r}')
        prefix, suffix = quote[0].get('prefix', ''), quote[0].get('suffix', '')
        check(text[max(0, start - len(prefix)):start] == prefix, f'{a["id"]}: prefix is not before the quote')
        check(text[end:end + len(suffix)] == suffix, f'{a["id"]}: suffix is not after the quote')
    return positioned


def main():
    ties, validators, sample_path = sys.argv[1:4]
    wa = os.path.join(validators, 'web-annotation')
    try:
        import rfc3987  # noqa: F401 -- without it the suite's "format": "uri" checks nothing
    except ImportError:
        check(False, 'python3-rfc3987 is missing: ids and sources would go unchecked')
    sample = json.load(open(sample_path, encoding='utf-8'))

    with tempfile.TemporaryDirectory() as folder:
        # The sample.
        collection = export(ties, sample_path, os.path.join(folder, 'sample.jsonld'))
        items = check_collection(wa, collection, 'sample')
        check(len(items) > 0, 'sample: no annotations')
        rc, out = run_readme_validator(wa, items, folder)
        check(rc == 0, 'sample: annotations fail the W3C MUST assertions:\n' + out)
        print(f'sample: {out.count(": valid (54 MUST assertions)")} of {len(items)} annotations valid')
        positioned = check_positions(sample, items, 'sample')
        check(positioned == len(items), f'sample: only {positioned} of {len(items)} annotations have a position')

        # One item orphaned: its quote changed to words not in the text.
        orphaned = copy.deepcopy(sample)
        first = next(e for e in orphaned['events'] if e.get('evidence'))
        first['evidence'][0]['selector']['exact'] = 'Words that the article never printed'
        # and the source's URL an IRI: the export keeps it a URI (ASCII).
        iri = 'https://例え.jp/記事/Māori?q=te reo'
        for source in orphaned['sources']:
            source['url'] = iri
        path = os.path.join(folder, 'orphaned.ties.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(orphaned, f, ensure_ascii=False)
        collection = export(ties, path, os.path.join(folder, 'orphaned.jsonld'))
        items = check_collection(wa, collection, 'orphaned')
        rc, out = run_readme_validator(wa, items, folder)
        check(rc == 0, 'orphaned: annotations fail the W3C MUST assertions:\n' + out)
        check(all(a['target']['source'] == 'https://%E4%BE%8B%E3%81%88.jp/%E8%A8%98%E4%BA%8B/M%C4%81ori?q=te%20reo'
                  for a in items), 'orphaned: an IRI did not become its URI')
        for source in orphaned['sources']:
            source['url'] = urllib.parse.quote(iri, safe=':/?=')
        positioned = check_positions(orphaned, items, 'orphaned')
        check(positioned == len(items) - 1, f'orphaned: {positioned} of {len(items)} positioned, expected all but one')

        # No evidence at all: an empty collection, still valid.
        bare = copy.deepcopy(sample)
        for e in bare['events']:
            e['evidence'] = []
        path = os.path.join(folder, 'bare.ties.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(bare, f, ensure_ascii=False)
        collection = export(ties, path, os.path.join(folder, 'bare.jsonld'))
        check(collection.get('total') == 0, 'bare: total is not 0')
        check_collection(wa, collection, 'bare')

        # The validator can fail: a negative start and a misspelt id each do.
        good = check_collection(wa, export(ties, sample_path, os.path.join(folder, 'again.jsonld')), 'again')[0]
        broken_start = copy.deepcopy(good)
        for s in broken_start['target']['selector']:
            if s['type'] == 'TextPositionSelector':
                s['start'] = -1
        broken_context = copy.deepcopy(good)
        broken_context['@context'] = 'http://www.w3.org/ns/anno.json'
        for broken, what in ((broken_start, 'a negative start'), (broken_context, 'a wrong @context')):
            rc, out = run_readme_validator(wa, [broken], folder)
            check(rc != 0, f'the validator accepts {what}')

    print('annotations: ' + ('FAILED' if failures else 'all checks passed'))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
