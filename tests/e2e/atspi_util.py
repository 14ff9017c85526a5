# atspi_util.py: what the end-to-end tests share to find the app's
# accessibles over AT-SPI and to wait for a state.
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import tempfile
import time

import pyatspi


def wait_for(what, predicate, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f'timed out waiting for {what}')


def find(root, role, name, showing=False):
    """The first accessible below root with this role and name (BFS)."""
    queue = [root]
    while queue:
        acc = queue.pop(0)
        try:
            if acc.getRoleName() == role and acc.name == name:
                if not showing or acc.getState().contains(pyatspi.STATE_SHOWING):
                    return acc
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception:
            continue
    return None


def find_app():
    """The running ties application on the accessibility bus."""
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == 'ties':
            return app
    return None


def run_case(name, app_process, body):
    """Runs body(), prints the TAP-like summary run-e2e.sh's callers read,
    keeps a screenshot of a failure, and always stops the app; returns the
    exit status."""
    try:
        body()
        print('1 passed, 0 failed')
        return 0
    except AssertionError as error:
        print(f'FAIL: {error}')
        subprocess.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(), f'ties-e2e-{name}-failure.png')])
        print('0 passed, 1 failed')
        return 1
    finally:
        app_process.terminate()
        try:
            app_process.wait(10)
        except subprocess.TimeoutExpired:
            app_process.kill()
