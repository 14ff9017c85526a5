#!/usr/bin/python3
# End to end, as a person: type into the real `ties` without pressing
# Enter, wait for the draft, kill -9 the app, start it again, restore, and
# check that every edit is back; save, and the draft is gone. Then a
# document saved and closed leaves no draft, and a clean quit no mark; a
# document never saved restores as one, and a discard removes its draft;
# a draft of a file changed on disk since still restores, and says so.
# Run by run-e2e.sh; XDG_DATA_HOME is a folder of this test's own.
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

from atspi_util import wait_for, find

TIES = os.environ['TIES_BINARY']
SAMPLE = os.path.join(os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..')),
                      'data', 'samples', 'christchurch-call.ties.json')
# Where to leave pictures of the restore dialog, when asked.
SCREENSHOTS = os.environ.get('TIES_E2E_SCREENSHOTS')
TITLE = 'Ardern calls Pichai again'
PLACE = 'Hall Seven of the Test'
SECOND_TITLE = 'A call saved before closing'
UNTITLED_TITLE = 'A call in a new document'
THIRD_TITLE = 'A call drafted before another program wrote'
def find_button(root, text):
    """A push button by its label; GTK 4.8 names a mnemonic button
    "_Label Label"."""
    queue = [root]
    while queue:
        acc = queue.pop(0)
        try:
            if acc.getRoleName() == 'push button' and (acc.name == text or acc.name.endswith(' ' + text)):
                return acc
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception:
            continue
    return None


def find_label_containing(root, text):
    queue = [root]
    while queue:
        acc = queue.pop(0)
        try:
            if acc.getRoleName() == 'label' and text in acc.name:
                return acc
            queue.extend(acc.getChildAtIndex(i) for i in range(acc.childCount))
        except Exception:
            continue
    return None


def find_app(pid):
    for app in pyatspi.Registry.getDesktop(0):
        try:
            if app is not None and app.name == 'ties' and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def frames(app):
    return [f for f in app if f is not None and f.getRoleName() in ('frame', 'dialog', 'alert')]


def dump(root, depth=0):
    try:
        print('  ' * depth + f'{root.getRoleName()} {root.name!r}')
        for i in range(root.childCount):
            dump(root.getChildAtIndex(i), depth + 1)
    except Exception:
        pass


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


def screen_point(acc):
    # GTK 4.8 reports extents relative to the window, which sits at 0,0
    # without a window manager.
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.x + box.width // 2, box.y + box.height // 2


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def type_into(frame, name, text):
    """Clicks a field, selects what it holds and types, without Enter."""
    field = wait_for(f'the {name} field', lambda: find(frame, 'text', name))
    x, y = screen_point(field)
    xdotool('mousemove', str(x), str(y), 'click', '1')
    xdotool('key', 'ctrl+a')
    xdotool('type', '--delay', '20', text)


def screenshot(name):
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        subprocess.run(['import', '-window', 'root', os.path.join(SCREENSHOTS, name)])


class Drafts:
    def __init__(self, data_home):
        self.data_home = data_home

    def folder(self):
        # The app id is io.github.tiesapp.Ties, or .Devel for a development build.
        found = glob.glob(os.path.join(self.data_home, 'io.github.tiesapp.Ties*', 'drafts'))
        return found[0] if found else None

    def files(self):
        folder = self.folder()
        return sorted(glob.glob(os.path.join(folder, '*.ties-draft'))) if folder else []

    def holding(self, text):
        """The drafts whose bytes hold text."""
        result = []
        for path in self.files():
            try:
                with open(path, 'rb') as f:
                    if text.encode() in f.read():
                        result.append(path)
            except OSError:
                continue
        return result

    def mark(self):
        folder = self.folder()
        return folder is not None and os.path.exists(os.path.join(folder, 'running'))


def start(env, *args):
    process = subprocess.Popen([TIES, *args], env=env)
    app = wait_for('the app on the accessibility bus', lambda: find_app(process.pid))
    return process, app


