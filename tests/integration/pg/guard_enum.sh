#!/usr/bin/env bash
# Enum values and renames against PostgreSQL itself (README: diff, Common options):
#  - removing an enum value that rows still hold is refused by diff's preflight, and (past
#    it, with --no-preflight) by the script's guard before
#    anything commits: psql fails with the guard's message (type, value, column, count) and
#    the database is unchanged, also when the script has an ADD VALUE transaction of its own
#    (the guard runs in it, before its COMMIT) and for a value held in an array column;
#  - an enum value replaced in place (same list, one value differs) is renamed: rows keep it;
#  - a rename hint naming a missing object is an error naming the hint (exit 2);
#  - without a hint, a dropped and an added column of one type are reported as a possible
#    rename by check (a note line) and diff (a comment).
# Usage: guard_enum.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.guard_enum}"

# ok MESSAGE COMMAND...: pass when COMMAND succeeds, else fail with MESSAGE (evaluated first).
ok() {
  local msg=$1
  shift
  if "$@"; then pass; else fail "$msg"; fi
}

not() { ! "$@"; }

# guard_case NAME EXPECTED_MESSAGE: diff A_NAME B_NAME, apply to A: must fail with the message
# and leave A's schema and rows as they were.
guard_case() {
  local name=$1 msg=$2 db
  db=$(sd_pg_dbname "$cli_pg_name" "${name}_a")
  # The preflight refuses first, naming the value; the script past it must refuse on its own.
  run "$bin" diff "$(cli_pg_src "${name}_a")" "$(cli_pg_src "${name}_b")"
  expect_rc "$name: preflight" 2 &&
    ok "$name: the preflight does not name the value: $(cat "$work/err")" \
      grep -qF "holding 'legacy' (the target removes that value from enum type public.level)" "$work/err"
  run "$bin" diff --no-preflight "$(cli_pg_src "${name}_a")" "$(cli_pg_src "${name}_b")"
  expect_rc "$name: diff" 0 || return
  cp "$work/out" "$work/$name.sql"
  grep -q '^DO ' "$work/$name.sql" || fail "$name: no DO guard in the script: $(cat "$work/$name.sql")"
  sd_pg_dump "$db" "$work/$name.before" || die "pg_dump of $db"
  sd_psql -d "$db" -At -c "SELECT * FROM t ORDER BY 1" > "$work/$name.rows.before" 2>&1
  if sd_psql -d "$db" -f "$work/$name.sql" > /dev/null 2> "$work/$name.err"; then
    fail "$name: the script ran although rows hold the removed value"
    return
  fi
  ok "$name: psql failed without the guard's message '$msg': $(cat "$work/$name.err")" \
    grep -qF "$msg" "$work/$name.err"
  sd_pg_dump "$db" "$work/$name.after" || die "pg_dump of $db"
  ok "$name: the database changed: $(diff "$work/$name.before" "$work/$name.after" | head -20)" \
    cmp -s "$work/$name.before" "$work/$name.after"
  sd_psql -d "$db" -At -c "SELECT * FROM t ORDER BY 1" > "$work/$name.rows.after" 2>&1
  ok "$name: rows changed" cmp -s "$work/$name.rows.before" "$work/$name.rows.after"
}

# 1. a scalar column holds the removed value in two rows.
cli_pg_db scalar_a "CREATE TYPE level AS ENUM ('low', 'mid', 'high', 'legacy');
  CREATE TABLE t (id int PRIMARY KEY, prio level NOT NULL DEFAULT 'mid');
  INSERT INTO t VALUES (1, 'legacy'), (2, 'low'), (3, 'legacy');"
cli_pg_db scalar_b "CREATE TYPE level AS ENUM ('low', 'mid', 'high');
  CREATE TABLE t (id int PRIMARY KEY, prio level NOT NULL DEFAULT 'mid');"
guard_case scalar "cannot remove value 'legacy' from enum type public.level: column public.t.prio holds it in 2 row(s)"

