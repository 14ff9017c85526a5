#!/bin/bash
# interchange.sh: times each network and table export, and the measures of
# the actors table, against networkx doing the same in the same run.
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/interchange.sh [BUILD_DIR]   (needs python3-networkx)
# BUILD_DIR (default _build) must already hold src/ties; use a release
# build. Issue 13's goals: every export of a 10,000-event document in
# under a second, the whole command, loading included; the measures of
# 10,000 actors in under two. A missed goal is marked FAIL; with
# TIES_BENCH_STRICT=1 it also makes the script exit with status 1.
#
# Ties' times are the best of 3 runs, to the millisecond (bash's clock),
# with the smallest peak RSS of the 3 (GNU time). networkx's are timed
# inside Python, on the files Ties wrote in this run: reading them, and
# writing the graph it read back out in the same format. The measures'
# own time is the actors table's command less the ties table's (the same
# loading and network, without the measures). networkx's measures are
# its defaults (eigenvector with max_iter=1000, as Ties iterates), under
# `timeout 120`.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
ties="$build/src/ties"
python=/usr/bin/python3
timer=/usr/bin/time
runs=3
limit=120

for tool in "$ties" "$python" "$timer"; do
  if [ ! -x "$tool" ]; then
    echo "interchange.sh: $tool is missing (build first; /usr/bin/time is in the package 'time')" >&2
    exit 77
  fi
done
if ! "$python" -c 'import networkx' 2>/dev/null; then
  echo "interchange.sh: networkx is missing (apt-get install python3-networkx)" >&2
  exit 77
fi
command -v timeout >/dev/null || { echo "interchange.sh: timeout is missing (coreutils)" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-interchange.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# best CMD...: "seconds peak_kb cpu_seconds", the shortest wall time of
# $runs runs, the smallest peak RSS and the smallest processor time (user
# and system, all threads): on a machine others share, the wall time
# says what a user waits, the processor time what the work costs. The
# clock's decimal mark is the locale's.
best () {
  local best_t="" best_m="" best_c="" t m c start end
  for _ in $(seq $runs); do
    start=$EPOCHREALTIME
    "$timer" -f "%M %U %S" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
      echo "interchange.sh: failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
    end=$EPOCHREALTIME
    t=$(awk -v a="${start/,/.}" -v b="${end/,/.}" 'BEGIN { printf "%.3f", b - a }')
    read -r m c < <(tail -n 1 "$tmp/time" | awk '{ printf "%d %.2f\n", $1, $2 + $3 }')
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then best_t=$t; fi
    if [ -z "$best_m" ] || [ "$m" -lt "$best_m" ]; then best_m=$m; fi
    if [ -z "$best_c" ] || awk -v a="$c" -v b="$best_c" 'BEGIN { exit !(a < b) }'; then best_c=$c; fi
  done
  echo "$best_t $best_m $best_c"
}

missed=0
# mark SECONDS GOAL: "ok", or "FAIL" when SECONDS is not under GOAL (run
# in a subshell: the caller notes the FAIL)
mark () {
  if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; then
    echo ok
  else
    echo FAIL
  fi
}

# networkx reading FILE in FORMAT and writing it back: "read_s write_s".
# Debian 12's networkx (2.8) knows GEXF up to 1.2draft, whose elements
# 1.3 keeps: it reads the file with 1.2draft's namespaces.
networkx_io () {
  "$python" - "$1" "$2" "$tmp" <<'EOF'
import os, sys, time
import networkx as nx
fmt, path, tmp = sys.argv[1:4]
if fmt == 'gexf':
    try:
        start = time.perf_counter()
        g = nx.read_gexf(path, version='1.3')
    except nx.NetworkXError:
        text = open(path, encoding='utf-8').read()
        text = text.replace('"http://gexf.net/1.3/viz"', '"http://www.gexf.net/1.2draft/viz"')
        text = text.replace('"http://gexf.net/1.3"', '"http://www.gexf.net/1.2draft"')
        older = os.path.join(tmp, 'older.gexf')
        open(older, 'w', encoding='utf-8').write(text.replace('version="1.3"', 'version="1.2"'))
        start = time.perf_counter()
        g = nx.read_gexf(older, version='1.2draft')
    read = time.perf_counter() - start
    start = time.perf_counter()
    nx.write_gexf(g, os.path.join(tmp, 'nx.gexf'))
else:
    start = time.perf_counter()
    g = nx.read_graphml(path)
    read = time.perf_counter() - start
    start = time.perf_counter()
    nx.write_graphml(g, os.path.join(tmp, 'nx.graphml'))
print('%.3f %.3f' % (read, time.perf_counter() - start))
EOF
}

# networkx's measures of DOCUMENT's graph (as tests/check-measures.py
# builds it): the seconds, or "> 120" when they take longer.
networkx_measures () {
  local out
  if out=$(timeout $limit "$python" - "$1" <<'EOF'
import itertools, json, sys, time
import networkx as nx
from networkx.algorithms.community import louvain_communities
doc = json.load(open(sys.argv[1], encoding='utf-8'))
g = nx.Graph()
g.add_nodes_from(a['id'] for a in doc['actors'])
for event in doc['events']:
    for a, b in itertools.combinations(sorted(set(event.get('participants', []))), 2):
        w = g.edges[a, b]['weight'] + 1 if g.has_edge(a, b) else 1
        g.add_edge(a, b, weight=w)
start = time.perf_counter()
nx.degree_centrality(g)
nx.betweenness_centrality(g)
nx.closeness_centrality(g)
nx.eigenvector_centrality(g, max_iter=1000)
louvain_communities(g, weight='weight', seed=0)
print('%.3f' % (time.perf_counter() - start))
EOF
  ); then
    echo "$out"
  else
    echo "> $limit"
  fi
}

doc10k="$tmp/events-10000.ties.json"
doc50k="$tmp/events-50000.ties.json"
"$python" "$here/generate.py" 10000 "$doc10k"
"$python" "$here/generate.py" 50000 "$doc50k"

read -r load_t load_m load_c < <(best "$ties" --validate "$doc10k")

echo "Exports of a 10,000-event document (about 2,000 actors): best of $runs, seconds,"
echo "the whole command, loading included (--validate alone: ${load_t} s, ${load_c} s of processor, ${load_m} KB)"
echo "$(uptime | sed 's/.*load/load/')"
printf "%-22s %8s %8s %10s %5s   %12s %13s\n" export ties ties_cpu peak_kb goal nx_read_file nx_write_same
for spec in gexf gexf:events graphml csv:events csv:actors csv:ties cyjs jgf timelinejs dot; do
  format=${spec%%:*}
  option=()
  case "$spec" in
    gexf:events) option=(--gexf-edges=events) ;;
    csv:*) option=(--table "${spec#csv:}") ;;
  esac
  out="$tmp/out.$format"
  read -r t m c < <(best "$ties" --export "$out" "${option[@]}" "$doc10k")
  nx_read="-" nx_write="-"
  if [ "$spec" = gexf ] || [ "$spec" = graphml ]; then
    read -r nx_read nx_write < <(networkx_io "$format" "$out")
  fi
  goal=$(mark "$t" 1.0)
  [ "$goal" = ok ] || missed=1
  printf "%-22s %8s %8s %10s %5s   %12s %13s\n" "$spec" "$t" "$c" "$m" "$goal" "$nx_read" "$nx_write"
