#!/usr/bin/python3
# The command line, as scripts use it: exit status, one summary line per
# valid file on stdout, FILE:LINE:COLUMN: lines on stderr for broken ones.
#
#   test-cli.py PATH/TO/ties
import glob
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


def ink(path):
    """How many pixels of an 8-bit RGB or RGBA PNG are not near white."""
    import zlib
    with open(path, 'rb') as f:
        data = f.read()
    width, height, depth, color = struct.unpack('>IIBB', data[16:26])
    assert depth == 8 and color in (2, 6), (depth, color)
    channels = 3 if color == 2 else 4
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack('>I4s', data[at:at + 8])
        if kind == b'IDAT':
            chunks.append(data[at + 8:at + 8 + length])
        at += 12 + length
    raw = zlib.decompress(b''.join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    count = 0
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                row[i] = (row[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        count += sum(1 for x in range(0, stride, channels) if min(row[x:x + 3]) < 200)
        previous = row
    return count


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

    def suggest_lines(self, path):
        r = run('--suggest', path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, '')
        self.assertTrue(r.stdout == '' or r.stdout.endswith('\n'))
        doc = json.load(open(path, encoding='utf-8'))
        texts = {s['id']: s['text'] for s in doc['sources']}
        actors = {a['id'] for a in doc['actors']}
        kinds = {'meeting', 'phone-call', 'email', 'summit', 'public-statement', 'other'}
        kinds |= {k['id'] for k in doc.get('event_kinds', [])}
        lines = [json.loads(line) for line in r.stdout.splitlines()]
        for o in lines:
            self.assertEqual(list(o), ['source', 'start', 'end', 'exact', 'participants',
                                       'kind', 'initiator', 'date', 'date_phrase'])
            # Offsets in code points, as Python counts them.
            self.assertEqual(texts[o['source']][o['start']:o['end']], o['exact'])
            self.assertTrue(o['participants'] and set(o['participants']) <= actors, o)
            self.assertTrue(o['kind'] is None or o['kind'] in kinds, o)
            self.assertTrue(o['initiator'] is None or o['initiator'] in o['participants'], o)
            self.assertTrue(o['date'] is None or isinstance(o['date'], str), o)
            self.assertEqual(o['date'] is None, o['date_phrase'] is None, o)
        return lines

    def test_suggest_sample(self):
        # The sample's events cover nearly every sentence: little is left.
        covered = self.suggest_lines(SAMPLE)
        sample = json.load(open(SAMPLE, encoding='utf-8'))
        sample['events'] = []
        bare = self.suggest_lines(self.write('bare.ties.json', json.dumps(sample)))
        self.assertLess(len(covered), len(bare))
        self.assertGreaterEqual(len(bare), 15)
        calls = [o for o in bare if sorted(o['participants']) == ['ardern', 'zuckerberg']]
        self.assertEqual(len(calls), 1)
        self.assertEqual(calls[0]['kind'], 'phone-call')
        self.assertEqual(calls[0]['initiator'], 'ardern')
        self.assertEqual(calls[0]['date'], '2019-04-17')
        self.assertEqual(calls[0]['date_phrase'], 'on April 17')

    def test_suggest_broken(self):
        text = open(SAMPLE, encoding='utf-8').read().replace('"participants": [\n        "ardern",', '"participants": [\n        "jacinda",', 1)
        path = self.write('broken.ties.json', text)
        line = text[:text.index('"jacinda"')].count('\n') + 1
        r = run('--suggest', path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, '')
        self.assertRegex(r.stderr, rf'^{re.escape(path)}:{line}:9: ')
        r = run('--suggest', '--validate', SAMPLE)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stdout, '')

    def test_several_files(self):
        bad = self.write('bad.ties.json', '{"format": "ties", "version": 1, "actors": [}')
        r = run('--validate', SAMPLE, bad)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(len(r.stdout.splitlines()), 1)
        self.assertRegex(r.stderr, rf'^{re.escape(bad)}:1:45: \$\.actors\[0\]: not valid JSON: ')

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

    def test_not_regular_files(self):
        # Refused at once, without reading (/dev/zero would fill memory)
        # or waiting (a pipe no one writes to blocks forever).
        fifo = os.path.join(self.dir.name, 'pipe.ties.json')
        os.mkfifo(fifo)
        cases = {
            '/dev/zero': 'not a regular file',
            fifo: 'not a regular file',
            self.dir.name: 'folder',
        }
        for path, message in cases.items():
            with self.subTest(path):
                r = subprocess.run([TIES, '--validate', path], capture_output=True, text=True, timeout=10,
                                   env=dict(os.environ, LC_ALL='C.UTF-8'))
                self.assertEqual(r.returncode, 1, r.stdout)
                self.assertEqual(r.stdout, '')
                self.assertRegex(r.stderr, rf'^{re.escape(path)}: .*{message}')
                self.assertEqual(len(r.stderr.splitlines()), 1)

    def test_too_large(self):
        # A sparse file just over the limit: refused by its size, which
        # takes no time and no memory, and the message names the limit.
        path = os.path.join(self.dir.name, 'huge.ties.json')
        with open(path, 'wb') as f:
            f.truncate((1 << 30) + 1)
        r = subprocess.run([TIES, '--validate', path], capture_output=True, text=True, timeout=10,
                           env=dict(os.environ, LC_ALL='C.UTF-8'))
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertRegex(r.stderr, rf'^{re.escape(path)}: the file is too large to open \(1073741825 bytes; at most 1\.0\sGiB, 1073741824 bytes\)\n$')

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

    def test_command_line_loads_no_toolkit(self):
        # Scripts run `ties --export` by the thousand: the command needs
        # no GTK, libadwaita or display, which only the window module
        # (beside it in a build) loads.
        needed = subprocess.run(['readelf', '-d', TIES], capture_output=True, text=True, check=True).stdout
        libraries = re.findall(r'\(NEEDED\).*\[(.+)\]', needed)
        self.assertIn('libcairo.so.2', libraries)
        self.assertFalse([l for l in libraries if re.match(r'lib(gtk|gdk|adwaita)', l)], libraries)
        module = os.path.join(os.path.dirname(TIES), 'libties-window.so')
        needed = subprocess.run(['readelf', '-d', module], capture_output=True, text=True, check=True).stdout
        self.assertIn('libadwaita-1.so.0', needed)

    def test_window_module_missing(self):
        # A command copied without its module says so, instead of crashing.
        installed = [path for prefix in ('/usr/local', '/usr', '/app')
                     for pattern in ('/lib*/ties/libties-window.so', '/lib*/*/ties/libties-window.so')
                     for path in glob.glob(prefix + pattern)]
        if installed:
            self.skipTest('a window module is installed')
        alone = os.path.join(self.dir.name, 'ties')
        shutil.copy(TIES, alone)
        r = subprocess.run([alone], capture_output=True, text=True, timeout=60,
                           env=dict(os.environ, LC_ALL='C.UTF-8', DISPLAY='', WAYLAND_DISPLAY=''))
        self.assertEqual(r.returncode, 1)
        self.assertIn('ties: cannot open a window: ', r.stderr)
        self.assertIn('libties-window.so', r.stderr)

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

    def test_export_jsonld(self):
        # W3C Web Annotations: one per evidence item, in document order.
        out, r = self.export('sample.jsonld')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, '')
        collection = json.load(open(out, encoding='utf-8'))
        self.assertEqual(collection['@context'], 'http://www.w3.org/ns/anno.jsonld')
        self.assertEqual(collection['type'], 'AnnotationCollection')
        items = collection['first']['items']
        sample = json.load(open(SAMPLE, encoding='utf-8'))
        evidence = [(e['id'], x) for e in sample['events'] for x in e.get('evidence', [])]
        self.assertGreater(len(evidence), 0)
        self.assertEqual(collection['total'], len(evidence))
        self.assertEqual(len(items), len(evidence))
        self.assertEqual(len({a['id'] for a in items}), len(items))
        for a, (event_id, x) in zip(items, evidence):
            self.assertEqual(a['type'], 'Annotation')
            self.assertIn(':' + event_id + ':', a['id'])
            quote = [s for s in a['target']['selector'] if s['type'] == 'TextQuoteSelector']
            self.assertEqual(quote[0]['exact'], x['selector']['exact'])
        # --format says it when the name does not; the same bytes.
        other, r = self.export('annotations.json', '--format', 'jsonld')
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(open(other, 'rb').read(), open(out, 'rb').read())
        # Drawing options are refused, and nothing is written.
        refused, r = self.export('refused.jsonld', '--layout', 'circle')
        self.assertEqual(r.returncode, 2)
        self.assertFalse(os.path.exists(refused))

    def test_export_range(self):
        everything, _ = self.export('all.svg')
        wide, _ = self.export('wide.svg', '--from', '2018', '--to', '2020')
        narrow, r = self.export('narrow.svg', '--from', '2019-09', '--to', '2019-09')
        self.assertEqual(r.returncode, 0, r.stderr)
        # A range that holds every event draws the same picture; one that
        # holds a few does not.
        self.assertEqual(open(everything, 'rb').read(), open(wide, 'rb').read())
        self.assertNotEqual(open(everything, 'rb').read(), open(narrow, 'rb').read())

    def test_export_saved_filter(self):
        # The saved view.filter, every part of it, draws as the window
        # shows it; an option replaces only the part it names.
        sample = json.load(open(SAMPLE, encoding='utf-8'))

        def saved(name, **parts):
            doc = json.loads(json.dumps(sample))
            doc['view']['filter'].update(parts)
            return self.write(name, json.dumps(doc, ensure_ascii=False))

        def picture(name, *options, **parts):
            out, r = self.export(name, *options, document=saved(name + '.ties.json', **parts))
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, 'rb') as f:
                return f.read()

        everything = picture('all.svg')
        self.assertEqual(picture('calls-saved.svg', kinds=['phone-call']),
                         picture('calls-option.svg', '--kinds', 'phone-call'))
        drawn = {'everything': everything}
        for name, parts in (('actor', {'actors': ['dorsey']}),
                            ('tie', {'tie': ['ardern', 'dorsey']}),
                            ('text', {'text': 'Zuckerberg'}),
                            ('tie-highlighted', {'tie': ['ardern', 'dorsey'], 'diagram': 'highlight'})):
            drawn[name] = picture(name + '.svg', **parts)
        # Each part draws a picture of its own.
        self.assertEqual(len(set(drawn.values())), len(drawn), list(drawn))
        # The options keep the saved parts they do not name.
        self.assertNotEqual(picture('tie-meetings.svg', '--kinds', 'meeting', tie=['ardern', 'dorsey']),
                            picture('meetings.svg', '--kinds', 'meeting'))

    def test_export_mark_weak_ties(self):
        # Every tie of the sample rests on the one article: marked, the
        # picture changes (and stays the same from run to run); the
        # option is a drawing option, refused without a picture.
        plain, r1 = self.export('plain.png', '--width', '640', '--height', '480')
        marked, r2 = self.export('marked.png', '--width', '640', '--height', '480', '--mark-weak-ties')
        again, r3 = self.export('again.png', '--width', '640', '--height', '480', '--mark-weak-ties')
        self.assertEqual(r1.returncode + r2.returncode + r3.returncode, 0, r2.stderr)
        self.assertEqual(open(marked, 'rb').read(8), b'\x89PNG\r\n\x1a\n')
        self.assertNotEqual(open(plain, 'rb').read(), open(marked, 'rb').read())
        self.assertEqual(open(marked, 'rb').read(), open(again, 'rb').read())
        r = run('--mark-weak-ties', SAMPLE)
        self.assertEqual(r.returncode, 2)
        self.assertIn('--export', r.stderr)
        refused, r = self.export('refused.jsonld', '--mark-weak-ties')
        self.assertEqual(r.returncode, 2)
        self.assertFalse(os.path.exists(refused))

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

    # --frames month: the diagram as of each month, into a folder.

    MONTHS = [f'2019-{m:02d}' for m in range(1, 10)]

    def test_export_frames(self):
        folder = os.path.join(self.dir.name, 'slides', 'frames')
        r = run('--export', folder, '--frames', 'month', '--width', '320', '--height', '240', SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = [f'christchurch-call-{month}.png' for month in self.MONTHS]
        self.assertEqual(sorted(os.listdir(folder)), names)
        self.assertEqual(r.stdout.splitlines(), [os.path.join(folder, name) for name in names])
        pictures = []
        for name in names:
            with open(os.path.join(folder, name), 'rb') as f:
                data = f.read()
            self.assertEqual(data[:8], b'\x89PNG\r\n\x1a\n', name)
            self.assertEqual(struct.unpack('>II', data[16:24]), (320, 240), name)
            pictures.append(data)
        # Each month shows something the others do not.
        self.assertEqual(len(set(pictures)), len(pictures))
        # January has one tie and two actors; May, everyone but the hackers.
        january, may = (ink(os.path.join(folder, names[i])) for i in (0, 4))
        self.assertLess(january * 2, may)

        # The same again, with the user's title and the recent window: the
        # folder exists already, the files are replaced.
        r = run('--export', folder, '--frames', 'month', '--recent', '1', '--title', 'Ardern',
                '--width', '320', '--height', '240', SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(sorted(os.listdir(folder)), names)
        for name, before in zip(names, pictures):
            with open(os.path.join(folder, name), 'rb') as f:
                self.assertNotEqual(f.read(), before, name)

    def test_export_frames_refusals(self):
        folder = os.path.join(self.dir.name, 'frames')
        for options, word in ((('--frames', 'week'), 'week'),
                              (('--frames', 'month', '--recent', '0'), '--recent'),
                              (('--frames', 'month', '--recent', '121'), '--recent'),
                              (('--frames', 'month', '--format', 'svg'), 'PNG'),
                              (('--frames', 'month', '--panel', 'timeline'), '--panel'),
                              (('--recent', '3',), '--frames')):
            with self.subTest(options):
                r = run('--export', folder, *options, SAMPLE)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn(word, r.stderr)
                self.assertEqual(len(r.stderr.strip().splitlines()), 1)
                self.assertFalse(os.path.exists(folder))
        # A file where the folder should be: left as it was, nothing beside.
        kept = self.write('frames', b'not a folder')
        r = run('--export', kept, '--frames', 'month', SAMPLE)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn('not a folder', r.stderr)
        with open(kept, 'rb') as f:
            self.assertEqual(f.read(), b'not a folder')
        self.assertEqual(os.listdir(self.dir.name), ['frames'])

    # --normalize: the window's save path, without a window.

    def indented_sample(self, name='doc.ties.json'):
        """The sample, as valid JSON in another layout."""
        with open(SAMPLE, encoding='utf-8') as f:
            document = json.load(f)
        return self.write(name, json.dumps(document, indent=4, ensure_ascii=False))

    def temporaries(self, folder=None):
        return [n for n in os.listdir(folder or self.dir.name) if n.endswith('.ties-save')]

    def test_normalize(self):
        path = self.indented_sample()
        os.chmod(path, 0o640)
        r = run('--normalize', path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{path}: normalized\n')
        self.assertEqual(r.stderr, '')
        # The canonical form is the sample's own, and the mode is kept.
        self.assertEqual(open(path, 'rb').read(), open(SAMPLE, 'rb').read())
        self.assertEqual(os.stat(path).st_mode & 0o7777, 0o640)
        self.assertEqual(self.temporaries(), [])
        # A normal file is left alone, time stamp and all.
        os.utime(path, (1_000_000_000, 1_000_000_000))
        r = run('--normalize', path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{path}: already normal\n')
        self.assertEqual(os.stat(path).st_mtime, 1_000_000_000)

    def test_normalize_broken(self):
        good = self.indented_sample('good.ties.json')
        text = '{"format": "ties", "version": 1,\n  "actors": 5}\n'
        bad = self.write('bad.ties.json', text)
        r = run('--normalize', bad, good)
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, rf'^{re.escape(bad)}:2:\d+: ')
        self.assertEqual(r.stdout, f'{good}: normalized\n')
        # The broken file is untouched; the good one was still done.
        self.assertEqual(open(bad, encoding='utf-8').read(), text)
        self.assertEqual(open(good, 'rb').read(), open(SAMPLE, 'rb').read())
        self.assertEqual(self.temporaries(), [])

    def test_normalize_usage(self):
        path = self.indented_sample()
        before = open(path, 'rb').read()
        for options in (('--normalize', '--validate', path),
                        ('--normalize', '--export', os.path.join(self.dir.name, 'a.png'), path),
                        ('--normalize',)):
            with self.subTest(options):
                r = run(*options)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertEqual(open(path, 'rb').read(), before)
        self.assertIn('--normalize', run('--help').stdout)

    def test_normalize_symlinks(self):
        folder = os.path.join(self.dir.name, 'real')
        os.mkdir(folder)
        real = os.path.join(folder, 'doc.ties.json')
        os.rename(self.indented_sample(), real)
        link = os.path.join(self.dir.name, 'link.ties.json')
        os.symlink('real/doc.ties.json', link)
        chain = os.path.join(self.dir.name, 'chain.ties.json')
        os.symlink(link, chain)
        r = run('--normalize', chain)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.readlink(chain), link)
        self.assertEqual(os.readlink(link), 'real/doc.ties.json')
        self.assertEqual(open(real, 'rb').read(), open(SAMPLE, 'rb').read())
        self.assertEqual(self.temporaries() + self.temporaries(folder), [])

    def test_normalize_file_size_limit(self):
        # `ulimit -f 32`: the 40 KB sample cannot be written.
        import resource
        import signal
        path = self.indented_sample()
        before = open(path, 'rb').read()

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (32 << 10, 32 << 10))

        r = subprocess.run([TIES, '--normalize', path], capture_output=True, text=True, timeout=120,
                           preexec_fn=limit, env=dict(os.environ, LC_ALL='C.UTF-8'))
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn(f'Could not save “{path}”: the file is too large', r.stderr)
        self.assertEqual(r.stdout, '')
        self.assertEqual(open(path, 'rb').read(), before)
        self.assertEqual(self.temporaries(), [])

    def test_export_through_link_safely(self):
        # Exports take the documents' save path: a link stays a link, and
        # a failed export leaves the old picture.
        import resource
        import signal
        real = self.write('real.svg', b'old')
        link = os.path.join(self.dir.name, 'link.svg')
        os.symlink('real.svg', link)
        r = run('--export', link, SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(os.readlink(link), 'real.svg')
        self.assertTrue(open(real, 'rb').read().startswith(b'<?xml'))
        self.write('real.svg', b'old')

        def limit():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (4 << 10, 4 << 10))

        r = subprocess.run([TIES, '--export', link, SAMPLE], capture_output=True, text=True, timeout=120,
                           preexec_fn=limit, env=dict(os.environ, LC_ALL='C.UTF-8'))
        self.assertEqual(r.returncode, 1)
        self.assertIn('too large', r.stderr)
        self.assertEqual(open(real, 'rb').read(), b'old')
        self.assertEqual(self.temporaries(), [])

    @unittest.skipUnless(os.geteuid() == 0 and shutil.which('setpriv'), 'needs root and setpriv')
    def test_normalize_read_only_folder(self):
        # A file anyone may write, in a folder only root may change; run as
        # nobody, as root ignores permissions.
        os.chmod(self.dir.name, 0o755)
        folder = os.path.join(self.dir.name, 'read-only')
        os.mkdir(folder, 0o755)
        path = os.path.join(folder, 'doc.ties.json')
        os.rename(self.indented_sample(), path)
        os.chmod(path, 0o666)
        before = open(path, 'rb').read()
        r = subprocess.run(['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', TIES, '--normalize', path],
                           capture_output=True, text=True, timeout=120, env=dict(os.environ, LC_ALL='C.UTF-8'))
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn(f'Could not save “{path}”', r.stderr)
        self.assertIn('Save As', r.stderr)
        self.assertEqual(open(path, 'rb').read(), before)
        self.assertEqual(self.temporaries(folder), [])


    # --import: an article as a new source.

    def article(self, name):
        return os.path.normpath(os.path.join(ROOT, 'tests', 'data', 'articles', name))

    def test_import_new_document(self):
        out = os.path.join(self.dir.name, 'new.ties.json')
        r = run('--import', self.article('news-page.html'), '-o', out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{out}: added source ardern-to-host-dorsey-in-wellington\n')
        v = run('--validate', out)
        self.assertEqual(v.returncode, 0, v.stderr)
        self.assertIn(': valid: 0 actors, 0 events, 1 source, 0 ties, 0 orphaned evidence items', v.stdout)
        doc = json.load(open(out, encoding='utf-8'))
        self.assertEqual(doc['title'], 'Ardern to host Dorsey in Wellington')
        source, = doc['sources']
        self.assertEqual(source['id'], 'ardern-to-host-dorsey-in-wellington')
        self.assertEqual(source['url'], 'https://harbour.example/politics/ardern-dorsey')
        self.assertEqual(source['publisher'], 'The Harbour Times')
        self.assertEqual(source['published'], '2019-09-06')
        self.assertRegex(source['retrieved'], r'^\d{4}-\d{2}-\d{2}$')
        self.assertTrue(source['text'].startswith('Ardern to host Dorsey in Wellington\nBy Anna Fifield'))
        for word in ('scriptword', 'Politicsnavword', 'cookiebannerword', 'footerword', 'commentword'):
            self.assertNotIn(word, source['text'])

    def test_import_into(self):
        doc = self.write('doc.ties.json', open(SAMPLE, 'rb').read())
        before = open(doc, 'rb').read()
        article = self.write('harbour.md', '# Harbour talks\n\nArdern *phoned* [Dorsey](https://x.example) again.\n')
        out = os.path.join(self.dir.name, 'out.ties.json')
        r = run('--import', article, '--into', doc, '-o', out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{out}: added source harbour-talks\n')
        # DOC itself is left alone.
        self.assertEqual(open(doc, 'rb').read(), before)
        v = run('--validate', out)
        self.assertEqual(v.returncode, 0, v.stderr)
        sample = json.load(open(SAMPLE, encoding='utf-8'))
        result = json.load(open(out, encoding='utf-8'))
        self.assertEqual(result['title'], sample['title'])
        self.assertEqual(result['events'], sample['events'])
        self.assertEqual(result['sources'][:-1], sample['sources'])
        self.assertEqual(result['sources'][-1]['id'], 'harbour-talks')
        self.assertEqual(result['sources'][-1]['text'], 'Harbour talks\nArdern phoned Dorsey again.')
        # OUT may be DOC: replaced through the safe save, no temporary left.
        r = run('--import', self.article('plain-page.html'), '--into', doc, '-o', doc)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{doc}: added source council-votes-on-harbour-plan\n')
        self.assertEqual([s['id'] for s in json.load(open(doc, encoding='utf-8'))['sources']],
                         [s['id'] for s in sample['sources']] + ['council-votes-on-harbour-plan'])
        self.assertEqual(self.temporaries(), [])

    def test_import_broken(self):
        missing = os.path.join(self.dir.name, 'missing.html')
        for article, words in ((self.article('picture.png'), 'not text'),
                               (self.article('only-nav.html'), 'no readable article text'),
                               (self.write('empty.txt', ' \n\n'), 'no readable article text'),
                               (missing, 'No such file')):
            with self.subTest(article):
                out = os.path.join(self.dir.name, 'out.ties.json')
                r = run('--import', article, '-o', out)
                self.assertEqual(r.returncode, 1, r.stdout)
                self.assertEqual(r.stdout, '')
                self.assertIn(article, r.stderr)
                self.assertIn(words, r.stderr)
                self.assertFalse(os.path.exists(out))
        # A broken DOC: nothing written; an existing OUT kept as it was.
        broken = self.write('broken.ties.json', '{"format": "ties", "version": 1, "actors": 5}')
        out = self.write('kept.ties.json', b'old')
        r = run('--import', self.article('news-page.html'), '--into', broken, '-o', out)
        self.assertEqual(r.returncode, 1)
        self.assertIn('broken.ties.json:1:', r.stderr)
        self.assertEqual(open(out, 'rb').read(), b'old')
        self.assertEqual(self.temporaries(), [])

    def test_import_usage(self):
        page = self.article('news-page.html')
        out = os.path.join(self.dir.name, 'out.ties.json')
        for args in (('--import', page),
                     ('--into', SAMPLE, '-o', out),
                     ('--import', page, '-o', out, SAMPLE),
                     ('--import', page, '-o', out, '--validate'),
                     ('--import', page, '-o', out, '--width', '100')):
            with self.subTest(args):
                r = run(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertEqual(len(r.stderr.strip().splitlines()), 1)
                self.assertFalse(os.path.exists(out))

    # --import TABLE.csv: the events of a spreadsheet.

    def test_import_csv(self):
        table = os.path.normpath(os.path.join(ROOT, 'tests', 'data', 'csv', 'events.csv'))
        out = os.path.join(self.dir.name, 'events.ties.json')
        # Row 4's date is bad: every bad cell named, nothing written.
        r = run('--import', table, '-o', out)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertEqual(r.stdout, '')
        self.assertIn(f'{table}:4:2: DATE: “2019-13-45” is not an EDTF date', r.stderr)
        self.assertIn('--skip-bad-rows', r.stderr)
        self.assertFalse(os.path.exists(out))
        # Skipping it: the other rows, and the skipped row told.
        r = run('--import', table, '--skip-bad-rows', '-o', out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{out}: added 3 events\n')
        self.assertIn(f'{table}:4:2: DATE:', r.stderr)
        self.assertIn(f'{table}: skipped row 4\n', r.stderr)
        v = run('--validate', out)
        self.assertEqual(v.returncode, 0, v.stderr)
        doc = json.load(open(out, encoding='utf-8'))
        self.assertEqual(doc['title'], 'events')
        self.assertEqual([e['title'] for e in doc['events']],
                         ['Ardern and Dorsey talk, again', 'Hui at Waitangi', 'Letter from 習近平'])
        self.assertIn('Tāmati Kīngi', [a['name'] for a in doc['actors']])

    def test_import_csv_round_trip(self):
        table = os.path.join(self.dir.name, 'events.csv')
        r = run('--export', table, SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        sample = json.load(open(SAMPLE, encoding='utf-8'))
        bare = dict(sample, events=[])
        doc = self.write('bare.ties.json', json.dumps(bare))
        out = os.path.join(self.dir.name, 'out.ties.json')
        r = run('--import', table, '--into', doc, '-o', out)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, f'{out}: added {len(sample["events"])} events\n')
        result = json.load(open(out, encoding='utf-8'))
        self.assertEqual(result['actors'], sample['actors'])
        # All but the evidence, which a table cannot carry back.
        self.assertEqual([{k: v for k, v in e.items() if k != 'evidence'} for e in result['events']],
                         [{k: v for k, v in e.items() if k != 'evidence'} for e in sample['events']])

    def test_import_csv_usage(self):
        out = os.path.join(self.dir.name, 'out.ties.json')
        for args in (('--skip-bad-rows', '-o', out, SAMPLE),
                     ('--import', self.article('news-page.html'), '--skip-bad-rows', '-o', out)):
            with self.subTest(args):
                r = run(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn('--skip-bad-rows', r.stderr)
                self.assertFalse(os.path.exists(out))

if __name__ == '__main__':
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f'{result.testsRun - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)
