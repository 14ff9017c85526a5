#!/bin/bash
# typing.sh: what a keystroke in the editors costs on the generated
# 10,000-event document, in a real window on a private Xvfb
# (tests/bench/typing-bench.c types the characters and times them).
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/typing.sh [BUILD_DIR] [EVENTS]
# BUILD_DIR (default _build) must hold tests/bench/typing-bench and data/
# (compiled schemas). EVENTS (default 10000) sizes the generated document.
# Prints ms per keystroke for 20 characters typed into an event's title,
# place, tags and notes, an actor's name, role and notes, and how many
# diagram layouts the typing started.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
events=${2:-10000}
bench="$build/tests/bench/typing-bench"

[ -x "$bench" ] || { echo "typing.sh: $bench is missing (build first)" >&2; exit 77; }
command -v Xvfb >/dev/null || { echo "typing.sh: Xvfb is missing (apt-get install xvfb)" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-typing.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/data"
doc="$tmp/g$events.ties.json"
/usr/bin/python3 "$here/generate.py" "$events" "$doc" >/dev/null

export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GDK_BACKEND=x11 \
  ADW_DISABLE_PORTAL=1 GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 \
  XDG_DATA_HOME="$tmp/data"

for field in title_row place_row tags_row notes_view actor:name_row actor:role_row actor:notes_view; do
  "$here/../run-with-display.sh" "$bench" "$doc" 20 "$field"
done
