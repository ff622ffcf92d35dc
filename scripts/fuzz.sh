#!/usr/bin/env bash
# make fuzz: run each libFuzzer target for a bounded time on a scratch copy of its seed
# corpus (the committed corpus stays small). A crash fails the run and leaves the reproducer
# in fuzz-out/: add it to fuzz/corpus/<target>/ with the fix, so `make test` replays it.
set -euo pipefail
build=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
targets=$(sed -n 's/^set(SD_FUZZ_TARGETS \(.*\))$/\1/p' "$root/cmake/SdFuzz.cmake")
[ -n "$targets" ] || { echo "no fuzz targets listed in cmake/SdFuzz.cmake" >&2; exit 1; }
mkdir -p "$root/fuzz-out"
for t in $targets; do
  work=$(mktemp -d "${TMPDIR:-/tmp}/sd-fuzz-$t.XXXXXX")
  cp -R "$root/fuzz/corpus/$t/." "$work/"
  echo "fuzz_$t: ${seconds}s on a copy of fuzz/corpus/$t"
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
       -artifact_prefix="$root/fuzz-out/$t-" "$work" 2> "$root/fuzz-out/$t.log"; then
    tail -n 40 "$root/fuzz-out/$t.log"
    rm -rf "$work"
    echo "fuzz_$t FAILED: reproducer and log in fuzz-out/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$root/fuzz-out/$t.log" || true
  rm -rf "$work"
done
