#!/usr/bin/python3
# The command line, as scripts use it: exit status, one summary line per
# valid file on stdout, FILE:LINE:COLUMN: lines on stderr for broken ones.
#
#   test-cli.py PATH/TO/ties
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
from xml.etree import ElementTree

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

    def export(self, name, *options, document=SAMPLE):
        out = os.path.join(self.dir.name, name)
        return out, run('--export', out, *options, document)

    def test_export_png(self):
        for scale in ('1', '2'):
            out, r = self.export(f'sample@{scale}.png', '--width', '640', '--height', '480', '--scale', scale)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, 'rb') as f:
                head = f.read(33)
            self.assertEqual(head[:8], b'\x89PNG\r\n\x1a\n')
            width, height = struct.unpack('>II', head[16:24])
            self.assertEqual((width, height), (640 * int(scale), 480 * int(scale)))

    def test_export_svg_and_pdf(self):
        out, r = self.export('sample.svg', '--width', '800', '--height', '600')
        self.assertEqual(r.returncode, 0, r.stderr)
        svg = ElementTree.parse(out).getroot()
        self.assertTrue(svg.tag.endswith('svg'))
        self.assertTrue(svg.get('width').startswith('800'))
        out, r = self.export('sample.pdf')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(open(out, 'rb').read(5), b'%PDF-')
        if shutil.which('pdftotext'):
            text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout
            for name in ('Jacinda Ardern', 'Jack Dorsey', 'Susan Wojcicki'):
                self.assertIn(name, text)

    def test_export_deterministic(self):
        for name in ('a.png', 'a.svg'):
            first, r1 = self.export('1' + name)
            second, r2 = self.export('2' + name)
            self.assertEqual(r1.returncode + r2.returncode, 0)
            self.assertEqual(open(first, 'rb').read(), open(second, 'rb').read(), name)

    def test_export_range(self):
        everything, _ = self.export('all.svg')
        wide, _ = self.export('wide.svg', '--from', '2018', '--to', '2020')
        narrow, r = self.export('narrow.svg', '--from', '2019-09', '--to', '2019-09')
        self.assertEqual(r.returncode, 0, r.stderr)
        # A range that holds every event draws the same picture; one that
        # holds a few does not.
        self.assertEqual(open(everything, 'rb').read(), open(wide, 'rb').read())
        self.assertNotEqual(open(everything, 'rb').read(), open(narrow, 'rb').read())

    def test_export_refusals(self):
        cases = [
            (('--layout', 'spiral'), 2, 'spiral'),
            (('--style', 'sepia'), 2, 'sepia'),
            (('--background', 'glass'), 2, 'glass'),
            (('--from', '2019-13'), 2, '--from'),
            (('--kinds', 'meeting,telepathy'), 2, 'telepathy'),
            (('--focus', 'nobody'), 2, 'nobody'),
            (('--width', '-5'), 2, '--width'),
            (('--scale', '100'), 2, '--scale'),
            (('--format', 'gif'), 2, 'gif'),
        ]
        for options, status, word in cases:
            with self.subTest(options):
                out = os.path.join(self.dir.name, 'refused.png')
                r = run('--export', out, *options, SAMPLE)
                self.assertEqual(r.returncode, status, r.stderr)
                self.assertIn(word, r.stderr)
                self.assertEqual(len(r.stderr.strip().splitlines()), 1)
                self.assertFalse(os.path.exists(out))
        # No extension, no --format.
        r = run('--export', os.path.join(self.dir.name, 'diagram'), SAMPLE)
        self.assertEqual(r.returncode, 2)
        # A broken document: exit 1, nothing written, an existing file kept.
        broken = self.write('broken.ties.json', '{"format": "ties", "version": 1, "actors": 5}')
        out = self.write('kept.png', b'old')
        r = run('--export', out, broken)
        self.assertEqual(r.returncode, 1)
        self.assertIn('broken.ties.json:1:', r.stderr)
        self.assertEqual(open(out, 'rb').read(), b'old')
        self.assertEqual(sorted(os.listdir(self.dir.name)), ['broken.ties.json', 'kept.png'])

    def test_usage_errors(self):
        r = run('--layout', 'radial', SAMPLE)
        self.assertEqual(r.returncode, 2)
        self.assertIn('--export', r.stderr)
        r = run('--no-such-option')
        self.assertEqual(r.returncode, 2)
        self.assertIn('no-such-option', r.stderr)


if __name__ == '__main__':
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f'{result.testsRun - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)
