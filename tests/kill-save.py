#!/usr/bin/python3
# kill-save.py: kill -9 at random moments during saves of a 100 MB document
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: kill-save.py TIES HELPER GENERATE_PY CACHE_DIR
#
# For a regular file, a symbolic link (to a file in another folder) and a
# new file, RUNS times each: start a save, kill it at a random moment from
# the making of its temporary file to a little past the save's measured
# end (what comes before cannot touch the target), and check that the target
# is complete, either as it was before the save or as the save meant it
# (a new file: absent, or complete), and that the link is still a link.
# Killed saves leave temporary files behind; the next save of the same
# file removes them, and after the last, successful one none is left.
#
# The document comes from tests/bench/generate.py (85,000 events, about
# 100 MB) and is kept in CACHE_DIR, as making it takes minutes. The old
# version is the same JSON indented by 4 (non-canonical); the new one is
# the generated file, which is canonical: what `ties --normalize` makes of
# the old one (test-cli.py checks that on small files), and the two differ
# in every line. The saves are those of HELPER, which writes the bytes of
# a file through ties_safe_file_replace(), the save path of the window and
# of `ties --normalize`, without the seconds these spend loading.
# KILL_SAVE_NORMALIZE_RUNS kills of `ties --normalize` itself, during its
# save (seen by its temporary file), may follow.
#
# Environment: KILL_SAVE_RUNS (25), KILL_SAVE_EVENTS (85000),
# KILL_SAVE_NORMALIZE_RUNS (0), KILL_SAVE_SEED (random).
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SUFFIX = '.ties-save'

TIES, HELPER, GENERATE, CACHE = sys.argv[1:5]
RUNS = int(os.environ.get('KILL_SAVE_RUNS', '25'))
EVENTS = int(os.environ.get('KILL_SAVE_EVENTS', '85000'))
NORMALIZE_RUNS = int(os.environ.get('KILL_SAVE_NORMALIZE_RUNS', '0'))
SEED = int(os.environ.get('KILL_SAVE_SEED', str(random.randrange(1 << 30))))

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print('FAIL:', message, flush=True)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def temporaries(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(SUFFIX))


def documents():
    """The old (indented) and the new (generated, canonical) document,
    made once."""
    os.makedirs(CACHE, exist_ok=True)
    key = hashlib.sha256(read(GENERATE)).hexdigest()[:12]
    generated = os.path.join(CACHE, f'generated-{EVENTS}-{key}.ties.json')
    indented = os.path.join(CACHE, f'indented-{EVENTS}-{key}.ties.json')
    if not os.path.exists(indented):
        for stale in os.listdir(CACHE):
            if stale.endswith('.ties.json'):
                os.unlink(os.path.join(CACHE, stale))
        started = time.monotonic()
        subprocess.run([sys.executable, GENERATE, str(EVENTS), generated + '.part'], check=True)
        os.rename(generated + '.part', generated)
        with open(generated, encoding='utf-8') as f:
            document = json.load(f)
        with open(indented + '.part', 'w', encoding='utf-8') as f:
            json.dump(document, f, indent=4, ensure_ascii=False)
        os.rename(indented + '.part', indented)
        print(f'made the document in {time.monotonic() - started:.0f} s (kept in {CACHE})', flush=True)
    return indented, generated


def timed(args):
    started = time.monotonic()
    r = subprocess.run(args, capture_output=True, text=True)
    return r, time.monotonic() - started


def kill_during_save(args, folder, delay):
    """Starts ARGS, and once its temporary file is in FOLDER, kills it after
    DELAY seconds; whether it had ended, and how long it wrote."""
    before = set(temporaries(folder))
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while process.poll() is None and not set(temporaries(folder)) - before:
        time.sleep(0.001)
    appeared = time.monotonic()
    try:
        process.wait(timeout=delay)
        ended = True
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        ended = False
    if ended:
        check(process.returncode == 0, f'{args}: exit {process.returncode}: {process.stderr.read()}')
    process.stderr.close()
    return ended, time.monotonic() - appeared


