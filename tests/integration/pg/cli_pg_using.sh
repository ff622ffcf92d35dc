#!/usr/bin/env bash
# Retypes with no cast path, and --using (README: diff, Retyping a column), against PostgreSQL:
#  - integer -> date has no cast: without --using, diff's preflight refuses while the column
#    holds values, naming the column and --using (exit 2); past it (--no-preflight) the
#    script's guard refuses before anything is changed, and the database is as it was; the
#    JSON plan marks the drop as losing data and the guard as no_cast;
#  - on an empty table the same script drops and adds the column, and check B A' is clean;
#  - --using t.d=EXPR (and schema.t.d=EXPR) converts: ALTER ... TYPE date USING (EXPR), the
#    rows' values converted, check B A' clean;
#  - a --using for a column that is not retyped, one that is not one expression, a malformed
#    one, and --using on SQLite are errors (exit 2) that print no SQL.
# Usage: cli_pg_using.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.using}"

not_grep() { ! grep -q "$@"; }

# ok MESSAGE COMMAND...: pass when COMMAND succeeds, else fail with MESSAGE (evaluated first).
ok() {
  local msg=$1
  shift
  if "$@"; then pass; else fail "$msg"; fi
}

from_sql="CREATE TABLE t (id integer PRIMARY KEY, d integer, note text);
CREATE INDEX t_d ON t (d);"
to_sql="CREATE TABLE t (id integer PRIMARY KEY, d date, note text);
CREATE INDEX t_d ON t (d);"
rows="INSERT INTO t VALUES (1, 20200101, 'a'), (2, NULL, 'b'), (3, 20231231, 'c');"
cli_pg_db a "$from_sql" "$rows"
cli_pg_db b "$to_sql"
cli_pg_db empty "$from_sql"
cli_pg_db q "$from_sql" "$rows"
cli_pg_db c "$from_sql"
db_a=$(sd_pg_dbname "$cli_pg_name" a)
db_q=$(sd_pg_dbname "$cli_pg_name" q)
A=$(cli_pg_src a)
B=$(cli_pg_src b)

