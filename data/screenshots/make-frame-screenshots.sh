#!/bin/bash
# The sample's frame series for slides, one PNG a month, as the command
# line draws it (no display needed):
#   data/screenshots/make-frame-screenshots.sh [BUILD_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)

rm -rf "$here/frames"
"$build/src/ties" --export "$here/frames" --frames month --width 1280 --height 720 \
  "$top/data/samples/christchurch-call.ties.json"
