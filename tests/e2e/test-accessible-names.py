#!/usr/bin/python3
# Every control a keyboard reaches has a name a person would say: walks
# the whole accessibility tree of the real `ties` over AT-SPI in each state
# (the sample open, an event selected, an actor selected, the sources and
# the reader, the export and preferences dialogs, the question on closing
# with unsaved changes) and fails on any focusable element shown with no
# name, a name with a mnemonic's underscore, a name said twice ("Save
# Save") or a class name ("GtkToggleButton"). Run by run-e2e.sh.
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from atspi_util import wait_for, find, find_app

TIES = os.environ['TIES_BINARY']
SAMPLE = os.path.join(os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..')),
                      'data', 'samples', 'christchurch-call.ties.json')


def name_problem(name):
    if not name or not name.strip():
        return 'no name'
    if re.search(r'(^|\s)_\w', name):
        return 'a mnemonic underscore'
    if re.match(r'^(Gtk|Adw|Ties)[A-Z]\w+$', name):
        return 'a class name'
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'said twice'
    return None


def shown(acc):
    # GTK 4.8 sets no "showing" state; what is not on screen has no size.
    try:
        box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return box.width > 0 and box.height > 0
    except NotImplementedError:
        return True


def path_of(acc):
    steps = []
    while acc is not None and acc.getRoleName() not in ('frame', 'dialog', 'application'):
        acc = acc.parent
        if acc is not None and acc.name:
            steps.append(acc.name)
    return ' < '.join(steps[:3])


def problems(root, state):
    found = []
    queue = [root]
    while queue:
        acc = queue.pop()
        try:
            if not shown(acc):
                continue
            if acc.getState().contains(pyatspi.STATE_FOCUSABLE):
                why = name_problem(acc.name)
                if why:
                    found.append(f'{state}: {acc.getRoleName()} “{acc.name}” has {why} (in {path_of(acc)})')
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception as error:  # an accessible gone while walking
            print(f'skipped one: {error}', file=sys.stderr)
    return found


def windows(app):
    return [w for w in app if w is not None and w.getRoleName() in ('frame', 'dialog', 'window')]


def check(app, state, found):
    time.sleep(1.0)
    for window in windows(app):
        found.extend(problems(window, state))


def click(acc):
    actions = acc.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) in ('click', 'activate', 'press'):
            return actions.doAction(i)
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    xdotool('mousemove', str(box.x + box.width // 2), str(box.y + box.height // 2), 'click', '1')


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def frame_action(frame, name):
    actions = frame.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == name:
            return actions.doAction(i)
    raise AssertionError(f'no action {name} on the window')


def main():
    work = tempfile.mkdtemp()
    document = os.path.join(work, 'sample.ties.json')
    shutil.copy(SAMPLE, document)
    found = []

    app_process = subprocess.Popen([TIES, document])
    try:
        app = wait_for('the app on the accessibility bus', find_app)
        frame = wait_for('the window', lambda: next((f for f in app if f.getRoleName() == 'frame'), None))
        wait_for('the document', lambda: 'Christchurch' in frame.name)
        check(app, 'the sample open', found)

        row = wait_for('an event row', lambda: find(frame, 'table row', 'Ardern phones Tim Cook'))
        click(row)
        wait_for('the event editor', lambda: find(frame, 'text', 'Title'))
        check(app, 'an event selected', found)

        click(wait_for('the Actors page', lambda: find(frame, 'toggle button', 'Actors')
                       or find(frame, 'page tab', 'Actors')))
        row = wait_for('an actor row', lambda: find(frame, 'table row', 'Tim Cook'))
        click(row)
        check(app, 'an actor selected', found)

        click(wait_for('the Sources page', lambda: find(frame, 'toggle button', 'Sources')
                       or find(frame, 'page tab', 'Sources')))
        check(app, 'the sources', found)

        click(wait_for('the Source page', lambda: find(frame, 'toggle button', 'Source')
                       or find(frame, 'page tab', 'Source')))
        check(app, 'the reader', found)

        button = wait_for('the Timeline button', lambda: find(frame, 'toggle button', 'Timeline')
                          or find(frame, 'push button', 'Timeline'))
        click(button)
        wait_for('the timeline', lambda: find(frame, 'image', 'Timeline'))
        check(app, 'the timeline shown', found)

        xdotool('mousemove', '640', '12', 'click', '1')
        xdotool('key', 'ctrl+comma')
        wait_for('the preferences', lambda: len(windows(app)) > 1)
        check(app, 'the preferences', found)
        xdotool('key', 'Escape')
        wait_for('the preferences closed', lambda: len(windows(app)) == 1)

        frame_action(frame, 'win.export')
        wait_for('the export dialog', lambda: len(windows(app)) > 1)
        check(app, 'the export dialog', found)
        xdotool('key', 'Escape')
        wait_for('the export dialog closed', lambda: len(windows(app)) == 1)

        # The document's own dialogs, the reader's text, the shortcuts
        # and the About window.
        for action, state in (('win.document-info', 'the document details'),
                              ('win.edit-kinds', 'the event kinds'),
                              ('win.edit-source-text', 'the source text'),
                              ('win.show-help-overlay', 'the keyboard shortcuts'),
                              (None, 'the about window')):
            if action is not None:
                frame_action(frame, action)
            else:
                # From the main menu, as a person finds it (F10).
                xdotool('key', 'F10')
                click(wait_for('About Ties in the menu', lambda: find(frame, 'menu item', 'About Ties')))
            wait_for(state, lambda: len(windows(app)) > 1)
            check(app, state, found)
            xdotool('key', 'Escape')
            wait_for(f'{state} closed', lambda: len(windows(app)) == 1)

        # Narrow: the list's page with the header's icons, then an
        # event's page with Back.
        window_id = subprocess.run(['xdotool', 'search', '--pid', str(app_process.pid), '--onlyvisible', '--name', 'Christchurch'],
                                   check=True, capture_output=True, text=True).stdout.split()[0]
        # Folded first: the wide layout's minimum is above 360 px.
        xdotool('windowsize', window_id, '800', '720')
        time.sleep(1.0)
        xdotool('windowsize', window_id, '360', '720')
        wait_for('the narrow window', lambda: frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS).width <= 370)
        click(wait_for('the Events page', lambda: find(frame, 'toggle button', 'Events')
                       or find(frame, 'page tab', 'Events')))
        check(app, 'the narrow list', found)
        row = wait_for('an event row', lambda: find(frame, 'table row', 'Ardern phones Tim Cook'))
        # A pointer's click: in a narrow window one click opens the row.
        box = row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        xdotool('mousemove', str(box.x + 20), str(box.y + box.height // 2), 'click', '1')
        wait_for('the event page', lambda: find(frame, 'push button', 'Back'))
        check(app, 'the narrow event page', found)
        xdotool('windowsize', window_id, '1200', '780')

        # An edit, then closing: the question names the document.
        frame_action(frame, 'win.new-event')
        wait_for('the new event', lambda: find(frame, 'text', 'Title'))
        xdotool('key', 'ctrl+w')
        wait_for('the question', lambda: len(windows(app)) > 1)
        check(app, 'the question on closing', found)
    finally:
        app_process.kill()
        app_process.wait()
        shutil.rmtree(work, ignore_errors=True)

    for line in found:
        print(line)
    if found:
        raise AssertionError(f'{len(found)} focusable elements without a proper name')
    print('every focusable element shown has a proper name')


if __name__ == '__main__':
    main()