state() { sd_psql -d "$1" -At -c "SELECT format_type(atttypid, atttypmod) FROM pg_attribute
  WHERE attrelid = 'public.t'::regclass AND attname = 'd'" -c "SELECT id, d, note FROM t ORDER BY id"; }

# ---- no cast path, rows hold values: refused --------------------------------------------------
run "$bin" diff "$A" "$B"
expect_rc "preflight" 2 &&
  ok "preflight message: $(cat "$work/err")" \
    grep -qF "column public.t.d has 2 non-NULL values (no cast converts integer to date" "$work/err" &&
  ok "preflight names --using: $(cat "$work/err")" grep -qF -- "--using t.d=EXPR" "$work/err" &&
  ok "preflight printed SQL" test ! -s "$work/out"

run "$bin" diff --no-preflight "$A" "$B"
expect_rc "diff --no-preflight" 0 && cp "$work/out" "$work/drop.sql"
ok "the script drops and adds d: $(cat "$work/drop.sql")" \
  grep -qE "^ALTER TABLE public\.t DROP COLUMN d;$" "$work/drop.sql"
ok "the drop is marked destructive" grep -qF -- "-- destructive: column public.t.d changes type from integer to date, which no cast converts" "$work/drop.sql"
state "$db_a" > "$work/before"
run sd_psql -d "$db_a" -f "$work/drop.sql"
expect_rc "the guard refuses" 3 &&
  ok "guard message: $(cat "$work/err")" \
    grep -qF "column public.t.d has 2 non-NULL values (no cast converts integer to date" "$work/err"
state "$db_a" > "$work/after"
ok "the refused script changed the database: $(diff "$work/before" "$work/after")" \
  cmp -s "$work/before" "$work/after"

run "$bin" diff --no-preflight --format json "$A" "$B"
expect_rc "diff --format json" 0 &&
  ok "JSON plan: no no_cast guard: $(cat "$work/out")" grep -qE '"guard": *"no_cast"' "$work/out" &&
  ok "JSON plan: the drop loses data" grep -qF "adds it again with the new type; its values are lost" "$work/out"

# ---- no cast path, empty table: dropped and added ---------------------------------------------
run "$bin" diff "$(cli_pg_src empty)" "$B"
expect_rc "diff empty" 0 && cp "$work/out" "$work/empty.sql"
run sd_psql -d "$(sd_pg_dbname "$cli_pg_name" empty)" -f "$work/empty.sql"
expect_rc "apply to the empty table" 0
run "$bin" check "$B" "$(cli_pg_src empty)"
expect_rc "check after the drop and add" 0

# ---- --using converts --------------------------------------------------------------------------
expr="to_date(d::text, 'YYYYMMDD')"
run "$bin" diff --using "t.d=$expr" "$A" "$B"
expect_rc "diff --using" 0 && cp "$work/out" "$work/using.sql"
ok "USING in the script: $(cat "$work/using.sql")" \
  grep -qF "ALTER TABLE public.t ALTER COLUMN d TYPE date USING (to_date(d::text, 'YYYYMMDD'));" "$work/using.sql"
ok "no DROP COLUMN with --using" not_grep "DROP COLUMN" "$work/using.sql"
run sd_psql -d "$db_a" -f "$work/using.sql"
expect_rc "apply --using" 0
printf 'date\n1|2020-01-01|a\n2||b\n3|2023-12-31|c\n' > "$work/want"
state "$db_a" > "$work/got"
ok "converted values: $(cat "$work/got")" cmp -s "$work/want" "$work/got"
run "$bin" check "$B" "$A"
expect_rc "check after --using" 0

run "$bin" diff --using "public.t.d=$expr" "$(cli_pg_src q)" "$B"
expect_rc "diff --using schema.table.column" 0 &&
  ok "schema-qualified --using" grep -qF "USING (to_date(" "$work/out"
cp "$work/out" "$work/q.sql"
run sd_psql -d "$db_q" -f "$work/q.sql"
expect_rc "apply schema-qualified --using" 0
state "$db_q" > "$work/got"
ok "converted values (schema.table.column): $(cat "$work/got")" cmp -s "$work/want" "$work/got"

# ---- errors -----------------------------------------------------------------------------------
run "$bin" diff --using "t.note=upper(note)" "$(cli_pg_src c)" "$B"
expect_rc "--using on a column not retyped" 2 &&
  ok "names the column: $(cat "$work/err")" grep -qF "column t.note, which the target does not retype" "$work/err" &&
  ok "no SQL printed" test ! -s "$work/out"
run "$bin" diff --using "t.d=1); DROP TABLE t; SELECT (1" "$(cli_pg_src c)" "$B"
expect_rc "--using that is not one expression" 2 &&
  ok "refused by the parser: $(cat "$work/err")" grep -qF "invalid --using expression" "$work/err" &&
  ok "no SQL printed" test ! -s "$work/out"
run "$bin" diff --using "t.d=NULL::date;" "$(cli_pg_src c)" "$B"
expect_rc "--using ending a statement" 2
run "$bin" diff --using "d=NULL" "$(cli_pg_src c)" "$B"
expect_rc "malformed --using" 2 &&
  ok "malformed --using: $(cat "$work/err")" grep -qF 'invalid --using "d=NULL"' "$work/err"

if command -v sqlite3 > /dev/null; then
  sqlite3 "$work/a.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, d INTEGER)"
  sqlite3 "$work/b.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, d TEXT)"
  run "$bin" diff --using "t.d=CAST(d AS TEXT)" "$work/a.db" "$work/b.db"
  expect_rc "--using on SQLite" 2 &&
    ok "SQLite refusal: $(cat "$work/err")" grep -qF -- "--using is not supported for sqlite" "$work/err"
else
  fail "sqlite3 not found (Debian: apt-get install sqlite3)"
fi
cli_pg_finish
