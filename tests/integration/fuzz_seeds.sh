#!/usr/bin/env bash
# The seeds of the fuzz targets that read snapshots (fuzz/corpus/diff, fuzz/corpus/snapshot)
# are snapshots meant to reach past the reader: a seed the reader refuses for its shape (a key
# a newer kind added, missing) only ever tests the reader's error path, and would do so
# silently. Each must read; a crafted seed may fail on a fingerprint alone (the targets read
# again without verifying them), nothing else. A seed broken on purpose says so on its first
# line, "# refused: MESSAGE", and must be refused with that message.
# Usage: fuzz_seeds.sh SCHEMADRIFT CORPUS_DIR
set -uo pipefail
bin=${1:?usage: fuzz_seeds.sh SCHEMADRIFT CORPUS_DIR}
dir=${2:?usage: fuzz_seeds.sh SCHEMADRIFT CORPUS_DIR}
failures=0
seeds=0
for seed in "$dir"/*.yaml; do
  [ -e "$seed" ] || continue
  seeds=$((seeds + 1))
  err=$("$bin" inspect "$seed" -o /dev/null 2>&1 >/dev/null)
  rc=$?
  # The first line without a pipe: under pipefail, `printf | head -1 | grep -q` fails at
  # random when head or grep exits before printf has written everything (SIGPIPE).
  line=${err%%$'\n'*}
  first=$(head -1 "$seed")
  if [ "${first#\# refused: }" != "$first" ]; then
    want=${first#\# refused: }
    if [ $rc -eq 0 ] || [[ $line != *"$want"* ]]; then
      echo "FAIL: $seed is not refused with \"$want\": exit $rc, $line"
      failures=$((failures + 1))
    fi
    continue
  fi
  if [ $rc -ne 0 ] && ! [[ $line =~ fingerprint\ of\ .*\ does\ not\ match\ its\ contents$ ]]; then
    echo "FAIL: $seed does not read: $line"
    echo "  (add what the reader asks for: tests/fixtures/engines/ has each engine's empty snapshot)"
    failures=$((failures + 1))
  fi
done
if [ $seeds -eq 0 ]; then
  echo "FAIL: no seeds in $dir"
  failures=1
fi
echo "fuzz seeds in $dir: $seeds, $failures that do not read as they should"
[ $failures -eq 0 ]
