#!/usr/bin/python3
# The layers (DESIGN.md: core < io, diagram < ui) are enforced by the
# compiler: each of src/core, src/io and src/diagram is a library built with
# its own include folders and dependencies only. This test proves it two ways.
#
# 1. With the exact compile command the build uses for a file of each
#    layer (from compile_commands.json), a probe that includes what the
#    layer may use compiles, and probes that include GTK, a library of
#    another layer, or a header of a higher or sibling layer fail to
#    compile because that header is not found.
# 2. Every #include of every file in those folders names a header of its
#    own layer or a lower one, a system header, or a package the layer
#    depends on; and internals (_ties_*) are declared in -private.h headers
#    (or in headers that are internal as a whole), never beside public API.
#
# Usage: check-layers.py SOURCE_ROOT BUILD_ROOT (TAP on stdout).
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

source_root, build_root = sys.argv[1], sys.argv[2]

# What each layer may include of the project, besides itself.
LOWER = {
    'core': [],
    'io': ['core'],
    'diagram': ['core'],
}

# Angle includes: packages by the prefixes of their headers.
PACKAGES = {
    'glib': re.compile(r'^(glib\.h|glib/|glib-object\.h|gobject/|gio/|gmodule\.h)'),
    'json-glib': re.compile(r'^json-glib/'),
    'libxml2': re.compile(r'^libxml/'),
    'cairo': re.compile(r'^cairo(-[a-z]+)?\.h$'),
    'pango': re.compile(r'^pango/'),
    'libpng': re.compile(r'^png\.h$'),
    'GTK': re.compile(r'^(gtk/|gdk/|gsk/|adwaita\.h$)'),
}
LAYER_PACKAGES = {
    'core': ['glib'],
    'io': ['glib', 'json-glib', 'libxml2'],
    'diagram': ['glib', 'cairo', 'pango', 'libpng'],
}
# The C library and POSIX: any layer.
SYSTEM = re.compile(r'^(assert|ctype|dirent|errno|fcntl|float|inttypes|limits|locale|'
                    r'math|setjmp|signal|stdarg|stdbool|stddef|stdint|stdio|stdlib|'
                    r'string|strings|time|unistd)\.h$|^sys/[a-z_]+\.h$')

# Probes compiled with each layer's command: what must compile, and what
# must not be found. "ties-document-io.h" is io's, "ties-renderer.h" the
# diagram's, "ties-window.h" the window's.
CLEAN = {
    'core': ['<gio/gio.h>', '"ties-document.h"', '"ties-network.h"'],
    'io': ['<json-glib/json-glib.h>', '"ties-document.h"', '"ties-document-io.h"'],
    'diagram': ['<pango/pangocairo.h>', '<cairo-svg.h>', '"ties-document.h"',
                '"ties-renderer.h"'],
}
FORBIDDEN = {
    'core': ['<gtk/gtk.h>', '<adwaita.h>', '<json-glib/json-glib.h>', '<cairo.h>',
             '<pango/pangocairo.h>', '<libxml/HTMLparser.h>', '"ties-document-io.h"',
             '"ties-renderer.h"', '"ties-window.h"'],
    # libxml2 only in io's readers of XML, libties-io-xml, which the
    # command loads as a module (src/io/ties-xml-readers.h).
    'io': ['<gtk/gtk.h>', '<adwaita.h>', '<cairo.h>', '<pango/pangocairo.h>',
           '<libxml/HTMLparser.h>', '"ties-renderer.h"', '"ties-window.h"'],
    'diagram': ['<gtk/gtk.h>', '<adwaita.h>', '<json-glib/json-glib.h>',
                '<libxml/HTMLparser.h>', '"ties-document-io.h"', '"ties-window.h"'],
}

results = []


def report(ok, name, detail=''):
    results.append((ok, name, detail))


def layer_command(commands, layer):
    """The compile command of one file of @layer's library, as a list,
    without its input, output and dependency-file arguments."""
    marker = f'src/{layer}/libties-{layer}.a.p/'
    for entry in commands:
        output = entry.get('output', '')
        if marker in output or marker in entry['command']:
            args = shlex.split(entry['command'])
            kept = []
            skip = False
            for arg in args:
                if skip:
                    skip = False
                elif arg in ('-o', '-c', '-MQ', '-MF', '-MT'):
                    skip = True
                elif arg in ('-MD', '-MMD'):
                    pass
                else:
                    kept.append(arg)
            return entry['directory'], kept
    return None, None


