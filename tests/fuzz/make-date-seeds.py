#!/usr/bin/env python3
# make-date-seeds.py: the date fuzzer's seeds, from the strings of
# tests/test-date.c and the examples of the EDTF specification
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/fuzz/make-date-seeds.py   (rewrites tests/fuzz/corpus/date/)
#
# Each seed is named by the SHA-1 of its bytes, as libFuzzer names the
# inputs it keeps, so the same date is never there twice.

import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEST_DATE = os.path.join(HERE, '..', 'test-date.c')
OUT = os.path.join(HERE, 'corpus', 'date')

# The Library of Congress EDTF examples (levels 0, 1 and 2), including
# those Ties refuses: they lead the fuzzer into the parser's error paths
# and into what the parser will learn next.
SPECIFICATION = [
    # level 0
    '1985-04-12', '1985-04', '1985', '1985-04-12T23:20:30', '1985-04-12T23:20:30Z',
    '1985-04-12T23:20:30-04', '1985-04-12T23:20:30+04:30', '1964/2008', '2004-06/2006-08',
    '2004-02-01/2005-02-08', '2004-02-01/2005-02', '2004-02-01/2005', '2005/2006-02',
    # level 1
    'Y170000002', 'Y-170000002', '2001-21', '2001-22', '2001-23', '2001-24', '1984?',
    '2004-06~', '2004-06-11%', '201X', '20XX', '2004-XX', '1985-04-XX', '1985-XX-XX',
    '1985-04-12/..', '1985-04/..', '1985/..', '../1985-04-12', '../1985-04', '../1985',
    '1985-04-12/', '1985-04/', '1985/', '/1985-04-12', '/1985-04', '/1985',
    '1984~/2004-06', '1984/2004-06~', '1984~/2004~', '1984?/2004%', '1984-06?/2004-08?',
    '1984-06-02?/2004-08-08~', '1984-06-02?/', '-1985', '-0050', '-2004~',
    # level 2
    '[1667,1668,1670..1672]', '[..1760-12-03]', '[1760-12..]', '[1667,1760-12]', '[..1984]',
    '{1667,1668,1670..1672}', '{1960,1961-12}', '{..1984}', '[2019-04-17,2019-04-18]',
    'Y17E7', 'Y-17E7', 'Y17101E4S3', '1950S2', '2001-25', '2001-41', '2004-06-~11',
    '2004-?06-11', '?2004-06-~11', '1XXX', '156X-12-25', '15XX-12-25', 'XXXX-12-XX',
    '2004-06-11%/2004-06~', '1985-04-12T23:20:30.5Z',
]

LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')
ADJACENT = re.compile(r'"((?:[^"\\]|\\.)*)"(?:\s*"((?:[^"\\]|\\.)*)")*')


def decode(body):
    """A C string literal's body as bytes (the escapes test-date.c uses)."""
    out = bytearray()
    i = 0
    raw = body.encode('utf-8')
    while i < len(raw):
        c = raw[i]
        if c != ord('\\'):
            out.append(c)
            i += 1
            continue
        e = chr(raw[i + 1])
        if e == 'x':
            j = i + 2
            while j < len(raw) and chr(raw[j]) in '0123456789abcdefABCDEF':
                j += 1
            out.append(int(raw[i + 2:j], 16) & 0xff)
            i = j
        else:
            out += {'n': b'\n', 't': b'\t', '\\': b'\\', '"': b'"', "'": b"'", '0': b'\0'}[e]
            i += 2
    return bytes(out)


def first_string(line):
    """The first string of a line, with the literals next to it joined."""
    match = ADJACENT.search(line)
    if match is None:
        return None
    return b''.join(decode(body) for body in LITERAL.findall(match.group(0)))


def from_tests(path):
    seeds = []
    in_table = False
    with open(path, encoding='utf-8') as f:
        for line in f:
            stripped = line.strip()
            # Every table of cases: a line that starts with a string
            # starts a case, and its first string is the date.
            if re.match(r'static const [\w ]+\*?\w+\[\] = \{', stripped):
                in_table = True
                continue
            if in_table and stripped.startswith('};'):
                in_table = False
                continue
            if in_table and (stripped.startswith('{ "') or stripped.startswith('"')):
                seeds.append(first_string(stripped))
                continue
            # Dates parsed by the other tests: ties_date_parse ("…", …)
            for match in re.finditer(r'ties_date_(?:parse|validate) \(("(?:[^"\\]|\\.)*")', line):
                seeds.append(first_string(match.group(1)))
    return [s for s in seeds if s is not None]


def sorted_pairs(path):
    """Neighbours of test-date.c's sorted list, as "a NUL b": the fuzzer
    compares the two dates of such an input."""
    texts = []
    inside = False
    with open(path, encoding='utf-8') as f:
        for line in f:
            stripped = line.strip()
            if re.match(r'static const char \*sorted_texts\[\] = \{', stripped):
                inside = True
            elif inside and stripped.startswith('};'):
                break
            elif inside and stripped.startswith('"'):
                texts.append(first_string(stripped))
    return [a + b'\0' + b for a, b in zip(texts, texts[1:])]


def main():
    seeds = from_tests(TEST_DATE) + [s.encode('utf-8') for s in SPECIFICATION] + sorted_pairs(TEST_DATE)
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if not name.startswith('.'):
            os.remove(os.path.join(OUT, name))
    names = set()
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()
        names.add(name)
        with open(os.path.join(OUT, name), 'wb') as f:
            f.write(seed)
    print(f'{len(names)} seeds in {os.path.relpath(OUT)}', file=sys.stderr)


if __name__ == '__main__':
    main()
