#!/bin/bash
# render.sh: times drawing a placed diagram to PNG and SVG, Ties against
# Graphviz's `neato -n2` (which only draws, at the given positions).
#
# Usage: tests/bench/render.sh [BUILD_DIR] [SIZES...]   (needs graphviz)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 500 2000 10000)
ties="$build/src/ties"
runs=3

for tool in "$ties" /usr/bin/python3 neato; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install graphviz)" >&2; exit 77; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-render.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# best CMD...: the shortest wall time of $runs runs, in seconds, to the
# millisecond (bash's clock, read without starting a process; GNU time's
# %e rounds to hundredths, a fifth of the smallest runs). The clock's
# decimal mark is the locale's.
best () {
  local best_t="" t start end
  for _ in $(seq $runs); do
    start=$EPOCHREALTIME
    "$@" >/dev/null 2>&1 || { echo "render.sh: failed: $*" >&2; exit 1; }
    end=$EPOCHREALTIME
    t=$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then best_t=$t; fi
  done
  echo "$best_t"
}

# ratio A B: A / B to two decimals ("-" when B rounds to no time at all)
ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'
}

echo "Rendering placed diagrams (best of $runs, seconds; Ties includes loading the document)"
# ratio: Ties' time over neato's (under 1: Ties is faster)
printf "%7s %10s %10s %7s %10s %10s %7s\n" actors ties_png neato_png ratio ties_svg neato_svg ratio
for n in "${sizes[@]}"; do
  /usr/bin/python3 "$here/gen-positioned.py" "$n" "$tmp/g.ties.json" "$tmp/g.dot"
  size=$((n < 2000 ? 1600 : 2000))
  tp=$(best "$ties" --export "$tmp/t.png" --width $size --height $size "$tmp/g.ties.json")
  # The same pixels from both: Graphviz would otherwise draw at its
  # layout's own size, a much smaller image for small graphs.
  inches=$(awk -v s=$size 'BEGIN { printf "%.4f", s / 96 }')
  np=$(best neato -n2 -Tpng -Gdpi=96 -Gsize="$inches,$inches!" -o "$tmp/n.png" "$tmp/g.dot")
  ts=$(best "$ties" --export "$tmp/t.svg" --width $size --height $size "$tmp/g.ties.json")
  ns=$(best neato -n2 -Tsvg -Gdpi=96 -Gsize="$inches,$inches!" -o "$tmp/n.svg" "$tmp/g.dot")
  printf "%7d %10s %10s %7s %10s %10s %7s\n" "$n" "$tp" "$np" "$(ratio "$tp" "$np")" "$ts" "$ns" "$(ratio "$ts" "$ns")"
done
echo "Goal: Ties faster than neato -n2 at every size, for PNG and for SVG (same pixel size)."
