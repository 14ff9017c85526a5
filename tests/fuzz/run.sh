#!/usr/bin/env bash
# run.sh BUILDDIR SECONDS [NAME…]: runs each libFuzzer harness (document,
# date, article, network; or the NAMEs given) for SECONDS on a copy of its seeds, prints
# executions and findings, and exits non-zero on any finding (crash, leak,
# timeout, out of memory).
#
# BUILDDIR is a clang build: CC=clang meson setup BUILDDIR -Dfuzzing=true
# -Db_sanitize=address,undefined -Db_lundef=false. The committed corpora
# stay small: what a run learns stays in its temporary folder, removed
# unless something was found. A finding goes, minimised
# (FUZZER -minimize_crash=1 -runs=10000 FILE), into regressions/NAME/,
# which `meson test fuzz-replay` replays in every build.
set -uo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BUILDDIR SECONDS [NAME…]" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
builddir=$1
seconds=$2
shift 2
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(document date article network)

work=$(mktemp -d "${TMPDIR:-/tmp}/ties-fuzz.XXXXXX")

# GLib's slice allocator would hide overruns from ASan; fontconfig's
# cache is no leak of ours (tests/lsan.supp).
export G_SLICE=always-malloc
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/tests/lsan.supp:print_suppressions=0}

seed () {
  local name=$1 corpus=$2
  case "$name" in
    document)
      cp "$here"/corpus/document/* "$corpus"/
      find "$top/tests/data" "$top/data/samples" -name '*.ties.json' -exec cp {} "$corpus"/ \;
      ;;
    *)
      cp "$here/corpus/$name"/* "$corpus"/
      ;;
  esac
  # What crashed once is where to look again.
  find "$here/regressions/$name" -type f ! -name '.*' -exec cp {} "$corpus"/ \;
}

failed=0
summary=()
for name in "${names[@]}"; do
  fuzzer=$builddir/tests/fuzz/fuzz-$name
  if [ ! -x "$fuzzer" ]; then
    echo "$fuzzer is not built (ninja -C $builddir tests/fuzz/fuzz-$name)" >&2
    failed=1
    summary+=("$name: not built")
    continue
  fi

  corpus=$work/$name/corpus
  artifacts=$work/$name/findings
  log=$work/$name/log
  mkdir -p "$corpus" "$artifacts"
  seed "$name" "$corpus"
  n_seeds=$(find "$corpus" -type f | wc -l)

  echo "== fuzz-$name: ${seconds} s from $n_seeds seeds; log: $log"
  "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/$name.dict" -artifact_prefix="$artifacts/" "$corpus" >"$log" 2>&1
  status=$?

  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1)
  n_corpus=$(find "$corpus" -type f | wc -l)
  mapfile -t findings < <(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | sort)

  line="$name: ${executions:-?} executions, ${rate:-?} exec/s, ${coverage:-no coverage}, corpus $n_seeds → $n_corpus, peak ${peak:-?} MB, ${#findings[@]} findings"
  if [ "$status" != 0 ] || [ ${#findings[@]} -gt 0 ]; then
    failed=1
    line="$line (exit $status)"
    # The report: the sanitizer's or GLib's message and the stack.
    if ! grep -m 1 -B 5 -A 60 '==ERROR\|ERROR: libFuzzer\|CRITICAL\|ERROR:\|WARNING:\|runtime error\|deadly signal' "$log" | head -n 120; then
      tail -n 30 "$log"
    fi
    for finding in "${findings[@]}"; do
      echo "finding: $finding"
      echo "  minimise: $fuzzer -minimize_crash=1 -runs=10000 $finding"
      echo "  keep it:  cp MINIMISED $here/regressions/$name/"
    done
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "Fuzzing summary (${seconds} s each):"
printf '  %s\n' "${summary[@]}"

if [ "$failed" = 0 ]; then
  rm -rf "$work"
else
  echo "Findings and logs kept in $work"
fi
exit "$failed"
