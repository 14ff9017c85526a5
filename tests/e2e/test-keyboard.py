#!/usr/bin/python3
# End to end with the keyboard alone, as a person who uses no pointer:
# open the sample from the welcome window (Ctrl+O, a typed path), select an
# event in the list, make an event (Ctrl+N), add a participant by typing
# part of a name, save (Ctrl+S) and export a PNG (Shift+Ctrl+E). Every
# input is a key press through xdotool; AT-SPI only reads what the window
# shows (which control has the focus, what a field holds). Run by
# run-e2e.sh.
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from atspi_util import wait_for, find, find_app, run_case

TIES = os.environ['TIES_BINARY']
SAMPLE = os.path.join(os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..')),
                      'data', 'samples', 'christchurch-call.ties.json')
TITLE = 'Ardern calls Zuckerberg again'


def key(*keys):
    subprocess.run(['xdotool', 'key', '--delay', '60', *keys], check=True)
    time.sleep(0.3)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '40', text], check=True)
    time.sleep(0.3)


def focused(root):
    """The accessible with the keyboard focus below root, or None."""
    queue = [root]
    while queue:
        acc = queue.pop(0)
        try:
            if acc.getRoleName() != 'frame' and acc.getState().contains(pyatspi.STATE_FOCUSED):
                return acc
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception:
            continue
    return None


def tab_to(root, role, name, limit=60):
    """Presses Tab until the focus is on role/name."""
    for _ in range(limit):
        key('Tab')
        acc = focused(root)
        if acc is not None and acc.getRoleName() == role and acc.name == name:
            return acc
    raise AssertionError(f'Tab never reached the {role} “{name}”')


def text_of(acc):
    text = acc.queryText()
    return text.getText(0, text.characterCount)


def main():
    work = tempfile.mkdtemp()
    document = os.path.join(work, 'sample.ties.json')
    exported = os.path.join(work, 'network.png')
    shutil.copy(SAMPLE, document)
    before = json.load(open(document, encoding='utf-8'))

    app_process = subprocess.Popen([TIES])

    def case():
        app = wait_for('the app on the accessibility bus', find_app)
        frame = wait_for('the welcome window', lambda: next((f for f in app if f.getRoleName() == 'frame'), None))
        time.sleep(1)

        # Open: Ctrl+O, then the path typed into the chooser's location.
        key('ctrl+o')
        wait_for('the file chooser', lambda: app.childCount >= 2)
        time.sleep(1)
        key('ctrl+l')
        type_text(document)
        key('Return')
        wait_for('the document', lambda: 'Christchurch' in frame.name)
        time.sleep(1)

        # Select an event: Tab to the list's first row, Down to the second.
        row = tab_to(frame, 'table row', 'Cook and Ardern meet at dinner in Davos')
        key('Down')
        second = before['events'][1]['title']
        wait_for('the second event selected', lambda: (focused(frame) or row).name == second)
        editor_title = wait_for('the editor on it', lambda: find(frame, 'text', 'Title'))
        wait_for('its title in the editor', lambda: text_of(editor_title) == second)

        # A new event: Ctrl+N puts the focus in its title, all selected.
        key('ctrl+n')
        wait_for('the new event in the editor', lambda: text_of(find(frame, 'text', 'Title')) == 'New event')
        type_text(TITLE)
        key('Return')

        # A participant found by part of a name: Tab to Add Participant,
        # type "zuck", Enter.
        tab_to(frame, 'list item', 'Participants')
        key('Tab')
        type_text('zuck')
        search = find(frame, 'text', 'Add Participant')
        assert search is not None and text_of(search) == 'zuck', 'the typing did not reach Add Participant'
        key('Return')
        wait_for('Mark Zuckerberg among the participants',
                 lambda: find(frame, 'push button', 'Remove Mark Zuckerberg') is not None)

        # Save.
        wait_for('the unsaved marker', lambda: frame.name.startswith('•'))
        key('ctrl+s')
        wait_for('the saved title', lambda: not frame.name.startswith('•'))
        saved = json.load(open(document, encoding='utf-8'))
        events = [e for e in saved['events'] if e['title'] == TITLE]
        assert len(events) == 1, f'expected one event titled {TITLE!r}, found {len(events)}'
        assert events[0]['participants'] == ['zuckerberg'], events[0]['participants']
        assert len(saved['events']) == len(before['events']) + 1
        assert saved['actors'] == before['actors'], 'the actors changed'

        # Export: the dialog's Export… with Enter, the file named by typing.
        key('shift+ctrl+e')
        wait_for('the export dialog', lambda: find(app, 'push button', 'Export…') is not None)
        time.sleep(1)
        key('Return')
        wait_for('the save chooser', lambda: app.childCount >= 3)
        time.sleep(1)
        key('ctrl+a')
        type_text(exported)
        key('Return')
        wait_for('the exported file', lambda: os.path.exists(exported) and os.path.getsize(exported) > 1000)
        with open(exported, 'rb') as f:
            assert f.read(8) == b'\x89PNG\r\n\x1a\n', 'the export is not a PNG'

    try:
        return run_case('keyboard', app_process, case)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