# 2. an array column holds it, and another enum gains a value: the ADD VALUE transaction
#    must not commit either (the guard runs in it).
cli_pg_db array_a "CREATE TYPE level AS ENUM ('low', 'mid', 'legacy');
  CREATE TYPE color AS ENUM ('red');
  CREATE TABLE t (id int PRIMARY KEY, hist level[], c color);
  INSERT INTO t VALUES (1, '{low,legacy}', 'red'), (2, NULL, NULL);"
cli_pg_db array_b "CREATE TYPE level AS ENUM ('low', 'mid');
  CREATE TYPE color AS ENUM ('red', 'blue');
  CREATE TABLE t (id int PRIMARY KEY, hist level[], c color);"
guard_case array "cannot remove value 'legacy' from enum type public.level: column public.t.hist holds it in 1 row(s)"
grep -q "ADD VALUE" "$work/array.sql" || fail "array: the script has no ADD VALUE transaction"

# 3. a value replaced in place is renamed, rows keep it.
cli_pg_db ren_a "CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
  CREATE TABLE t (id int PRIMARY KEY, m mood); INSERT INTO t VALUES (1, 'sad'), (2, 'ok');"
cli_pg_db ren_b "CREATE TYPE mood AS ENUM ('happy', 'unhappy', 'ok');
  CREATE TABLE t (id int PRIMARY KEY, m mood);"
run "$bin" diff "$(cli_pg_src ren_a)" "$(cli_pg_src ren_b)"
expect_rc "rename: diff" 0 &&
  ok "rename: no RENAME VALUE: $(cat "$work/out")" \
    grep -qF "ALTER TYPE public.mood RENAME VALUE 'sad' TO 'unhappy';" "$work/out"
sd_psql -d "$(sd_pg_dbname "$cli_pg_name" ren_a)" -f "$work/out" > /dev/null 2> "$work/ren.err" ||
  fail "rename: applying failed: $(cat "$work/ren.err")"
got=$(sd_psql -d "$(sd_pg_dbname "$cli_pg_name" ren_a)" -At -c "SELECT string_agg(m::text, ',' ORDER BY id) FROM t")
ok "rename: rows after the migration: $got" [ "$got" = "unhappy,ok" ]

# 4. a hint naming a missing object: exit 2, the message names the hint.
run "$bin" diff --rename table:public.nope=t "$(cli_pg_src ren_a)" "$(cli_pg_src ren_b)"
expect_rc "bad hint" 2 &&
  ok "bad hint: message: $(cat "$work/err")" grep -qF \
    'rename hint "table:public.nope=t": table public.nope does not exist in the first source' "$work/err"

# 5. possible rename without a hint.
cli_pg_db sug_a "CREATE TABLE t (id int PRIMARY KEY, full_name text); INSERT INTO t VALUES (1, 'a');"
cli_pg_db sug_b "CREATE TABLE t (id int PRIMARY KEY, name text);"
run "$bin" check "$(cli_pg_src sug_a)" "$(cli_pg_src sug_b)"
expect_rc "suggestion: check" 1 &&
  ok "suggestion: check output: $(cat "$work/out")" \
    grep -qx "note      possible rename: use --rename column:public.t.full_name=name" "$work/out"
run "$bin" diff "$(cli_pg_src sug_a)" "$(cli_pg_src sug_b)"
expect_rc "suggestion: diff" 0 &&
  ok "suggestion: diff output: $(cat "$work/out")" \
    grep -qx -- "-- possible rename: use --rename column:public.t.full_name=name" "$work/out"
run "$bin" diff --rename column:public.t.full_name=name "$(cli_pg_src sug_a)" "$(cli_pg_src sug_b)"
expect_rc "suggestion: hinted diff" 0 &&
  ok "suggestion: hinted diff: $(cat "$work/out")" \
    grep -qx "ALTER TABLE public.t RENAME COLUMN full_name TO name;" "$work/out" &&
  ok "suggestion: hinted diff still suggests: $(cat "$work/out")" \
    not grep -q "possible rename" "$work/out"

cli_pg_finish
