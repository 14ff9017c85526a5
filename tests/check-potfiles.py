#!/usr/bin/python3
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when the list is not sorted or names a missing file.
import os
import re
import sys

root = sys.argv[1]
listed = [l.strip() for l in open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8')
          if l.strip() and not l.startswith('#')]
marker = re.compile(r'\b(?:_|N_|C_|NC_|g_dngettext)\s*\(|translatable="yes"')
found = []
for folder in ('src', 'resources', 'data'):
    for dirpath, _, names in os.walk(os.path.join(root, folder)):
        for name in names:
            if name.endswith(('.c', '.ui', '.in', '.xml')):
                path = os.path.relpath(os.path.join(dirpath, name), root)
                if marker.search(open(os.path.join(root, path), encoding='utf-8').read()):
                    found.append(path)
problems = [f'{p}: has translatable strings but is not in po/POTFILES.in' for p in sorted(set(found) - set(listed))]
problems += [f'{p}: listed in po/POTFILES.in but does not exist' for p in listed if not os.path.exists(os.path.join(root, p))]
if listed != sorted(listed):
    problems.append('po/POTFILES.in is not sorted')
print('\n'.join(problems))
print(f'{1 if not problems else 0} passed, {1 if problems else 0} failed')
sys.exit(1 if problems else 0)
