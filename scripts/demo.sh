#!/usr/bin/env bash
# make demo: build two SQLite databases from examples/ and run a real drift check between
# them, then print the SQL that turns the expected schema into the actual one... and back.
# Drift (exit 1) is the expected outcome; only an error (exit 2) fails the demo.
set -euo pipefail
bin=$1
dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
rm -f "$dir/expected.db" "$dir/actual.db"
sqlite3 -bail "$dir/expected.db" < "$root/examples/expected.sql"
sqlite3 -bail "$dir/actual.db" < "$root/examples/actual.sql"

echo "\$ schemadrift check $dir/expected.db $dir/actual.db"
set +e
"$bin" check "$dir/expected.db" "$dir/actual.db"
rc=$?
set -e
echo "(exit code $rc: 0 = no drift, 1 = drift found, 2 = error)"
if [ "$rc" -ne 1 ]; then
  echo "demo: expected the check to find drift (exit 1), got $rc" >&2
  exit 1
fi
echo
echo "\$ schemadrift diff $dir/actual.db $dir/expected.db   # SQL that brings actual back to expected"
"$bin" diff "$dir/actual.db" "$dir/expected.db"
