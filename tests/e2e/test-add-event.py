#!/usr/bin/python3
# End to end, as a person: open the sample in the real `ties`, add an event
# with two participants through the editor, save with Ctrl+S, and check the
# saved file. Controls are found by their accessible names over AT-SPI;
# typing goes through xdotool (X11). Run by run-e2e.sh.
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from atspi_util import run_case, wait_for, find, find_app

TIES = os.environ['TIES_BINARY']
SAMPLE = os.path.join(os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..')),
                      'data', 'samples', 'christchurch-call.ties.json')
TITLE = 'Ardern meets two new people'
NAMES = ['Aroha Test', 'Ben Test']


def frame_action(frame, name):
    actions = frame.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == name:
            return actions.doAction(i)
    raise AssertionError(f'no action {name} on the window')


def click(acc):
    actions = acc.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == 'click':
            return actions.doAction(i)
    raise AssertionError(f'{acc.name} cannot be clicked')


def screen_point(frame, acc):
    # GTK 4.8 reports extents relative to the window, which sits at 0,0
    # without a window manager.
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.x + box.width // 2, box.y + box.height // 2


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def main():
    work = tempfile.mkdtemp()
    document = os.path.join(work, 'sample.ties.json')
    shutil.copy(SAMPLE, document)
    before = json.load(open(document, encoding='utf-8'))

    app_process = subprocess.Popen([TIES, document])

    def case():
            app = wait_for('the app on the accessibility bus', find_app)
            frame = wait_for('the window', lambda: next((f for f in app if f.getRoleName() == 'frame'), None))
            wait_for('the document', lambda: 'Christchurch' in frame.name)

            # A new event, selected in the list and open in the editor.
            frame_action(frame, 'win.new-event')
            title = wait_for('the Title field', lambda: find(frame, 'text', 'Title'))

            x, y = screen_point(frame, title)
            xdotool('mousemove', str(x), str(y), 'click', '1')
            xdotool('key', 'ctrl+a')
            xdotool('type', '--delay', '20', TITLE)
            xdotool('key', 'Return')

            # Two participants, each a new actor created in place.
            name_field = wait_for('the new actor field', lambda: find(frame, 'text', 'New Actor’s Name'))
            create = wait_for('the create button', lambda: find(frame, 'push button', 'Create Actor and Add as Participant'))
            for name in NAMES:
                name_field.queryEditableText().setTextContents(name)
                click(create)
                wait_for(f'{name} among the participants',
                         lambda: find(frame, 'push button', f'Remove {name}') is not None)

            # The title bar says the document is modified, then Ctrl+S saves it.
            wait_for('the unsaved marker', lambda: frame.name.startswith('•'))
            xdotool('key', 'ctrl+s')
            wait_for('the saved title', lambda: not frame.name.startswith('•'))

            saved = json.load(open(document, encoding='utf-8'))
            events = [e for e in saved['events'] if e['title'] == TITLE]
            assert len(events) == 1, f'expected one event titled {TITLE!r}, found {len(events)}'
            actors = {a['id']: a for a in saved['actors']}
            names = sorted(actors[p]['name'] for p in events[0]['participants'])
            assert names == sorted(NAMES), f'participants {names}'
            assert len(saved['events']) == len(before['events']) + 1
            assert len(saved['actors']) == len(before['actors']) + 2
            # Nothing else changed.
            others = [e for e in saved['events'] if e['title'] != TITLE]
            assert others == before['events'], 'other events changed'

    try:
        return run_case('add-event', app_process, case)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