def main():
    work = tempfile.mkdtemp()
    data_home = os.path.join(work, 'data')
    document = os.path.join(work, 'sample.ties.json')
    shutil.copy(SAMPLE, document)
    with open(document, 'rb') as f:
        original_bytes = f.read()
    before = json.loads(original_bytes)
    env = dict(os.environ, XDG_DATA_HOME=data_home)
    drafts = Drafts(data_home)
    processes = []
    passed = 0

    try:
        # 1. Type without Enter, wait for the draft, kill -9.
        process, app = start(env, document)
        processes.append(process)
        frame = wait_for('the window', lambda: next((f for f in frames(app) if 'Christchurch' in f.name), None))
        assert drafts.mark(), 'no clean-shutdown mark while running'
        assert drafts.files() == [], f'drafts before any edit: {drafts.files()}'

        frame_action(frame, 'win.new-event')
        type_into(frame, 'Title', TITLE)
        type_into(frame, 'Place', PLACE)
        wait_for('the unsaved marker', lambda: frame.name.startswith('•'))
        draft = wait_for('a draft holding the typed text',
                         lambda: [d for d in drafts.holding(TITLE) if PLACE.encode() in open(d, 'rb').read()],
                         timeout=30)
        assert len(drafts.files()) == 1, f'one window, one draft: {drafts.files()}'

        process.send_signal(signal.SIGKILL)
        process.wait(10)
        with open(document, 'rb') as f:
            assert f.read() == original_bytes, 'the document changed without a save'
        assert drafts.files() == draft, 'the draft did not survive the kill'
        assert drafts.mark(), 'the kill left no mark'
        passed += 1

        # 2. Start again: the restore dialog offers the draft.
        process, app = start(env)
        processes.append(process)
        restore_all = wait_for('the restore dialog',
                               lambda: find_button(app, 'Restore All'))
        dialog = next(f for f in frames(app) if find_button(f, 'Restore All') is not None)
        assert dialog.name == 'Restore Unsaved Changes?', f'the dialog is {dialog.name!r}'
        assert find(dialog, 'label', 'Ardern and the tech chiefs: the Christchurch Call') is not None, 'no row'
        assert find_button(dialog, 'Discard All') is not None, 'no Discard All'
        assert find_button(dialog, 'Discard') is not None, 'no Discard on the row'
        assert find_button(dialog, 'Restore') is not None, 'no Restore on the row'
        time.sleep(0.5)
        screenshot('restore-dialog.png')
        click(restore_all)

        frame = wait_for('the restored window',
                         lambda: next((f for f in frames(app)
                                       if f.name.startswith('•') and 'Christchurch' in f.name), None))
        # Unsaved until saved; Save writes to the original file.
        with open(document, 'rb') as f:
            assert f.read() == original_bytes, 'restoring wrote the document'
        frame_action(frame, 'win.save')
        wait_for('the saved title', lambda: not frame.name.startswith('•'))

        saved = json.load(open(document, encoding='utf-8'))
        events = [e for e in saved['events'] if e['title'] == TITLE]
        assert len(events) == 1, f'expected one event titled {TITLE!r}, found {len(events)}'
        assert events[0]['place'] == PLACE, f'place {events[0]["place"]!r}'
        assert len(saved['events']) == len(before['events']) + 1
        others = [e for e in saved['events'] if e['title'] != TITLE]
        assert others == before['events'], 'other events changed'
        wait_for('the draft removed by the save', lambda: drafts.files() == [])
        passed += 1

        # 3. An edit saved, then the window closed: no draft, and a clean
        # quit leaves no mark.
        frame_action(frame, 'win.new-event')
        type_into(frame, 'Title', SECOND_TITLE)
        wait_for('a draft of the second edit', lambda: drafts.holding(SECOND_TITLE), timeout=30)
        frame_action(frame, 'win.save')
        wait_for('the saved title', lambda: not frame.name.startswith('•'))
        wait_for('no draft after the save', lambda: drafts.files() == [])
        saved = json.load(open(document, encoding='utf-8'))
        assert [e for e in saved['events'] if e['title'] == SECOND_TITLE], 'the second edit was not saved'

        xdotool('key', 'ctrl+w')
        process.wait(30)
        assert process.returncode == 0, f'exit status {process.returncode}'
        assert drafts.files() == [], f'drafts after closing: {drafts.files()}'
        assert not drafts.mark(), 'a clean quit left the mark'
        passed += 1

        # 4. A document never saved: its draft restores as a new, unsaved
        # document, and discarding it on close removes the draft.
        process, app = start(env)
        processes.append(process)
        frame = wait_for('the empty window', lambda: next((f for f in frames(app) if f.name == 'New Document'), None))
        frame_action(frame, 'win.new-event')
        type_into(frame, 'Title', UNTITLED_TITLE)
        wait_for('a draft of the new document', lambda: drafts.holding(UNTITLED_TITLE), timeout=30)
        process.send_signal(signal.SIGKILL)
        process.wait(10)

        # Started on a file this time: the dialog comes over its window.
        process, app = start(env, document)
        processes.append(process)
        restore_all = wait_for('the restore dialog', lambda: find_button(app, 'Restore All'))
        click(restore_all)
        frame = wait_for('the restored new document',
                         lambda: next((f for f in frames(app) if f.name == '• New Document'), None))
        wait_for('the restored event', lambda: find(frame, 'label', UNTITLED_TITLE))
        assert len(drafts.holding(UNTITLED_TITLE)) == 1, 'the restored draft is not kept while unsaved'

        click(wait_for('the close button', lambda: find_button(frame, 'Close')))
        discard = wait_for('the close prompt', lambda: find_button(app, 'Discard'))
        click(discard)
        wait_for('the draft removed by the discard', lambda: drafts.files() == [])
        passed += 1

        # 5. The file changed on disk after the draft: it still restores,
        # and the window says so.
        frame = wait_for('the document window',
                         lambda: next((f for f in frames(app) if 'Christchurch' in f.name), None))
        frame_action(frame, 'win.new-event')
        type_into(frame, 'Title', THIRD_TITLE)
        wait_for('a draft of the third edit', lambda: drafts.holding(THIRD_TITLE), timeout=30)
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        changed = json.load(open(document, encoding='utf-8'))
        changed['title'] = 'Changed by another program'
        with open(document, 'w', encoding='utf-8') as f:
            json.dump(changed, f, indent=2)

        process, app = start(env)
        processes.append(process)
        dialog = wait_for('the restore dialog', lambda: find_button(app, 'Restore All'))
        assert wait_for('the note on the row', lambda: find_label_containing(app, 'the file has changed since')), \
            'the row does not say the file changed'
        click(dialog)
        frame = wait_for('the restored window',
                         lambda: next((f for f in frames(app)
                                       if f.name.startswith('•') and 'Christchurch' in f.name), None))
        wait_for('the changed-on-disk banner',
                 lambda: find_label_containing(frame, 'was changed by another program'))
        wait_for('the restored event', lambda: find(frame, 'label', THIRD_TITLE))
        screenshot('restored-changed-on-disk.png')
        with open(document, encoding='utf-8') as f:
            assert json.load(f)['title'] == 'Changed by another program', 'restoring wrote the file'
        passed += 1

        print(f'{passed} passed, 0 failed')
        return 0
    except AssertionError as error:
        print(f'FAIL: {error}')
        if os.environ.get('TIES_E2E_DUMP'):
            for process in processes:
                if process.poll() is None:
                    dump(find_app(process.pid))
        subprocess.run(['import', '-window', 'root', os.path.join(tempfile.gettempdir(), 'ties-e2e-crash-failure.png')])
        print(f'{passed} passed, 1 failed')
        return 1
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