done
echo "Goal: every export under 1 s."
echo

echo "Measures of the actors table (degree, betweenness, closeness, eigenvector, Louvain)"
printf "%-8s %7s %10s %10s %9s %13s %5s   %11s\n" actors events actors_csv ties_csv measures measures_cpu goal networkx
for n in 10000 50000; do
  doc="$tmp/events-$n.ties.json"
  actors=$("$python" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["actors"]))' "$doc")
  read -r ta _ ca < <(best "$ties" --export "$tmp/a.csv" --table actors "$doc")
  read -r tt _ ct < <(best "$ties" --export "$tmp/t.csv" --table ties "$doc")
  tm=$(awk -v a="$ta" -v b="$tt" 'BEGIN { printf "%.3f", a - b }')
  cm=$(awk -v a="$ca" -v b="$ct" 'BEGIN { printf "%.2f", a - b }')
  goal="-"
  if [ "$n" -eq 50000 ]; then
    goal=$(mark "$tm" 2.0)
    [ "$goal" = ok ] || missed=1
  fi
  printf "%-8s %7s %10s %10s %9s %13s %5s   %11s\n" "$actors" "$n" "$ta" "$tt" "$tm" "$cm" "$goal" "$(networkx_measures "$doc")"
done
echo "Goal: the measures of 10,000 actors under 2 s (actors_csv less ties_csv; on"
echo "two processors, measures_cpu / 2 is about the wall time of an idle machine)."
echo "$(uptime | sed 's/.*load/load/')"

if [ "$missed" -ne 0 ] && [ "${TIES_BENCH_STRICT:-0}" = 1 ]; then
  exit 1
fi