def compile_probe(directory, command, includes):
    with tempfile.TemporaryDirectory() as tmp:
        # Outside src/, so that a quoted include finds only what the
        # command's include folders offer.
        path = os.path.join(tmp, 'probe.c')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('#include "config.h"\n')
            for include in includes:
                f.write(f'#include {include}\n')
            f.write('int ties_layer_probe (void);\nint ties_layer_probe (void) { return 0; }\n')
        proc = subprocess.run(command + ['-fsyntax-only', path], cwd=directory,
                              capture_output=True, text=True)
        return proc.returncode, proc.stderr


def check_compiler():
    db = os.path.join(build_root, 'compile_commands.json')
    with open(db, encoding='utf-8') as f:
        commands = json.load(f)
    for layer in ('core', 'io', 'diagram'):
        directory, command = layer_command(commands, layer)
        if command is None:
            report(False, f'{layer}: library libties-{layer} is in compile_commands.json',
                   'no compile command found: is the layer still its own library?')
            continue
        rc, err = compile_probe(directory, command, CLEAN[layer])
        report(rc == 0, f'{layer}: compiles with {" ".join(CLEAN[layer])}', err)
        for include in FORBIDDEN[layer]:
            rc, err = compile_probe(directory, command, [include])
            header = include[1:-1]
            not_found = header in err and ('No such file' in err or 'not found' in err)
            report(rc != 0 and not_found, f'{layer}: {include} is not found',
                   f'exit status {rc}\n{err}')


def project_headers():
    """Header name -> folder of src/ it lives in ('' for src/ itself)."""
    found = {}
    src = os.path.join(source_root, 'src')
    for dirpath, _, names in os.walk(src):
        for name in names:
            if name.endswith('.h'):
                found[name] = os.path.relpath(dirpath, src).replace('.', '')
    return found


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
# A declaration of a function: at the start of a line, a type then the name.
PUBLIC_DECL = re.compile(r'^[A-Za-z].*\bties_[a-z0-9_]+\s*\(')
PRIVATE_DECL = re.compile(r'^[A-Za-z_].*\b(_ties_[a-z0-9_]+)\s*\(')


def check_includes():
    headers = project_headers()
    for layer in ('core', 'io', 'diagram'):
        folder = os.path.join(source_root, 'src', layer)
        allowed = [layer] + LOWER[layer]
        problems = []
        for name in sorted(os.listdir(folder)):
            if not name.endswith(('.c', '.h')):
                continue
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                lines = f.read().splitlines()
            for number, line in enumerate(lines, 1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                kind, header = match.groups()
                closing = '"' if kind == '"' else '>'
                where = f'src/{layer}/{name}:{number}: {kind}{header}{closing}'
                if kind == '"':
                    if header == 'config.h':
                        continue
                    if '/' in header:
                        problems.append(f'{where}: a path; name the header, the include folders find it')
                    elif header not in headers:
                        problems.append(f'{where}: no such header in src/')
                    elif headers[header] not in allowed:
                        problems.append(f'{where}: src/{headers[header] or "."} is not a layer {layer} may use ({", ".join(allowed)})')
                else:
                    packages = [p for p, pattern in PACKAGES.items() if pattern.search(header)]
                    if packages:
                        if packages[0] not in LAYER_PACKAGES[layer]:
                            problems.append(f'{where}: {packages[0]} is not a dependency of {layer} ({", ".join(LAYER_PACKAGES[layer])})')
                    elif not SYSTEM.search(header):
                        problems.append(f'{where}: neither a C/POSIX header nor a package of {layer}; '
                                        'if it is a system header, add it to SYSTEM in tests/check-layers.py')
        report(not problems, f'{layer}: every #include stays within the layer', '\n'.join(problems))

    # Internals beside public API: a header other than -private.h that
    # declares both ties_* functions and _ties_* ones mixes them.
    problems = []
    for dirpath, _, names in os.walk(os.path.join(source_root, 'src')):
        for name in sorted(names):
            if not name.endswith('.h') or name.endswith('-private.h'):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8') as f:
                lines = f.read().splitlines()
            private = [m.group(1) for m in map(PRIVATE_DECL.match, lines) if m]
            public = [line for line in lines if PUBLIC_DECL.match(line) and not PRIVATE_DECL.match(line)]
            if private and public:
                problems.append(f'{os.path.relpath(path, source_root)}: declares public API and '
                                f'internals ({", ".join(private)}): move these to a -private.h header')
    report(not problems, 'internals (_ties_*) are declared apart from public API', '\n'.join(problems))


check_compiler()
check_includes()

print(f'1..{len(results)}')
for number, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {number} {name}')
    if not ok and detail:
        for line in detail.strip().splitlines():
            print(f'# {line}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
