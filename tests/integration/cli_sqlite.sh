#!/usr/bin/env bash
# CLI behaviour on SQLite sources and snapshots: documented exit codes (0 no drift,
# 1 drift, 2 error), errors that name the input, read-only access, and byte-identical
# output for the same schema built in different orders.
# Usage: cli_sqlite.sh SCHEMADRIFT FIXTURES_DIR
set -uo pipefail
bin=$1
fixtures=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

# expect NAME EXIT_CODE STDERR_SUBSTRING -- command...
expect() {
  local name=$1 code=$2 needle=$3
  shift 4
  "$@" > "$work/out" 2> "$work/err"
  local rc=$?
  if [ "$rc" -ne "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code; stderr: $(cat "$work/err")"
    failures=$((failures + 1))
  elif [ -n "$needle" ] && ! grep -qF -- "$needle" "$work/err"; then
    echo "FAIL $name: stderr lacks '$needle': $(cat "$work/err")"
    failures=$((failures + 1))
  else
    passes=$((passes + 1))
  fi
}

sqlite3 "$work/a.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'x');"
sqlite3 "$work/b.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, email TEXT);"
cp "$work/a.db" "$work/a-copy.db"
echo "this is not a database, just text that is long enough to have a header" > "$work/text.db"

expect version 0 "" -- "$bin" --version
expect help 0 "" -- "$bin" --help
expect help-check 0 "" -- "$bin" check --help
expect help-diff 0 "" -- "$bin" diff --help
expect help-inspect 0 "" -- "$bin" inspect --help
expect no-args 2 "" -- "$bin"
expect unknown-command 2 "frobnicate" -- "$bin" frobnicate
expect unknown-option 2 "--bogus" -- "$bin" check --bogus "$work/a.db" "$work/a.db"
expect no-drift 0 "" -- "$bin" check "$work/a.db" "$work/a-copy.db"
expect drift 1 "" -- "$bin" check "$work/a.db" "$work/b.db"
expect drift-json 1 "" -- "$bin" check --format json "$work/a.db" "$work/b.db"
expect bad-format 2 "xml" -- "$bin" check --format xml "$work/a.db" "$work/b.db"
expect diff-no-changes 0 "" -- "$bin" diff "$work/a.db" "$work/a-copy.db"
expect diff-changes 0 "" -- "$bin" diff "$work/a.db" "$work/b.db"
expect missing-file 2 "nope.db" -- "$bin" check "$work/nope.db" "$work/a.db"
[ -e "$work/nope.db" ] && { echo "FAIL missing-file: a database file was created"; failures=$((failures + 1)); }
expect sqlite-prefix 0 "" -- "$bin" check "sqlite:$work/a.db" "$work/a-copy.db"
expect not-a-database 2 "text.db" -- "$bin" inspect "$work/text.db"
expect unknown-source 2 "mystery.txt" -- "$bin" inspect "$work/mystery.txt"
expect missing-snapshot 2 "gone.yaml" -- "$bin" check "$work/gone.yaml" "$work/a.db"
expect inspect-out 0 "" -- "$bin" inspect "$work/a.db" -o "$work/a.yaml"
# Writing to a device must write through it, never replace it (root may run this).
expect inspect-devnull 0 "" -- "$bin" inspect "$work/a.db" -o /dev/null
[ -c /dev/null ] || { echo "FAIL inspect-devnull: /dev/null is no longer a device"; failures=$((failures + 1)); }
expect snapshot-vs-db 0 "" -- "$bin" check "$work/a.yaml" "$work/a.db"
expect pg-unreachable 2 "" -- "$bin" check "postgresql://u:sekrit@localhost:1/db" "$work/a.db"
grep -q sekrit "$work/err" && { echo "FAIL pg-unreachable: password echoed"; failures=$((failures + 1)); }

# A source of another engine: comparing it with a SQLite database is an error naming both.
expect wrong-engine 2 "postgresql" -- "$bin" check "$fixtures/engines/postgresql_empty.yaml" "$work/a.db"
expect wrong-engine-diff 2 "sqlite" -- "$bin" diff "$work/a.db" "$fixtures/engines/postgresql_empty.yaml"

# Read-only: inspect, diff and check never modify a database.
before=$(sha256sum "$work/a.db" "$work/b.db")
"$bin" inspect "$work/a.db" > /dev/null
"$bin" diff "$work/a.db" "$work/b.db" > /dev/null
"$bin" check "$work/a.db" "$work/b.db" > /dev/null
after=$(sha256sum "$work/a.db" "$work/b.db")
[ "$before" = "$after" ] || { echo "FAIL read-only: a database changed"; failures=$((failures + 1)); }
ls "$work"/*-journal "$work"/*-wal > /dev/null 2>&1 && { echo "FAIL read-only: journal left"; failures=$((failures + 1)); }

# Malformed snapshots: each fixture must be rejected with exit 2 and file:line:col.
for f in "$fixtures"/snapshots/*.yaml; do
  [ -e "$f" ] || continue
  expect "snapshot-$(basename "$f")" 2 "$(basename "$f"):" -- "$bin" check "$f" "$work/a.db"
done

# Determinism: the same schema created in a different order gives identical bytes.
sqlite3 "$work/o1.db" "CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT);
  CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id), w TEXT CHECK (w <> ''));
  CREATE INDEX c_w ON c (w); CREATE VIEW v AS SELECT * FROM c; CREATE INDEX p_v ON p (v DESC);"
sqlite3 "$work/o2.db" "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id), w TEXT CHECK (w <> ''));
  CREATE INDEX p_v_tmp ON c (w); DROP INDEX p_v_tmp; CREATE VIEW v AS SELECT * FROM c;
  CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX p_v ON p (v DESC); CREATE INDEX c_w ON c (w);"
"$bin" inspect "$work/o1.db" -o "$work/o1.yaml"
"$bin" inspect "$work/o2.db" -o "$work/o2.yaml"
cmp -s "$work/o1.yaml" "$work/o2.yaml" && passes=$((passes + 1)) ||
  { echo "FAIL order-independence: snapshots differ"; diff "$work/o1.yaml" "$work/o2.yaml"; failures=$((failures + 1)); }
"$bin" diff "$work/a.db" "$work/o1.db" > "$work/d1.sql"
"$bin" diff "$work/a.db" "$work/o2.db" > "$work/d2.sql"
cmp -s "$work/d1.sql" "$work/d2.sql" && passes=$((passes + 1)) ||
  { echo "FAIL order-independence: diff SQL differs"; failures=$((failures + 1)); }
LC_ALL=C "$bin" check --format json "$work/a.db" "$work/o1.db" > "$work/j1.json"
LC_ALL=C.UTF-8 "$bin" check --format json "$work/a.db" "$work/o1.db" > "$work/j2.json"
cmp -s "$work/j1.json" "$work/j2.json" && passes=$((passes + 1)) ||
  { echo "FAIL locale: JSON report differs between locales"; failures=$((failures + 1)); }

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
