#!/usr/bin/env bash
# CI: builds the libFuzzer harnesses with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs each for 60 seconds (TIES_FUZZ_SECONDS);
# any finding (crash, leak, timeout, out of memory) fails.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${TIES_FUZZ_SECONDS:-60}

if ! command -v clang >/dev/null; then
  echo "clang is missing: .ci/debian-packages lists clang and libclang-rt-14-dev" >&2
  exit 1
fi

# GTK is not needed by the harnesses, but the project's setup asks for it;
# the folder's name is one .gitignore already ignores.
if [ ! -d _build-fuzz ]; then
  CC=clang meson setup _build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
fi
# Only the fuzzers: the rest of the project is built and tested by the
# test command.
ninja -C _build-fuzz tests/fuzz/fuzz-document tests/fuzz/fuzz-date tests/fuzz/fuzz-article tests/fuzz/fuzz-network

tests/fuzz/run.sh _build-fuzz "$seconds"
