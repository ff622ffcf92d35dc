#!/usr/bin/env bash
# The built-in cast paths the planner reads (PG_TYPES and PG_CASTS in plan/plan_pg.c, written by
# tests/scripts/gen_pg_casts.py from PostgreSQL 15's catalog) are the live server's: the
# generator, run against the fixture server, must reproduce the committed section byte for
# byte, so the table cannot go stale. Then, for a sample of type pairs, the table's verdict
# (schemadrift diff: an ALTER ... TYPE for a path, a DROP COLUMN without one) agrees with what
# the server does with `ALTER COLUMN ... TYPE new USING col::new` on an empty table.
# Usage: cli_pg_casts.sh SCHEMADRIFT STATEFILE SOURCE_DIR [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
src_dir=${3:?usage: cli_pg_casts.sh SCHEMADRIFT STATEFILE SOURCE_DIR [NAME]}
cli_pg_init "$1" "$2" "${4:-cli.pg.casts}"
export PATH="$PGBIN:$PATH"

command -v python3 > /dev/null || die "python3 not found (Debian: apt-get install python3)"
command -v clang-format > /dev/null || die "clang-format not found (Debian: apt-get install clang-format)"
if python3 "$src_dir/tests/scripts/gen_pg_casts.py" check "$src_dir/plan/plan_pg.c" > "$work/check.out" 2>&1; then
  pass
else
  fail "the pg_cast tables of plan/plan_pg.c differ from the server's: $(head -c 3000 "$work/check.out")"
fi

# type pairs: FROM_TYPE|TO_TYPE; each becomes one column of table t
pairs=(
  "integer|date" "date|integer" "integer|bigint" "text|date" "integer|text" "boolean|date"
  "numeric(10,2)|integer" "integer[]|bigint[]" "integer[]|date[]" "integer|integer[]"
  "text|integer[]" "timestamp without time zone|time without time zone" "bytea|uuid"
  "uuid|bytea" "jsonb|integer" "inet|cidr" "money|numeric" "point|box" "bigint|money"
)
a_sql="CREATE TABLE t ("
b_sql="CREATE TABLE t ("
i=0
for p in "${pairs[@]}"; do
  [ $i -gt 0 ] && a_sql+=", " && b_sql+=", "
  a_sql+="c$i ${p%%|*}"
  b_sql+="c$i ${p#*|}"
  i=$((i + 1))
done
cli_pg_db a "$a_sql)"
cli_pg_db b "$b_sql)"
db_a=$(sd_pg_dbname "$cli_pg_name" a)
run "$bin" diff --no-preflight "$(cli_pg_src a)" "$(cli_pg_src b)"
expect_rc "diff" 0 || { cli_pg_finish; exit; }
i=0
for p in "${pairs[@]}"; do
  from=${p%%|*} to=${p#*|}
  if sd_psql -d "$db_a" -c "BEGIN; ALTER TABLE t ALTER COLUMN c$i TYPE $to USING c$i::$to; ROLLBACK" > /dev/null 2>&1; then
    server=path
  else
    server=none
  fi
  if grep -qE "^ALTER TABLE public\.t DROP COLUMN c$i;" "$work/out"; then
    ours=none
  elif grep -qE "^ALTER TABLE public\.t ALTER COLUMN c$i TYPE " "$work/out"; then
    ours=path
  else
    ours=missing
  fi
  if [ "$ours" = "$server" ]; then
    pass
  else
    fail "$from -> $to: the server says $server, the script does $ours"
  fi
  i=$((i + 1))
done
cli_pg_finish
