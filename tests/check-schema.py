#!/usr/bin/python3
# Validates Ties documents against the JSON Schema in data/ with an
# independent validator (python3-jsonschema, Draft 2020-12).
#
#   check-schema.py SCHEMA [TIES_BINARY] DOCUMENT...
#
# With a ties binary among the arguments (an executable), also checks that
# documents the schema rejects are rejected by `ties --validate` too, so the
# two definitions of the format cannot drift apart unnoticed.
import copy
import json
import os
import subprocess
import sys
import tempfile

from jsonschema import Draft202012Validator


def main():
    schema = json.load(open(sys.argv[1], encoding='utf-8'))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    ties = None
    failed = 0
    checked = 0
    for path in sys.argv[2:]:
        if os.access(path, os.X_OK) and not path.endswith('.json'):
            ties = path
            continue
        document = json.load(open(path, encoding='utf-8'))
        errors = list(validator.iter_errors(document))
        checked += 1
        for error in errors:
            print(f'{path}: {"/".join(map(str, error.absolute_path))}: {error.message[:200]}')
        failed += bool(errors)
        if ties and not errors:
            failed += check_mutations(validator, ties, document)
    print(f'{checked - failed} passed, {failed} failed')
    return 1 if failed else 0


def check_mutations(validator, ties, document):
    """Breaks a valid document in ways both definitions must refuse."""
    mutations = {
        'newer version': lambda d: d.update(version=2),
        'format': lambda d: d.update(format='other'),
        'actor without id': lambda d: d['actors'][0].pop('id'),
        'bad actor kind': lambda d: d['actors'][0].update(kind='robot'),
        'bad colour': lambda d: d['actors'][0].update(color='red'),
        'bad id': lambda d: d['actors'][0].update(id='has space'),
        'title not a string': lambda d: d['events'][0].update(title=3),
        'participants not a list': lambda d: d['events'][0].update(participants='ardern'),
        'negative offset': lambda d: d['events'][0]['evidence'][0]['selector'].update(start=-1),
        'evidence without exact': lambda d: d['events'][0]['evidence'][0]['selector'].pop('exact'),
        'bad layout': lambda d: d['view'].update(layout='spiral'),
        'place of one number': lambda d: d['view'].update(positions={d['actors'][0]['id']: [1]}),
        'place not numbers': lambda d: d['view'].update(positions={d['actors'][0]['id']: ['a', 2]}),
        'place out of range': lambda d: d['view'].update(positions={d['actors'][0]['id']: [1e12, 2]}),
    }
    failed = 0
    for name, mutate in mutations.items():
        broken = copy.deepcopy(document)
        mutate(broken)
        schema_ok = validator.is_valid(broken)
        with tempfile.NamedTemporaryFile('w', suffix='.ties.json', delete=False, encoding='utf-8') as f:
            json.dump(broken, f, ensure_ascii=False)
        try:
            ties_ok = subprocess.run([ties, '--validate', f.name], capture_output=True).returncode == 0
        finally:
            os.unlink(f.name)
        if schema_ok or ties_ok:
            print(f'mutation "{name}": schema accepts={schema_ok}, ties accepts={ties_ok}; both must refuse')
            failed = 1
    return failed


if __name__ == '__main__':
    sys.exit(main())
