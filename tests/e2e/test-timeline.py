#!/usr/bin/python3
# End to end, as a person: in the real `ties` on the sample, reach the
# timeline strip with Tab, move between events with the arrow keys and
# read each one's title and date from the strip's accessible description;
# the selection follows in the event editor. Keys and clicks go through
# xdotool (X11), the strip is found and read over AT-SPI. Run by run-e2e.sh.
import os
import shutil
import subprocess
import sys
import tempfile

import pyatspi

from atspi_util import wait_for, find, find_app, run_case

TIES = os.environ['TIES_BINARY']
SAMPLE = os.path.join(os.environ.get('TIES_SOURCE_ROOT', os.path.join(os.path.dirname(__file__), '..', '..')),
                      'data', 'samples', 'christchurch-call.ties.json')
# The sample's first three events in time, as the strip names them.
FIRST = 'Cook and Ardern meet at dinner in Davos, 22–25 January 2019'
SECOND = "Ardern and ministers meet Microsoft's Brad Smith in Wellington, 15 March – 23 April 2019"


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def focused(acc):
    return acc.getState().contains(pyatspi.STATE_FOCUSED)


def main():
    work = tempfile.mkdtemp()
    document = os.path.join(work, 'sample.ties.json')
    shutil.copy(SAMPLE, document)

    app_process = subprocess.Popen([TIES, document])
    strip = None

    def case():
        nonlocal strip
        try:
            steps()
        except AssertionError as error:
            described = strip.description if strip is not None else None
            raise AssertionError(f'{error} (the strip describes {described!r})') from None

    def steps():
        nonlocal strip
        app = wait_for('the app on the accessibility bus', find_app)
        frame = wait_for('the window', lambda: next((f for f in app if f.getRoleName() == 'frame'), None))
        wait_for('the document', lambda: 'Christchurch' in frame.name)
        # Hidden at first: the Timeline button shows it.
        button = wait_for('the Timeline button', lambda: find(frame, 'toggle button', 'Timeline')
                        or find(frame, 'push button', 'Timeline'))
        actions = button.queryAction()
        actions.doAction(next(i for i in range(actions.nActions) if actions.getName(i) == 'click'))
        strip = wait_for('the timeline', lambda: find(frame, 'image', 'Timeline'))
        wait_for('the strip to describe its events', lambda: 'dated events' in strip.description)

        # Reachable by Tab: a click on the title bar gives the window the
        # keyboard (there is no window manager), then Tab goes through the
        # window until the strip has the focus.
        xdotool('mousemove', '640', '12', 'click', '1')
        for _ in range(120):
            if focused(strip):
                break
            xdotool('key', 'Tab')
        assert focused(strip), 'Tab never reached the timeline'

        # Right: the first event in time; Right again: the second.
        xdotool('key', 'Right')
        wait_for('the first event described', lambda: strip.description == FIRST)
        xdotool('key', 'Right')
        wait_for('the second event described', lambda: strip.description == SECOND)
        # The window's one selection: the editor shows the same event.
        wait_for('the event in the editor',
                 lambda: find(frame, 'text', 'Title') is not None
                 and 'Brad Smith' in find(frame, 'text', 'Title').queryText().getText(
                     0, find(frame, 'text', 'Title').queryText().characterCount))
        xdotool('key', 'Left')
        wait_for('back to the first event', lambda: strip.description == FIRST)

    try:
        return run_case('timeline', app_process, case)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
