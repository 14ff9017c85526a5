#!/usr/bin/python3
# End to end, as a person: open a copy of the sample in the real `ties`,
# click an event's Title, type " LOST" without pressing Enter, click the
# window's close button: the unsaved-changes dialog must appear; choose
# Save, and the file must hold the typed text. Then the same for Ctrl+S
# with the cursor still in the field, and Ctrl+Z in the field undoing the
# document's steps, one per burst of typing. Controls are found by their
# accessible names over AT-SPI; keys and clicks go through xdotool (X11).
# Run by run-e2e.sh.
import json
import os
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
EVENT = 'Ardern phones Tim Cook'
SCREENSHOTS = os.environ.get('TIES_E2E_SCREENSHOTS')


def toplevels(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def button(root, label):
    """A push button by its label: GTK 4.8 names a mnemonic button
    "_Save Save", so its label child is what a person reads."""
    queue = [root]
    while queue:
        acc = queue.pop(0)
        try:
            if acc.getRoleName() == 'push button' and (acc.name == label or acc.name.endswith(' ' + label)):
                return acc
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception:
            continue
    return None


def screen_point(acc):
    # GTK 4.8 reports extents relative to the window, which sits at 0,0
    # without a window manager.
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.x + box.width // 2, box.y + box.height // 2


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def click_at(acc):
    x, y = screen_point(acc)
    xdotool('mousemove', str(x), str(y), 'click', '1')


def screenshot(name):
    if SCREENSHOTS:
        subprocess.run(['import', '-window', 'root', os.path.join(SCREENSHOTS, name)])


def text_of(acc):
    text = acc.queryText()
    # GTK 4.8: getText (0, -1) is empty; ask for characterCount.
    return text.getText(0, text.characterCount)


def event_title(path):
    with open(path, encoding='utf-8') as f:
        saved = json.load(f)
    return next(e['title'] for e in saved['events'] if e['id'] == 'cook-call')


def open_and_type(work, document, typed):
    """Starts ties on document, selects the event, clicks Title and types."""
    # A data folder of its own: no drafts of other runs to restore.
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(work, 'data-' + os.path.basename(document)))
    process = subprocess.Popen([TIES, document], env=env)
    app = wait_for('the app on the accessibility bus', find_app)
    frame = wait_for('the window', lambda: next((f for f in toplevels(app) if f.getRoleName() == 'frame'), None))
    wait_for('the document', lambda: 'Christchurch' in frame.name)

    # Choose the event in the list as a person does: click its title.
    cell = wait_for('the event in the list', lambda: find(frame, 'label', EVENT))
    click_at(cell)
    title = wait_for('the Title field showing the event',
                     lambda: next((t for t in [find(frame, 'text', 'Title')]
                                   if t is not None and text_of(t) == EVENT), None))

    click_at(title)
    xdotool('key', 'End')
    xdotool('type', '--delay', '40', typed)
    wait_for('the typed text in the field', lambda: text_of(title) == EVENT + typed)
    return process, app, frame


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


def close_asks_and_saves(work):
    document = os.path.join(work, 'close.ties.json')
    shutil.copy(SAMPLE, document)
    process, app, frame = open_and_type(work, document, ' LOST')
    try:
        # No Enter: the title bar already says the document is modified.
        wait_for('the unsaved marker', lambda: frame.name.startswith('•'))

        close = wait_for('the close button', lambda: find(frame, 'push button', 'Close'))
        click_at(close)
        dialog = wait_for('the unsaved-changes dialog',
                          lambda: next((w for w in toplevels(app)
                                        if w.getRoleName() == 'dialog' and w.name == 'Save Changes?'), None))
        screenshot('ties-e2e-typing-dialog.png')
        assert event_title(document) == EVENT, 'the file changed before Save'

        assert button(dialog, 'Discard') is not None, 'no Discard in the dialog'
        save = wait_for('the Save button', lambda: button(dialog, 'Save'))
        click_at(save)
        wait_for('the app to save and close', lambda: process.poll() is not None, timeout=30)
        assert event_title(document) == EVENT + ' LOST', f'saved title {event_title(document)!r}'
    finally:
        stop(process)


def ctrl_s_saves(work):
    document = os.path.join(work, 'ctrl-s.ties.json')
    shutil.copy(SAMPLE, document)
    process, app, frame = open_and_type(work, document, ' KEPT')
    try:
        # Ctrl+S with the cursor still in the field.
        xdotool('key', 'ctrl+s')
        wait_for('the saved title', lambda: not frame.name.startswith('•') and event_title(document) != EVENT)
        screenshot('ties-e2e-typing-saved.png')
        assert event_title(document) == EVENT + ' KEPT', f'saved title {event_title(document)!r}'
    finally:
        stop(process)


def ctrl_z_undoes_bursts(work):
    document = os.path.join(work, 'undo.ties.json')
    shutil.copy(SAMPLE, document)
    process, app, frame = open_and_type(work, document, ' ONE')
    try:
        title = find(frame, 'text', 'Title')
        # A pause in typing, longer than the history's (one second), ends
        # a burst: this is the pause under test, not a wait for the app.
        time.sleep(1.5)
        xdotool('type', '--delay', '40', ' TWO')
        wait_for('the second burst', lambda: text_of(title) == EVENT + ' ONE TWO')

        # Ctrl+Z in the field undoes the document's steps, a burst each.
        xdotool('key', 'ctrl+z')
        wait_for('the second burst undone', lambda: text_of(title) == EVENT + ' ONE')
        assert frame.name.startswith('•'), 'unmodified after one undo'
        xdotool('key', 'ctrl+z')
        wait_for('both bursts undone', lambda: text_of(title) == EVENT and not frame.name.startswith('•'))
    finally:
        stop(process)


def main():
    work = tempfile.mkdtemp()
    passed = failed = 0
    try:
        for test in (close_asks_and_saves, ctrl_s_saves, ctrl_z_undoes_bursts):
            try:
                test(work)
                print(f'ok {test.__name__}')
                passed += 1
            except AssertionError as error:
                print(f'FAIL {test.__name__}: {error}')
                subprocess.run(['import', '-window', 'root',
                                os.path.join(tempfile.gettempdir(), f'ties-e2e-{test.__name__}-failure.png')])
                failed += 1
        print(f'{passed} passed, {failed} failed')
        return 0 if failed == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
