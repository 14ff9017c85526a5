#!/bin/bash
# run.sh: benchmark loading, saving and network derivation on generated documents
#
# Copyright 2026 The Ties authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/bench/run.sh [BUILD_DIR] [SIZES...]
# BUILD_DIR (default _build) must already hold src/ties and
# tests/bench/ties-bench; this script builds nothing.
# Times are the best of 3 runs; peak RSS is the smallest of the 3.
# A missed goal is marked FAIL in the table; with TIES_BENCH_STRICT=1 it
# also makes the script exit with status 1.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:-_build}" && pwd)
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)

ties="$build/src/ties"
bench="$build/tests/bench/ties-bench"
python=/usr/bin/python3
timer=/usr/bin/time
runs=3

for tool in "$ties" "$bench" "$python" "$timer"; do
  if [ ! -x "$tool" ]; then
    echo "run.sh: $tool is missing (build first; /usr/bin/time is in the package 'time')" >&2
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ties-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# best_of CMD...: prints "best_seconds smallest_peak_kb" over $runs runs
best_of () {
  local best_t="" best_m="" t m
  for _ in $(seq $runs); do
    "$timer" -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
      echo "run.sh: failed: $*" >&2; cat "$tmp/err" >&2; exit 1; }
    read -r t m < <(tail -n 1 "$tmp/time")
    if [ -z "$best_t" ] || awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then best_t=$t; fi
    if [ -z "$best_m" ] || [ "$m" -lt "$best_m" ]; then best_m=$m; fi
  done
  echo "$best_t $best_m"
}

missed=0
rows=()

# The process alone (the program and its libraries, GTK's among them):
# the memory goal is about what a document adds to it.
read -r _ base_kb < <(best_of "$ties" --version)

for n in "${sizes[@]}"; do
  file="$tmp/bench-$n.ties.json"
  "$python" "$here/generate.py" "$n" "$file"
  bytes=$(stat -c %s "$file")

  read -r ties_t ties_kb < <(best_of "$ties" --validate "$file")
  read -r py_t py_kb < <(best_of "$python" -c 'import json,sys; json.load(open(sys.argv[1]))' "$file")
  line=$("$bench" --runs $runs "$file")
  load=$(sed -n 's/.*load=\([^ ]*\).*/\1/p' <<<"$line")
  save=$(sed -n 's/.*save=\([^ ]*\).*/\1/p' <<<"$line")
  net=$(sed -n 's/.*network=\([^ ]*\).*/\1/p' <<<"$line")
  nties=$(sed -n 's/.* ties=\([^ ]*\).*/\1/p' <<<"$line")
  same=$(sed -n 's/.*same=\([^ ]*\).*/\1/p' <<<"$line")
  warn=$(sed -n 's/.*warnings=\([^ ]*\).*/\1/p' <<<"$line")
  orph=$(sed -n 's/.*orphaned=\([^ ]*\).*/\1/p' <<<"$line")

  row=$(awk -v n="$n" -v b="$bytes" -v tt="$ties_t" -v tk="$ties_kb" -v pt="$py_t" -v pk="$py_kb" -v base="$base_kb" \
            -v l="$load" -v s="$save" -v nt="$net" -v nties="$nties" -v same="$same" -v w="$warn" -v o="$orph" '
    BEGIN {
      mb = b / 1e6; ratio = (pt > 0) ? tt / pt : 0; mem = (tk - base) * 1024 / b
      ok_load = (ratio <= 2.5) ? "ok" : "FAIL"
      ok_save = (s < l) ? "ok" : "FAIL"
      ok_mem = (mem <= 12) ? "ok" : "FAIL"
      printf "%7d %8.2f %8.2f %8.1f %8.2f %8.1f %6.2f %-4s %8.3f %8.3f %-4s %8.3f %8d %6.2f %-4s %4s %s/%s\n",
             n, mb, tt, tk / 1024, pt, pk / 1024, ratio, ok_load, l, s, ok_save, nt, nties, mem, ok_mem, same, w, o
    }')
  rows+=("$row")
  missed=$((missed + $(grep -o FAIL <<<"$row" | wc -l || true)))
done

echo
echo "Ties document benchmark (best of $runs; RSS = peak resident set, MiB)"
echo "Goals: ties --validate <= 2.5x python json.load; save faster than load; peak RSS <= 12x file size"
echo
printf "%7s %8s %8s %8s %8s %8s %6s %-4s %8s %8s %-4s %8s %8s %6s %-4s %4s %s\n" \
  events MB tiesV_s tiesV_RSS py_s py_RSS ratio goal load_s save_s goal net_s ties +RSS/MB goal same warn/orph
for row in "${rows[@]}"; do echo "$row"; done
echo
echo "tiesV = whole-process 'ties --validate'; py = whole-process json.load;"
echo "load/save/net = in-process ties_document_load_from_file, ties_document_save_to_bytes,"
echo "ties_network_new + ties_network_get_ties (ties-bench); same = saved bytes equal the file;"
echo "warn/orph = load warnings / orphaned evidence (both should be 0);"
echo "+RSS/MB = peak RSS above that of 'ties --version' ($((base_kb / 1024)) MiB: the program and its"
echo "libraries), divided by the file's size."
echo "Goals missed: $missed"

if [ "$missed" -gt 0 ] && [ "${TIES_BENCH_STRICT:-0}" = 1 ]; then
  exit 1
fi
exit 0
