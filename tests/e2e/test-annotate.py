#!/usr/bin/python3
# End to end, as a person annotating coverage: a new document, an article
# of our own pasted with Ctrl+V, two actors made from its words, a proposal
# accepted, a second event made from a selection, Save As, and the saved
# evidence checked against the saved text. Run by run-e2e.sh.
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

from atspi_util import run_case, wait_for, find, find_app

TIES = os.environ['TIES_BINARY']
HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE = os.path.join(HERE, 'harbour-article.txt')
TITLE = 'Harbour deal took shape over three weeks of calls'
ACTORS = ['Aroha Ngata', 'Tomás Ruiz', 'Mele Tupou']
PASSAGE = 'Union secretary Mele Tupou wrote to Ruiz on May 12'


def xdotool(*args):
    subprocess.run(['xdotool', *args], check=True)


def click(acc):
    actions = acc.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == 'click':
            return actions.doAction(i)
    raise AssertionError(f'{acc.name} cannot be clicked')


def screen_point(acc):
    # GTK 4.8 reports extents relative to the window, at 0,0 without a
    # window manager.
    box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return box.x + box.width // 2, box.y + box.height // 2


def code_points(text, words):
    """Where @words start and end in @text, in code points."""
    start = text.index(words)
    return start, start + len(words)


def select_in_reader(reader, text, words):
    start, end = code_points(text, words)
    accessible_text = reader.queryText()
    try:
        # GTK 4.8 adds a selection only where there is none: the caret
        # moved first clears the last one.
        accessible_text.setCaretOffset(start)
        accessible_text.addSelection(start, end)
    except Exception:
        # GTK 4.8 selects, then answers AddSelection with the wrong type
        # ('(i)' for '(b)'): the selection below is what counts.
        pass
    wait_for(f'“{words}” selected', lambda: reader.queryText().getSelection(0)[:2] == (start, end))


def main():
    work = tempfile.mkdtemp()
    saved_path = os.path.join(work, 'harbour.ties.json')
    article = open(ARTICLE, encoding='utf-8').read()

    # What a person copies from their browser or editor.
    clip = subprocess.Popen(['xclip', '-selection', 'clipboard', '-i', ARTICLE])
    clip.wait(10)
    app_process = subprocess.Popen([TIES])

    def case():
            app = wait_for('the app on the accessibility bus', find_app)
            frame = wait_for('the window', lambda: next((f for f in app if f.getRoleName() == 'frame'), None))
            empty = wait_for('the empty window', lambda: find(frame, 'label', 'No Events Yet'))

            # Ctrl+V in the empty window reads the article in.
            x, y = screen_point(empty)
            xdotool('mousemove', str(x), str(y), 'click', '1')
            xdotool('key', 'ctrl+v')
            wait_for('the document named after the article', lambda: TITLE in frame.name)
            reader = wait_for('the reader', lambda: find(frame, 'text', 'Article text'))
            text = wait_for('the article in the reader', lambda: reader.queryText().getText(0, -1))
            assert text.startswith(TITLE), text[:80]

            # Actors from their names in the text (Shift+Ctrl+R).
            x, y = screen_point(reader)
            xdotool('mousemove', str(x), str(y), 'click', '1')
            for name in ACTORS:
                select_in_reader(reader, text, name)
                xdotool('key', 'shift+ctrl+r')
                # GTK 4.8 gives no entry's text over AT-SPI: the saved file
                # below says whether each actor was made.
                time.sleep(1)

            # The proposals now name them: accept the first.
            xdotool('key', 'Escape')
            sources_tab = wait_for('the Sources tab', lambda: find(frame, 'page tab', 'Sources'))
            x, y = screen_point(sources_tab)
            xdotool('mousemove', str(x), str(y), 'click', '1')
            accept = wait_for('a proposal to accept', lambda: find(frame, 'push button', 'Accept'), timeout=30)
            click(accept)
            wait_for('the unsaved marker', lambda: frame.name.startswith('•'))

            # A second event from a selected passage (Ctrl+E).
            x, y = screen_point(reader)
            xdotool('mousemove', str(x), str(y), 'click', '1')
            select_in_reader(reader, text, PASSAGE)
            xdotool('key', 'ctrl+e')
            time.sleep(1)

            # Save As, typing the path into the name field.
            xdotool('key', 'shift+ctrl+s')
            chooser = wait_for('the file chooser', lambda: next((w for w in app if w.name == 'Save the Document'), None))
            # The name field has the focus: typed over, as a person would.
            time.sleep(1)
            xdotool('key', 'ctrl+a')
            xdotool('type', '--delay', '10', saved_path)
            xdotool('key', 'Return')
            wait_for('the saved file', lambda: os.path.exists(saved_path))
            wait_for('the saved title', lambda: not frame.name.startswith('•'))

            saved = json.load(open(saved_path, encoding='utf-8'))
            assert len(saved['sources']) == 1, saved['sources']
            source = saved['sources'][0]
            assert source['title'] == TITLE
            assert source['text'].rstrip('\n') == article.rstrip('\n'), 'the source text is the pasted article'
            names = sorted(a['name'] for a in saved['actors'])
            assert names == sorted(ACTORS), names
            assert len(saved['events']) == 2, [e['title'] for e in saved['events']]
            ids = {a['id']: a['name'] for a in saved['actors']}
            for event in saved['events']:
                assert event['evidence'], f'{event["id"]} has no evidence'
                for item in event['evidence']:
                    sel = item['selector']
                    # Offsets are code points of the saved text.
                    assert source['text'][sel['start']:sel['end']] == sel['exact'], (event['id'], sel)
                    assert item['source'] == source['id']
            accepted, selected = saved['events']
            if PASSAGE not in selected['evidence'][0]['selector']['exact']:
                accepted, selected = selected, accepted
            assert selected['evidence'][0]['selector']['exact'] == PASSAGE, selected['evidence']
            assert len(accepted['participants']) >= 2, accepted
            assert all(p in ids for p in accepted['participants'] + selected['participants'])
            print(f'accepted: {accepted["id"]} {[ids[p] for p in accepted["participants"]]} '
                  f'“{accepted["evidence"][0]["selector"]["exact"]}”')
            print(f'selected: {selected["id"]} “{selected["evidence"][0]["selector"]["exact"]}”')

    try:
        return run_case('annotate', app_process, case)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
