#!/usr/bin/env bash
# `schemadrift fill` on a SQLite source: the README's rehearsal steps work as written (the
# rows load with foreign keys on, without an error, parents before children, keys lining up),
# the output is byte-identical from run to run and between stdout and -o FILE, --rows and
# --seed do what they say, a row the schema refuses is skipped without failing the load, and
# bad options exit 2 naming the option.
# Usage: cli_fill.sh SCHEMADRIFT
set -uo pipefail
bin=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-clifill.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
bad() { echo "FAIL $*"; failures=$((failures + 1)); }

cat > "$work/schema.sql" <<'SQL'
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE,
                     kind TEXT NOT NULL CHECK (kind IN ('a', 'b')));
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id),
                    qty INTEGER CHECK (qty BETWEEN 1 AND 5));
CREATE TABLE never (id INTEGER PRIMARY KEY, n INTEGER CHECK (n < 0));
SQL
sqlite3 "$work/copy.db" < "$work/schema.sql"

"$bin" fill "$work/copy.db" --rows 4 > "$work/rows.sql" 2> "$work/err" || bad "fill exited $?: $(cat "$work/err")"
"$bin" fill "$work/copy.db" --rows 4 -o "$work/rows2.sql" || bad "fill -o exited $?"
cmp -s "$work/rows.sql" "$work/rows2.sql" || bad "stdout and -o FILE differ"
"$bin" fill "$work/copy.db" --rows 4 > "$work/rows3.sql" || bad "second fill exited $?"
cmp -s "$work/rows.sql" "$work/rows3.sql" || bad "two runs differ"
# Parents first, although "child" sorts before "parent".
order=$(grep -o 'INTO [a-z]*' "$work/rows.sql" | uniq | tr '\n' ' ')
[ "$order" = "INTO never INTO parent INTO child " ] || bad "tables filled in the order '$order'"

{ echo "PRAGMA foreign_keys=ON;"; cat "$work/rows.sql"; } | sqlite3 "$work/copy.db" 2> "$work/load.err"
[ -s "$work/load.err" ] && bad "loading the rows printed errors: $(cat "$work/load.err")"
counts=$(sqlite3 "$work/copy.db" "SELECT (SELECT count(*) FROM parent), (SELECT count(*) FROM child), (SELECT count(*) FROM never);")
# "never" cannot get a row (its CHECK wants n < 0): skipped, not an error.
[ "$counts" = "4|4|0" ] || bad "rows per table are '$counts', expected 4|4|0"
orphans=$(sqlite3 "$work/copy.db" "SELECT count(*) FROM pragma_foreign_key_check;")
[ "$orphans" = 0 ] || bad "$orphans rows break a foreign key"
kinds=$(sqlite3 "$work/copy.db" "SELECT group_concat(DISTINCT kind) FROM parent;")
[ "$kinds" = "a,b" ] || bad "kind takes '$kinds', expected the CHECK's values a,b"

# Defaults: three rows, numbered from 1; --seed moves the keys.
"$bin" fill "$work/copy.db" > "$work/d.sql" || bad "fill without options exited $?"
[ "$(grep -c '^INSERT' "$work/d.sql")" = 9 ] || bad "default is not 3 rows for each of 3 tables"
grep -q 'INTO parent (id, code, kind) VALUES (1, ' "$work/d.sql" || bad "default keys do not start at 1"
"$bin" fill "$work/copy.db" --seed 100 --rows 1 > "$work/s.sql" || bad "fill --seed exited $?"
grep -q 'INTO child (id, parent_id, qty) VALUES (101, 101, 1);' "$work/s.sql" ||
  bad "--seed 100: expected child row (101, 101, 1): $(cat "$work/s.sql")"

expect_error() { # NAME NEEDLE -- command...
  local name=$1 needle=$2
  shift 3
  "$@" > "$work/out" 2> "$work/err"
  local rc=$?
  [ "$rc" -eq 2 ] || bad "$name: exit $rc, expected 2"
  grep -qF -- "$needle" "$work/err" || bad "$name: stderr lacks '$needle': $(cat "$work/err")"
}
expect_error rows-zero '"--rows" needs a number' -- "$bin" fill "$work/copy.db" --rows 0
expect_error rows-text '"--rows" needs a number' -- "$bin" fill "$work/copy.db" --rows many
expect_error seed-negative '"--seed" needs a number' -- "$bin" fill "$work/copy.db" --seed -1
expect_error no-source 'needs SOURCE' -- "$bin" fill
expect_error missing-file 'nope.db' -- "$bin" fill "$work/nope.db"
"$bin" fill --help > "$work/help" || bad "fill --help exited $?"
grep -q -- '--rows N' "$work/help" || bad "fill --help does not list --rows"

[ "$failures" -eq 0 ] || exit 1
echo "ok"
