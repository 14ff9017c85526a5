#!/bin/bash
# timeline.sh: times a frame of the timeline strip on 10,000 events beside
# a frame of the diagram of the same document; the strip must draw within
# a 60 Hz frame (16 ms).
#
# Usage: tests/bench/timeline.sh [BUILD_DIR] [N_EVENTS]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
n=${2:-10000}
bench="$build/tests/bench/timeline-bench"
budget=16

[ -x "$bench" ] || { echo "timeline.sh: $bench is missing: ninja -C $build tests/bench/timeline-bench" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-timeline.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$here/generate.py" "$n" "$tmp/doc.ties.json"
out=$("$bench" --runs 7 --width 1600 --height 300 "$tmp/doc.ties.json")

value () { sed -n "s/^$1=//p" <<<"$out"; }

echo "Timeline strip, 1600 x 300 px, $(value events) dated events of $n (best of 7 draws, milliseconds)"
echo "lanes: $(value lanes_actor) by actor, $(value lanes_kind) by kind; layout once per edit:" \
     "$(value build_actor) ms by actor, $(value build_kind) ms by kind"
printf "%-38s %9s %9s\n" case strip diagram
status=0
for c in timeline_actor timeline_kind timeline_kind_zoom; do
  t=$(value $c)
  mark=ok
  if awk -v a="$t" -v b="$budget" 'BEGIN { exit !(a > b) }'; then mark=FAIL; status=1; fi
  case $c in
    timeline_actor) label="lanes by actor, whole span" ;;
    timeline_kind) label="lanes by kind, whole span (all in view)" ;;
    timeline_kind_zoom) label="lanes by kind, a tenth of the span" ;;
  esac
  printf "%-38s %9s %9s  %s\n" "$label" "$t" "$(value diagram)" "$mark"
done
echo "diagram: the same document's scene drawn at 1600 x 900; goal: every strip under $budget ms (one 60 Hz frame)"
exit $status
