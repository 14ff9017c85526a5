#!/bin/bash
# layout.sh: the force layout against Graphviz's sfdp and neato
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/layout.sh [BUILD_DIR] [SIZES...]
# BUILD_DIR (default _build) must hold tests/bench/layout-bench; this script
# builds nothing. For each size N (default 50 500 2000 10000) it generates
# a graph (gen-graph.py: N actors, about five ties each), then times Ties'
# force layout, `sfdp -Tdot` and (up to 2,000 nodes) `neato -Tdot`, best of
# 3 runs, and measures each drawing: normalised stress over 20,000 sampled
# pairs, and edge crossings while there are at most 3,000 edges.
# Goals: Ties no slower than sfdp at every size, and its stress no worse
# than sfdp's up to 2,000 nodes. A missed goal is marked FAIL; with
# TIES_BENCH_STRICT=1 it also makes the script exit with status 1. A
# stress above neato's is marked stress>neato.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 500 2000 10000)

bench="$build/tests/bench/layout-bench"
python=/usr/bin/python3
runs=3

for tool in "$bench" "$python"; do
  if [ ! -x "$tool" ]; then
    echo "layout.sh: $tool is missing (build first)" >&2
    exit 77
  fi
done
have_graphviz=1
command -v sfdp >/dev/null && command -v neato >/dev/null || have_graphviz=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-layout-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# best_time OUT CMD...: best wall time of $runs runs of CMD (stdout to OUT)
best_time () {
  local out=$1 best="" start end t
  shift
  for _ in $(seq $runs); do
    start=$(date +%s.%N)
    "$@" >"$out" 2>"$tmp/err" || { echo "layout.sh: failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
  done
  echo "$best"
}

# dot_positions N DOT: one "x y" line per node n0…n(N-1), from pos="x,y"
dot_positions () {
  "$python" - "$1" "$2" <<'PY'
import re, sys
n = int(sys.argv[1])
text = open(sys.argv[2]).read().replace("\\\n", "")
pos = [None] * n
for m in re.finditer(r'\bn(\d+)\s*\[[^\]]*?\bpos="([-\d.e+]+),([-\d.e+]+)!?"', text):
    pos[int(m.group(1))] = (m.group(2), m.group(3))
if not all(pos):
    sys.exit("layout.sh: positions missing in " + sys.argv[2])
print("\n".join("%s %s" % p for p in pos))
PY
}

# metric KEY LINE: the value of KEY= in LINE
metric () {
  sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"
}

missed=0
rows=()

for n in "${sizes[@]}"; do
  g="$tmp/g$n"
  "$python" "$here/gen-graph.py" "$n" "$g"

  # Ties: in-process time (the layout alone, best of 3), and whole-process
  # wall time, which like Graphviz's includes reading the graph.
  line=$("$bench" --runs $runs "$g.edges" "$tmp/ties$n.pos")
  ties_t=$(metric time "$line")
  ties_wall=$(best_time /dev/null "$bench" "$g.edges" "$tmp/ties$n.pos")
  m=$("$bench" --metrics "$g.edges" "$tmp/ties$n.pos")
  ties_s=$(metric stress "$m"); ties_x=$(metric crossings "$m")

  sfdp_t=-; sfdp_s=-; sfdp_x=-; neato_t=-; neato_s=-; neato_x=-
  if [ $have_graphviz = 1 ]; then
    sfdp_t=$(best_time "$tmp/sfdp$n.dot" sfdp -Tdot "$g.dot")
    dot_positions "$n" "$tmp/sfdp$n.dot" >"$tmp/sfdp$n.pos"
    m=$("$bench" --metrics "$g.edges" "$tmp/sfdp$n.pos")
    sfdp_s=$(metric stress "$m"); sfdp_x=$(metric crossings "$m")

    if [ "$n" -le 2000 ]; then
      neato_t=$(best_time "$tmp/neato$n.dot" neato -Tdot "$g.dot")
      dot_positions "$n" "$tmp/neato$n.dot" >"$tmp/neato$n.pos"
      m=$("$bench" --metrics "$g.edges" "$tmp/neato$n.pos")
      neato_s=$(metric stress "$m"); neato_x=$(metric crossings "$m")
    fi
  fi

  verdict=ok
  if [ "$sfdp_t" != - ]; then
    if awk -v a="$ties_wall" -v b="$sfdp_t" 'BEGIN { exit !(a > b) }'; then verdict="FAIL(time)"; fi
    if [ "$n" -le 2000 ] && awk -v a="$ties_s" -v b="$sfdp_s" 'BEGIN { exit !(a > b) }'; then verdict="FAIL(stress)"; fi
  fi
  [ "$verdict" = ok ] || missed=1
  # Issue 11's goal, not yet met everywhere (and so not a FAIL): the
  # stress of neato, which is stress majorisation itself.
  if [ "$neato_s" != - ] && awk -v a="$ties_s" -v b="$neato_s" 'BEGIN { exit !(a > b) }'; then
    verdict="$verdict, stress>neato"
  fi

  rows+=("$(printf '%6s | %6s %6s %6s %6s | %6s %6s %6s | %8s %8s %8s | %s' \
    "$n" "$ties_t" "$ties_wall" "$sfdp_t" "$neato_t" "$ties_s" "$sfdp_s" "$neato_s" \
    "$ties_x" "$sfdp_x" "$neato_x" "$verdict")")
done

echo
echo "Force layout: seconds (Ties in-process / whole process), normalised stress, crossings"
echo "Goals: Ties' process time <= sfdp's; stress <= sfdp's up to 2,000 nodes"
echo "       (and, not yet met everywhere, stress <= neato's: marked stress>neato)"
printf '%6s | %6s %6s %6s %6s | %6s %6s %6s | %8s %8s %8s | %s\n' \
  N ties ties-p sfdp neato ties sfdp neato ties sfdp neato goal
printf '%s\n' "${rows[@]}"

# ---------------------------------------------------------------------
# RENDER TIMING (not yet): Ties' PNG and SVG of given positions against
# `neato -n2 -Tpng` / `-Tsvg` on the same positions. The renderer and
# `ties --export` are being written; once `$build/src/ties --export` can
# draw a document with stored positions, time it here, e.g.
#   best_time /dev/null "$build/src/ties" --export "$tmp/g$n.png" DOC
#   best_time /dev/null neato -n2 -Tpng -o "$tmp/g$n-gv.png" POSITIONED.dot
# Until then render timing is skipped.
# ---------------------------------------------------------------------
echo
echo "Render timing: tests/bench/render.sh"

if [ $missed = 1 ] && [ "${TIES_BENCH_STRICT:-0}" = 1 ]; then
  exit 1
fi
