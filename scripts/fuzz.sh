#!/usr/bin/env bash
# make fuzz: run each libFuzzer target for a bounded time on a scratch copy of its seed
# corpus (so the committed corpus stays small); any crash fails the run and leaves the
# crashing input in the build directory to be added to fuzz/corpus/<target>/.
set -euo pipefail
build=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
for target in sqltok snapshot; do
  work="$build/fuzz-work/$target"
  rm -rf "$work" && mkdir -p "$work/corpus"
  cp "$root/fuzz/corpus/$target/"* "$work/corpus/"
  echo "fuzzing $target for ${seconds}s"
  (cd "$work" && "../../fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 corpus)
done
