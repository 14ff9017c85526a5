#!/usr/bin/python3
# The command line, as scripts use it: exit status, one summary line per
# valid file on stdout, FILE:LINE:COLUMN: lines on stderr for broken ones.
#
#   test-cli.py PATH/TO/ties
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

TIES = sys.argv.pop(1) if len(sys.argv) > 1 else 'ties'
ROOT = os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..'))
SAMPLE = os.path.join(ROOT, 'data', 'samples', 'christchurch-call.ties.json')


def run(*args):
    return subprocess.run([TIES, *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, LC_ALL='C.UTF-8'))


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir.name, name)
        with open(path, 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def test_validate_sample(self):
        r = run('--validate', SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, '')
        sample = json.load(open(SAMPLE, encoding='utf-8'))
        m = re.fullmatch(r'(.*): valid: (\d+) actors?, (\d+) events?, (\d+) sources?, (\d+) ties?, (\d+) orphaned evidence items?\n', r.stdout)
        self.assertIsNotNone(m, r.stdout)
        self.assertEqual(m.group(1), SAMPLE)
        self.assertEqual(int(m.group(2)), len(sample['actors']))
        self.assertEqual(int(m.group(3)), len(sample['events']))
        self.assertEqual(int(m.group(4)), len(sample['sources']))
        # One tie per pair of actors sharing an event, counted independently.
        pairs = {tuple(sorted((a, b))) for e in sample['events']
                 for a in set(e['participants']) for b in set(e['participants']) if a < b}
        self.assertEqual(int(m.group(5)), len(pairs))
        self.assertEqual(int(m.group(6)), 0)

    def test_validate_broken(self):
        text = open(SAMPLE, encoding='utf-8').read().replace('"participants": [\n        "ardern",', '"participants": [\n        "jacinda",', 1)
        path = self.write('broken.ties.json', text)
        line = text[:text.index('"jacinda"')].count('\n') + 1
        r = run('--validate', path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, '')
        self.assertRegex(r.stderr, rf'^{re.escape(path)}:{line}:9: \$\.events\[\d+\]\.participants\[0\]: no actor has the id “jacinda”\n$')
        # The file on disk is untouched.
        self.assertEqual(open(path, encoding='utf-8').read(), text)

    def test_several_files(self):
        bad = self.write('bad.ties.json', '{"format": "ties", "version": 1, "actors": [}')
        r = run('--validate', SAMPLE, bad)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        self.assertRegex(r.stderr, rf'^{re.escape(bad)}:1:\d+: not valid JSON: ')

    def test_hostile(self):
        cases = {
            'deep': (b'[' * 100000, 'nesting deeper than 256'),
            'nul': (b'{"format": "ties",\x00 "version": 1}', 'NUL'),
            'utf8': (b'{"format": "ti\xffes"}', 'UTF-8'),
            'empty': (b'', 'empty'),
            'array': (b'[1, 2]', 'JSON object'),
            'truncated': (open(SAMPLE, 'rb').read()[:5000], 'not valid JSON'),
            'newer': (b'{"format": "ties", "version": 7}', 'newer'),
        }
        for name, (data, message) in cases.items():
            with self.subTest(name):
                path = self.write(name + '.ties.json', data)
                r = run('--validate', path)
                self.assertEqual(r.returncode, 1, r.stdout)
                self.assertIn(message, r.stderr)
                self.assertRegex(r.stderr, rf'^{re.escape(path)}:\d+:\d+: ')
                self.assertLess(len(r.stderr.splitlines()), 5)

    def test_missing_file(self):
        r = run('--validate', os.path.join(self.dir.name, 'nope.ties.json'))
        self.assertEqual(r.returncode, 1)
        self.assertIn('nope.ties.json', r.stderr)

    def test_version_and_help(self):
        r = run('--version')
        self.assertEqual(r.returncode, 0)
        self.assertRegex(r.stdout, r'^ties \d+\.\d+\.\d+\n$')
        r = run('--help')
        self.assertEqual(r.returncode, 0)
        self.assertIn('--validate', r.stdout)
        self.assertIn('--version', r.stdout)

    def test_usage_errors(self):
        self.assertEqual(run().returncode, 2)
        r = run('--no-such-option')
        self.assertEqual(r.returncode, 2)
        self.assertIn('no-such-option', r.stderr)


if __name__ == '__main__':
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f'{result.testsRun - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)