def run_kind(kind, work, old, new, duration, rng):
    """RUNS killed saves of one kind of target; counts of what was found."""
    folder = os.path.join(work, kind)
    os.mkdir(folder)
    old_path, new_path = os.path.join(work, 'old.ties.json'), os.path.join(work, 'new.ties.json')
    if kind == 'symlink':
        real_folder = os.path.join(work, 'symlink-real')
        os.mkdir(real_folder)
        real = os.path.join(real_folder, 'doc.ties.json')
        target = os.path.join(folder, 'doc.ties.json')
        os.symlink('../symlink-real/doc.ties.json', target)
        shutil.copyfile(old_path, real)
        folders = [folder, real_folder]
    else:
        target = os.path.join(folder, 'doc.ties.json')
        real = target
        if kind == 'regular':
            shutil.copyfile(old_path, target)
        folders = [folder]

    counts = {'unchanged': 0, 'replaced': 0, 'ended': 0, 'left temporary files': 0}
    now = None if kind == 'new' else old
    for run in range(RUNS):
        if kind == 'new':
            before, after, source = None, new, new_path
        else:
            before = now
            after = new if before is old else old
        source = new_path if after is new else old_path
        delay = rng.uniform(0, duration * 1.1)
        ended, _ = kill_during_save([HELPER, source, target], os.path.dirname(real), delay)
        counts['ended'] += ended

        if kind == 'symlink':
            check(os.path.islink(target) and os.readlink(target) == '../symlink-real/doc.ties.json',
                  f'{kind} {run}: the link is no longer the link')
        found = read(real) if os.path.exists(real) else None
        if found == before:
            now = before
            counts['unchanged'] += 1
        elif found == after:
            now = after
            counts['replaced'] += 1
        else:
            check(False, f'{kind} {run}: killed after {delay:.3f} s: the target is neither the old nor the new '
                         f'version ({len(found) if found is not None else "no"} bytes)')
            return counts
        if any(temporaries(f) for f in folders):
            counts['left temporary files'] += 1
        if kind == 'new' and found is not None:
            os.unlink(real)

    # The next save, not killed, removes every temporary file.
    r = subprocess.run([HELPER, new_path, target], capture_output=True, text=True)
    check(r.returncode == 0, f'{kind}: the last save failed: {r.stderr}')
    check(read(real) == new, f'{kind}: the last save did not write the new version')
    for f in folders:
        check(temporaries(f) == [], f'{kind}: temporary files survive the next save: {temporaries(f)}')
    print(f'{kind}: {RUNS} kills: the target was complete each time, {counts["unchanged"]} times as before the save, '
          f'{counts["replaced"]} times as the save meant ({counts["ended"]} of these kills came after the save had '
          f'ended); {counts["left temporary files"]} left temporary files, all removed by the next save', flush=True)
    return counts


def kill_normalize(work, old, new, duration, rng):
    """Kills of `ties --normalize` itself, while its temporary file exists."""
    folder = os.path.join(work, 'normalize')
    os.mkdir(folder)
    target = os.path.join(folder, 'doc.ties.json')
    counts = {'unchanged': 0, 'replaced': 0}
    for run in range(NORMALIZE_RUNS):
        with open(target, 'wb') as f:
            f.write(old)
        kill_during_save([TIES, '--normalize', target], folder, rng.uniform(0, duration * 1.1))
        now = read(target)
        if now == old:
            counts['unchanged'] += 1
        elif now == new:
            counts['replaced'] += 1
        else:
            check(False, f'normalize {run}: the target is neither the old nor the new version ({len(now)} bytes)')
    r = subprocess.run([TIES, '--normalize', target], capture_output=True, text=True)
    check(r.returncode == 0, f'normalize: the last run failed: {r.stderr}')
    check(read(target) == new, 'normalize: what `ties --normalize` wrote is not the canonical document')
    check(temporaries(folder) == [], f'normalize: temporary files survive the next save: {temporaries(folder)}')
    print(f'ties --normalize: {NORMALIZE_RUNS} kills during the save: {counts["unchanged"]} found the old version, '
          f'{counts["replaced"]} the new one', flush=True)


def main():
    started = time.monotonic()
    rng = random.Random(SEED)
    print(f'seed {SEED} (KILL_SAVE_SEED repeats a run)', flush=True)
    indented, generated = documents()

    work = tempfile.mkdtemp(prefix='kill-save-', dir=CACHE)
    try:
        old_path = os.path.join(work, 'old.ties.json')
        new_path = os.path.join(work, 'new.ties.json')
        shutil.copyfile(indented, old_path)
        shutil.copyfile(generated, new_path)
        old, new = read(old_path), read(new_path)
        # Both versions load; a target equal to either loads too.
        for path in (old_path, new_path):
            r, took = timed([TIES, '--validate', path])
            check(r.returncode == 0, f'{path} does not load: {r.stderr}')
            print(f'ties --validate: {os.path.getsize(path):,} bytes in {took:.1f} s', flush=True)
        if failures:
            return 1

        # How long a save takes here from the moment its temporary file is
        # made (reading, cleaning up before are no risk to the target), to
        # spread the kills across that and a little past its end.
        target = os.path.join(work, 'measure.ties.json')
        durations = []
        for source in (old_path, new_path, old_path):
            _, took = kill_during_save([HELPER, source, target], work, 3600)
            durations.append(took)
        os.unlink(target)
        duration = sorted(durations)[1]
        print(f'a save of {len(new):,} bytes takes {duration:.2f} s from making its temporary file to its end; '
              f'kills land from 0 to {duration * 1.1:.2f} s after that file appears', flush=True)

        for kind in ('regular', 'symlink', 'new'):
            run_kind(kind, work, old, new, duration, rng)
        if NORMALIZE_RUNS > 0:
            kill_normalize(work, old, new, duration, rng)
    finally:
        shutil.rmtree(work)

    print(f'{len(failures)} failures in {time.monotonic() - started:.0f} s', flush=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
