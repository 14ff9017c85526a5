#!/usr/bin/env python3
# check-po.py: every translation listed in po/LINGUAS is valid and complete.
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.py SOURCE_ROOT [--against-sources]
#
# For each language in po/LINGUAS:
#   - msgfmt --check --check-format accepts po/LANG.po (headers, plural
#     forms, printf directives such as %s, %u and %1$s kept as in the msgid);
#   - msgfmt --statistics counts no fuzzy and no untranslated message.
# With --against-sources the .po is also merged (in a temporary directory)
# with a template extracted afresh from po/POTFILES.in, with the same
# xgettext arguments as meson's glib preset, so a string added to the
# sources but not yet translated fails here too.  The source tree is never
# written.

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib'), as po/meson.build uses it.
XGETTEXT_GLIB_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith('#')]


def statistics(po):
    """(translated, fuzzy, untranslated) as msgfmt --statistics counts them."""
    result = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, po],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    if result.returncode != 0:
        return None, result.stderr
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, what in re.findall(r'(\d+) (translated|fuzzy|untranslated) messages?', result.stderr):
        counts[what] = int(number)
    return (counts['translated'], counts['fuzzy'], counts['untranslated']), result.stderr.strip()


def main():
    if len(sys.argv) < 2:
        print(__doc__ or 'usage: check-po.py SOURCE_ROOT [--against-sources]', file=sys.stderr)
        return 2
    root = sys.argv[1]
    against_sources = '--against-sources' in sys.argv[2:]
    po_dir = os.path.join(root, 'po')

    for tool in ['msgfmt'] + (['xgettext', 'msgmerge'] if against_sources else []):
        if shutil.which(tool) is None:
            # meson's TAP protocol: a plan of 0 with SKIP, not exit status 77.
            print(f'1..0 # SKIP {tool} is not installed (Debian: gettext)')
            return 0

    languages = read_list(os.path.join(po_dir, 'LINGUAS'))
    if languages != sorted(languages):
        print(f'FAIL: po/LINGUAS is not sorted: {languages}')
        return 1

    failures = 0
    print(f'1..{len(languages)}')
    with tempfile.TemporaryDirectory(prefix='ties-check-po-') as tmp:
        pot = None
        if against_sources:
            pot = os.path.join(tmp, 'ties.pot')
            files = read_list(os.path.join(po_dir, 'POTFILES.in'))
            result = subprocess.run(['xgettext', '--package-name=ties', '-o', pot,
                                     '--directory', root] + XGETTEXT_GLIB_ARGS + files,
                                    capture_output=True, text=True)
            if result.returncode != 0:
                print(f'Bail out! xgettext failed: {result.stderr}')
                return 1

        for number, lang in enumerate(languages, 1):
            po = os.path.join(po_dir, f'{lang}.po')
            problems = []
            if not os.path.exists(po):
                problems.append(f'po/{lang}.po is missing')
            else:
                check = subprocess.run(['msgfmt', '--check', '--check-format', '-o', os.devnull, po],
                                       capture_output=True, text=True)
                if check.returncode != 0:
                    problems.append('msgfmt --check --check-format:\n' + check.stderr.strip())

                counts, text = statistics(po)
                if counts is None:
                    problems.append('msgfmt --statistics failed:\n' + text)
                elif counts[1] or counts[2] or counts[0] == 0:
                    problems.append(f'po/{lang}.po is incomplete: {text}')

                if pot is not None and counts is not None:
                    merged = os.path.join(tmp, f'{lang}.po')
                    subprocess.run(['msgmerge', '--quiet', '--no-wrap', '-o', merged, po, pot],
                                   check=True, capture_output=True)
                    merged_counts, merged_text = statistics(merged)
                    if merged_counts is None or merged_counts[1] or merged_counts[2]:
                        problems.append(f'po/{lang}.po lags behind the sources ({merged_text}); run '
                                        f'“meson compile -C _build ties-pot && msgmerge --update po/{lang}.po po/ties.pot” '
                                        'and translate what is fuzzy or empty')

            if problems:
                failures += 1
                print(f'not ok {number} - {lang}')
                for problem in problems:
                    for line in problem.splitlines():
                        print(f'# {line}')
            else:
                print(f'ok {number} - {lang}: {text}')

    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
