#!/bin/bash
# Runs a command on a private Xvfb display that Xvfb picks itself, so tests
# can run in parallel without colliding (TESTING.md), then stops it.
# Exits 77 (meson's "skipped") when Xvfb is not installed.
set -u
command -v Xvfb >/dev/null || { echo "Xvfb is not installed" >&2; exit 77; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/ties-xvfb.XXXXXX")
Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$dir"' EXIT

for _ in $(seq 100); do
  [ -s "$dir/display" ] && break
  sleep 0.05
done
if [ ! -s "$dir/display" ]; then
  echo "Xvfb did not start:" >&2
  cat "$dir/log" >&2
  exit 1
fi

export DISPLAY=":$(head -n 1 "$dir/display")"
"$@"
